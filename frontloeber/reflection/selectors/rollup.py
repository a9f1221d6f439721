from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db.models import CharField, Count, F, FloatField, Max, Min, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Cast, Coalesce, Greatest, NullIf
from django.utils import timezone

from .. import eligibility
from ..models import (
    Practice,
    PracticeTotal,
    QuestionBankVersion,
    Response,
    Round,
    RoundState,
)
from .report import _team_practice_means
from .rounds import effective_threshold

# --- The organisation's roll-up -----------------------------------------------------------------------

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
    """Each workplace's latest closed round with the team's practice means (only above the threshold), and
    per practice the organisation's mean, lowest and highest over all the workplaces shown. ``rows`` are
    for ``workplaces`` (a page of ``rollup_workplaces``), every workplace when None. Rounds withheld from
    ``viewer`` (eligibility.withheld_from) are shown to them as no figure, and left out of the figures.

    Which rounds are shown is decided over every workplace, from each latest round's respondents, threshold
    and the viewer's own membership changes; the organisation's figures are added up by the database from
    the totals kept when a round was sealed (a round closed but not sealed yet is added up from its answers),
    so only the shown page's rows are built. ``workplaces`` are (id, name, slug) as
    ``rollup_workplaces`` gives them."""
    from frontloeber.organisations.models import Workplace

    today = today or timezone.localdate()
    if workplaces is None:
        workplaces = rollup_workplaces(organisation=organisation)
    workplaces = [
        Workplace(pk=pk, name=name, slug=slug, organisation_id=organisation.pk)
        for pk, name, slug in workplaces
    ]
    # Each workplace's latest closed round and every round not closed yet, in one query: not every round
    # the organisation ever ran (two a year in each of a thousand workplaces add up).
    ours = Round.objects.filter(organisation=organisation)
    closed = Round.closed_by(today)
    newest_closed = ours.filter(closed, workplace_id=OuterRef("workplace_id")).order_by("-opens_on", "-pk")
    rounds = ours.filter(Q(pk=Subquery(newest_closed.values("pk")[:1])) | ~closed)
    # The leader's name as the header shows a person (User.__str__), for the rounds under way.
    leader_name = Coalesce(
        NullIf(F("leader__full_name"), Value("")), F("leader__email"), output_field=CharField()
    )
    answered = (
        Response.objects.filter(round=OuterRef("pk")).order_by().values("round").annotate(n=Count("pk"))
    )
    rounds = rounds.annotate(
        workplace_name=F("workplace__name"),
        leader_name=leader_name,
        respondents=Coalesce(Subquery(answered.values("n")), 0),
    )
    # A thousand rounds are read as values, not model objects (building those was a third of the page's
    # time); the rules below read them by attribute all the same. The page's and the unfinished ones become
    # rounds.
    latest, unfinished = {}, []
    for values in rounds.order_by("opens_on", "pk").values(
        *ROUND_COLUMNS, "workplace_name", "leader_name", "respondents"
    ):
        facts = SimpleNamespace(**values, pk=values["id"], organisation=organisation)
        if Round.state(facts, today) == RoundState.CLOSED:
            latest[facts.workplace_id] = facts
        else:
            unfinished.append(_as_round(facts))
    respondents = {r.pk: r.respondents for r in latest.values()}
    withheld = eligibility.withheld_from(viewer=viewer, rounds=latest.values())
    shown = [
        r
        for r in latest.values()
        if respondents.get(r.pk, 0) >= effective_threshold(r) and r.pk not in withheld
    ]
    newest = QuestionBankVersion.objects.order_by("-number").values("pk")[:1]
    practices = list(Practice.objects.filter(version=Subquery(newest)).order_by("position"))
    summary = _summary(practices, shown, organisation)

    page_rounds = {w.pk: _as_round(latest[w.pk], workplace=w) for w in workplaces if w.pk in latest}
    shown_ids = {r.pk for r in shown}
    means = _team_practice_means([r for r in page_rounds.values() if r.pk in shown_ids])
    rows = []
    for workplace in workplaces:
        round_ = page_rounds.get(workplace.pk)
        row = WorkplaceRow(workplace=workplace, round=round_)
        if round_ is not None:
            row.respondents = respondents.get(round_.pk, 0)
            row.shown = round_.pk in shown_ids
            row.withheld = round_.pk in withheld
            if row.shown:
                row.means = {p.code: means.get((round_.pk, p.code)) for p in practices}
        row.cells = [row.means.get(p.code) for p in practices]
        rows.append(row)
    return {"practices": practices, "rows": rows, "summary": summary, "unfinished": unfinished}


def _as_round(facts, workplace=None):
    """A round read as values, as a Round (with the names read beside it)."""
    values = {name: getattr(facts, name) for name in ROUND_COLUMNS}
    round_ = Round(**values)
    round_.organisation = facts.organisation
    if workplace is not None:
        round_.workplace = workplace
    round_.workplace_name, round_.leader_name = facts.workplace_name, facts.leader_name
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
