"""Each indicator against a hand-built workplace whose right answer is known.

The workplace's history is placed in a quarter wholly in the past (two before today's), so the figures do
not depend on the day the test runs; rows made at today's date fall outside it and must not count.
"""

import datetime

import pytest
from django.utils import timezone, translation

from frontloeber.actions import services as action_services
from frontloeber.actions.models import Barrier, BarrierChange
from frontloeber.competences.models import LearningActivity, Signup, Skill, SkillRating
from frontloeber.experiments.models import (
    AdoptionPlan,
    AdoptionState,
    Case,
    CaseTrial,
    Checkpoint,
    Experiment,
    ExperimentState,
    SuccessCriterion,
)
from frontloeber.ideas.models import EventKind, Idea, IdeaEvent, IdeaStatus, Support
from frontloeber.insights.counting import count_work
from frontloeber.insights.indicators import BY_KEY, TABLE
from frontloeber.insights.periods import Quarter, QuarterError, trend_quarters
from frontloeber.organisations import services as organisation_services
from frontloeber.organisations.models import Role
from frontloeber.workshops import services as workshop_services
from frontloeber.workshops.models import OutputKind, SessionOutput
from tests.factories import WorkplaceFactory, live_session, make_idea, member

pytestmark = pytest.mark.django_db

QUARTER = Quarter.current().previous().previous()
START, END = QUARTER.bounds()


def at(days, hours=12):
    """A moment ``days`` into the quarter."""
    return START + datetime.timedelta(days=days, hours=hours)


def place(obj, **moments):
    type(obj).objects.filter(pk=obj.pk).update(**moments)


@pytest.fixture
def world():
    workplace = WorkplaceFactory(response_target_days=14)
    organisation = workplace.organisation
    organisation.reflection_threshold = 5
    organisation.save()
    leader = member(workplace, Role.LEADER).user
    e1, e2, e3, e4 = (member(workplace, Role.EMPLOYEE).user for _ in range(4))
    member(workplace, Role.OBSERVER)  # not a contributor: neither in the ten nor in the share

    all_rated = {"citizens": (1, "Borgerne"), "quality": (1, "Fagligt"), "routines": (2, "Hverdagen")}
    two_rated = {"citizens": (2, "Forældrene"), "quality": (1, ""), "routines": (None, "")}
    i1 = make_idea(
        workplace, author=e1, title="Et", values=all_rated, concerns="Det kan tage tid fra børnene"
    )
    i2 = make_idea(workplace, author=e2, title="To", values=two_rated)
    i3 = make_idea(workplace, author=e1, title="Tre", values=two_rated)
    place(i1, created_at=at(1), first_response_at=at(3))  # answered in 2 days: within the target
    place(i2, created_at=at(2), first_response_at=at(22))  # in 20 days: late
    place(i3, created_at=at(3), awaiting_leader_since=at(3))  # never answered: late, and waiting now
    earlier = make_idea(workplace, author=e4, title="Før", values=two_rated)
    place(earlier, created_at=at(-10), first_response_at=at(-9))  # the quarter before
    Support.objects.create(workplace=workplace, idea=i1, user=e3, created_at=at(5))
    Support.objects.create(workplace=workplace, idea=i1, user=leader, created_at=at(400))  # outside
    IdeaEvent.objects.create(
        workplace=workplace, idea=earlier, actor=leader, kind=EventKind.MOVED,
        from_status=IdeaStatus.NEW, to_status=IdeaStatus.NOT_PURSUED, message="Vi har ikke råd",
        created_at=at(6),
    )  # fmt: skip

    # An experiment of idea 1, planned, started and stopped with its learning in the quarter.
    x1 = Experiment.objects.create(
        workplace=workplace, idea=i1, hypothesis="H", starts_on=at(10).date(), ends_on=at(40).date(),
        stop_rule="S", state=ExperimentState.CONCLUDED, decision="stop", learnings="Vi lærte noget",
        created_at=at(8), started_at=at(10), concluded_at=at(40),
    )  # fmt: skip
    SuccessCriterion.objects.create(
        workplace=workplace, experiment=x1, axis="citizens", description="a", measure="m", result="met"
    )
    SuccessCriterion.objects.create(
        workplace=workplace, experiment=x1, axis="quality", description="b", measure="m", result="partly"
    )
    SuccessCriterion.objects.create(
        workplace=workplace, experiment=x1, axis="quality", description="c", measure="m", result="not_met"
    )
    # A planned experiment of idea 2 that needs a skill only one person has.
    x2 = Experiment.objects.create(
        workplace=workplace, idea=i2, hypothesis="H", starts_on=at(500).date(), ends_on=at(530).date(),
        stop_rule="S", state=ExperimentState.PLANNED, created_at=at(500),
    )  # fmt: skip

    # Barriers: one raised the quarter before and removed in this one, one raised in it and still open.
    b1 = Barrier.objects.create(workplace=workplace, kind="time", description="Ingen tid", created_by=leader)
    place(b1, created_at=at(-20))
    action_services.barrier_update(actor=leader, barrier=b1, status="removed")
    BarrierChange.objects.filter(barrier=b1).update(at=at(30))
    b2 = Barrier.objects.create(workplace=workplace, kind="worry", description="Bekymring", created_by=leader)
    place(b2, created_at=at(50))

    # Skills: one two people use confidently, one only one person does, which the planned experiment needs.
    covered = Skill.objects.create(workplace=workplace, area="devices", name="Tablet")
    thin = Skill.objects.create(workplace=workplace, area="devices", name="Aula")
    for user in (e1, e2):
        SkillRating.objects.create(organisation=workplace.organisation, user=user, skill=covered, level=2)
    SkillRating.objects.create(organisation=workplace.organisation, user=e1, skill=thin, level=3)
    SkillRating.objects.create(organisation=workplace.organisation, user=e2, skill=thin, level=1)
    x2.skills.add(thin)
    activity = LearningActivity.objects.create(
        workplace=workplace, kind="peer", title="Legestue", starts_at=at(20), created_by=leader, host=leader
    )
    Signup.objects.create(workplace=workplace, activity=activity, user=e1, attended=True, rating=4)
    Signup.objects.create(workplace=workplace, activity=activity, user=e2, attended=False)
    Signup.objects.create(workplace=workplace, activity=activity, user=e3)  # attendance not recorded

    # Change: idea 1's plan went live in the quarter; one checkpoint kept on time, one not recorded.
    plan = AdoptionPlan.objects.create(
        workplace=workplace, idea=i1, experiment=x1, affected="Alle", go_live_on=at(45).date(),
        responsible=leader, state=AdoptionState.LIVE, live_at=at(45),
    )  # fmt: skip
    Checkpoint.objects.create(
        workplace=workplace, plan=plan, days=30, due_on=at(60).date(), recorded_at=at(63),
        value_citizens=2, value_quality=None, value_routines=1,
    )  # fmt: skip
    Checkpoint.objects.create(workplace=workplace, plan=plan, days=90, due_on=at(80).date())
    case = Case.objects.create(
        workplace=workplace, idea=i1, summary="S", value_achieved="V", what_it_took="W", learnings="L",
        contact=leader, published_by=leader, published_at=at(70),
    )  # fmt: skip
    other = WorkplaceFactory(organisation=workplace.organisation)
    taken = make_idea(other, title="Taget op")
    CaseTrial.objects.create(workplace=other, case=case, idea=taken, created_at=at(75))

    organisation_services.workplace_update(
        actor=leader,
        workplace=workplace,
        name=workplace.name,
        sector=workplace.sector,
        core_task="Ny kerneopgave",
    )
    return workplace


