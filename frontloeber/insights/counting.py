"""What the workplaces did, counted per workplace and quarter from the product's own tables (issue 18,
point 1).

``count_work`` reads a set of workplaces over a run of quarters in a fixed number of queries (one or two per
table, whatever the number of workplaces, quarters or rows). What can be counted is counted by the database,
each row placed in its quarter there; the rest is added up in Python from the rows: medians and "who took
part" need them, and both databases must give the same answer. A
``Tally`` holds one workplace's counts for one quarter; nothing in it names a person, and the sets of people
are only ever counted.

Three figures describe the workplace today rather than a quarter (its skills, its helpers, the ideas
waiting now): they are counted once, into ``Today``.
"""

import bisect
import datetime
import statistics
from collections import defaultdict
from dataclasses import dataclass, field, fields

from django.db import models
from django.db.models import Count, F, IntegerField, Max, Min, Q, Value, When
from django.utils import timezone

from frontloeber.actions.models import Barrier, BarrierChange, BarrierStatus
from frontloeber.competences.models import LearningActivity, Level, Signup, Skill, SkillProfile, SkillRating
from frontloeber.experiments.models import (
    AdoptionPlan,
    AdoptionState,
    Case,
    CaseTrial,
    Checkpoint,
    CriterionResult,
    Decision,
    Experiment,
    ExperimentState,
    SafetyReview,
    SuccessCriterion,
)
from frontloeber.ideas.models import EventKind, Idea, IdeaEvent, IdeaStatus, Support, ValueAxis
from frontloeber.organisations.models import CoreTaskRevision, Membership, Role
from frontloeber.workshops.models import OutputKind, SessionOutput

AXES = [axis.value for axis in ValueAxis]
CONTRIBUTING = (Role.EMPLOYEE, Role.LEADER)
CHECKPOINT_GRACE_DAYS = 7  # a checkpoint recorded within a week of its date is kept on time
# How far a take-up of a case got, from its idea's status.
TAKE_UP_STAGES = {
    IdeaStatus.NEW: "started",
    IdeaStatus.NEEDS_INFO: "started",
    IdeaStatus.QUALIFYING: "started",
    IdeaStatus.EXPERIMENTING: "trying",
    IdeaStatus.ADOPTED: "adopted",
    IdeaStatus.PARKED: "set_aside",
    IdeaStatus.NOT_PURSUED: "set_aside",
    IdeaStatus.WITHDRAWN: "set_aside",
    IdeaStatus.MERGED: "set_aside",
}


def median(values):
    return statistics.median(values) if values else None


def days_between(start, end):
    return (end - start).total_seconds() / 86400


@dataclass
class Tally:
    """One workplace's work in one quarter: counts, and the durations their medians are taken over."""

    # P1: the core task
    ideas: int = 0
    ideas_rated: dict = field(default_factory=lambda: dict.fromkeys(AXES, 0))
    ideas_all_rated: int = 0
    ideas_concerns: int = 0
    experiments_created: int = 0
    experiments_axis: dict = field(default_factory=lambda: dict.fromkeys(AXES, 0))
    checkpoints_recorded: int = 0
    checkpoints_axis: dict = field(default_factory=lambda: dict.fromkeys(AXES, 0))
    criteria: int = 0
    criteria_met: int = 0
    criteria_partly: int = 0
    # P2: ideas
    people_involved: set = field(default_factory=set)
    answer_days: list = field(default_factory=list)  # days to the first answer, of ideas answered
    answered_in_time: int = 0
    answer_due: int = 0  # ideas answered, or waiting longer than the target
    said_no: int = 0
    said_no_with_reason: int = 0
    ideas_from_workshops: int = 0
    # P3: culture and frames
    experiments_started: int = 0
    experiments_concluded: int = 0
    decisions: dict = field(default_factory=lambda: dict.fromkeys(Decision.values, 0))
    stopped_with_learning: int = 0
    days_to_first_experiment: list = field(default_factory=list)
    barriers_raised: int = 0
    barriers_removed: int = 0
    barriers_open: int = 0  # at the end of the quarter (or today, in the current one)
    open_barrier_days: list = field(default_factory=list)
    reviews_asked: dict = field(default_factory=lambda: {"dpo": 0, "it": 0})
    review_days: list = field(default_factory=list)
    # P4: mindset and skills
    activities_held: int = 0
    signups: int = 0
    attendance_known: int = 0
    attended: int = 0
    ratings: list = field(default_factory=list)
    # P5: change
    plans_went_live: int = 0
    plans_live: int = 0  # live at the end of the quarter
    checkpoints_due: int = 0
    checkpoints_on_time: int = 0
    cases_published: int = 0
    take_ups: int = 0
    take_up_stages: dict = field(default_factory=lambda: dict.fromkeys(set(TAKE_UP_STAGES.values()), 0))

    def pack(self):
        """The tally as a plain tuple: a thousand of them are kept in the cache, and unpickling a thousand
        dataclasses took longer than the page."""
        return tuple(getattr(self, f.name) for f in fields(self))

    @classmethod
    def unpack(cls, values):
        return cls(*values)

    @property
    def median_answer_days(self):
        return median(self.answer_days)

    @property
    def median_days_to_first_experiment(self):
        return median(self.days_to_first_experiment)

    @property
    def median_open_barrier_days(self):
        return median(self.open_barrier_days)

    @property
    def median_review_days(self):
        return median(self.review_days)

    @property
    def mean_rating(self):
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


