from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from frontloeber.core import charts

register = template.Library()


def _one_decimal(value):
    """Rounded half up to one decimal (Django's number_format cuts a float off instead: 2.67 → 2,6)."""
    return Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@register.simple_tag
def report_radar(report):
    """The report's practice means as a radar chart: the team (when shown), the leader, the superior."""
    series = []
    if report.shown:
        series.append({"key": "team", "values": [p.team for p in report.practices]})
    if report.has_leader:
        series.append({"key": "leader", "values": [p.leader for p in report.practices]})
    if report.has_superior:
        series.append({"key": "superior", "values": [p.superior for p in report.practices]})
    return charts.radar_svg(
        axes=[f"{p.practice.code} {p.practice.name}" for p in report.practices],
        series=series,
        title=_("The five practices on a scale from 1 to 5"),
        description=_("The same figures are in the table below the chart."),
    )


@register.simple_tag
def legend_swatch(key):
    return charts.legend_swatch(key)


@register.filter
def score(value):
    """A mean on the 1–5 scale with one decimal in the reader's language, or a dash."""
    if value is None:
        return "–"
    return formats.number_format(_one_decimal(value), 1)


@register.filter
def signed(value):
    """A difference with its sign (+0,6 / −0,4)."""
    if value is None:
        return "–"
    rounded = _one_decimal(value)
    text = formats.number_format(abs(rounded), 1)
    if rounded == 0:
        return text
    return ("+" if value > 0 else "−") + text


@register.filter
def wording(item, respondent):
    return item.wording(respondent)


@register.simple_tag
def share_bar(percent):
    """A small bar for a share of the answers (the count beside it carries the information)."""
    return format_html(
        '<svg class="fl-share" width="40" height="8" aria-hidden="true" focusable="false">'
        '<rect width="40" height="8" fill="#e6e6e6"/><rect width="{}" height="8" fill="#0059b3"/></svg>',
        round(40 * percent / 100),
    )


@register.filter
def scale_label(value):
    """``3`` → "3 (Neither)": a scale step with its words, for the phone's stacked tables."""
    from frontloeber.reflection.forms import scale_choices

    words = dict(scale_choices()).get(str(value), "")
    return f"{value} ({words})" if words else str(value)
