"""Experiments, views: Planning an experiment, The safety check, confirming and starting."""

import datetime

import pytest
from django.utils import timezone

from frontloeber.experiments.models import (
    Experiment,
    ExperimentState,
    LogEntry,
    SuccessCriterion,
)
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import IdeaStatus
from frontloeber.organisations.models import Role
from tests.factories import (
    WorkplaceFactory,
    make_experiment,
    make_idea,
    member,
)

from .helpers import (
    SAFE,
    experiment_form_data,
    experiment_url,
    has_error_summary,
    html,
    last_message,
    url,
)

pytestmark = pytest.mark.django_db


# --- 1. Planning an experiment ------------------------------------------------------------------------------


def test_the_leader_gets_the_planning_form(client, idea, leader):
    client.force_login(leader)
    response = client.get(url("experiment_create", idea.workplace, idea_id=idea.pk))
    assert response.status_code == 200
    assert 'name="criterion_0_axis"' in html(response)
    assert 'name="criterion_3_measure"' in html(response)


def test_planning_an_experiment_through_the_form(client, workplace, idea, leader, employee, colleague):
    client.force_login(leader)
    data = experiment_form_data(
        participants=[str(employee.pk), str(colleague.pk)],
        criterion_1_axis="routines",
        criterion_1_description="Mindre tid på opslag",
        criterion_1_measure="Tidsregistrering i en uge",
    )
    response = client.post(url("experiment_create", workplace, idea_id=idea.pk), data)
    experiment = Experiment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == experiment.get_absolute_url()
    assert experiment.idea == idea
    assert experiment.workplace == workplace
    assert experiment.state == ExperimentState.PLANNED
    assert (experiment.hours, experiment.budget_dkk) == (10, 2500)
    assert experiment.ends_on - experiment.starts_on == datetime.timedelta(days=21)
    assert set(experiment.participants.all()) == {employee, colleague}
    assert list(experiment.criteria.values_list("axis", "position")) == [("citizens", 0), ("routines", 1)]
    assert last_message(response) == "success"
    # Planning alone does not move the idea: it follows when the experiment starts.
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW
    page = client.get(experiment.get_absolute_url())
    assert page.status_code == 200
    assert experiment_url("experiment_safety", experiment) in html(page)


def test_the_ideas_responsible_employee_plans_an_experiment(client, workplace, idea, leader, colleague):
    idea_services.idea_assign(actor=leader, idea=idea, responsible=colleague)
    client.force_login(colleague)
    address = url("experiment_create", workplace, idea_id=idea.pk)
    assert client.get(address).status_code == 200
    response = client.post(address, experiment_form_data())
    assert response.status_code == 302
    assert Experiment.objects.get().created_by == colleague


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param(
            lambda today, outsider: {"ends_on": (today - datetime.timedelta(days=1)).isoformat()},
            id="end-before-start",
        ),
        pytest.param(lambda today, outsider: {"hours": "-1"}, id="negative-hours"),
        pytest.param(lambda today, outsider: {"budget_dkk": "abc"}, id="budget-not-a-number"),
        pytest.param(lambda today, outsider: {"budget_dkk": "-5"}, id="negative-budget"),
        pytest.param(lambda today, outsider: {"hours": "99999999999999999999"}, id="absurd-hours"),
        pytest.param(
            lambda today, outsider: {"participants": [str(outsider.pk)]}, id="participant-elsewhere"
        ),
        pytest.param(lambda today, outsider: {"participants": ["abc"]}, id="participant-not-a-number"),
        pytest.param(
            lambda today, outsider: {
                "criterion_0_axis": "",
                "criterion_0_description": "",
                "criterion_0_measure": "",
            },
            id="no-criteria",
        ),
        pytest.param(lambda today, outsider: {"criterion_0_measure": ""}, id="criterion-without-measure"),
        pytest.param(lambda today, outsider: {"criterion_0_axis": ""}, id="criterion-without-value"),
        pytest.param(lambda today, outsider: {"criterion_0_axis": "money"}, id="criterion-unknown-value"),
        pytest.param(lambda today, outsider: {"hypothesis": "   "}, id="no-hypothesis"),
        pytest.param(lambda today, outsider: {"stop_rule": ""}, id="no-stop-rule"),
        pytest.param(lambda today, outsider: {"starts_on": "2026-02-30"}, id="no-such-date"),
        pytest.param(lambda today, outsider: {"ends_on": None}, id="no-end"),
    ],
)
def test_bad_plans_show_the_error_summary_and_create_nothing(client, workplace, idea, leader, bad):
    outsider = member(WorkplaceFactory(organisation=workplace.organisation)).user
    client.force_login(leader)
    data = experiment_form_data(**bad(timezone.localdate(), outsider))
    response = client.post(url("experiment_create", workplace, idea_id=idea.pk), data)
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not Experiment.objects.exists()
    assert not SuccessCriterion.objects.exists()