@dataclass
class Today:
    """What a workplace holds today, not in a quarter."""

    contributors: int = 0  # employees and leaders now
    core_task_revised_at: datetime.datetime | None = None
    skills: int = 0
    skills_covered: int = 0  # at least two people use it confidently
    skills_needed_uncovered: int = 0  # planned work needs it and fewer than two are confident
    helpers: int = 0
    waiting_over_target: int = 0  # ideas waiting for the leader's first answer longer than the target
    target_days: int = 14

    def pack(self):
        return tuple(getattr(self, f.name) for f in fields(self))

    @classmethod
    def unpack(cls, values):
        return cls(*values)


@dataclass
class Work:
    """What ``count_work`` returns: tallies per (workplace id, quarter), and each workplace's ``Today``."""

    quarters: list
    tallies: dict
    today: dict
    first_day: dict  # workplace id -> the day of its first idea, for how long the trend may be
    counted_at: datetime.datetime | None = None

    def tally(self, workplace_id, quarter):
        return self.tallies[(workplace_id, quarter)]


def count_work(*, organisation, workplaces, quarters, now=None):
    """The work of ``workplaces`` (objects with ``pk`` and ``response_target_days``) of ``organisation``
    in ``quarters`` (consecutive, oldest first), in a fixed number of queries."""
    now = now or timezone.now()
    ids = [w.pk for w in workplaces]
    start, _end = quarters[0].bounds()
    _start, end = quarters[-1].bounds()
    tallies = {(pk, q): Tally() for pk in ids for q in quarters}
    # The quarters' first moments (and days), to find a row's quarter by bisection: converting each of many
    # thousand timestamps to the local time zone was most of the time a large workplace's figures took.
    moments = [q.bounds()[0] for q in quarters] + [end]
    days = [q.start for q in quarters] + [quarters[-1].end]

    def quarter_of(moment):
        if moment is None:
            return None
        edges = moments if isinstance(moment, datetime.datetime) else days
        index = bisect.bisect_right(edges, moment) - 1
        return quarters[index] if 0 <= index < len(quarters) else None

    def add(workplace_id, moment):
        quarter = quarter_of(moment)
        return tallies[(workplace_id, quarter)] if quarter is not None else None

    ours = {"organisation_id": organisation.pk, "workplace_id__in": ids}
    in_window = {"gte": start, "lt": end}

    def window(name):
        return Q(**{f"{name}__{op}": value for op, value in in_window.items()})

    targets = {w.pk: w.response_target_days for w in workplaces}
    members = defaultdict(set)
    for workplace_id, user_id in Membership.objects.filter(**ours, role__in=CONTRIBUTING).values_list(
        "workplace_id", "user_id"
    ):
        members[workplace_id].add(user_id)
    today = {pk: Today(contributors=len(members[pk]), target_days=targets[pk]) for pk in ids}

    _count_ideas(ours, window, add, targets, members, tallies, today, now, quarters)
    _count_experiments(ours, window, add, quarters, tallies)
    _count_barriers(ours, start, end, now, quarters, tallies, quarter_of)
    _count_skills(organisation, ours, window, add, members, today, now)
    _count_change(ours, window, add, quarters, tallies, ids, now)

    for workplace_id, revised_at in (
        CoreTaskRevision.objects.filter(**ours).values("workplace_id").annotate(last=Max("revised_at"))
    ).values_list("workplace_id", "last"):
        today[workplace_id].core_task_revised_at = revised_at
    first_day = {
        workplace_id: timezone.localtime(first).date()
        for workplace_id, first in Idea.objects.filter(**ours)
        .values("workplace_id")
        .annotate(first=Min("created_at"))
        .values_list("workplace_id", "first")
    }
    return Work(quarters=quarters, tallies=tallies, today=today, first_day=first_day, counted_at=now)


