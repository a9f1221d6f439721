import random
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Sum
from django.utils import timezone

from frontloeber.workshops.selectors import formats_by_practice

from .. import eligibility
from ..models import (
    Answer,
    AssessmentAnswer,
    AssessorKind,
    Item,
    Practice,
    PracticeComment,
    PracticeTotal,
    Response,
    Round,
    RoundState,
)
from .base import NOTABLE_GAP, practices_with_items
from .rounds import effective_threshold
from .sharing import rounds_shared_with

# --- The report ---------------------------------------------------------------------------------------


def _mean(values):
    return sum(values) / len(values) if values else None


@dataclass
class ItemResult:
    item: Item
    distribution: list | None = None  # employees' counts for 1..5, when shown
    dont_know: int | None = None
    team: float | None = None
    leader: int | None = None
    superior: int | None = None
    leader_dont_know: bool = False
    superior_dont_know: bool = False

    @property
    def gap(self):
        if self.team is None or self.leader is None:
            return None
        return self.leader - self.team

    @property
    def answered(self):
        return sum(self.distribution) if self.distribution else 0

    @property
    def bars(self):
        """Each scale step's share of the numeric answers, for the distribution bars."""
        total = self.answered
        if not total:
            return []
        return [
            {"value": v, "count": n, "percent": round(100 * n / total)}
            for v, n in enumerate(self.distribution, 1)
        ]


@dataclass
class PracticeResult:
    practice: Practice
    items: list
    team: float | None = None
    leader: float | None = None
    superior: float | None = None
    comments: list = field(default_factory=list)
    trend: list = field(default_factory=list)
    formats: list = field(default_factory=list)

    @property
    def gap(self):
        if self.team is None or self.leader is None:
            return None
        return self.leader - self.team


@dataclass
class Report:
    round: Round
    threshold: int
    invited: int
    respondents: int
    closed: bool
    shown: bool
    practices: list
    has_leader: bool
    has_superior: bool
    earlier: list = field(default_factory=list)
    # Hidden from this reader (eligibility.withheld_from), whatever the number of answers.
    withheld: bool = False

    @property
    def response_rate(self):
        return round(100 * self.respondents / self.invited) if self.invited else 0

    @property
    def ranked(self):
        """Practices by the team's mean when shown, else by the leader's own; best first."""
        key = "team" if self.shown else "leader"
        scored = [p for p in self.practices if getattr(p, key) is not None]
        return sorted(scored, key=lambda p: getattr(p, key), reverse=True), key

    @property
    def strongest(self):
        ranked, _key = self.ranked
        return ranked[0] if ranked else None

    @property
    def weakest_two(self):
        ranked, _key = self.ranked
        return list(reversed(ranked[-2:])) if len(ranked) >= 2 else ranked

    @property
    def ranked_by_team(self):
        return self.ranked[1] == "team"

    @property
    def largest_gaps(self):
        items = [item for practice in self.practices for item in practice.items if item.gap is not None]
        return sorted(items, key=lambda item: abs(item.gap), reverse=True)[:3]

    @property
    def positive_surprises(self):
        """Where the team sees more than the leader does."""
        items = [
            item
            for p in self.practices
            for item in p.items
            if item.gap is not None and item.gap <= -NOTABLE_GAP
        ]
        return sorted(items, key=lambda item: item.gap)[:3]

    @property
    def blind_spots(self):
        """Where the leader sees more than the team does."""
        items = [
            item
            for p in self.practices
            for item in p.items
            if item.gap is not None and item.gap >= NOTABLE_GAP
        ]
        return sorted(items, key=lambda item: item.gap, reverse=True)[:3]

    @property
    def learn_more(self):
        """Statements many could not answer, or on which the team is most divided."""
        items = [item for p in self.practices for item in p.items if item.distribution is not None]

        def unclear(item):
            spread = 0.0
            if item.answered > 1:
                values = [v for v, n in enumerate(item.distribution, 1) for _ in range(n)]
                spread = statistics.pstdev(values)
            share_unknown = (
                item.dont_know / (item.answered + item.dont_know) if item.answered + item.dont_know else 0
            )
            # Many "don't know"s weigh most: a mean from the few who knew is the least to go on.
            return share_unknown * 4 + spread

        return sorted(items, key=unclear, reverse=True)[:3]


