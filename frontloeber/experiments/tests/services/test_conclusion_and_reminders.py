"""Experiments, services: Evaluation and conclusion, Reminders."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontloeber.experiments import selectors, services
from frontloeber.experiments.models import (
    AdoptionPlan,
    Decision,
    Experiment,
    ExperimentState,
)
from frontloeber.experiments.notification_kinds import Kind as ExperimentKind
from frontloeber.ideas.models import IdeaStatus
from frontloeber.ideas.notification_kinds import Kind as IdeaKind
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import (
    adopt_idea,
    conclude_experiment,
    make_experiment,
    make_idea,
    member,
    run_experiment,
)

from .helpers import (
    DAY,
    frame,
    fresh,
    results_for,
)

pytestmark = pytest.mark.django_db


# --- Evaluation and conclusion --------------------------------------------------------------------------


def test_evaluate_moves_a_running_experiment_to_its_evaluation(running, responsible, participant):
    with pytest.raises(PermissionDenied):
        services.experiment_evaluate(actor=participant, experiment=running)
    evaluating = services.experiment_evaluate(actor=responsible, experiment=running)
    assert fresh(evaluating).state == ExperimentState.EVALUATING
    with pytest.raises(ValidationError):
        services.experiment_evaluate(actor=responsible, experiment=evaluating)


def test_a_planned_experiment_cannot_be_evaluated_or_concluded(experiment, leader):
    with pytest.raises(ValidationError):
        services.experiment_evaluate(actor=leader, experiment=experiment)
    with pytest.raises(ValidationError):
        services.experiment_conclude(
            actor=leader,
            experiment=experiment,
            results=results_for(experiment),
            decision=Decision.ADOPT,
            learnings="Noget",
        )
    assert fresh(experiment).state == ExperimentState.PLANNED


def test_every_criterion_needs_a_result(idea, leader):
    experiment = run_experiment(
        make_experiment(idea, actor=leader, criteria=frame()["criteria"]), leader=leader
    )
    first, second = experiment.criteria.order_by("position")
    for results in (
        {},
        {first.pk: ("met", "ok")},
        {first.pk: ("met", "ok"), second.pk: ("", "")},
        {first.pk: ("met", "ok"), second.pk: ("maybe", "")},
    ):
        with pytest.raises(ValidationError) as error:
            services.experiment_conclude(
                actor=leader, experiment=experiment, results=results, decision=Decision.ADOPT, learnings="L"
            )
        assert set(error.value.message_dict) == {"results"}
    experiment = fresh(experiment)
    assert experiment.state == ExperimentState.RUNNING and experiment.decision == ""
    assert set(experiment.criteria.values_list("result", flat=True)) == {""}


@pytest.mark.parametrize(
    ("decision", "learnings", "fields"),
    [
        (Decision.ADOPT, "   ", {"learnings"}),
        ("", "Noget", {"decision"}),
        ("continue", "Noget", {"decision"}),
        ("", "", {"decision", "learnings"}),
    ],
)
def test_learnings_and_a_decision_are_required(running, leader, decision, learnings, fields):
    with pytest.raises(ValidationError) as error:
        services.experiment_conclude(
            actor=leader,
            experiment=running,
            results=results_for(running),
            decision=decision,
            learnings=learnings,
        )
    assert set(error.value.message_dict) == fields
    assert fresh(running).state == ExperimentState.RUNNING


def test_a_participant_cannot_conclude(running, participant):
    with pytest.raises(PermissionDenied):
        services.experiment_conclude(
            actor=participant,
            experiment=running,
            results=results_for(running),
            decision=Decision.ADOPT,
            learnings="L",
        )


def test_adopt_records_the_results_and_keeps_the_idea_experimenting(running, responsible, idea):
    evaluating = services.experiment_evaluate(actor=responsible, experiment=running)
    concluded = services.experiment_conclude(
        actor=responsible,
        experiment=evaluating,
        results=results_for(evaluating, "partly", "Halvdelen af forældrene svarede"),
        decision=Decision.ADOPT,
        learnings="  Det virker, når vi husker at lade dem op. ",
    )
    concluded = fresh(concluded)
    assert concluded.state == ExperimentState.CONCLUDED and concluded.concluded_at is not None
    assert concluded.decision == Decision.ADOPT
    assert concluded.learnings == "Det virker, når vi husker at lade dem op."
    assert list(concluded.criteria.values_list("result", "evidence")) == [
        ("partly", "Halvdelen af forældrene svarede")
    ]
    assert fresh(idea).status == IdeaStatus.EXPERIMENTING
    assert Experiment.objects.count() == 1
    assert list(selectors.learned(workplace=idea.workplace)) == [concluded]


def test_adjust_plans_a_linked_follow_up_with_the_same_criteria_and_people(
    idea, leader, participant, colleague
):
    experiment = make_experiment(
        idea, actor=leader, participants=[participant, colleague], criteria=frame()["criteria"], hours=7
    )
    run_experiment(experiment, leader=leader)
    experiment = fresh(experiment)
    conclude_experiment(experiment, leader=leader, decision=Decision.ADJUST, learnings="Prøv med én stue")
    follow_up = Experiment.objects.get(follows=experiment)
    assert follow_up.state == ExperimentState.PLANNED
    assert follow_up.idea == idea and follow_up.workplace_id == idea.workplace_id
    assert follow_up.hypothesis == experiment.hypothesis and follow_up.hours == 7
    assert follow_up.starts_on == max(experiment.ends_on, timezone.localdate()) + DAY
    assert follow_up.ends_on - follow_up.starts_on == experiment.ends_on - experiment.starts_on
    assert set(follow_up.participants.all()) == {participant, colleague}
    assert list(follow_up.criteria.values_list("axis", "description", "measure", "result")) == [
        (c["axis"], c["description"], c["measure"], "") for c in frame()["criteria"]
    ]
    # The follow-up starts with its own safety check.
    assert follow_up.personal_data is None and follow_up.safety_confirmed_at is None
    assert fresh(experiment).decision == Decision.ADJUST
    assert fresh(idea).status == IdeaStatus.EXPERIMENTING
    # The follow-up is a normal plan: it can run.
    run_experiment(follow_up, leader=leader)
    assert fresh(follow_up).state == ExperimentState.RUNNING


def test_stop_closes_the_idea_with_the_learnings_as_a_result(running, leader, idea, author):
    conclude_experiment(
        running, leader=leader, decision=Decision.STOP, learnings="Forældrene ville hellere ringe"
    )
    idea = fresh(idea)
    assert idea.status == IdeaStatus.NOT_PURSUED
    event = idea.events.filter(to_status=IdeaStatus.NOT_PURSUED).get()
    assert event.from_status == IdeaStatus.EXPERIMENTING and event.actor == leader
    assert "Forældrene ville hellere ringe" in event.message
    assert Notification.objects.filter(
        recipient=author, kind=IdeaKind.IDEA_STATUS, status=IdeaStatus.NOT_PURSUED
    ).exists()
    assert Experiment.objects.filter(follows=running).count() == 0
    # A stopped experiment is among what the workplace learned, like any result.
    assert [e.pk for e in selectors.learned(workplace=idea.workplace)] == [running.pk]


def test_concluding_twice_is_refused(running, leader, idea):
    conclude_experiment(running, leader=leader, decision=Decision.ADJUST)
    with pytest.raises(ValidationError):
        conclude_experiment(running, leader=leader, decision=Decision.STOP)
    assert fresh(running).decision == Decision.ADJUST
    assert fresh(idea).status == IdeaStatus.EXPERIMENTING
    assert Experiment.objects.filter(follows=running).count() == 1


# --- Reminders -------------------------------------------------------------------------------------------


def test_an_experiment_past_its_end_is_reminded_once(idea, leader, participant, responsible, author):
    second_leader = member(idea.workplace, Role.LEADER).user
    today = timezone.localdate()
    experiment = make_experiment(
        idea, actor=leader, participants=[participant], starts_on=today - 10 * DAY, ends_on=today
    )
    run_experiment(experiment, leader=leader)
    Experiment.objects.filter(pk=experiment.pk).update(ends_on=today - DAY)  # time passes
    Notification.objects.all().delete()

    assert services.reminders_send() == 1
    experiment = fresh(experiment)
    assert experiment.state == ExperimentState.EVALUATING
    assert experiment.evaluation_reminded_at is not None
    notes = Notification.objects.filter(kind=ExperimentKind.EXPERIMENT_EVALUATE)
    assert {n.recipient for n in notes} == {leader, second_leader, participant, responsible}
    assert notes.count() == 4
    assert all(n.target_url == experiment.get_absolute_url() and n.subject_id == idea.pk for n in notes)
    assert all(n.workplace_id == idea.workplace_id for n in notes)
    assert f"/{experiment.pk}" in experiment.get_absolute_url()

    assert services.reminders_send() == 0
    assert services.reminders_send(today=today + 30 * DAY) == 0
    assert Notification.objects.filter(kind=ExperimentKind.EXPERIMENT_EVALUATE).count() == 4


def test_an_experiment_being_evaluated_is_reminded_and_stays_there(running, leader):
    evaluating = services.experiment_evaluate(actor=leader, experiment=running)
    assert services.reminders_send(today=evaluating.ends_on + DAY) == 1
    assert fresh(evaluating).state == ExperimentState.EVALUATING


def test_only_running_experiments_whose_end_has_passed_are_reminded(idea, leader, running):
    # Ends today: not yet.
    assert services.reminders_send(today=running.ends_on) == 0
    assert fresh(running).state == ExperimentState.RUNNING
    # A planned one, and a concluded one, are never asked to evaluate.
    other = make_idea(idea.workplace, author=idea.author, title="Lydmåler på stuen")
    planned = make_experiment(other, actor=leader, ends_on=timezone.localdate())
    conclude_experiment(running, leader=leader, decision=Decision.ADOPT)
    assert services.reminders_send(today=running.ends_on + 60 * DAY) == 0
    assert not Notification.objects.filter(kind=ExperimentKind.EXPERIMENT_EVALUATE).exists()
    assert fresh(planned).evaluation_reminded_at is None


def test_due_checkpoints_on_a_live_plan_are_reminded_once(idea, leader, responsible, participant):
    plan = adopt_idea(idea, leader=leader)
    AdoptionPlan.objects.filter(pk=plan.pk).update(responsible=responsible)
    first, second = plan.checkpoints.order_by("due_on")
    Notification.objects.all().delete()

    assert services.reminders_send(today=first.due_on - DAY) == 0
    assert services.reminders_send(today=first.due_on) == 1
    notes = Notification.objects.filter(kind=ExperimentKind.CHECKPOINT_DUE)
    assert {n.recipient for n in notes} == {leader, responsible}
    assert all(n.target_url == plan.get_absolute_url() and n.subject_id == idea.pk for n in notes)
    assert fresh(first).reminded_at is not None and fresh(second).reminded_at is None

    assert services.reminders_send(today=first.due_on + DAY) == 0
    assert services.reminders_send(today=second.due_on) == 1
    assert services.reminders_send(today=second.due_on + 100 * DAY) == 0
    assert Notification.objects.filter(kind=ExperimentKind.CHECKPOINT_DUE).count() == 4


def test_a_recorded_checkpoint_is_not_reminded(idea, leader):
    plan = adopt_idea(idea, leader=leader)
    first = plan.checkpoints.order_by("due_on").first()
    services.checkpoint_record(
        actor=leader,
        checkpoint=first,
        users=3,
        affected=5,
        values={"citizens": 2, "quality": 1, "routines": 0},
    )
    assert services.reminders_send(today=first.due_on) == 0
    assert not Notification.objects.filter(kind=ExperimentKind.CHECKPOINT_DUE).exists()