def _bucket(field, quarters):
    """The index of the quarter ``field`` falls in, computed by the database (rows before the first are not
    read: every query filters on the window)."""
    edges = [q.bounds()[1] for q in quarters[:-1]]
    return models.Case(
        *[When(**{f"{field}__lt": edge}, then=Value(index)) for index, edge in enumerate(edges)],
        default=Value(len(quarters) - 1),
        output_field=IntegerField(),
    )


def _quarter_index(field, quarters):
    """The index of the quarter ``field`` falls in, or NULL when it is empty or outside them: for rows read
    because another of their times is in the window. An integer from the database rather than a time to
    place in Python: Django reads each PostgreSQL time through a loader written in Python."""
    start, _end = quarters[0].bounds()
    _start, end = quarters[-1].bounds()
    return models.Case(
        When(**{f"{field}__isnull": True}, then=Value(None)),
        When(**{f"{field}__lt": start}, then=Value(None)),
        When(**{f"{field}__gte": end}, then=Value(None)),
        default=_bucket(field, quarters),
        output_field=IntegerField(),
    )


def _by_target(targets, make_q):
    """One condition for all workplaces: ``make_q(days)`` for the workplaces whose response target is that
    many days (a few distinct targets, however many workplaces)."""
    grouped = defaultdict(list)
    for workplace_id, days in targets.items():
        grouped[days].append(workplace_id)
    condition = Q(pk__in=[])
    for days, ids in grouped.items():
        condition |= Q(workplace_id__in=ids) & make_q(datetime.timedelta(days=days))
    return condition