def test_an_observer_cannot_be_a_participant(client, workplace, idea, leader, observer):
    client.force_login(leader)
    data = experiment_form_data(participants=[str(observer.pk)])
    response = client.post(url("experiment_create", workplace, idea_id=idea.pk), data)
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not Experiment.objects.exists()


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
@pytest.mark.parametrize("method", ["get", "post"])
def test_someone_not_responsible_for_the_idea_cannot_plan_an_experiment(
    client, workplace, idea, role, method
):
    client.force_login(member(workplace, role).user)
    address = url("experiment_create", workplace, idea_id=idea.pk)
    response = getattr(client, method)(address, experiment_form_data())
    assert response.status_code == 403
    assert not Experiment.objects.exists()


def test_the_ideas_author_is_not_responsible_by_being_the_author(client, workplace, idea, employee):
    client.force_login(employee)
    response = client.post(url("experiment_create", workplace, idea_id=idea.pk), experiment_form_data())
    assert response.status_code == 403
    assert not Experiment.objects.exists()


def test_an_idea_that_cannot_be_tried_gives_the_error_not_a_crash(client, workplace, idea, leader):
    idea_services.idea_withdraw(actor=idea.author, idea=idea)
    client.force_login(leader)
    response = client.post(url("experiment_create", workplace, idea_id=idea.pk), experiment_form_data())
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not Experiment.objects.exists()


def test_a_second_experiment_while_one_is_under_way_is_refused(client, workplace, idea, experiment, leader):
    client.force_login(leader)
    response = client.post(url("experiment_create", workplace, idea_id=idea.pk), experiment_form_data())
    assert response.status_code == 200
    assert has_error_summary(response)
    assert list(Experiment.objects.all()) == [experiment]


def test_an_idea_of_another_workplace_gives_404(client, workplace, leader):
    foreign = make_idea(WorkplaceFactory(organisation=workplace.organisation))
    client.force_login(leader)
    response = client.post(url("experiment_create", workplace, idea_id=foreign.pk), experiment_form_data())
    assert response.status_code == 404
    assert not Experiment.objects.exists()


def test_editing_the_plan_before_it_starts(client, workplace, experiment, leader, colleague):
    client.force_login(leader)
    address = experiment_url("experiment_edit", experiment)
    form = client.get(address)
    assert form.status_code == 200
    assert 'value="Forældrene ser dagen"' in html(form)
    data = experiment_form_data(hours="3", participants=[str(colleague.pk)])
    response = client.post(address, data)
    assert response.status_code == 302
    assert response["Location"] == experiment.get_absolute_url()
    experiment.refresh_from_db()
    assert experiment.hours == 3
    assert list(experiment.participants.all()) == [colleague]
    assert experiment.criteria.count() == 1


def test_editing_a_running_experiment_is_refused_with_the_error(client, running, leader):
    client.force_login(leader)
    response = client.post(experiment_url("experiment_edit", running), experiment_form_data(hours="99"))
    assert response.status_code == 200
    assert has_error_summary(response)
    running.refresh_from_db()
    assert running.hours == 0


def test_editing_with_bad_input_changes_nothing(client, experiment, leader):
    client.force_login(leader)
    today = timezone.localdate()
    data = experiment_form_data(hours="7", ends_on=(today - datetime.timedelta(days=3)).isoformat())
    response = client.post(experiment_url("experiment_edit", experiment), data)
    assert response.status_code == 200
    assert has_error_summary(response)
    experiment.refresh_from_db()
    assert experiment.hours == 0
    assert experiment.ends_on > today


