"""Experiments, views: Adoption."""

import datetime

import pytest

from frontloeber.experiments.models import (
    AdoptionPlan,
    AdoptionState,
    Checkpoint,
    Decision,
)
from frontloeber.ideas.models import IdeaStatus
from tests.factories import (
    WorkplaceFactory,
    adopt_idea,
    conclude_experiment,
    make_idea,
    member,
)

from .helpers import (
    checkpoint_data,
    concluded_adopt,
    has_error_summary,
    html,
    last_message,
    plan_data,
    plan_url,
    url,
)

pytestmark = pytest.mark.django_db


# --- 5. Adoption --------------------------------------------------------------------------------------------


def test_an_adoption_plan_after_an_adopt_decision(client, workplace, idea, leader, employee):
    experiment = concluded_adopt(idea, leader)
    client.force_login(leader)
    address = url("adoption_create", workplace, idea_id=idea.pk)
    assert client.get(address).status_code == 200
    response = client.post(address, plan_data(employee))
    plan = AdoptionPlan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    assert (plan.idea, plan.experiment, plan.responsible) == (idea, experiment, employee)
    assert plan.state == AdoptionState.PLANNED
    assert not plan.checkpoints.exists()
    page = client.get(plan.get_absolute_url())
    assert page.status_code == 200
    assert f'action="{plan_url("adoption_go_live", plan)}"' in html(page)
    assert experiment.get_absolute_url() in html(page)


def test_an_adoption_plan_without_an_adopt_decision_is_refused(client, workplace, idea, running, leader):
    conclude_experiment(running, leader=leader, decision=Decision.STOP)
    client.force_login(leader)
    response = client.post(url("adoption_create", workplace, idea_id=idea.pk), plan_data(leader))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not AdoptionPlan.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param({"affected": ""}, id="no-affected"),
        pytest.param({"go_live_on": "i morgen"}, id="bad-date"),
        pytest.param({"responsible": ""}, id="no-responsible"),
        pytest.param({"responsible": "OUTSIDER"}, id="responsible-elsewhere"),
        pytest.param({"first_checkpoint_days": "0"}, id="first-zero"),
        pytest.param(
            {"first_checkpoint_days": "90", "second_checkpoint_days": "30"}, id="second-before-first"
        ),
        pytest.param({"second_checkpoint_days": "5000"}, id="second-too-late"),
    ],
)
def test_a_bad_adoption_plan_is_refused_with_the_error(client, workplace, idea, leader, bad):
    concluded_adopt(idea, leader)
    outsider = member(WorkplaceFactory(organisation=workplace.organisation)).user
    bad = {key: (str(outsider.pk) if value == "OUTSIDER" else value) for key, value in bad.items()}
    client.force_login(leader)
    response = client.post(url("adoption_create", workplace, idea_id=idea.pk), plan_data(leader, **bad))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not AdoptionPlan.objects.exists()


def test_a_second_adoption_plan_is_refused(client, workplace, idea, leader):
    concluded_adopt(idea, leader)
    client.force_login(leader)
    client.post(url("adoption_create", workplace, idea_id=idea.pk), plan_data(leader))
    response = client.post(url("adoption_create", workplace, idea_id=idea.pk), plan_data(leader))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert AdoptionPlan.objects.count() == 1


def test_only_a_leader_makes_or_edits_an_adoption_plan(client, workplace, idea, leader, employee):
    concluded_adopt(idea, leader)
    client.force_login(employee)
    assert (
        client.post(url("adoption_create", workplace, idea_id=idea.pk), plan_data(employee)).status_code
        == 403
    )
    assert not AdoptionPlan.objects.exists()


def test_editing_the_adoption_plan_before_it_goes_live(client, workplace, idea, leader, employee):
    concluded_adopt(idea, leader)
    client.force_login(leader)
    client.post(url("adoption_create", workplace, idea_id=idea.pk), plan_data(leader))
    plan = AdoptionPlan.objects.get()
    address = plan_url("adoption_edit", plan)
    assert client.get(address).status_code == 200
    response = client.post(address, plan_data(employee, first_checkpoint_days="14"))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.responsible, plan.first_checkpoint_days) == (employee, 14)
    client.force_login(employee)
    assert client.post(address, plan_data(leader)).status_code == 403
    plan.refresh_from_db()
    assert plan.responsible == employee


def test_going_live_adopts_the_idea_and_sets_the_checkpoints(client, workplace, idea, leader):
    concluded_adopt(idea, leader)
    client.force_login(leader)
    client.post(
        url("adoption_create", workplace, idea_id=idea.pk),
        plan_data(leader, first_checkpoint_days="20", second_checkpoint_days="60"),
    )
    plan = AdoptionPlan.objects.get()
    response = client.post(plan_url("adoption_go_live", plan))
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    assert last_message(response) == "success"
    plan.refresh_from_db()
    assert plan.state == AdoptionState.LIVE
    assert plan.live_at is not None
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.ADOPTED
    assert list(plan.checkpoints.values_list("days", "due_on")) == [
        (20, plan.go_live_on + datetime.timedelta(days=20)),
        (60, plan.go_live_on + datetime.timedelta(days=60)),
    ]
    # Live once: going live again is refused with a message and sets no more checkpoints.
    assert last_message(client.post(plan_url("adoption_go_live", plan))) == "error"
    assert plan.checkpoints.count() == 2
    page = html(client.get(plan.get_absolute_url()))
    for checkpoint in plan.checkpoints.all():
        assert plan_url("checkpoint_record", plan, checkpoint_id=checkpoint.pk) in page