def _count_ideas(ours, window, add, targets, members, tallies, today, now, quarters):
    """Added up by the database per workplace and quarter: a large workplace brings thousands of ideas and
    tens of thousands of supports over two years, too many to read one by one on a page."""
    ideas = (
        Idea.objects.filter(**ours).filter(window("created_at")).annotate(q=_bucket("created_at", quarters))
    )
    answered = Q(first_response_at__isnull=False)
    in_time = _by_target(targets, lambda target: Q(first_response_at__lte=F("created_at") + target))
    late_waiting = _by_target(
        targets, lambda target: Q(first_response_at__isnull=True, created_at__lt=now - target)
    )
    rated = {axis: Q(**{f"value_{axis}__isnull": False}) for axis in AXES}
    rows = (
        ideas.order_by()
        .values("workplace_id", "q")
        .annotate(
            n=Count("pk"),
            all_rated=Count("pk", filter=rated["citizens"] & rated["quality"] & rated["routines"]),
            concerns=Count("pk", filter=~Q(concerns="") | ~Q(qualification_risks="")),
            due=Count("pk", filter=answered | late_waiting),
            in_time=Count("pk", filter=answered & in_time),
            **{f"rated_{axis}": Count("pk", filter=condition) for axis, condition in rated.items()},
        )
    )
    for row in rows:
        tally = tallies[(row["workplace_id"], quarters[row["q"]])]
        tally.ideas = row["n"]
        tally.ideas_all_rated = row["all_rated"]
        tally.ideas_concerns = row["concerns"]
        tally.answer_due = row["due"]
        tally.answered_in_time = row["in_time"]
        for axis in AXES:
            tally.ideas_rated[axis] = row[f"rated_{axis}"]
    waited = ideas.filter(answered).annotate(waited=F("first_response_at") - F("created_at"))
    for workplace_id, index, waited_for in waited.values_list("workplace_id", "q", "waited").order_by():
        tallies[(workplace_id, quarters[index])].answer_days.append(waited_for.total_seconds() / 86400)
    # Who took part: each person once per workplace and quarter, as the database says.
    supports = (
        Support.objects.filter(**ours)
        .filter(window("created_at"))
        .annotate(q=_bucket("created_at", quarters))
    )
    for source in (
        ideas.values_list("workplace_id", "q", "author_id"),
        supports.values_list("workplace_id", "q", "user_id"),
    ):
        for workplace_id, index, user_id in source.order_by().distinct():
            if user_id in members[workplace_id]:
                tallies[(workplace_id, quarters[index])].people_involved.add(user_id)
    for workplace_id, created_at, message in (
        IdeaEvent.objects.filter(**ours, kind=EventKind.MOVED, to_status=IdeaStatus.NOT_PURSUED)
        .filter(window("created_at"))
        .values_list("workplace_id", "created_at", "message")
        .order_by()
    ):
        tally = add(workplace_id, created_at)
        tally.said_no += 1
        tally.said_no_with_reason += bool(message.strip())
    # Each idea once, however many workshop outputs name it.
    for workplace_id, _idea_id, created_at in (
        SessionOutput.objects.filter(**ours, kind=OutputKind.IDEA, idea__isnull=False, post__isnull=False)
        .filter(window("idea__created_at"))
        .values_list("workplace_id", "idea_id", "idea__created_at")
        .order_by()
        .distinct()
    ):
        add(workplace_id, created_at).ideas_from_workshops += 1
    over_target = _by_target(targets, lambda target: Q(awaiting_leader_since__lt=now - target))
    for workplace_id, n in (
        Idea.objects.filter(**ours, awaiting_leader_since__isnull=False).filter(over_target)
        .values("workplace_id").annotate(n=Count("pk")).values_list("workplace_id", "n").order_by()
    ):  # fmt: skip
        today[workplace_id].waiting_over_target = n


def _count_experiments(ours, window, add, quarters, tallies):
    # Whether learnings were written, not the text: the services store it stripped, and reading every
    # experiment's whole text was most of an indicators page's time at a municipality's size. The quarters
    # are placed by the database, and the criteria added up there.
    experiments = (
        Experiment.objects.filter(**ours)
        .filter(window("created_at") | window("started_at") | window("concluded_at"))
        .annotate(
            learned=models.ExpressionWrapper(~Q(learnings=""), output_field=models.BooleanField()),
            created_q=_quarter_index("created_at", quarters),
            started_q=_quarter_index("started_at", quarters),
            concluded_q=_quarter_index("concluded_at", quarters),
            # From the idea to its first experiment (a follow-up's is not counted).
            to_first=models.Case(
                When(follows_id__isnull=True, then=F("started_at") - F("idea__created_at")),
                output_field=models.DurationField(),
            ),
        )
        .values_list(
            "workplace_id", "created_q", "started_q", "concluded_q", "decision", "learned", "to_first"
        )
        .order_by()
    )  # fmt: skip
    for workplace_id, created_q, started_q, concluded_q, decision, learned, to_first in experiments:
        if created_q is not None:
            tallies[(workplace_id, quarters[created_q])].experiments_created += 1
        if started_q is not None:
            tally = tallies[(workplace_id, quarters[started_q])]
            tally.experiments_started += 1
            if to_first is not None:
                tally.days_to_first_experiment.append(to_first.total_seconds() / 86400)
        if concluded_q is not None and decision:
            tally = tallies[(workplace_id, quarters[concluded_q])]
            tally.experiments_concluded += 1
            tally.decisions[decision] += 1
            tally.stopped_with_learning += decision == Decision.STOP and bool(learned)
    # Per axis, the experiments with a criterion on it in the quarter they were made, and the criteria of the
    # experiments concluded in a quarter with how they went. An experiment has one quarter it was concluded
    # in (or none), so adding up its groups counts it once.
    concluded = Q(experiment__state=ExperimentState.CONCLUDED)
    for workplace_id, created_q, concluded_q, axis, experiments, criteria, met, partly in (
        SuccessCriterion.objects.filter(**ours)
        .filter(window("experiment__created_at") | window("experiment__concluded_at"))
        .values(
            "workplace_id", "axis",
            created_q=_quarter_index("experiment__created_at", quarters),
            concluded_q=_quarter_index("experiment__concluded_at", quarters),
        )
        .annotate(
            experiments=Count("experiment_id", distinct=True),
            criteria=Count("pk", filter=concluded),
            met=Count("pk", filter=concluded & Q(result=CriterionResult.MET)),
            partly=Count("pk", filter=concluded & Q(result=CriterionResult.PARTLY)),
        )
        .values_list("workplace_id", "created_q", "concluded_q", "axis", "experiments", "criteria", "met",
                     "partly")
        .order_by()
    ):  # fmt: skip
        if created_q is not None:
            tallies[(workplace_id, quarters[created_q])].experiments_axis[axis] += experiments
        if concluded_q is not None:
            tally = tallies[(workplace_id, quarters[concluded_q])]
            tally.criteria += criteria
            tally.criteria_met += met
            tally.criteria_partly += partly
    for workplace_id, role, asked_at, decided_at in (
        SafetyReview.objects.filter(**ours).filter(window("asked_at"))
        .values_list("workplace_id", "role", "asked_at", "decided_at").order_by()
    ):  # fmt: skip
        tally = add(workplace_id, asked_at)
        tally.reviews_asked[role] = tally.reviews_asked.get(role, 0) + 1
        if decided_at is not None:
            tally.review_days.append(days_between(asked_at, decided_at))


