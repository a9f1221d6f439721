from dataclasses import dataclass, field
from types import SimpleNamespace

from django.core.cache import cache
from django.db.models import Count, FloatField, Max, Min, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce, Greatest
from django.utils import timezone

from frontloeber.accounts.models import User
from frontloeber.core.addresses import url_for_ids
from frontloeber.core.fragments import fragment_key

from .. import eligibility
from ..generation import rollup_generation
from ..models import (
    PracticeTotal,
    Response,
    Round,
    RoundState,
)
from .base import current_practices
from .report import _team_practice_means
from .rounds import effective_threshold

# --- The organisation's roll-up -----------------------------------------------------------------------

SUMMARY_KEPT_FOR = 60 * 60  # seconds; a changed generation makes a new key long before

# What a round's state, its threshold, its eligibility window and its means read.
ROUND_COLUMNS = (
    "id", "organisation_id", "workplace_id", "leader_id", "opens_on", "closes_on", "closed_early_on",
    "threshold", "eligibility_days", "created_at", "sealed_at",
)  # fmt: skip


@dataclass
class WorkplaceRow:
    workplace: object
    round: Round | None
    respondents: int = 0
    shown: bool = False
    withheld: bool = False
    means: dict = field(default_factory=dict)  # practice code -> team mean
    under_way: Round | None = None  # a round open or planned (a workplace has one at most)
    round_url: str = ""
    under_way_url: str = ""


def rollup_workplaces(*, organisation):
    """The organisation's workplaces in the roll-up's order as (id, name, slug), for the view to show a page
    at a time: a thousand tuples cost little, and paging a list needs no count query."""
    from frontloeber.organisations.models import Workplace

    return list(
        Workplace.objects.filter(organisation=organisation)
        .order_by("name", "pk")
        .values_list("pk", "name", "slug")
    )


def organisation_rollup(*, organisation, today=None, viewer=None, workplaces=None):
    """Each workplace's latest closed round with the team's practice means (only above the threshold) and
    its round under way, if any, and per practice the organisation's mean, lowest and highest over all the
    workplaces shown. ``rows`` are for ``workplaces`` (a page of ``rollup_workplaces``, as (id, name, slug)),
    every workplace when None. Rounds withheld from ``viewer`` (eligibility.withheld_from) are shown to them
    as no figure, and left out of the figures.

    The rows read the page's workplaces only. The organisation's figures are over every workplace: which
    rounds they count is decided from each latest round's respondents, threshold and the viewer's own
    membership changes, and the database adds up the totals kept when a round was sealed (a round closed but
    not sealed yet is added up from its answers). They are kept in the cache per viewer and day until
    anything they rest on changes (``rollup_generation``)."""
    from frontloeber.organisations.models import Workplace

    today = today or timezone.localdate()
    if workplaces is None:
        workplaces = rollup_workplaces(organisation=organisation)
    workplaces = [
        Workplace(pk=pk, name=name, slug=slug, organisation_id=organisation.pk)
        for pk, name, slug in workplaces
    ]
    practices = current_practices()
    latest, unfinished = _latest_rounds(organisation, today, workplace_ids=[w.pk for w in workplaces])
    withheld = eligibility.withheld_from(viewer=viewer, rounds=latest.values())
    shown_ids = {r.pk for r in _shown(latest.values(), withheld)}
    page_rounds = {w.pk: _as_round(latest[w.pk], workplace=w) for w in workplaces if w.pk in latest}
    means = _team_practice_means([r for r in page_rounds.values() if r.pk in shown_ids])
    round_url = url_for_ids("reflection:organisation_round", "round_id", org_slug=organisation.slug)
    rows = []
    for workplace in workplaces:
        round_ = page_rounds.get(workplace.pk)
        row = WorkplaceRow(workplace=workplace, round=round_)
        if workplace.pk in unfinished:
            row.under_way = _as_round(unfinished[workplace.pk], workplace=workplace)
            row.under_way_url = round_url(row.under_way.pk)
        if round_ is not None:
            row.round_url = round_url(round_.pk)
            row.respondents = latest[workplace.pk].respondents
            row.shown = round_.pk in shown_ids
            row.withheld = round_.pk in withheld
            if row.shown:
                row.means = {p.code: means.get((round_.pk, p.code)) for p in practices}
        row.cells = [row.means.get(p.code) for p in practices]
        rows.append(row)
    summary = _kept_summary(organisation, today, viewer, practices)
    return {
        "practices": practices,
        "rows": rows,
        "summary": summary,
        "table_key": _table_key(practices, rows, summary),
    }


def _table_key(practices, rows, summary):
    """The key the roll-up's rendered table is kept under (``{% kept %}``): every value the table shows."""

    def round_shown(round_):
        return None if round_ is None else (round_.opens_on, round_.closes_on, round_.leader_name)

    shown = (
        [(p.code, p.name) for p in practices],
        [
            (
                row.workplace.name,
                row.round_url,
                round_shown(row.round),
                row.shown,
                row.withheld,
                row.cells,
                row.under_way_url,
                round_shown(row.under_way),
            )
            for row in rows
        ],
        [(cell["mean"], cell["low"], cell["high"], cell["count"]) for cell in summary],
    )
    return fragment_key("rollup-table", shown)


