"""Reads of insights: the workplace's overview of the five practices, a leader group's figures side by side,
the organisation's table of its workplaces, and the practice guide.

Who reads what is decided where the page resolves its tenant (a member of the workplace, a leader of a
group's workplace, an organisation admin); the survey's figures beside the practices follow the survey's own
sharing rule (reflection.selectors.practice_views), read as the reader's audience.
"""

import statistics
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.actions.selectors import overdue_raised_barriers
from frontloeber.core.access import one_or_404
from frontloeber.core.charts import sparkline_svg
from frontloeber.core.fragments import fragment_key
from frontloeber.experiments.models import Case
from frontloeber.organisations.models import LeaderGroup, LeaderGroupMember, Sector, Workplace
from frontloeber.reflection.models import Audience
from frontloeber.reflection.selectors import current_practices, practice_views, report_audience
from frontloeber.workshops.selectors import formats_by_practice

from . import practices
from .counting import Tally, Today, count_work
from .indicators import BY_KEY, HEADLINES, INDICATORS, PRACTICE_CODES, TABLE, TREND, of_practice
from .kept import kept_table, organisation_work, workplace_work
from .next_steps import next_step
from .periods import LONG_TREND_QUARTERS, Quarter, QuarterError, trend_quarters


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
    is_leader: bool = False
    work: object = None  # the counted work the figures come from

    def all_readings(self):
        """{quarter: {indicator key: Reading}}: every figure of every quarter of the trend (for the files)."""
        today = self.work.today[self.workplace.pk]
        return {
            q: _readings(self.work.tally(self.workplace.pk, q), today, self.threshold) for q in self.quarters
        }

    @property
    def page_key(self):
        """The key the overview page's figures are kept under, rendered ({% kept %})."""
        return self._key("insights-overview-page")

    @property
    def cards_key(self):
        """The key the home page's five cards are kept under, rendered."""
        return self._key("insights-overview-cards")

    def _key(self, kind):
        """The counted work is one input (when it was counted stands for every figure of it), the reader's
        survey figures and role the others."""
        survey = [(card.code, card.survey.get("team"), card.survey.get("leader")) for card in self.cards]
        round_ = (self.survey_round.pk, self.survey_round.opens_on) if self.survey_round is not None else None
        return fragment_key(
            kind,
            self.workplace.pk,
            self.workplace.slug,
            self.workplace.name,
            self.workplace.response_target_days,
            str(self.quarter),
            self.computed_at,
            self.threshold,
            self.is_leader,
            survey,
            round_,
        )


def _practice_names():
    names = {p.code: p.name for p in current_practices()}
    return {code: names.get(code, code) for code in PRACTICE_CODES}


def _readings(tally, today, threshold):
    return {indicator.key: indicator.reading(tally, today, threshold) for indicator in INDICATORS}


def workplace_overview(*, workplace, membership, quarter, now=None):
    """The five practices of ``workplace`` in ``quarter``, read by ``membership`` (any member)."""
    now = now or timezone.now()
    threshold = workplace.organisation.reflection_threshold
    work = workplace_work(workplace=workplace, quarters=quarter.back(LONG_TREND_QUARTERS), now=now)
    quarters = trend_quarters(quarter=quarter, since=work.first_day.get(workplace.pk))
    today = work.today[workplace.pk]
    current = _readings(work.tally(workplace.pk, quarter), today, threshold)
    # The quarters before show one figure each (the trend); the files read every figure (all_readings).
    earlier = {
        q: {key: BY_KEY[key].reading(work.tally(workplace.pk, q), today, threshold) for key in TREND.values()}
        for q in quarters
        if q != quarter
    }
    readings = {**earlier, quarter: current}
    previous = readings[quarter.previous()]  # the trend holds at least six quarters
    audience = report_audience(membership=membership)
    if audience is None and not membership.is_leader:  # a role no audience covers reads no survey figure
        views = {}
    else:
        views = practice_views(
            workplace_ids=[workplace.pk], audience=audience, organisation_id=workplace.organisation_id
        )
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
        computed_at=work.counted_at,
        threshold=threshold,
        is_leader=membership.is_leader,
        work=work,
    )