def _count_barriers(ours, start, end, now, quarters, tallies, quarter_of):
    """Raised, removed, and open at each quarter's end with their age. When a barrier was removed is its
    last change to "removed" (kept since issue 18), or, for one removed before, when it last changed. A
    barrier removed before the first quarter counts in none (its removal moved ``updated_at`` on)."""
    removed_at = dict(
        BarrierChange.objects.filter(**ours, field=BarrierChange.Field.STATUS, to_value=BarrierStatus.REMOVED)
        .values("barrier_id")
        .annotate(last=Max("at"))
        .values_list("barrier_id", "last")
    )
    barriers = (
        Barrier.objects.filter(**ours, created_at__lt=end)
        .exclude(status=BarrierStatus.REMOVED, updated_at__lt=start)
        .values_list("pk", "workplace_id", "created_at", "status", "updated_at")
        .order_by()
    )
    # Each quarter's end, or now for the one under way: when a barrier's openness is read.
    moments = [min(quarter.bounds()[1], now) for quarter in quarters]
    for pk, workplace_id, created_at, status, updated_at in barriers:
        gone = None
        if status == BarrierStatus.REMOVED:
            gone = removed_at.get(pk, updated_at)
        if (quarter := quarter_of(created_at)) is not None:
            tallies[(workplace_id, quarter)].barriers_raised += 1
        if gone is not None and (quarter := quarter_of(gone)) is not None:
            tallies[(workplace_id, quarter)].barriers_removed += 1
        for quarter, moment in zip(quarters, moments, strict=True):
            if created_at < moment and (gone is None or gone >= moment):
                tally = tallies[(workplace_id, quarter)]
                tally.barriers_open += 1
                tally.open_barrier_days.append(days_between(created_at, moment))