def reading(work, workplace, key, quarter=QUARTER):
    return BY_KEY[key].reading(
        work.tally(workplace.pk, quarter),
        work.today[workplace.pk],
        workplace.organisation.reflection_threshold,
    )


def test_every_indicator_of_a_known_workplace(world, django_assert_max_num_queries):
    workplace = Idea.objects.filter(workplace=world).first().workplace
    with django_assert_max_num_queries(28):
        work = count_work(
            organisation=workplace.organisation, workplaces=[workplace], quarters=QUARTER.back(2)
        )
    value = {key: reading(work, workplace, key).value for key in BY_KEY}
    # P1
    assert value["ideas_all_values"] == pytest.approx(100 / 3)
    assert value["ideas_value_citizens"] == 100
    assert value["ideas_value_routines"] == pytest.approx(100 / 3)
    assert value["ideas_concerns"] == pytest.approx(100 / 3)
    assert value["experiments_value_citizens"] == 100
    assert value["experiments_value_quality"] == 100
    assert value["experiments_value_routines"] == 0
    assert value["checkpoints_value_citizens"] == 100
    assert value["checkpoints_value_quality"] == 0
    assert value["criteria_met"] == pytest.approx(100 / 3)
    assert value["criteria_partly"] == pytest.approx(100 / 3)
    assert value["core_task_revised"] == timezone.localdate()
    # P2: 3 ideas, 5 employees and leaders; the two authors and the supporter took part.
    assert value["ideas_per_ten"] == 6
    assert value["people_involved"] == 60
    assert value["answered_in_time"] == pytest.approx(100 / 3)
    assert value["median_answer_days"] == 11
    assert value["no_with_reason"] == 100
    assert value["ideas_from_workshops"] == 0
    # P3
    assert value["experiments_started"] == 1
    assert value["experiments_concluded"] == 1
    with translation.override("en"):
        assert reading(work, workplace, "experiments_concluded").detail.endswith("1 stopped with learning")
    assert value["days_to_first_experiment"] == 9
    assert value["barriers_raised"] == 1
    assert work.tally(workplace.pk, QUARTER).barriers_removed == 1
    assert value["barriers_open"] == 1
    assert work.tally(workplace.pk, QUARTER).open_barrier_days == [pytest.approx((END - at(50)).days + 0.5)]
    assert value["safety_reviews"] == 0
    # P4
    assert value["skills_covered"] == 1
    assert value["skills_gaps"] == 1
    assert value["activities_held"] == 1
    # Two whose attendance is known and one rating: fewer than the threshold of five, so neither is shown.
    assert value["attendance"] is None and value["activity_rating"] is None
    tally = work.tally(workplace.pk, QUARTER)
    assert (tally.attended, tally.attendance_known, tally.ratings) == (1, 2, [4])
    assert BY_KEY["attendance"].reading(tally, work.today[workplace.pk], 2).value == 50
    assert BY_KEY["activity_rating"].reading(tally, work.today[workplace.pk], 1).value == 4
    # P5
    assert value["plans_went_live"] == 1
    assert value["plans_live"] == 1
    assert value["checkpoints_on_time"] == 50
    assert value["cases_published"] == 1
    assert value["take_ups"] == 1
    assert work.tally(workplace.pk, QUARTER).take_up_stages["started"] == 1
    # The quarter before: the earlier idea and the barrier open at its end.
    before = work.tally(workplace.pk, QUARTER.previous())
    assert (before.ideas, before.barriers_open, before.barriers_raised) == (1, 1, 1)
    assert work.today[workplace.pk].waiting_over_target == 1