def _assessments(round_ids):
    """{(round_id, kind): {item_id: value}} for the named assessments of these rounds, in one query."""
    result = defaultdict(dict)
    rows = AssessmentAnswer.objects.filter(assessment__round_id__in=round_ids).values_list(
        "assessment__round_id", "assessment__kind", "item_id", "value"
    )
    for round_id, kind, item_id, value in rows:
        result[(round_id, kind)][item_id] = value
    return result


def _respondents(round_ids):
    return dict(
        Response.objects.filter(round_id__any_of=round_ids)
        .values("round_id")
        .annotate(n=Count("id"))
        .values_list("round_id", "n")
    )


def _team_practice_means(rounds):
    """{(round_id, practice code): the team's mean} for rounds shown: a sealed round's from the totals kept
    when it was sealed, another's added up from its answers, one query each. A practice gets a mean only
    when some statement of it has as many answers on the scale as the round's threshold."""
    thresholds = {r.pk: effective_threshold(r) for r in rounds}
    sealed = {r.pk for r in rounds if r.sealed_at is not None}
    totals = defaultdict(lambda: [0, 0])  # sum, count
    most = defaultdict(int)
    if sealed:
        kept = PracticeTotal.objects.filter(round_id__any_of=sealed).values_list(
            "round_id", "practice__code", "total", "answers", "most_on_one_item"
        )
        for round_id, code, total, n, most_on_one in kept:
            totals[(round_id, code)] = [total, n]
            most[(round_id, code)] = most_on_one
    unsealed = [pk for pk in thresholds if pk not in sealed]
    if unsealed:
        rows = (
            Answer.objects.filter(round_id__any_of=unsealed, value__isnull=False)
            .values("round_id", "item__practice__code", "item_id")
            .annotate(total=Sum("value"), n=Count("value"))
            .values_list("round_id", "item__practice__code", "total", "n")
        )
        for round_id, code, total, n in rows:
            key = (round_id, code)
            totals[key][0] += total
            totals[key][1] += n
            most[key] = max(most[key], n)
    return {key: total / n for key, (total, n) in totals.items() if n and most[key] >= thresholds[key[0]]}


def _trend(round_, practices, today, viewer=None, audience=None):
    """Earlier closed rounds of the workplace, oldest first, with each practice's means (matched by code).
    Read by an ``audience`` (the team, the MED committee), only the rounds shared with it."""
    earlier = [
        r
        for r in Round.objects.filter(
            organisation_id=round_.organisation_id,
            workplace_id=round_.workplace_id,
            opens_on__lt=round_.opens_on,
        )
        .select_related("organisation")
        .order_by("opens_on")
        if r.state(today) == RoundState.CLOSED
    ]
    if audience is not None:
        shared = rounds_shared_with(audience=audience, rounds=earlier)
        earlier = [r for r in earlier if r.pk in shared]
    earlier = earlier[-4:]
    if not earlier:
        return []
    ids = [r.pk for r in earlier]
    respondents = _respondents(ids)
    withheld = eligibility.withheld_from(viewer=viewer, rounds=earlier)
    shown_ids = [
        r.pk for r in earlier if respondents.get(r.pk, 0) >= effective_threshold(r) and r.pk not in withheld
    ]
    team_means = _team_practice_means([r for r in earlier if r.pk in shown_ids]) if shown_ids else {}
    leader_values = defaultdict(list)
    for round_id, code, value in AssessmentAnswer.objects.filter(
        assessment__round_id__in=ids, assessment__kind=AssessorKind.LEADER, value__isnull=False
    ).values_list("assessment__round_id", "item__practice__code", "value"):
        leader_values[(round_id, code)].append(value)
    for practice in practices:
        practice.trend = [
            {
                "round": r,
                "team": team_means.get((r.pk, practice.practice.code)),
                "leader": _mean(leader_values[(r.pk, practice.practice.code)]),
                "shown": r.pk in shown_ids,
            }
            for r in earlier
        ]
    return earlier


