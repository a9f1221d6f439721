"""Reads of insights: the workplace's overview of the five practices, a leader group's figures side by side,
the organisation's table of its workplaces, and the practice guide.

Who reads what is decided where the page resolves its tenant (a member of the workplace, a leader of a
group's workplace, an organisation admin); the survey's figures beside the practices follow the survey's own
sharing rule (reflection.selectors.practice_views), read as the reader's audience.
"""

import statistics
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.actions.selectors import overdue_raised_barriers
from frontloeber.core.access import one_or_404
from frontloeber.core.charts import sparkline_svg
from frontloeber.experiments.models import Case
from frontloeber.organisations.models import LeaderGroup, LeaderGroupMember, Sector, Workplace
from frontloeber.reflection.models import Audience
from frontloeber.reflection.selectors import current_practices, practice_views, report_audience
from frontloeber.workshops.selectors import formats_by_practice

from .counting import Tally, Today, count_work
from .indicators import BY_KEY, HEADLINES, INDICATORS, PRACTICE_CODES, TABLE, TREND, of_practice
from .next_steps import next_step
from .periods import LONG_TREND_QUARTERS, Quarter, QuarterError, trend_quarters

ROWS_PER_PAGE = 25


@dataclass
class PracticeCard:
    code: str
    name: str
    headlines: list  # Readings
    readings: list  # every indicator of the practice
    trend: list  # (quarter, Reading) for the trend indicator, oldest first
    change: object  # the trend figure's change since the quarter before, or None
    change_text: str
    trend_label: str
    sparkline: str
    step: object  # NextStep
    survey: dict = field(default_factory=dict)  # {"team": mean, "leader": mean} when shown


@dataclass
class Overview:
    workplace: object
    quarter: Quarter
    quarters: list  # the trend's quarters, oldest first
    cards: list
    survey_round: object  # the round whose figures are beside the practices, if any
    first_step: object  # the most pressing next step
    computed_at: object
    threshold: int
    readings: dict  # {quarter: {indicator key: Reading}} over the trend's quarters


def _practice_names():
    names = {p.code: p.name for p in current_practices()}
    return {code: names.get(code, code) for code in PRACTICE_CODES}


def _readings(tally, today, threshold):
    return {indicator.key: indicator.reading(tally, today, threshold) for indicator in INDICATORS}


def workplace_overview(*, workplace, membership, quarter, now=None):
    """The five practices of ``workplace`` in ``quarter``, read by ``membership`` (any member)."""
    now = now or timezone.now()
    threshold = workplace.organisation.reflection_threshold
    work = count_work(
        organisation=workplace.organisation,
        workplaces=[workplace],
        quarters=quarter.back(LONG_TREND_QUARTERS),
        now=now,
    )
    quarters = trend_quarters(quarter=quarter, since=work.first_day.get(workplace.pk))
    today = work.today[workplace.pk]
    readings = {q: _readings(work.tally(workplace.pk, q), today, threshold) for q in quarters}
    current, previous = readings[quarter], readings[quarter.previous()]
    audience = report_audience(membership=membership)
    if audience is None and not membership.is_leader:  # a role no audience covers reads no survey figure
        views = {}
    else:
        views = practice_views(workplace_ids=[workplace.pk], audience=audience)
    view = views.get(workplace.pk)
    names = _practice_names()
    cards = []
    for code in PRACTICE_CODES:
        trend_key = TREND[code]
        trend = [(q, readings[q][trend_key]) for q in quarters]
        now_value, before = current[trend_key].number, previous[trend_key].number
        change = None if now_value is None or before is None else now_value - before
        label = BY_KEY[trend_key].label
        cards.append(
            PracticeCard(
                code=code,
                name=names[code],
                headlines=[current[key] for key in HEADLINES[code]],
                readings=[current[i.key] for i in of_practice(code)],
                trend=trend,
                change=change,
                change_text=(
                    _("%(change)s since %(quarter)s")
                    % {"change": BY_KEY[trend_key].format_change(change), "quarter": quarter.previous().label}
                    if change is not None
                    else ""
                ),
                trend_label=str(label),
                sparkline=sparkline_svg(
                    values=[r.number for _q, r in trend],
                    title=_("%(label)s, the last %(n)s quarters: %(figures)s")
                    % {
                        "label": label,
                        "n": len(trend),
                        "figures": ", ".join(f"{q.label} {r.shown}" for q, r in trend),
                    },
                ),
                step=next_step(
                    code,
                    workplace=workplace,
                    tally=work.tally(workplace.pk, quarter),
                    previous=work.tally(workplace.pk, quarter.previous()),
                    today=today,
                    is_leader=membership.is_leader,
                ),
                survey=view.for_practice(code) if view is not None else {},
            )
        )
    first_step = max((card.step for card in cards), key=lambda step: step.urgency)
    return Overview(
        workplace=workplace,
        quarter=quarter,
        quarters=quarters,
        cards=cards,
        survey_round=view.round if view is not None else None,
        first_step=first_step,
        computed_at=now,
        threshold=threshold,
        readings={q: readings[q] for q in quarters},
    )


