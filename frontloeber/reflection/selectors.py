"""Reads for the reflection survey: the question bank, rounds, and the report.

The anonymity threshold is applied here and only here: ``round_report`` and ``organisation_rollup`` do not
even read employees' answers for a round that is still open or has fewer answers than the threshold, so no
page, PDF or export built on them can show a figure from them. Results are read only after a round closes,
so watching a report change as answers come in cannot single anyone out.
"""

import random
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.workshops.selectors import formats_by_practice

from . import eligibility, tokens
from .models import (
    Answer,
    AssessmentAnswer,
    AssessorKind,
    Item,
    Practice,
    PracticeComment,
    QuestionBankVersion,
    ReflectionQuestion,
    Response,
    Round,
    RoundExclusion,
    RoundInvitation,
    RoundState,
)

LINK_NOT_VALID = _(
    "This survey link does not work: it may belong to someone else, or a newer link has replaced it. "
    "Use the newest link in your own e-mail, or open the survey from the workplace's Reflection page."
)
ANSWERED_USE_YOUR_LINK = _(
    "You have answered. To change your answers, use the personal link in the e-mail we sent you when you "
    "answered: nobody, not even Frontløber, can find your answers without it."
)
# A gap between the leader's view and the team's this large (on the 1–5 scale) is worth talking about.
NOTABLE_GAP = 0.5


def current_version():
    return QuestionBankVersion.objects.order_by("-number").first()


def practices_with_items(*, version):
    """The version's five practices with their items and reflection questions, in three queries."""
    return list(
        Practice.objects.filter(version=version)
        .prefetch_related(
            Prefetch("items", queryset=Item.objects.order_by("position")),
            Prefetch("reflection_questions", queryset=ReflectionQuestion.objects.order_by("position")),
        )
        .order_by("position")
    )


# --- Rounds -------------------------------------------------------------------------------------------


def effective_threshold(round_):
    """The stricter of the round's promise and the organisation's setting today."""
    return max(round_.threshold, round_.organisation.reflection_threshold)


def round_unfinished(*, workplace, today=None):
    """The workplace's round that has not closed yet (scheduled or open), if any."""
    today = today or timezone.localdate()
    return (
        Round.objects.filter(workplace=workplace, closed_early_on__isnull=True, closes_on__gte=today)
        .select_related("workplace", "leader")
        .order_by("opens_on")
        .first()
    )


def workplace_rounds(*, workplace):
    """The workplace's rounds, newest first, each with how many have answered."""
    return (
        Round.objects.filter(organisation_id=workplace.organisation_id, workplace=workplace)
        .select_related("leader", "workplace")
        .annotate(answered_count=Count("invitations", filter=Q(invitations__answered=True)))
        .order_by("-opens_on", "-pk")
    )


def _round_for_report():
    return Round.objects.select_related("workplace__organisation", "organisation", "version", "leader")


def access_round(*, workplace, round_id):
    """The workplace's round, or None (missing and another workplace's answer alike)."""
    return (
        _round_for_report()
        .filter(organisation_id=workplace.organisation_id, workplace=workplace, pk=round_id)
        .first()
    )


def access_organisation_round(*, organisation, round_id):
    """A round of any of the organisation's workplaces, for its admins, or None."""
    return _round_for_report().filter(organisation=organisation, pk=round_id).first()


def answered_count(*, round_):
    return RoundInvitation.objects.filter(round=round_, answered=True).count()


def survey_waiting_for(*, workplace, user, today=None):
    """The open round of the workplace that asks this person and that they have not answered, if any."""
    today = today or timezone.localdate()
    return (
        Round.objects.filter(
            organisation_id=workplace.organisation_id,
            workplace=workplace,
            opens_on__lte=today,
            closes_on__gte=today,
            closed_early_on__isnull=True,
            invitations__user=user,
            invitations__answered=False,
        )
        .order_by("closes_on")
        .first()
    )


def workplace_home_survey(*, workplace, user):
    """The workplace home's reminder of a survey that waits for this person's answer."""
    return {"survey_waiting": survey_waiting_for(workplace=workplace, user=user)}


def my_invitation(*, round_, user):
    return RoundInvitation.objects.filter(round=round_, user=user).first()


def my_exclusion(*, round_, user):
    """Why the person was not asked in the round, if they were an employee left out when it was created."""
    return RoundExclusion.objects.filter(round=round_, user=user).first()