def _count_skills(organisation, ours, window, add, members, today, now):
    skills = dict(
        Skill.objects.filter(**ours, retired_at__isnull=True).values_list("pk", "workplace_id").order_by()
    )
    confident = defaultdict(set)
    for skill_id, user_id in SkillRating.objects.filter(
        organisation_id=organisation.pk, skill_id__in=list(skills), level__gte=Level.CONFIDENT
    ).values_list("skill_id", "user_id"):
        if user_id in members[skills[skill_id]]:
            confident[skill_id].add(user_id)
    needed = set(
        Experiment.skills.through.objects.filter(
            experiment__organisation_id=ours["organisation_id"],
            experiment__workplace_id__in=ours["workplace_id__in"],
            experiment__state__in=[ExperimentState.PLANNED, ExperimentState.RUNNING],
        ).values_list("skill_id", flat=True)
    ) | set(
        AdoptionPlan.skills.through.objects.filter(
            adoptionplan__organisation_id=ours["organisation_id"],
            adoptionplan__workplace_id__in=ours["workplace_id__in"],
            adoptionplan__state=AdoptionState.PLANNED,
        ).values_list("skill_id", flat=True)
    )
    for skill_id, workplace_id in skills.items():
        covered = len(confident[skill_id]) >= 2
        today[workplace_id].skills += 1
        today[workplace_id].skills_covered += covered
        today[workplace_id].skills_needed_uncovered += skill_id in needed and not covered
    # Of the counted workplaces' people only: a page of a few workplaces (the API's) read every helper of
    # the organisation before, 23,000 ids at the size of a large municipality.
    counted = Membership.objects.filter(**ours, role__in=CONTRIBUTING).values("user_id")
    helpers = set(
        SkillProfile.objects.filter(
            organisation_id=organisation.pk, willing_to_help=True, user_id__in=counted
        ).values_list("user_id", flat=True)
    )
    for workplace_id, people in members.items():
        if workplace_id in today:
            today[workplace_id].helpers = len(people & helpers)
    for workplace_id, starts_at in (
        LearningActivity.objects.filter(**ours, cancelled_at__isnull=True, starts_at__lte=now)
        .filter(window("starts_at"))
        .values_list("workplace_id", "starts_at")
        .order_by()
    ):
        add(workplace_id, starts_at).activities_held += 1
    for workplace_id, starts_at, attended, rating in (
        Signup.objects.filter(**ours, activity__cancelled_at__isnull=True, activity__starts_at__lte=now)
        .filter(window("activity__starts_at"))
        .values_list("workplace_id", "activity__starts_at", "attended", "rating")
        .order_by()
    ):
        tally = add(workplace_id, starts_at)
        tally.signups += 1
        if attended is not None:
            tally.attendance_known += 1
            tally.attended += attended
        if rating is not None:
            tally.ratings.append(rating)


def _count_change(ours, window, add, quarters, tallies, ids, now):
    ends = [quarter.bounds()[1] for quarter in quarters]
    for workplace_id, live_at in (
        AdoptionPlan.objects.filter(**ours, live_at__isnull=False, live_at__lt=ends[-1])
        .values_list("workplace_id", "live_at").order_by()
    ):  # fmt: skip
        if (tally := add(workplace_id, live_at)) is not None:
            tally.plans_went_live += 1
        for quarter, end in zip(quarters, ends, strict=True):
            if live_at < end:
                tallies[(workplace_id, quarter)].plans_live += 1
    today = timezone.localtime(now).date()
    for workplace_id, due_on, recorded_at in (
        Checkpoint.objects.filter(**ours, due_on__lte=today).filter(window("due_on"))
        .values_list("workplace_id", "due_on", "recorded_at").order_by()
    ):  # fmt: skip
        tally = add(workplace_id, due_on)
        tally.checkpoints_due += 1
        if recorded_at is not None:
            tally.checkpoints_on_time += timezone.localtime(
                recorded_at
            ).date() <= due_on + datetime.timedelta(days=CHECKPOINT_GRACE_DAYS)
    for workplace_id, recorded_at, *values in (
        Checkpoint.objects.filter(**ours, recorded_at__isnull=False).filter(window("recorded_at"))
        .values_list("workplace_id", "recorded_at", "value_citizens", "value_quality", "value_routines")
        .order_by()
    ):  # fmt: skip
        tally = add(workplace_id, recorded_at)
        tally.checkpoints_recorded += 1
        for axis, value in zip(AXES, values, strict=True):
            tally.checkpoints_axis[axis] += value is not None
    for workplace_id, published_at in (
        Case.objects.filter(**ours).filter(window("published_at"))
        .values_list("workplace_id", "published_at").order_by()
    ):  # fmt: skip
        add(workplace_id, published_at).cases_published += 1
    # Take-ups of this workplace's cases by other workplaces: counted for the case's workplace.
    for workplace_id, created_at, status in (
        CaseTrial.objects.filter(organisation_id=ours["organisation_id"], case__workplace_id__in=ids)
        .exclude(workplace_id=F("case__workplace_id"))
        .filter(window("created_at"))
        .values_list("case__workplace_id", "created_at", "idea__status")
        .order_by()
    ):
        tally = add(workplace_id, created_at)
        tally.take_ups += 1
        tally.take_up_stages[TAKE_UP_STAGES[status]] += 1