# --- The organisation's table of its workplaces -------------------------------------------------------


@dataclass
class TableRow:
    workplace: object
    readings: list  # the TABLE's readings, in order
    groups: list = field(default_factory=list)
    overdue_barriers: int = 0


@dataclass
class Spread:
    indicator: object
    total: object  # the organisation's figure: a Reading over every workplace's work added up
    low: object = None
    middle: object = None
    high: object = None
    workplaces: int = 0  # how many workplaces have a figure


def _add_up(tallies, todays):
    """One Tally and one Today for many workplaces: the organisation's figures."""
    total, today = Tally(), Today()
    for tally in tallies:
        for name, value in vars(tally).items():
            mine = getattr(total, name)
            if isinstance(value, dict):
                for key, n in value.items():
                    mine[key] = mine.get(key, 0) + n
            elif isinstance(value, set):
                mine |= value
            elif isinstance(value, list):
                mine.extend(value)
            else:
                setattr(total, name, mine + value)
    for one in todays:
        for name in (
            "contributors",
            "skills",
            "skills_covered",
            "skills_needed_uncovered",
            "helpers",
            "waiting_over_target",
        ):
            setattr(today, name, getattr(today, name) + getattr(one, name))
    return total, today


def organisation_workplaces(*, organisation, sector="", group=None):
    """The organisation's workplaces, filtered by sector and leader group, by name."""
    workplaces = Workplace.objects.filter(organisation=organisation)
    if sector:
        workplaces = workplaces.filter(sector=sector)
    if group is not None:
        workplaces = workplaces.filter(
            pk__in=LeaderGroupMember.objects.filter(group=group).values("workplace_id")
        )
    return list(
        workplaces.only("pk", "name", "slug", "sector", "response_target_days", "organisation_id").order_by(
            "name", "pk"
        )
    )


def clean_filters(*, organisation, sector, group_id):
    """The table's filters from the address: a known sector and a leader group of this organisation, or a
    ValidationError saying which is wrong."""
    errors = {}
    if sector and sector not in Sector.values:
        errors["sektor"] = _("There is no such sector.")
        sector = ""
    group = None
    if group_id:
        try:
            group = LeaderGroup.objects.get(organisation=organisation, pk=int(group_id))
        except (ValueError, LeaderGroup.DoesNotExist):
            errors["gruppe"] = _("There is no such leader group in this organisation.")
    if errors:
        raise ValidationError(errors)
    return sector, group


def organisation_table(*, organisation, quarter, sector="", group=None, now=None):
    """Every (filtered) workplace's figures for ``quarter`` by name, the organisation's totals over them and
    each figure's spread across the workplaces (lowest, median, highest): a picture for dialogue, so no
    ranking and no leader's name. Rows are all of them; the view shows a page."""
    now = now or timezone.now()
    threshold = organisation.reflection_threshold
    workplaces = organisation_workplaces(organisation=organisation, sector=sector, group=group)
    work = count_work(organisation=organisation, workplaces=workplaces, quarters=[quarter], now=now)
    columns = [BY_KEY[key] for key in TABLE]
    groups = {}
    for workplace_id, name in LeaderGroupMember.objects.filter(organisation=organisation).values_list(
        "workplace_id", "group__name"
    ):
        groups.setdefault(workplace_id, []).append(name)
    overdue = overdue_raised_barriers(organisation=organisation, today=timezone.localtime(now).date())
    rows = []
    for workplace in workplaces:
        tally, today = work.tally(workplace.pk, quarter), work.today[workplace.pk]
        rows.append(
            TableRow(
                workplace=workplace,
                readings=[column.reading(tally, today, threshold) for column in columns],
                groups=sorted(groups.get(workplace.pk, [])),
                overdue_barriers=overdue.get(workplace.pk, 0),
            )
        )
    total, total_today = _add_up([work.tally(w.pk, quarter) for w in workplaces], work.today.values())
    spreads = []
    for index, column in enumerate(columns):
        numbers = sorted(row.readings[index].number for row in rows if row.readings[index].number is not None)
        spread = Spread(
            indicator=column, total=column.reading(total, total_today, threshold), workplaces=len(numbers)
        )
        if numbers:
            spread.low = column.format(numbers[0])
            spread.middle = column.format(statistics.median(numbers))
            spread.high = column.format(numbers[-1])
        spreads.append(spread)
    return {
        "columns": columns,
        "rows": rows,
        "spreads": spreads,
        "computed_at": now,
        "threshold": threshold,
        "overdue_barriers": sum(overdue.values()),
    }