def round_exclusions(*, round_):
    """The employees the round did not ask, and why, by name."""
    return list(
        RoundExclusion.objects.filter(
            organisation_id=round_.organisation_id, workplace_id=round_.workplace_id, round=round_
        )
        .select_related("user")
        .order_by("reason", "user__full_name", "user__email")
    )


def round_preview(*, workplace, leader, now=None):
    """Whom a round the leader created now would ask, and who it would leave out and why (for the form)."""
    now = now or timezone.now()
    found = eligibility.survey_eligibility(
        workplace=workplace, leader=leader, at=now, days=workplace.organisation.survey_eligibility_days
    )
    users = get_user_model().objects.in_bulk(list(found.not_asked))
    left_out = sorted(
        (
            {"user": users[pk], "reason": reason, "asked_from": found.asked_from.get(pk)}
            for pk, reason in found.not_asked.items()
        ),
        key=lambda entry: (entry["reason"], entry["user"].full_name, entry["user"].email),
    )
    days = workplace.organisation.survey_eligibility_days
    recent = [entry["asked_from"] for entry in left_out if entry["asked_from"]]
    return {
        "asked": len(found.asked),
        "not_asked": left_out,
        "days": days,
        "reasons": {entry["reason"] for entry in left_out},
        # The first day a round would ask everyone now left out as recent, if nothing changes.
        "all_asked_from": max(recent) if recent else None,
    }


def invitation_for_link(*, workplace, user, secret):
    """The person's own invitation that this link's secret opens, or None."""
    if not tokens.looks_like_secret(secret or ""):
        return None
    return (
        RoundInvitation.objects.select_related(
            "round__version", "round__workplace__organisation", "round__leader"
        )
        .filter(workplace=workplace, user=user, token_hash=tokens.invitation_hash(secret))
        .first()
    )


def response_for_link(*, round_, secret):
    """The answers given with this link's secret, as ({item_id: value}, {practice_id: text}), or None."""
    response = Response.objects.filter(round=round_, locator=tokens.response_locator(secret)).first()
    if response is None:
        return None
    answers = dict(response.answers.values_list("item_id", "value"))
    comments = dict(response.comments.values_list("practice_id", "text"))
    return answers, comments


def assessment_values(*, round_, kind):
    """The leader's or superior's answers as {item_id: value}, or None when not given."""
    rows = list(
        AssessmentAnswer.objects.filter(assessment__round=round_, assessment__kind=kind).values_list(
            "item_id", "value"
        )
    )
    return dict(rows) if rows else None


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
        Response.objects.filter(round_id__in=round_ids)
        .values("round_id")
        .annotate(n=Count("id"))
        .values_list("round_id", "n")
    )


def _team_practice_means(rounds):
    """{(round_id, practice code): the team's mean} for rounds shown, in one grouped query. A practice gets a
    mean only when some statement of it has as many answers on the scale as the round's threshold."""
    thresholds = {r.pk: effective_threshold(r) for r in rounds}
    totals = defaultdict(lambda: [0, 0])  # sum, count
    most = defaultdict(int)
    rows = (
        Answer.objects.filter(round_id__in=list(thresholds), value__isnull=False)
        .values("round_id", "item__practice__code", "item_id")
        .annotate(total=Sum("value"), n=Count("value"))
        .values_list("round_id", "item__practice__code", "total", "n")
    )
    for round_id, code, total, n in rows:
        key = (round_id, code)
        totals[key][0] += total
        totals[key][1] += n
        most[key] = max(most[key], n)
    return {key: total / n for key, (total, n) in totals.items() if most[key] >= thresholds[key[0]]}


def _trend(round_, practices, today, viewer=None):
    """Earlier closed rounds of the workplace, oldest first, with each practice's means (matched by code)."""
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
    ][-4:]
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


def round_report(*, round_, today=None, viewer=None):
    """The round's report. Employees' figures are read only when the round is closed and has at least the
    threshold's number of answers; otherwise the report holds the leader's and superior's answers alone.
    ``viewer``: an organisation admin reading it in the organisation's views, from whom the figures of rounds
    they could have planted answers in are withheld (eligibility.withheld_from)."""
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
    report.earlier = _trend(round_, results, today, viewer=viewer)
    return report


# --- The organisation's roll-up -----------------------------------------------------------------------


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
    workplaces = list(Workplace.objects.filter(organisation=organisation).order_by("name"))
    rounds = Round.objects.filter(organisation=organisation).select_related(
        "organisation", "workplace", "leader"
    )
    latest, unfinished = {}, []
    for round_ in rounds.order_by("opens_on", "pk"):
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