def test_a_get_to_go_live_goes_back_without_changing_anything(client, workplace, idea, leader):
    concluded_adopt(idea, leader)
    client.force_login(leader)
    client.post(url("adoption_create", workplace, idea_id=idea.pk), plan_data(leader))
    plan = AdoptionPlan.objects.get()
    response = client.get(plan_url("adoption_go_live", plan))
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    plan.refresh_from_db()
    assert plan.state == AdoptionState.PLANNED
    idea.refresh_from_db()
    assert idea.status != IdeaStatus.ADOPTED


def test_an_employee_cannot_set_the_plan_live(client, workplace, idea, leader, employee):
    concluded_adopt(idea, leader)
    client.force_login(leader)
    client.post(url("adoption_create", workplace, idea_id=idea.pk), plan_data(employee))
    plan = AdoptionPlan.objects.get()
    client.force_login(employee)
    assert plan_url("adoption_go_live", plan) not in html(client.get(plan.get_absolute_url()))
    assert client.post(plan_url("adoption_go_live", plan)).status_code == 403
    plan.refresh_from_db()
    assert plan.state == AdoptionState.PLANNED


def test_the_checkpoint_form_records_the_checkpoint(client, live_plan, employee):
    checkpoint = live_plan.checkpoints.first()
    client.force_login(employee)
    address = plan_url("checkpoint_record", live_plan, checkpoint_id=checkpoint.pk)
    assert client.get(address).status_code == 200
    response = client.post(address, checkpoint_data())
    assert response.status_code == 302
    assert response["Location"] == live_plan.get_absolute_url()
    checkpoint.refresh_from_db()
    assert (checkpoint.users, checkpoint.affected) == (8, 10)
    assert (checkpoint.value_citizens, checkpoint.value_quality, checkpoint.value_routines) == (2, 1, 0)
    assert checkpoint.adjusted == "Færre billeder om dagen"
    assert checkpoint.recorded_by == employee
    assert checkpoint.recorded_at is not None
    assert "Forældrene er glade" in html(client.get(live_plan.get_absolute_url()))


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param({"users": "11", "affected": "10"}, id="more-users-than-affected"),
        pytest.param({"users": "-1"}, id="negative-users"),
        pytest.param({"affected": "mange"}, id="affected-not-a-number"),
        pytest.param({"value_citizens": "4"}, id="value-out-of-range"),
        pytest.param({"value_quality": ""}, id="value-missing"),
        pytest.param({"users": "9999999"}, id="absurd-users"),
    ],
)
def test_a_bad_checkpoint_is_refused_and_nothing_recorded(client, live_plan, leader, bad):
    checkpoint = live_plan.checkpoints.first()
    client.force_login(leader)
    response = client.post(
        plan_url("checkpoint_record", live_plan, checkpoint_id=checkpoint.pk), checkpoint_data(**bad)
    )
    assert response.status_code == 200
    assert has_error_summary(response)
    checkpoint.refresh_from_db()
    assert checkpoint.recorded_at is None
    assert checkpoint.users is None


def test_checkpoints_are_recorded_once_the_plan_is_live(client, workplace, idea, leader):
    concluded_adopt(idea, leader)
    client.force_login(leader)
    client.post(url("adoption_create", workplace, idea_id=idea.pk), plan_data(leader))
    plan = AdoptionPlan.objects.get()
    assert not Checkpoint.objects.exists()
    # There is no checkpoint to record before going live.
    assert client.get(plan_url("checkpoint_record", plan, checkpoint_id=1)).status_code == 404


def test_an_employee_not_responsible_cannot_record_a_checkpoint(client, live_plan, colleague):
    checkpoint = live_plan.checkpoints.first()
    client.force_login(colleague)
    address = plan_url("checkpoint_record", live_plan, checkpoint_id=checkpoint.pk)
    assert address not in html(client.get(live_plan.get_absolute_url()))
    assert client.post(address, checkpoint_data()).status_code == 403
    checkpoint.refresh_from_db()
    assert checkpoint.recorded_at is None


def test_a_checkpoint_of_another_plan_gives_404(client, workplace, live_plan, leader, employee):
    other = adopt_idea(make_idea(workplace, author=employee, title="Lydmåler"), leader=leader)
    client.force_login(leader)
    foreign_checkpoint = other.checkpoints.first()
    response = client.post(
        plan_url("checkpoint_record", live_plan, checkpoint_id=foreign_checkpoint.pk), checkpoint_data()
    )
    assert response.status_code == 404
    foreign_checkpoint.refresh_from_db()
    assert foreign_checkpoint.recorded_at is None
