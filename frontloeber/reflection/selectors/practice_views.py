"""The survey's view of each practice beside the figures of real work (insights, issue 18): per workplace,
the latest closed round whose employees' figures may be shown, read by one reader under the sharing rule.

A round counts only when it is closed, has at least its threshold's number of answers, is not withheld from
the reader (eligibility.withheld_from) and its report is readable by the reader's audience. Its team mean per
practice is the report's own (``_team_practice_means``: none where no statement of the practice reached the
threshold), so nothing here is finer than the report the audience can already read.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from .. import eligibility
from ..generation import rollup_generation
from ..models import AssessmentAnswer, AssessorKind, Response, Round
from .report import _team_practice_means
from .rounds import effective_threshold


@dataclass
class PracticeView:
    round: Round
    team: dict = field(default_factory=dict)  # practice code -> the team's mean
    leader: dict = field(default_factory=dict)  # practice code -> the leader's own mean

    def for_practice(self, code):
        return {"team": self.team.get(code), "leader": self.leader.get(code)}


def practice_views(*, workplace_ids, audience=None, viewer=None, today=None, organisation_id=None):
    """{workplace id: PracticeView} of the latest shown round per workplace of ``workplace_ids``.

    ``audience``: None for a reader who reads every report of these workplaces (their leader; an
    organisation admin in the organisation's views, with ``viewer`` for what is withheld from them);
    otherwise an ``Audience`` and only rounds shared with it count. Four queries, whatever the number; with
    ``organisation_id`` kept in the cache until the organisation's survey generation moves on (any round,
    answer, share or membership change: signals.py) or the day changes."""
    today = today or timezone.localdate()
    if not workplace_ids:
        return {}
    if organisation_id is None:
        return _practice_views(workplace_ids, audience, viewer, today)
    key = ":".join(
        str(part)
        for part in (
            "reflection:practice-views",
            organisation_id,
            ",".join(str(pk) for pk in sorted(workplace_ids)),
            audience or "-",
            viewer.pk if viewer is not None else "-",
            today.isoformat(),
            rollup_generation(organisation_id=organisation_id),
        )
    )
    views = cache.get(key)
    if views is None:
        views = _practice_views(workplace_ids, audience, viewer, today)
        cache.set(key, views, VIEWS_KEPT_FOR)
    return views


VIEWS_KEPT_FOR = 60 * 60  # seconds; a changed generation makes a new key long before


def _practice_views(workplace_ids, audience, viewer, today):
    rounds = Round.objects.filter(workplace_id__in=list(workplace_ids)).filter(Round.closed_by(today))
    if audience is not None:
        rounds = rounds.filter(shares__audience=audience)
    rounds = list(rounds.select_related("organisation").order_by("-opens_on", "-pk"))
    answered = (
        dict(
            Response.objects.filter(round_id__in=[r.pk for r in rounds])
            .values("round_id")
            .annotate(n=Count("id"))
            .values_list("round_id", "n")
        )
        if rounds
        else {}
    )
    withheld = eligibility.withheld_from(viewer=viewer, rounds=rounds) if viewer is not None else set()
    latest = {}
    for round_ in rounds:  # newest first: the first shown one per workplace
        if round_.workplace_id in latest or round_.pk in withheld:
            continue
        if answered.get(round_.pk, 0) >= effective_threshold(round_):
            latest[round_.workplace_id] = round_
    if not latest:
        return {}
    means = _team_practice_means(list(latest.values()))
    leader = defaultdict(list)
    for round_id, code, value in AssessmentAnswer.objects.filter(
        assessment__round_id__in=[r.pk for r in latest.values()],
        assessment__kind=AssessorKind.LEADER,
        value__isnull=False,
    ).values_list("assessment__round_id", "item__practice__code", "value"):
        leader[(round_id, code)].append(value)
    views = {round_.pk: PracticeView(round=round_) for round_ in latest.values()}
    for (round_id, code), mean in means.items():
        views[round_id].team[code] = mean
    for (round_id, code), values in leader.items():
        views[round_id].leader[code] = sum(values) / len(values)
    return {round_.workplace_id: views[round_.pk] for round_ in latest.values()}