def _latest_rounds(organisation, today, *, workplace_ids=None):
    """Per workplace (of ``workplace_ids``, or every one) its latest closed round and its round not closed
    yet, as values read by attribute: {workplace id: round} twice. Not every round the organisation ever
    ran (two a year in each of a thousand workplaces add up), and not as model objects (building a thousand
    of those was a third of the page's time)."""
    ours = Round.objects.filter(organisation=organisation)
    if workplace_ids is not None:
        ours = ours.filter(workplace_id__any_of=workplace_ids)
    closed = Round.closed_by(today)
    newest_closed = ours.filter(closed, workplace_id=OuterRef("workplace_id")).order_by("-opens_on", "-pk")
    rounds = ours.filter(Q(pk=Subquery(newest_closed.values("pk")[:1])) | ~closed)
    # The leader's name for the rounds under way. (The workplace's name is not joined: the page's workplaces
    # have theirs, and the planner, which cannot foresee how many rounds are the latest, joined the
    # workplaces in a nested loop of a million comparisons.)
    answered = (
        Response.objects.filter(round=OuterRef("pk")).order_by().values("round").annotate(n=Count("pk"))
    )
    rounds = rounds.annotate(
        leader_name=User.shown_name("leader__"), respondents=Coalesce(Subquery(answered.values("n")), 0)
    )
    latest, unfinished = {}, {}
    for values in rounds.order_by("opens_on", "pk").values(*ROUND_COLUMNS, "leader_name", "respondents"):
        facts = SimpleNamespace(**values, pk=values["id"], organisation=organisation)
        if Round.state(facts, today) == RoundState.CLOSED:
            latest[facts.workplace_id] = facts
        else:
            unfinished[facts.workplace_id] = facts
    return latest, unfinished


def _shown(rounds, withheld):
    return [r for r in rounds if r.respondents >= effective_threshold(r) and r.pk not in withheld]


def _kept_summary(organisation, today, viewer, practices):
    """``_summary`` over every workplace's latest closed round, from the cache while nothing it rests on
    has changed: the key names the organisation, the viewer, the day (rounds close by the date), the
    organisation's threshold and the generation that every change to a round, a response, a kept total or
    a membership moves on (reflection.signals)."""
    key = ":".join(
        str(part)
        for part in (
            "reflection:rollup-summary",
            organisation.pk,
            viewer.pk if viewer is not None else 0,
            today.isoformat(),
            organisation.reflection_threshold,
            rollup_generation(organisation_id=organisation.pk),
            *(p.pk for p in practices),
        )
    )
    figures = cache.get(key)
    if figures is None:
        latest, _unfinished = _latest_rounds(organisation, today)
        withheld = eligibility.withheld_from(viewer=viewer, rounds=latest.values())
        summary = _summary(practices, _shown(latest.values(), withheld), organisation)
        figures = {
            cell["practice"].code: {k: v for k, v in cell.items() if k != "practice"} for cell in summary
        }
        cache.set(key, figures, SUMMARY_KEPT_FOR)
    return [{"practice": p, **figures[p.code]} for p in practices]


def _as_round(facts, workplace=None):
    """A round read as values, as a Round (with its leader's name read beside it)."""
    values = {name: getattr(facts, name) for name in ROUND_COLUMNS}
    round_ = Round(**values)
    round_.organisation = facts.organisation
    if workplace is not None:
        round_.workplace = workplace
    round_.leader_name = facts.leader_name
    return round_


def _summary(practices, shown, organisation):
    """Per practice the mean, lowest and highest of the shown rounds' team means, and how many there are.

    A sealed round's team mean per practice is its kept total over its answers, when some statement of the
    practice has as many answers as the round's threshold (as ``_team_practice_means``); the database adds
    those up. The few shown rounds not sealed yet (closed since the last daily sealing) are added up here."""
    figures = {p.code: {"total": 0.0, "count": 0, "low": None, "high": None} for p in practices}

    def add(code, total, count, low, high):
        if code not in figures or not count:
            return
        figure = figures[code]
        figure["total"] += total
        figure["count"] += count
        figure["low"] = low if figure["low"] is None else min(figure["low"], low)
        figure["high"] = high if figure["high"] is None else max(figure["high"], high)

    sealed = [r.pk for r in shown if r.sealed_at is not None]
    if sealed:
        mean = Cast("total", FloatField()) / Cast("answers", FloatField())
        kept = (
            PracticeTotal.objects.filter(round_id__any_of=sealed, answers__gt=0)
            .filter(
                most_on_one_item__gte=Greatest("round__threshold", Value(organisation.reflection_threshold))
            )
            .values("practice__code")
            .annotate(sum_of_means=Sum(mean), rounds=Count("pk"), lowest=Min(mean), highest=Max(mean))
            .values_list("practice__code", "sum_of_means", "rounds", "lowest", "highest")
        )
        for row in kept:
            add(*row)
    unsealed = [r for r in shown if r.sealed_at is None]
    for (_round_id, code), value in _team_practice_means(unsealed).items() if unsealed else ():
        add(code, value, 1, value, value)
    return [
        {
            "practice": practice,
            "mean": figures[practice.code]["total"] / figures[practice.code]["count"]
            if figures[practice.code]["count"]
            else None,
            "low": figures[practice.code]["low"],
            "high": figures[practice.code]["high"],
            "count": figures[practice.code]["count"],
        }
        for practice in practices
    ]
