import statistics
from dataclasses import dataclass, field

from django.db.models import CharField, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from .. import eligibility
from ..models import (
    Practice,
    Round,
    RoundState,
)
from .base import current_version
from .report import _mean, _respondents, _team_practice_means
from .rounds import effective_threshold

# --- The organisation's roll-up -----------------------------------------------------------------------

WORKPLACE_COLUMNS = ("id", "organisation_id", "name", "slug")
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


def organisation_rollup(*, organisation, today=None, viewer=None):
    """Each workplace's latest closed round with the team's practice means (only above the threshold), and
    per practice the organisation's mean and spread over the workplaces shown. Rounds withheld from
    ``viewer`` (eligibility.withheld_from) are shown to them as no figure, and left out of the means."""
    from frontloeber.organisations.models import Workplace

    today = today or timezone.localdate()
    # Only the columns the page and the rules read: a thousand workplaces and their rounds are built as
    # objects on every request, and building the rest (dates and times above all) was most of the page's time.
    workplaces = list(
        Workplace.objects.filter(organisation=organisation).order_by("name").only(*WORKPLACE_COLUMNS)
    )
    by_id = {workplace.pk: workplace for workplace in workplaces}
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
    rounds = rounds.only(*ROUND_COLUMNS).annotate(leader_name=leader_name)
    latest, unfinished = {}, []
    for round_ in rounds.order_by("opens_on", "pk"):
        round_.organisation = organisation  # effective_threshold reads its setting
        round_.workplace = by_id[round_.workplace_id]
        if round_.state(today) == RoundState.CLOSED:
            latest[round_.workplace_id] = round_
        else:
            unfinished.append(round_)
    respondents = _respondents([r.pk for r in latest.values()])
    withheld = eligibility.withheld_from(viewer=viewer, rounds=latest.values())
    shown_ids = [
        r.pk
        for r in latest.values()
        if respondents.get(r.pk, 0) >= effective_threshold(r) and r.pk not in withheld
    ]
    means = _team_practice_means([r for r in latest.values() if r.pk in shown_ids]) if shown_ids else {}
    practices = list(Practice.objects.filter(version=current_version()).order_by("position"))
    rows = []
    for workplace in workplaces:
        round_ = latest.get(workplace.pk)
        row = WorkplaceRow(workplace=workplace, round=round_)
        if round_ is not None:
            row.respondents = respondents.get(round_.pk, 0)
            row.shown = round_.pk in shown_ids
            row.withheld = round_.pk in withheld
            if row.shown:
                row.means = {p.code: means.get((round_.pk, p.code)) for p in practices}
        row.cells = [row.means.get(p.code) for p in practices]
        rows.append(row)
    summary = []
    for index, practice in enumerate(practices):
        means = [row.cells[index] for row in rows if row.shown and row.cells[index] is not None]
        summary.append(
            {
                "practice": practice,
                "mean": _mean(means),
                "low": min(means) if means else None,
                "high": max(means) if means else None,
                "spread": statistics.pstdev(means) if len(means) > 1 else None,
                "count": len(means),
            }
        )
    return {"practices": practices, "rows": rows, "summary": summary, "unfinished": unfinished}