# --- Leader groups --------------------------------------------------------------------------------------


def organisation_groups(*, organisation):
    """The organisation's leader groups by name, each with its workplaces' names (two queries)."""
    return list(
        LeaderGroup.objects.filter(organisation=organisation)
        .prefetch_related(
            Prefetch("workplaces", queryset=Workplace.objects.only("pk", "name", "slug").order_by("name"))
        )
        .order_by("name", "pk")
    )


def access_organisation_group(*, organisation, group_id):
    return one_or_404(
        LeaderGroup.objects.filter(organisation=organisation, pk=group_id),
        _("No such leader group in this organisation."),
    )


def workplace_groups(*, workplace):
    """The leader groups ``workplace`` belongs to, by name."""
    return list(
        LeaderGroup.objects.filter(
            organisation_id=workplace.organisation_id, members__workplace=workplace
        ).order_by("name", "pk")
    )


def access_workplace_group(*, workplace, group_id):
    """A leader group ``workplace`` belongs to; 404 for any other, as for one that does not exist."""
    groups = LeaderGroup.objects.filter(
        organisation_id=workplace.organisation_id, members__workplace=workplace
    )
    return one_or_404(
        groups.select_related("organisation").filter(pk=group_id),
        _("No such leader group, or this workplace is not in it."),
    )


def group_table(*, group, quarter, now=None):
    """The group's workplaces side by side for ``quarter``: every figure of work, and the survey's figures
    only of rounds their leader shared with the leader group (the reader's own workplace's too, as the
    group sees it)."""
    now = now or timezone.now()
    organisation = group.organisation
    workplaces = list(
        Workplace.objects.filter(
            organisation=organisation, pk__in=group.members.values("workplace_id")
        ).order_by("name", "pk")
    )
    work = count_work(organisation=organisation, workplaces=workplaces, quarters=[quarter], now=now)
    threshold = organisation.reflection_threshold
    views = practice_views(workplace_ids=[w.pk for w in workplaces], audience=Audience.LEADER_GROUP)
    columns = [BY_KEY[key] for key in TABLE]
    names = _practice_names()
    rows = []
    for workplace in workplaces:
        tally, today = work.tally(workplace.pk, quarter), work.today[workplace.pk]
        view = views.get(workplace.pk)
        rows.append(
            {
                "workplace": workplace,
                "readings": [column.reading(tally, today, threshold) for column in columns],
                "survey": [view.team.get(code) if view else None for code in PRACTICE_CODES],
                "survey_round": view.round if view else None,
            }
        )
    return {
        "columns": columns,
        "rows": rows,
        "practices": [(code, names[code]) for code in PRACTICE_CODES],
        "computed_at": now,
    }


# --- The practice guide -----------------------------------------------------------------------------------

CASES_IN_GUIDE = 5


def practice_cases(*, organisation, code):
    """The organisation's published cases that show practice ``code``, newest first (a few): P1 those whose
    experiment met a success criterion; P2 those whose idea answered a challenge; P3 those whose idea was
    tried more than once or had a safety check reviewed; P4 those whose adoption built skills; P5 every case,
    most taken up first."""
    cases = Case.objects.filter(organisation=organisation).select_related("idea", "workplace")
    shows = {
        "P1": Q(idea__experiments__criteria__result="met"),
        "P2": Q(idea__challenge__isnull=False),
        "P3": Q(idea__experiments__follows__isnull=False)
        | Q(idea__experiments__safety_reviews__isnull=False),
        "P4": Q(idea__adoption_plan__skills__isnull=False),
    }
    if code in shows:
        ids = Case.objects.filter(organisation=organisation).filter(shows[code]).values("pk")
        cases = cases.filter(pk__in=ids).order_by("-published_at", "-pk")
    else:
        cases = cases.order_by("-trial_count", "-published_at", "-pk")
    return list(cases[:CASES_IN_GUIDE])


def practice_guide(*, workplace, code):
    """What practice ``code`` means, its reflection questions, workshop formats and the organisation's own
    cases that show it."""
    practices = {p.code: p for p in current_practices()}
    practice = practices.get(code)
    others = [
        (other, practices[other].name if other in practices else other)
        for other in PRACTICE_CODES
        if other != code
    ]
    questions = list(practice.reflection_questions.order_by("position")) if practice is not None else []
    return {
        "code": code,
        "practice": practice,
        "questions": questions,
        "formats": formats_by_practice().get(code, []),
        "cases": practice_cases(organisation=workplace.organisation, code=code),
        "indicators": of_practice(code),
        "others": others,
    }


def parse_quarter(text, *, today=None):
    """The quarter named in the address (the current one when none is), or ValidationError for the
    person."""
    try:
        return Quarter.parse(text, today=today or timezone.localdate())
    except QuarterError as error:
        raise ValidationError({"kvartal": str(error)}) from error