def test_the_tables_figures_alone_are_the_readings_values(world):
    work = count_work(organisation=world.organisation, workplaces=[world], quarters=QUARTER.back(2))
    for quarter in QUARTER.back(2):
        for key in TABLE:
            tally, today = work.tally(world.pk, quarter), work.today[world.pk]
            assert BY_KEY[key].numbers is not None, key
            assert BY_KEY[key].value(tally, today, 5) == BY_KEY[key].reading(tally, today, 5).value, key


def test_a_share_of_people_is_not_shown_below_the_threshold(world):
    organisation = world.organisation
    organisation.reflection_threshold = 6  # five employees and leaders: fewer than the threshold
    organisation.save()
    work = count_work(organisation=organisation, workplaces=[world], quarters=[QUARTER])
    with translation.override("en"):
        involved = reading(work, world, "people_involved")
    assert involved.value is None
    assert "fewer than 6" in involved.detail
    assert reading(work, world, "ideas_per_ten").value == 6  # the count of ideas still stands


def test_the_query_count_does_not_grow_with_the_workplaces(world, django_assert_num_queries):
    more = [world, *(WorkplaceFactory(organisation=world.organisation) for _ in range(3))]
    with django_assert_num_queries(27):
        count_work(organisation=world.organisation, workplaces=[world], quarters=QUARTER.back(8))
    with django_assert_num_queries(27):
        count_work(organisation=world.organisation, workplaces=more, quarters=QUARTER.back(8))


def test_quarters_are_read_and_refused_with_reasons():
    today = datetime.date(2026, 12, 5)
    assert Quarter.parse("", today=today) == Quarter(2026, 4)
    assert Quarter.parse("2026-K3", today=today) == Quarter(2026, 3)
    assert Quarter.parse("2025q1", today=today) == Quarter(2025, 1)
    assert Quarter(2026, 1).previous() == Quarter(2025, 4)
    assert Quarter(2026, 4).start == datetime.date(2026, 10, 1)
    assert Quarter(2026, 4).end == datetime.date(2027, 1, 1)
    for bad in ("2027-K1", "hest", "2026-K5", "1999-K1", "2026-K3; DROP"):
        with pytest.raises(QuarterError):
            Quarter.parse(bad, today=today)


def test_the_trend_is_eight_quarters_when_the_data_goes_back_that_far():
    quarter = Quarter(2026, 4)
    assert len(trend_quarters(quarter=quarter, since=None)) == 6
    assert len(trend_quarters(quarter=quarter, since=datetime.date(2025, 6, 1))) == 6
    assert len(trend_quarters(quarter=quarter, since=datetime.date(2025, 3, 31))) == 8


def test_an_idea_two_workshop_outputs_name_counts_once():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    employee = member(workplace, Role.EMPLOYEE).user
    session = workshop_services.session_step(
        actor=leader, session=live_session(workplace, leader=leader), action="next"
    )
    person = workshop_services.participant_join(session=session, user=employee)
    first, second = (workshop_services.post_create(participant=person, text=text) for text in ("En", "To"))
    idea = workshop_services.post_to_idea(
        actor=leader, post=first, title="Fælles kalender", need="Overblik", description="En"
    )
    # The same idea named again from another post (a duplicate post the leader pointed at it).
    SessionOutput.objects.create(
        workplace=workplace, session=session, post=second, kind=OutputKind.IDEA, idea=idea, created_by=leader
    )
    quarter = Quarter.current()
    work = count_work(organisation=workplace.organisation, workplaces=[workplace], quarters=[quarter])
    assert work.tally(workplace.pk, quarter).ideas_from_workshops == 1