def round_report(*, round_, today=None, viewer=None, audience=None):
    """The round's report. Employees' figures are read only when the round is closed and has at least the
    threshold's number of answers; otherwise the report holds the leader's and superior's answers alone.
    ``viewer``: an organisation admin reading it in the organisation's views, from whom the figures of rounds
    they could have planted answers in are withheld (eligibility.withheld_from). ``audience``: the audience a
    member who is not a leader reads the shared report as (selectors/sharing.py); earlier rounds not shared
    with it stay out of the trend."""
    today = today or timezone.localdate()
    threshold = effective_threshold(round_)
    closed = round_.state(today) == RoundState.CLOSED
    respondents = _respondents([round_.pk]).get(round_.pk, 0)
    withheld = round_.pk in eligibility.withheld_from(viewer=viewer, rounds=[round_])
    shown = closed and respondents >= threshold and not withheld
    practices = practices_with_items(version=round_.version)
    assessments = _assessments([round_.pk])
    leader_values = assessments.get((round_.pk, AssessorKind.LEADER), {})
    superior_values = assessments.get((round_.pk, AssessorKind.SUPERIOR), {})

    distribution = defaultdict(lambda: [0] * 6)  # index 0: don't know
    comments = defaultdict(list)
    if shown:
        for item_id, value, n in (
            Answer.objects.filter(round=round_)
            .values("item_id", "value")
            .annotate(n=Count("id"))
            .values_list("item_id", "value", "n")
        ):
            distribution[item_id][value or 0] += n
        for practice_id, text in PracticeComment.objects.filter(round=round_).values_list(
            "practice_id", "text"
        ):
            comments[practice_id].append(text)

    workshops = formats_by_practice()
    results = []
    for practice in practices:
        items = []
        team_values, leader_list, superior_list = [], [], []
        most_on_scale = 0
        for item in practice.items.all():
            result = ItemResult(item=item)
            if shown:
                counts = distribution[item.pk]
                result.distribution = counts[1:]
                result.dont_know = counts[0]
                values = [v for v in range(1, 6) for _ in range(counts[v])]
                # A mean needs as many answers on the scale as the threshold: with most saying "don't
                # know", the few who did not would be the whole figure.
                result.team = _mean(values) if len(values) >= threshold else None
                most_on_scale = max(most_on_scale, len(values))
                team_values.extend(values)
            if item.pk in leader_values:
                result.leader = leader_values[item.pk]
                result.leader_dont_know = result.leader is None
                if result.leader is not None:
                    leader_list.append(result.leader)
            if item.pk in superior_values:
                result.superior = superior_values[item.pk]
                result.superior_dont_know = result.superior is None
                if result.superior is not None:
                    superior_list.append(result.superior)
            items.append(result)
        # At least ``threshold`` people answered some statement of the practice on the scale.
        team = _mean(team_values) if shown and most_on_scale >= threshold else None
        # Comments follow the figures: none where the practice's figure is not shown. Shown in random
        # order, so their order says nothing about who wrote them or when.
        practice_comments = comments.get(practice.pk, []) if team is not None else []
        random.SystemRandom().shuffle(practice_comments)
        results.append(
            PracticeResult(
                practice=practice,
                items=items,
                team=team,
                leader=_mean(leader_list),
                superior=_mean(superior_list),
                comments=practice_comments,
                formats=workshops.get(practice.code, []),
            )
        )
    report = Report(
        round=round_,
        threshold=threshold,
        invited=round_.invited_count,
        respondents=respondents,
        closed=closed,
        shown=shown,
        practices=results,
        has_leader=bool(leader_values),
        has_superior=bool(superior_values),
        withheld=withheld,
    )
    report.earlier = _trend(round_, results, today, viewer=viewer, audience=audience)
    return report
