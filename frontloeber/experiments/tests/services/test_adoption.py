"""Experiments, services: Adoption plans."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontloeber.experiments import services
from frontloeber.experiments.models import (
    AdoptionPlan,
    AdoptionState,
    Checkpoint,
    Decision,
    Experiment,
)
from frontloeber.ideas.models import EventKind, IdeaStatus
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import (
    WorkplaceFactory,
    conclude_experiment,
    make_experiment,
    member,
    run_experiment,
)

from .helpers import (
    DAY,
    fresh,
    plan_kwargs,
)

pytestmark = pytest.mark.django_db


# --- Adoption plans ----------------------------------------------------------------------------------------


@pytest.fixture
def adopted_experiment(running, leader):
    return conclude_experiment(running, leader=leader, decision=Decision.ADOPT)


def test_a_plan_follows_only_an_experiment_that_decided_to_adopt(idea, leader, experiment):
    with pytest.raises(ValidationError):  # planned only
        services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(leader))
    running = run_experiment(experiment, leader=leader)
    with pytest.raises(ValidationError):  # running
        services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(leader))
    conclude_experiment(running, leader=leader, decision=Decision.ADJUST)
    with pytest.raises(ValidationError):  # adjusted, not adopted
        services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(leader))
    assert AdoptionPlan.objects.count() == 0


def test_a_stopped_experiment_leads_to_no_plan(running, leader, idea):
    conclude_experiment(running, leader=leader, decision=Decision.STOP)
    with pytest.raises(ValidationError):
        services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(leader))
    assert AdoptionPlan.objects.count() == 0


def test_a_leader_writes_the_adoption_plan(adopted_experiment, leader, responsible, idea):
    plan = services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(responsible))
    plan = AdoptionPlan.objects.get(pk=plan.pk)
    assert plan.state == AdoptionState.PLANNED and plan.live_at is None
    assert plan.experiment_id == adopted_experiment.pk and plan.responsible == responsible
    assert plan.organisation_id == idea.organisation_id and plan.workplace_id == idea.workplace_id
    assert plan.checkpoints.count() == 0
    # Planning does not adopt the idea yet.
    assert fresh(idea).status == IdeaStatus.EXPERIMENTING


@pytest.mark.parametrize("who", ["responsible", "participant", "observer"])
def test_only_a_leader_writes_the_plan(request, adopted_experiment, idea, leader, who):
    with pytest.raises(PermissionDenied):
        services.adoption_plan_create(actor=request.getfixturevalue(who), idea=idea, **plan_kwargs(leader))
    assert AdoptionPlan.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        (lambda p: {"affected": "  "}, "affected"),
        (lambda p: {"affected": "a" * 2001}, "affected"),
        (lambda p: {"training": "t" * 2001}, "training"),
        (lambda p: {"go_live_on": None}, "go_live_on"),
        (lambda p: {"go_live_on": "i morgen"}, "go_live_on"),
        (lambda p: {"first_checkpoint_days": 0}, "first_checkpoint_days"),
        (lambda p: {"first_checkpoint_days": "tredive"}, "first_checkpoint_days"),
        (lambda p: {"first_checkpoint_days": 366}, "first_checkpoint_days"),
        (lambda p: {"second_checkpoint_days": 30}, "second_checkpoint_days"),
        (lambda p: {"first_checkpoint_days": 60, "second_checkpoint_days": 45}, "second_checkpoint_days"),
        (lambda p: {"second_checkpoint_days": 731}, "second_checkpoint_days"),
        (lambda p: {"responsible": p["foreign"]}, "responsible"),
        (lambda p: {"responsible": p["sister"]}, "responsible"),
        (lambda p: {"responsible": p["observer"]}, "responsible"),
        (lambda p: {"responsible": None}, "responsible"),
    ],
)
def test_bad_plans_are_refused_on_their_field(adopted_experiment, idea, leader, observer, overrides, field):
    people = {
        "foreign": member(WorkplaceFactory(), Role.LEADER).user,
        "sister": member(WorkplaceFactory(organisation=idea.organisation), Role.LEADER).user,
        "observer": observer,
    }
    with pytest.raises(ValidationError) as error:
        services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(leader, **overrides(people)))
    assert field in error.value.message_dict
    assert AdoptionPlan.objects.count() == 0


def test_an_idea_has_one_adoption_plan(adopted_experiment, idea, leader):
    services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(leader))
    with pytest.raises(ValidationError):
        services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(leader, affected="Igen"))
    assert AdoptionPlan.objects.count() == 1


def test_the_plan_can_change_until_it_goes_live(adopted_experiment, idea, leader, responsible):
    plan = services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(leader))
    with pytest.raises(PermissionDenied):
        services.adoption_plan_update(actor=responsible, plan=plan, **plan_kwargs(leader))
    with pytest.raises(ValidationError):
        services.adoption_plan_update(actor=leader, plan=plan, **plan_kwargs(leader, affected=""))
    plan = services.adoption_plan_update(
        actor=leader, plan=plan, **plan_kwargs(responsible, first_checkpoint_days=14)
    )
    assert fresh(plan).responsible == responsible and plan.first_checkpoint_days == 14
    services.adoption_plan_go_live(actor=leader, plan=plan)
    with pytest.raises(ValidationError):
        services.adoption_plan_update(actor=leader, plan=plan, **plan_kwargs(leader))
    assert fresh(plan).responsible == responsible


@pytest.mark.parametrize(("first", "second"), [(30, 90), (14, 60)])
def test_going_live_adopts_the_idea_and_sets_the_checkpoints(
    adopted_experiment, idea, leader, author, first, second
):
    go_live_on = timezone.localdate() + 7 * DAY
    plan = services.adoption_plan_create(
        actor=leader,
        idea=idea,
        **plan_kwargs(
            leader, go_live_on=go_live_on, first_checkpoint_days=first, second_checkpoint_days=second
        ),
    )
    live = services.adoption_plan_go_live(actor=leader, plan=plan)
    live = fresh(live)
    assert live.state == AdoptionState.LIVE and live.live_at is not None
    assert list(live.checkpoints.order_by("due_on").values_list("days", "due_on")) == [
        (first, go_live_on + first * DAY),
        (second, go_live_on + second * DAY),
    ]
    assert all(c.workplace_id == idea.workplace_id and c.recorded_at is None for c in live.checkpoints.all())
    idea = fresh(idea)
    assert idea.status == IdeaStatus.ADOPTED
    assert idea.events.filter(to_status=IdeaStatus.ADOPTED, kind=EventKind.MOVED).count() == 1
    assert Notification.objects.filter(recipient=author, status=IdeaStatus.ADOPTED).exists()


def test_going_live_twice_is_refused(adopted_experiment, idea, leader, responsible):
    plan = services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(responsible))
    with pytest.raises(PermissionDenied):
        services.adoption_plan_go_live(actor=responsible, plan=plan)
    assert fresh(plan).state == AdoptionState.PLANNED
    services.adoption_plan_go_live(actor=leader, plan=plan)
    with pytest.raises(ValidationError):
        services.adoption_plan_go_live(actor=leader, plan=plan)
    assert Checkpoint.objects.filter(plan=plan).count() == 2
    assert fresh(idea).events.filter(to_status=IdeaStatus.ADOPTED).count() == 1


VALUES = {"citizens": 3, "quality": 2, "routines": 0}


@pytest.fixture
def live_plan(adopted_experiment, idea, leader, responsible):
    plan = services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(responsible))
    return services.adoption_plan_go_live(actor=leader, plan=plan)


@pytest.fixture
def checkpoint(live_plan):
    return live_plan.checkpoints.order_by("due_on").first()


@pytest.mark.parametrize("who", ["leader", "responsible"])
def test_a_leader_or_the_plans_responsible_person_records_a_checkpoint(request, checkpoint, who):
    actor = request.getfixturevalue(who)
    recorded = services.checkpoint_record(
        actor=actor,
        checkpoint=checkpoint,
        users="8",
        affected=10,
        values=VALUES,
        notes=" Forældrene er glade ",
        adjusted="Vi lader op hver aften",
    )
    recorded = Checkpoint.objects.get(pk=recorded.pk)
    assert (recorded.users, recorded.affected) == (8, 10)
    assert (recorded.value_citizens, recorded.value_quality, recorded.value_routines) == (3, 2, 0)
    assert recorded.notes == "Forældrene er glade" and recorded.adjusted == "Vi lader op hver aften"
    assert recorded.recorded_by == actor and recorded.recorded_at is not None


@pytest.mark.parametrize("who", ["participant", "author", "observer", "outsider"])
def test_others_cannot_record_a_checkpoint(request, checkpoint, who):
    if who == "outsider":
        actor = member(WorkplaceFactory(organisation=checkpoint.organisation), Role.LEADER).user
    else:
        actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.checkpoint_record(actor=actor, checkpoint=checkpoint, users=1, affected=2, values=VALUES)
    assert fresh(checkpoint).recorded_at is None


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"users": 11, "affected": 10}, "users"),
        ({"users": -1}, "users"),
        ({"users": "mange"}, "users"),
        ({"affected": -3}, "affected"),
        ({"values": {**VALUES, "citizens": 4}}, "value_citizens"),
        ({"values": {**VALUES, "quality": -1}}, "value_quality"),
        ({"values": {**VALUES, "routines": "høj"}}, "value_routines"),
        ({"values": {"citizens": 1, "quality": 1}}, "value_routines"),
        ({"notes": "n" * 2001}, "notes"),
    ],
)
def test_bad_checkpoint_records_are_refused(checkpoint, leader, kwargs, field):
    arguments = {"users": 5, "affected": 10, "values": VALUES, **kwargs}
    with pytest.raises(ValidationError) as error:
        services.checkpoint_record(actor=leader, checkpoint=checkpoint, **arguments)
    assert field in error.value.message_dict
    checkpoint = fresh(checkpoint)
    assert checkpoint.recorded_at is None and checkpoint.users is None


def test_all_may_use_it_and_values_run_from_zero_to_three(checkpoint, leader):
    recorded = services.checkpoint_record(
        actor=leader,
        checkpoint=checkpoint,
        users=10,
        affected=10,
        values={"citizens": 0, "quality": 3, "routines": 0},
    )
    assert recorded.users == recorded.affected == 10
    assert (recorded.value_citizens, recorded.value_quality) == (0, 3)


def test_a_checkpoint_is_not_recorded_before_the_plan_is_live(adopted_experiment, idea, leader):
    plan = services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(leader))
    # Checkpoints are made when the plan goes live; one made by hand on a planned plan cannot be recorded.
    early = Checkpoint.objects.create(
        organisation_id=plan.organisation_id,
        workplace_id=plan.workplace_id,
        plan=plan,
        days=30,
        due_on=plan.go_live_on + 30 * DAY,
    )
    with pytest.raises(ValidationError):
        services.checkpoint_record(actor=leader, checkpoint=early, users=1, affected=2, values=VALUES)
    assert fresh(early).recorded_at is None


def test_one_experiment_at_a_time_so_a_stop_cannot_undo_an_adoption(idea, leader):
    first = run_experiment(make_experiment(idea, actor=leader), leader=leader)
    with pytest.raises(ValidationError):
        make_experiment(idea, actor=leader)
    assert Experiment.objects.filter(idea=idea).count() == 1
    conclude_experiment(first, leader=leader, decision=Decision.ADOPT)
    plan = services.adoption_plan_create(actor=leader, idea=idea, **plan_kwargs(leader))
    services.adoption_plan_go_live(actor=leader, plan=plan)
    # Adopted: no new experiment can start from it, so nothing can move it back.
    with pytest.raises(ValidationError):
        make_experiment(fresh(idea), actor=leader)
    assert fresh(idea).status == IdeaStatus.ADOPTED