# --- The organisation's table of its workplaces -------------------------------------------------------


@dataclass
class TableRow:
    """A workplace's row of the organisation's table. Its readings (with the words of what each rests on)
    are made only when the page shows the row: a page is 25 rows of a thousand."""

    workplace: object
    packed: tuple  # (packed Tally, packed Today)
    threshold: int
    groups: list = field(default_factory=list)
    overdue_barriers: int = 0

    @cached_property
    def readings(self):
        tally, today = Tally.unpack(self.packed[0]), Today.unpack(self.packed[1])
        return [BY_KEY[key].reading(tally, today, self.threshold) for key in TABLE]


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


@dataclass(frozen=True)
class WorkplaceRef:
    """What the organisation's table needs of a workplace: a thousand model objects took longer to build than
    the rest of the page."""

    pk: int
    name: str
    slug: str
    sector: str
    response_target_days: int

    def get_sector_display(self):
        return Sector(self.sector).label if self.sector in Sector.values else self.sector


def organisation_workplaces(*, organisation, sector="", group=None):
    """The organisation's workplaces, filtered by sector and leader group, by name."""
    workplaces = Workplace.objects.filter(organisation=organisation)
    if sector:
        workplaces = workplaces.filter(sector=sector)
    if group is not None:
        workplaces = workplaces.filter(
            pk__in=LeaderGroupMember.objects.filter(group=group).values("workplace_id")
        )
    rows = workplaces.order_by("name", "pk").values_list(
        "pk", "name", "slug", "sector", "response_target_days"
    )
    return [WorkplaceRef(*row) for row in rows]


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


@dataclass
class TableSummary:
    """What the organisation's table shows beside its rows: each column's spread and the organisation's
    figures (over every workplace in it), how many rows there are, and when it was counted."""

    spreads: list  # per column: (lowest, median, highest, how many workplaces have a figure), or None
    total: tuple  # the packed Tally and Today of every workplace added up
    rows: int
    counted_at: object


def _count_table(*, organisation, quarter, sector, group, now):
    """The table counted: its summary and its rows as (workplace, packed tally, packed today), by name."""
    workplaces = organisation_workplaces(organisation=organisation, sector=sector, group=group)
    work = count_work(organisation=organisation, workplaces=workplaces, quarters=[quarter], now=now)
    threshold = organisation.reflection_threshold
    columns = [BY_KEY[key] for key in TABLE]
    numbers = [[] for _ in columns]
    rows = []
    for workplace in workplaces:
        tally, today = work.tally(workplace.pk, quarter), work.today[workplace.pk]
        rows.append((workplace, tally.pack(), today.pack()))
        for index, column in enumerate(columns):
            value = column.value(tally, today, threshold)
            if value is not None:
                numbers[index].append(value)
    spreads = [
        (min(values), statistics.median(values), max(values), len(values)) if values else None
        for values in numbers
    ]
    total, total_today = _add_up([work.tally(w.pk, quarter) for w in workplaces], work.today.values())
    summary = TableSummary(
        spreads=spreads, total=(total.pack(), total_today.pack()), rows=len(rows), counted_at=work.counted_at
    )
    return summary, rows