# --- 2. The safety check, confirming and starting -----------------------------------------------------------


def test_answering_the_safety_check(client, experiment, leader):
    client.force_login(leader)
    address = experiment_url("experiment_safety", experiment)
    assert client.get(address).status_code == 200
    response = client.post(
        address,
        {
            "personal_data": "yes",
            "personal_data_which": "Billeder af børnene",
            "legal_basis": "Samtykke fra forældrene",
            "dpo_contact": "Databeskyttelsesrådgiveren",
            "vulnerable_citizens": "yes",
            "consent_how": "Forældrene skriver under",
            "needs_it": "no",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == experiment.get_absolute_url()
    experiment.refresh_from_db()
    assert experiment.safety_answered
    assert (experiment.personal_data, experiment.vulnerable_citizens, experiment.needs_it) == (
        True,
        True,
        False,
    )
    assert experiment.safety_confirmed_at is None


@pytest.mark.parametrize(
    "answers",
    [
        pytest.param(
            {"personal_data": "yes", "vulnerable_citizens": "no", "needs_it": "no"}, id="personal-data"
        ),
        pytest.param(
            {
                "personal_data": "yes",
                "personal_data_which": "Navne",
                "vulnerable_citizens": "no",
                "needs_it": "no",
            },
            id="personal-data-partly",
        ),
        pytest.param({"personal_data": "no", "vulnerable_citizens": "yes", "needs_it": "no"}, id="consent"),
        pytest.param({"personal_data": "no", "vulnerable_citizens": "no", "needs_it": "yes"}, id="it"),
        pytest.param({"personal_data": "no", "vulnerable_citizens": "no"}, id="unanswered"),
        pytest.param(
            {"personal_data": "maybe", "vulnerable_citizens": "no", "needs_it": "no"}, id="not-yes-no"
        ),
    ],
)
def test_a_yes_without_its_follow_up_answers_is_refused(client, experiment, leader, answers):
    client.force_login(leader)
    response = client.post(experiment_url("experiment_safety", experiment), answers)
    assert response.status_code == 200
    assert has_error_summary(response)
    experiment.refresh_from_db()
    assert experiment.personal_data is None
    assert not experiment.safety_answered


def test_an_employee_not_responsible_cannot_answer_the_safety_check(client, experiment, colleague):
    client.force_login(colleague)
    response = client.post(experiment_url("experiment_safety", experiment), SAFE)
    assert response.status_code == 403
    experiment.refresh_from_db()
    assert experiment.personal_data is None


def test_the_leader_confirms_the_safety_check_with_the_button(client, experiment, leader):
    client.force_login(leader)
    confirm = experiment_url("experiment_safety_confirm", experiment)
    # No button before the answers are in.
    assert confirm not in html(client.get(experiment.get_absolute_url()))
    client.post(experiment_url("experiment_safety", experiment), SAFE)
    assert f'action="{confirm}"' in html(client.get(experiment.get_absolute_url()))
    response = client.post(confirm)
    assert response.status_code == 302
    assert response["Location"] == experiment.get_absolute_url()
    assert last_message(response) == "success"
    experiment.refresh_from_db()
    assert experiment.safety_confirmed_by == leader
    assert experiment.safety_confirmed_at is not None
    assert f'action="{confirm}"' not in html(client.get(experiment.get_absolute_url()))


def test_confirming_an_unanswered_safety_check_gives_an_error_message(client, experiment, leader):
    client.force_login(leader)
    response = client.post(experiment_url("experiment_safety_confirm", experiment))
    assert response.status_code == 302
    assert last_message(response) == "error"
    experiment.refresh_from_db()
    assert experiment.safety_confirmed_at is None


def test_the_responsible_employee_answers_but_does_not_confirm(client, workplace, idea, leader, colleague):
    idea_services.idea_assign(actor=leader, idea=idea, responsible=colleague)
    idea.refresh_from_db()
    experiment = make_experiment(idea, actor=colleague)
    client.force_login(colleague)
    assert client.post(experiment_url("experiment_safety", experiment), SAFE).status_code == 302
    page = html(client.get(experiment.get_absolute_url()))
    assert experiment_url("experiment_safety_confirm", experiment) not in page
    assert client.post(experiment_url("experiment_safety_confirm", experiment)).status_code == 403
    experiment.refresh_from_db()
    assert experiment.safety_answered
    assert experiment.safety_confirmed_at is None


def test_changing_an_answer_takes_back_the_confirmation(client, experiment, leader):
    client.force_login(leader)
    client.post(experiment_url("experiment_safety", experiment), SAFE)
    client.post(experiment_url("experiment_safety_confirm", experiment))
    experiment.refresh_from_db()
    assert experiment.safety_confirmed_at is not None
    client.post(
        experiment_url("experiment_safety", experiment),
        {**SAFE, "needs_it": "yes", "it_what": "Wifi på stuen"},
    )
    experiment.refresh_from_db()
    assert experiment.needs_it is True
    assert experiment.safety_confirmed_at is None


def test_starting_an_unconfirmed_experiment_gives_an_error_and_changes_nothing(
    client, idea, experiment, leader
):
    client.force_login(leader)
    client.post(experiment_url("experiment_safety", experiment), SAFE)
    response = client.post(experiment_url("experiment_start", experiment))
    assert response.status_code == 302
    assert response["Location"] == experiment.get_absolute_url()
    assert last_message(response) == "error"
    experiment.refresh_from_db()
    assert experiment.state == ExperimentState.PLANNED
    assert experiment.started_at is None
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


def test_starting_a_confirmed_experiment_runs_it_and_the_idea_follows(client, idea, experiment, leader):
    client.force_login(leader)
    client.post(experiment_url("experiment_safety", experiment), SAFE)
    client.post(experiment_url("experiment_safety_confirm", experiment))
    start = experiment_url("experiment_start", experiment)
    assert f'action="{start}"' in html(client.get(experiment.get_absolute_url()))
    response = client.post(start)
    assert response.status_code == 302
    assert last_message(response) == "success"
    experiment.refresh_from_db()
    assert experiment.state == ExperimentState.RUNNING
    assert experiment.started_at is not None
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.EXPERIMENTING
    # Starting again is refused with a message.
    again = client.post(start)
    assert last_message(again) == "error"


def test_an_experiment_of_a_withdrawn_idea_does_not_start(client, idea, experiment, leader, employee):
    client.force_login(leader)
    client.post(experiment_url("experiment_safety", experiment), SAFE)
    client.post(experiment_url("experiment_safety_confirm", experiment))
    idea_services.idea_withdraw(actor=employee, idea=idea)
    response = client.post(experiment_url("experiment_start", experiment))
    assert response.status_code == 302
    assert last_message(response) == "error"
    experiment.refresh_from_db()
    assert experiment.state == ExperimentState.PLANNED
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.WITHDRAWN


def test_an_employee_not_responsible_cannot_start(client, experiment, leader, colleague):
    client.force_login(leader)
    client.post(experiment_url("experiment_safety", experiment), SAFE)
    client.post(experiment_url("experiment_safety_confirm", experiment))
    client.force_login(colleague)
    response = client.post(experiment_url("experiment_start", experiment))
    assert response.status_code == 302
    assert last_message(response) == "error"
    experiment.refresh_from_db()
    assert experiment.state == ExperimentState.PLANNED


@pytest.mark.parametrize(
    "name", ["experiment_safety_confirm", "experiment_start", "experiment_evaluate", "log_entry_create"]
)
def test_a_get_to_a_post_only_experiment_action_goes_back_without_changing_anything(
    client, experiment, leader, name
):
    client.force_login(leader)
    client.post(experiment_url("experiment_safety", experiment), SAFE)
    if name != "experiment_safety_confirm":
        client.post(experiment_url("experiment_safety_confirm", experiment))
    if name in ("experiment_evaluate", "log_entry_create"):
        client.post(experiment_url("experiment_start", experiment))
    experiment.refresh_from_db()
    before = (experiment.state, experiment.safety_confirmed_at)
    response = client.get(experiment_url(name, experiment), {"entry_date": "2026-01-01", "text": "Hej"})
    assert response.status_code == 302
    assert response["Location"] == experiment.get_absolute_url()
    experiment.refresh_from_db()
    assert (experiment.state, experiment.safety_confirmed_at) == before
    assert not LogEntry.objects.exists()
