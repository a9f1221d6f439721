"""Experiments, services: Cases, Selectors for cases, Found in review."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontloeber.experiments import selectors, services
from frontloeber.experiments.models import (
    AdoptionPlan,
    Case,
    CaseTrial,
    Decision,
    Experiment,
    ExperimentState,
)
from frontloeber.experiments.notification_kinds import Kind as ExperimentKind
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import Idea, IdeaStatus
from frontloeber.ideas.notification_kinds import Kind as IdeaKind
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import (
    WorkplaceFactory,
    adopt_idea,
    conclude_experiment,
    make_experiment,
    make_idea,
    member,
    publish_case,
    run_experiment,
)

from .helpers import (
    DAY,
    frame,
    fresh,
    plan_kwargs,
)

pytestmark = pytest.mark.django_db


# --- Cases ---------------------------------------------------------------------------------------------


@pytest.fixture
def adopted(idea, leader):
    adopt_idea(idea, leader=leader)
    return fresh(idea)


@pytest.fixture
def case(adopted, leader):
    return publish_case(adopted, leader=leader)


@pytest.fixture
def sister(workplace):
    """Another workplace of the same organisation."""
    return WorkplaceFactory(organisation=workplace.organisation, name="Børnehuset Solsikken")


@pytest.fixture
def sister_leader(sister):
    return member(sister, Role.LEADER).user


def test_a_leader_publishes_an_adopted_idea_as_a_case(adopted, leader, responsible):
    case = publish_case(adopted, leader=leader, contact=responsible, summary="  Billeder af dagen  ")
    case = Case.objects.get(pk=case.pk)
    assert case.idea == adopted and case.summary == "Billeder af dagen"
    assert case.contact == responsible and case.published_by == leader
    assert case.organisation_id == adopted.organisation_id and case.workplace_id == adopted.workplace_id
    assert case.trial_count == 0


@pytest.mark.parametrize("status", [IdeaStatus.NEW, IdeaStatus.EXPERIMENTING, IdeaStatus.NOT_PURSUED])
def test_only_an_adopted_idea_is_published(idea, leader, status):
    Idea.objects.filter(pk=idea.pk).update(status=status)
    with pytest.raises(ValidationError):
        publish_case(fresh(idea), leader=leader)
    assert Case.objects.count() == 0


def test_an_idea_adopted_through_the_journey_is_published_but_one_still_tried_out_is_not(idea, leader):
    experiment = make_experiment(idea, actor=leader)
    run_experiment(experiment, leader=leader)
    with pytest.raises(ValidationError):
        publish_case(fresh(idea), leader=leader)
    assert Case.objects.count() == 0


@pytest.mark.parametrize("who", ["responsible", "author", "observer", "sister_leader"])
def test_only_a_leader_of_the_workplace_publishes(request, adopted, leader, who):
    with pytest.raises(PermissionDenied):
        publish_case(adopted, leader=request.getfixturevalue(who), contact=leader)
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        (lambda p: {"summary": " "}, "summary"),
        (lambda p: {"value_achieved": ""}, "value_achieved"),
        (lambda p: {"what_it_took": ""}, "what_it_took"),
        (lambda p: {"learnings": "\x00"}, "learnings"),
        (lambda p: {"summary": "s" * 2001}, "summary"),
        (lambda p: {"contact": None}, "contact"),
        (lambda p: {"contact": p["sister"]}, "contact"),
    ],
)
def test_a_case_needs_every_text_and_a_contact_from_the_workplace(
    adopted, leader, sister_leader, overrides, field
):
    with pytest.raises(ValidationError) as error:
        publish_case(adopted, leader=leader, **overrides({"sister": sister_leader}))
    assert field in error.value.message_dict
    assert Case.objects.count() == 0


def test_a_case_is_published_once(case, adopted, leader):
    with pytest.raises(ValidationError):
        publish_case(adopted, leader=leader, summary="Igen")
    assert Case.objects.count() == 1


def test_a_leader_of_another_workplace_tries_the_case_there(case, adopted, leader, sister, sister_leader):
    other_leader = member(sister, Role.LEADER).user
    trial = services.case_try_here(actor=sister_leader, case=case, workplace=sister)
    trial = CaseTrial.objects.select_related("idea").get(pk=trial.pk)
    assert trial.case == case and trial.workplace == sister and trial.created_by == sister_leader
    assert trial.organisation_id == case.organisation_id
    linked = trial.idea
    assert linked.workplace == sister and linked.organisation_id == sister.organisation_id
    assert linked.author == sister_leader and linked.status == IdeaStatus.NEW
    assert linked.title == adopted.title and linked.need == adopted.need
    assert sorted(linked.tags.values_list("key", flat=True)) == sorted(
        adopted.tags.values_list("key", flat=True)
    )
    assert (linked.value_citizens, linked.value_quality, linked.value_routines) == (
        adopted.value_citizens,
        adopted.value_quality,
        adopted.value_routines,
    )
    assert case.summary in linked.description and case.workplace.name in linked.description
    assert fresh(case).trial_count == 1
    note = Notification.objects.get(kind=ExperimentKind.CASE_TRIED)
    assert note.recipient == leader and note.actor == sister_leader
    assert note.subject_id == adopted.pk and note.detail == sister.name
    assert note.workplace_id == case.workplace_id
    # The other leader there hears of the new idea, as of any idea.
    assert Notification.objects.about(linked).filter(recipient=other_leader, kind=IdeaKind.IDEA_NEW).exists()
    # The source idea is untouched.
    assert fresh(adopted).status == IdeaStatus.ADOPTED and adopted.workplace_id == case.workplace_id


def test_workplaces_of_the_organisation_each_try_it(case, sister, sister_leader, workplace):
    third = WorkplaceFactory(organisation=workplace.organisation)
    services.case_try_here(actor=sister_leader, case=case, workplace=sister)
    services.case_try_here(actor=member(third, Role.LEADER).user, case=case, workplace=third)
    assert fresh(case).trial_count == 2
    assert set(case.trials.values_list("workplace_id", flat=True)) == {sister.pk, third.pk}


def test_a_leader_of_another_organisation_cannot_try_the_case(case):
    elsewhere = WorkplaceFactory()
    stranger = member(elsewhere, Role.LEADER).user
    with pytest.raises(PermissionDenied):
        services.case_try_here(actor=stranger, case=case, workplace=elsewhere)
    assert CaseTrial.objects.count() == 0 and Idea.objects.filter(workplace=elsewhere).count() == 0
    assert fresh(case).trial_count == 0


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_only_a_leader_of_the_workplace_tries_a_case_there(case, sister, role):
    actor = member(sister, role).user
    with pytest.raises(PermissionDenied):
        services.case_try_here(actor=actor, case=case, workplace=sister)
    assert CaseTrial.objects.count() == 0 and Idea.objects.filter(workplace=sister).count() == 0


def test_a_leader_cannot_try_it_for_a_workplace_they_do_not_lead(case, sister, leader):
    # The case's own leader is a leader, but not of the sister workplace.
    with pytest.raises(PermissionDenied):
        services.case_try_here(actor=leader, case=case, workplace=sister)
    assert CaseTrial.objects.count() == 0


def test_a_case_cannot_be_tried_in_its_own_workplace(case, leader, workplace):
    ideas = Idea.objects.count()
    with pytest.raises(ValidationError):
        services.case_try_here(actor=leader, case=case, workplace=workplace)
    assert Idea.objects.count() == ideas and CaseTrial.objects.count() == 0
    assert fresh(case).trial_count == 0


def test_trying_a_case_twice_is_refused_and_nothing_is_duplicated(case, sister, sister_leader):
    services.case_try_here(actor=sister_leader, case=case, workplace=sister)
    ideas = Idea.objects.count()
    with pytest.raises(ValidationError):
        services.case_try_here(actor=sister_leader, case=fresh(case), workplace=sister)
    # A second leader of the same workplace is refused just the same.
    with pytest.raises(ValidationError):
        services.case_try_here(actor=member(sister, Role.LEADER).user, case=case, workplace=sister)
    assert Idea.objects.count() == ideas
    assert CaseTrial.objects.count() == 1
    assert fresh(case).trial_count == 1
    assert Notification.objects.filter(kind=ExperimentKind.CASE_TRIED).count() == 1


# --- Selectors for cases ---------------------------------------------------------------------------------


def test_similar_cases_find_a_published_case_by_danish_words(case, adopted, workplace, sister):
    # The idea says "billeder af børnenes dag"; other forms of the words find it.
    found = selectors.similar_cases(organisation=workplace.organisation, text="Billedet af barnets dag")
    assert found == [case]
    assert selectors.similar_cases(organisation=workplace.organisation, text="kaffemaskine") == []
    assert selectors.similar_cases(organisation=workplace.organisation, text="og i at") == []
    # Not for the workplace it came from, and not in another organisation.
    assert (
        selectors.similar_cases(
            organisation=workplace.organisation, text="billeder", exclude_workplace=workplace
        )
        == []
    )
    assert selectors.similar_cases(organisation=WorkplaceFactory().organisation, text="billeder") == []


def test_similar_cases_are_only_published_ones(workplace, leader, sister):
    make_idea(workplace, title="Tablet til billeder af legepladsen")
    assert selectors.similar_cases(organisation=workplace.organisation, text="billeder tablet") == []


def test_the_case_library_is_searched(case, workplace, leader):
    other_idea = make_idea(
        workplace,
        title="Robotstøvsuger i fællesrummet",
        need="Gulvet er fyldt med sand efter frokost.",
        description="En robot støvsuger, mens børnene sover.",
        tag_names=["robot"],
    )
    adopt_idea(other_idea, leader=leader)
    other_case = publish_case(fresh(other_idea), leader=leader)
    organisation = workplace.organisation
    assert set(selectors.cases(organisation=organisation)) == {case, other_case}
    assert list(selectors.cases(organisation=organisation, query="   ")) == list(
        selectors.cases(organisation=organisation)
    )
    assert list(selectors.cases(organisation=organisation, query="billedet")) == [case]
    assert list(selectors.cases(organisation=organisation, query="robotstøvsugere")) == [other_case]
    assert list(selectors.cases(organisation=organisation, query="billeder robot")) == []
    assert list(selectors.cases(organisation=WorkplaceFactory().organisation, query="billeder")) == []


def test_after_an_adopt_decision_the_next_step_is_the_plan_not_another_experiment(idea, leader):
    experiment = run_experiment(make_experiment(idea, actor=leader), leader=leader)
    conclude_experiment(experiment, leader=leader, decision=Decision.ADOPT)
    with pytest.raises(ValidationError):
        make_experiment(fresh(idea), actor=leader)
    assert Experiment.objects.filter(idea=idea).count() == 1


# --- Found in review ---------------------------------------------------------------------------------------


def test_while_an_experiment_runs_the_idea_is_not_moved_or_merged_by_hand(idea, leader, running):

    for move in (IdeaStatus.ADOPTED, IdeaStatus.NOT_PURSUED):
        with pytest.raises(ValidationError):
            idea_services.idea_move(actor=leader, idea=fresh(idea), to_status=move, message="Nej")
    other = make_idea(idea.workplace, author=idea.author, title="Lydmåler på stuen")
    with pytest.raises(ValidationError):
        idea_services.idea_merge(actor=leader, idea=fresh(idea), into=other)
    assert fresh(idea).status == IdeaStatus.EXPERIMENTING


def test_an_experiment_that_ended_before_it_started_cannot_start(idea, leader):
    today = timezone.localdate()
    experiment = make_experiment(idea, actor=leader, starts_on=today - 20 * DAY, ends_on=today - DAY)
    with pytest.raises(ValidationError):
        run_experiment(experiment, leader=leader)
    assert fresh(experiment).state == ExperimentState.PLANNED


@pytest.mark.parametrize("field", ["starts_on", "ends_on"])
def test_dates_far_away_are_refused(idea, leader, field):
    far = timezone.localdate().replace(year=9999)
    kwargs = {"starts_on": timezone.localdate(), "ends_on": timezone.localdate(), field: far}
    with pytest.raises(ValidationError) as error:
        make_experiment(idea, actor=leader, **kwargs)
    assert field in error.value.message_dict


def test_a_changed_plan_needs_a_new_safety_confirmation_and_a_running_one_none(idea, leader, experiment):
    services.experiment_safety_update(
        actor=leader, experiment=experiment, personal_data=False, vulnerable_citizens=False, needs_it=False
    )
    services.experiment_safety_confirm(actor=leader, experiment=experiment)
    services.experiment_update(actor=leader, experiment=fresh(experiment), **frame(hypothesis="Noget andet"))
    assert fresh(experiment).safety_confirmed_at is None
    services.experiment_safety_confirm(actor=leader, experiment=fresh(experiment))
    started = services.experiment_start(actor=leader, experiment=fresh(experiment))
    with pytest.raises(ValidationError):
        services.experiment_safety_confirm(actor=leader, experiment=started)


def test_a_plan_for_an_idea_that_left_the_experiment_is_refused(idea, leader, running):
    conclude_experiment(running, leader=leader, decision=Decision.ADOPT)
    Idea = type(idea)
    Idea.objects.filter(pk=idea.pk).update(status=IdeaStatus.NOT_PURSUED)
    with pytest.raises(ValidationError):
        services.adoption_plan_create(actor=leader, idea=fresh(idea), **plan_kwargs(leader))
    assert not AdoptionPlan.objects.exists()


def test_a_planned_experiment_can_be_cancelled_and_a_started_one_cannot(idea, leader, experiment, colleague):
    with pytest.raises(PermissionDenied):
        services.experiment_cancel(actor=colleague, experiment=experiment)
    services.experiment_cancel(actor=leader, experiment=experiment)
    assert not Experiment.objects.filter(pk=experiment.pk).exists()
    again = run_experiment(make_experiment(fresh(idea), actor=leader), leader=leader)
    with pytest.raises(ValidationError):
        services.experiment_cancel(actor=leader, experiment=again)
    assert Experiment.objects.filter(pk=again.pk).exists()