def organisation_table(*, organisation, quarter, sector="", group=None, page=None, now=None, fresh=False):
    """The (filtered) workplaces' figures for ``quarter`` by name, the organisation's totals over them and
    each figure's spread across the workplaces (lowest, median, highest): a picture for dialogue, so no
    ranking and no leader's name. ``page``: the page number to show (rows of that page only), or None for
    every row (the files). Counted and kept (kept.py) for a while; the result says when it was counted."""
    now = now or timezone.now()
    threshold = organisation.reflection_threshold
    summary, rows = kept_table(
        organisation=organisation,
        quarter=quarter,
        filters=(sector or "-", group.pk if group is not None else "-"),
        page=page,
        count=lambda: _count_table(
            organisation=organisation, quarter=quarter, sector=sector, group=group, now=now
        ),
        now=now,
        fresh=fresh,
    )
    columns = [BY_KEY[key] for key in TABLE]
    groups = {}
    for workplace_id, name in LeaderGroupMember.objects.filter(
        organisation=organisation, workplace_id__in=[workplace.pk for workplace, _tally, _today in rows]
    ).values_list("workplace_id", "group__name"):
        groups.setdefault(workplace_id, []).append(name)
    overdue = overdue_raised_barriers(organisation=organisation, today=timezone.localtime(now).date())
    table_rows = [
        TableRow(
            workplace=workplace,
            packed=(tally, today),
            threshold=threshold,
            groups=sorted(groups.get(workplace.pk, [])),
            overdue_barriers=overdue.get(workplace.pk, 0),
        )
        for workplace, tally, today in rows
    ]
    total, total_today = Tally.unpack(summary.total[0]), Today.unpack(summary.total[1])
    spreads = []
    for column, spread in zip(columns, summary.spreads, strict=True):
        row = Spread(indicator=column, total=column.reading(total, total_today, threshold))
        if spread is not None:
            low, middle, high, row.workplaces = spread
            row.low, row.middle, row.high = column.format(low), column.format(middle), column.format(high)
        spreads.append(row)
    return {
        "columns": columns,
        "rows": table_rows,
        "table_key": lambda rows: fragment_key(
            "insights-organisation-table",
            # The rows' counted work itself, not its readings: those are made only when the table is drawn.
            [(row.workplace, row.groups, row.overdue_barriers, row.packed) for row in rows],
            [(s.total.shown, s.low, s.middle, s.high, s.workplaces) for s in spreads],
        ),
        "row_count": summary.rows,
        "spreads": spreads,
        "computed_at": summary.counted_at,
        "threshold": threshold,
        "overdue_barriers": sum(overdue.values()),
    }


# --- Leader groups --------------------------------------------------------------------------------------


def organisation_group_choices(*, organisation):
    """The organisation's leader groups as (id, name), by name: the table's filter."""
    return list(
        LeaderGroup.objects.filter(organisation=organisation).order_by("name", "pk").values_list("pk", "name")
    )


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
    work = organisation_work(organisation=organisation, workplaces=workplaces, quarter=quarter, now=now)
    threshold = organisation.reflection_threshold
    views = practice_views(
        workplace_ids=[w.pk for w in workplaces],
        audience=Audience.LEADER_GROUP,
        organisation_id=organisation.pk,
    )
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
        "computed_at": work.counted_at,
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


def access_practice(*, code):
    """A practice's code as the address names it; 404 for one that is not a practice."""
    if code not in PRACTICE_CODES:
        raise Http404(_("There is no such practice."))
    return code


def practice_tools(*, membership, code):
    """The tools in Frontløber that serve practice ``code`` which this member may use, as (label, url)."""
    slug = membership.workplace.slug
    return [
        (label, reverse(name, kwargs={"workplace_slug": slug}))
        for label, name in practices.TOOLS[code]
        if (name not in practices.LEADER_TOOLS or membership.is_leader)
        and (name not in practices.CONTRIBUTOR_TOOLS or membership.can_contribute)
    ]


def quarter_choices(*, today=None):
    """The quarters a page offers to choose from: the current one and the seven before, newest first."""
    return parse_quarter(None, today=today).back(LONG_TREND_QUARTERS)[::-1]


def practice_guide(*, membership, code):
    """What practice ``code`` means and how it shows, its reflection questions, workshop formats, the tools
    this member may use and the organisation's own cases that show it."""
    workplace = membership.workplace
    practices_ = {p.code: p for p in current_practices()}
    practice = practices_.get(code)
    others = [
        (other, practices_[other].name if other in practices_ else other)
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
        "meaning": practices.MEANING[code],
        "daily_work": practices.DAILY_WORK[code],
        "tools": practice_tools(membership=membership, code=code),
    }


def parse_quarter(text, *, today=None):
    """The quarter named in the address (the current one when none is), or ValidationError for the
    person."""
    try:
        return Quarter.parse(text, today=today or timezone.localdate())
    except QuarterError as error:
        raise ValidationError({"kvartal": str(error)}) from error
