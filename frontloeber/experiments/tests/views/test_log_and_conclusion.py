"""Experiments, views: The learning log, Evaluating and concluding."""

import datetime

import pytest
from django.utils import timezone

from frontloeber.experiments import services
from frontloeber.experiments.models import (
    Decision,
    Experiment,
    ExperimentState,
    LogEntry,
)
from frontloeber.ideas.models import IdeaStatus
from frontloeber.organisations.models import Role
from tests.factories import (
    WorkplaceFactory,
    conclude_experiment,
    make_experiment,
    make_idea,
    member,
    png_upload,
    run_experiment,
)

from .helpers import (
    conclude_data,
    experiment_url,
    has_error_summary,
    html,
    last_message,
    linked_experiment_ids,
    text_file,
    url,
)

pytestmark = pytest.mark.django_db


# --- 3. The learning log ------------------------------------------------------------------------------------


def test_a_participant_writes_in_the_log(client, running, employee):
    client.force_login(employee)
    page = html(client.get(running.get_absolute_url()))
    assert f'action="{experiment_url("log_entry_create", running)}"' in page
    response = client.post(
        experiment_url("log_entry_create", running),
        {"entry_date": timezone.localdate().isoformat(), "text": "Forældrene kiggede på billederne."},
    )
    assert response.status_code == 302
    assert response["Location"] == running.get_absolute_url() + "#log-heading"
    entry = LogEntry.objects.get()
    assert (entry.author, entry.experiment, entry.photo) == (employee, running, "")
    page = html(client.get(running.get_absolute_url()))
    assert "Forældrene kiggede på billederne." in page
    assert "/foto/" not in page


def test_a_photo_in_the_log_is_served_to_members_with_nosniff(client, workplace, running, employee, observer):
    client.force_login(employee)
    response = client.post(
        experiment_url("log_entry_create", running),
        {
            "entry_date": timezone.localdate().isoformat(),
            "text": "Dag 1",
            "photo": png_upload("mit-barn.png"),
        },
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get()
    assert entry.photo_content_type == "image/png"
    assert "mit-barn" not in entry.photo.name
    photo = experiment_url("log_photo", running, entry_id=entry.pk)
    client.force_login(observer)
    assert f'src="{photo}"' in html(client.get(running.get_absolute_url()))
    served = client.get(photo)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "private" in served["Cache-Control"]
    assert b"".join(served.streaming_content).startswith(b"\x89PNG")


def test_a_log_photo_is_not_served_outside_the_workplace_or_for_an_entry_without_one(
    client, workplace, running, employee, leader
):
    with_photo = services.log_entry_add(
        actor=employee, experiment=running, entry_date=timezone.localdate(), text="Med", photo=png_upload()
    )
    without = services.log_entry_add(
        actor=employee, experiment=running, entry_date=timezone.localdate(), text="Uden"
    )
    client.force_login(leader)
    assert client.get(experiment_url("log_photo", running, entry_id=without.pk)).status_code == 404
    assert client.get(experiment_url("log_photo", running, entry_id=999999)).status_code == 404
    sister_member = member(WorkplaceFactory(organisation=workplace.organisation)).user
    client.force_login(sister_member)
    assert client.get(experiment_url("log_photo", running, entry_id=with_photo.pk)).status_code == 404


def test_a_text_file_as_photo_is_refused_with_the_error(client, running, employee):
    client.force_login(employee)
    response = client.post(
        experiment_url("log_entry_create", running),
        {"entry_date": timezone.localdate().isoformat(), "text": "Dag 1", "photo": text_file()},
    )
    assert response.status_code == 400
    assert has_error_summary(response)
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        pytest.param({"text": "Dag 1"}, id="no-date"),
        pytest.param({"entry_date": "2026-13-01", "text": "Dag 1"}, id="bad-date"),
        pytest.param({"entry_date": "TODAY", "text": ""}, id="no-text"),
        pytest.param({"entry_date": "TOMORROW", "text": "Dag 2"}, id="future"),
    ],
)
def test_a_bad_log_entry_is_refused_with_the_error(client, running, employee, data):
    today = timezone.localdate()
    dates = {"TODAY": today.isoformat(), "TOMORROW": (today + datetime.timedelta(days=1)).isoformat()}
    data = {key: dates.get(value, value) for key, value in data.items()}
    client.force_login(employee)
    response = client.post(experiment_url("log_entry_create", running), data)
    assert response.status_code == 400
    assert has_error_summary(response)
    assert not LogEntry.objects.exists()


def test_the_log_is_closed_before_the_experiment_starts(client, experiment, leader):
    client.force_login(leader)
    assert experiment_url("log_entry_create", experiment) not in html(
        client.get(experiment.get_absolute_url())
    )
    response = client.post(
        experiment_url("log_entry_create", experiment),
        {"entry_date": timezone.localdate().isoformat(), "text": "For tidligt"},
        follow=True,
    )
    # Back on the experiment's page, which says why.
    assert response.redirect_chain[-1][0] == experiment.get_absolute_url()
    assert 'class="alert alert-error mb-5" role="alert"' in html(response)
    assert not LogEntry.objects.exists()


def test_an_employee_who_is_not_a_participant_cannot_write_in_the_log(client, running, colleague):
    client.force_login(colleague)
    assert experiment_url("log_entry_create", running) not in html(client.get(running.get_absolute_url()))
    response = client.post(
        experiment_url("log_entry_create", running),
        {"entry_date": timezone.localdate().isoformat(), "text": "Ikke med"},
    )
    assert response.status_code == 403
    assert not LogEntry.objects.exists()


# --- 4. Evaluating and concluding ---------------------------------------------------------------------------


def test_ending_the_period_turns_to_the_evaluation(client, running, leader):
    client.force_login(leader)
    evaluate = experiment_url("experiment_evaluate", running)
    assert f'action="{evaluate}"' in html(client.get(running.get_absolute_url()))
    response = client.post(evaluate)
    assert response.status_code == 302
    assert response["Location"] == running.get_absolute_url()
    assert last_message(response) == "success"
    running.refresh_from_db()
    assert running.state == ExperimentState.EVALUATING
    # Only once: evaluating an experiment under evaluation is refused with a message.
    assert last_message(client.post(evaluate)) == "error"


def test_a_planned_experiment_cannot_be_evaluated(client, experiment, leader):
    client.force_login(leader)
    response = client.post(experiment_url("experiment_evaluate", experiment))
    assert last_message(response) == "error"
    experiment.refresh_from_db()
    assert experiment.state == ExperimentState.PLANNED


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(
            lambda data: {k: v for k, v in data.items() if not k.startswith("result_")}, id="no-results"
        ),
        pytest.param(lambda data: {**data, "learnings": "  "}, id="no-learnings"),
        pytest.param(lambda data: {k: v for k, v in data.items() if k != "decision"}, id="no-decision"),
        pytest.param(lambda data: {**data, "decision": "maybe"}, id="unknown-decision"),
        pytest.param(
            lambda data: {k: ("great" if k.startswith("result_") else v) for k, v in data.items()},
            id="unknown-result",
        ),
    ],
)
def test_concluding_without_results_or_learnings_is_refused(client, idea, running, leader, change):
    client.force_login(leader)
    response = client.post(experiment_url("experiment_conclude", running), change(conclude_data(running)))
    assert response.status_code == 200
    assert has_error_summary(response)
    running.refresh_from_db()
    assert running.state == ExperimentState.RUNNING
    assert (running.decision, running.learnings) == ("", "")
    assert not running.criteria.exclude(result="").exists()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.EXPERIMENTING


def test_stopping_with_what_we_learned_is_a_result_in_the_learned_list(
    client, workplace, idea, running, leader
):
    client.force_login(leader)
    address = experiment_url("experiment_conclude", running)
    form = client.get(address)
    assert form.status_code == 200
    criterion = running.criteria.get()
    assert f'name="result_{criterion.pk}"' in html(form)
    response = client.post(address, conclude_data(running, decision="stop"))
    assert response.status_code == 302
    assert response["Location"] == running.get_absolute_url()
    running.refresh_from_db()
    assert running.state == ExperimentState.CONCLUDED
    assert running.decision == Decision.STOP
    assert running.learnings == "Forældrene brugte det ikke."
    assert running.concluded_at is not None
    criterion.refresh_from_db()
    assert (criterion.result, criterion.evidence) == ("not_met", "Svarene viser det")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NOT_PURSUED
    learned = client.get(url("learned", workplace))
    assert learned.status_code == 200
    assert linked_experiment_ids(learned, workplace) == [running.pk]
    assert "fl-decision-stop" in html(learned)
    # Not a failure: the page shows the decision, the learnings and no error.
    assert "Forældrene brugte det ikke." in html(learned)
    assert "alert-error" not in html(learned)


def test_the_learned_list_holds_only_concluded_experiments_of_the_workplace(
    client, workplace, idea, running, leader
):
    elsewhere = WorkplaceFactory(organisation=workplace.organisation)
    elsewhere_leader = member(elsewhere, Role.LEADER).user
    foreign = make_experiment(make_idea(elsewhere), actor=elsewhere_leader)
    run_experiment(foreign, leader=elsewhere_leader)
    conclude_experiment(foreign, leader=elsewhere_leader, decision=Decision.STOP)
    client.force_login(leader)
    assert linked_experiment_ids(client.get(url("learned", workplace)), workplace) == []
    conclude_experiment(running, leader=leader, decision=Decision.ADOPT)
    assert linked_experiment_ids(client.get(url("learned", workplace)), workplace) == [running.pk]


def test_adjusting_plans_a_new_experiment_linked_to_the_first(client, idea, running, leader, employee):
    client.force_login(leader)
    response = client.post(
        experiment_url("experiment_conclude", running),
        conclude_data(running, decision="adjust", result="partly"),
    )
    assert response.status_code == 302
    follow_up = Experiment.objects.exclude(pk=running.pk).get()
    assert follow_up.follows == running
    assert follow_up.state == ExperimentState.PLANNED
    assert list(follow_up.participants.all()) == [employee]
    assert follow_up.criteria.count() == 1
    assert follow_up.get_absolute_url() in html(client.get(running.get_absolute_url()))
    assert running.get_absolute_url() in html(client.get(follow_up.get_absolute_url()))


def test_a_planned_experiment_cannot_be_concluded(client, experiment, leader):
    client.force_login(leader)
    response = client.post(experiment_url("experiment_conclude", experiment), conclude_data(experiment))
    assert response.status_code == 200
    assert has_error_summary(response)
    experiment.refresh_from_db()
    assert experiment.state == ExperimentState.PLANNED


def test_an_employee_not_responsible_cannot_conclude(client, running, employee):
    client.force_login(employee)
    response = client.post(experiment_url("experiment_conclude", running), conclude_data(running))
    assert response.status_code == 403
    running.refresh_from_db()
    assert running.state == ExperimentState.RUNNING


def test_the_experiment_list_filters_by_state(client, workplace, idea, running, leader, employee):
    planned = make_experiment(make_idea(workplace, author=employee, title="Lydmåler"), actor=leader)
    elsewhere = WorkplaceFactory(organisation=workplace.organisation)
    make_experiment(make_idea(elsewhere), actor=member(elsewhere, Role.LEADER).user)
    client.force_login(employee)
    response = client.get(url("experiment_list", workplace))
    assert response.status_code == 200
    assert set(linked_experiment_ids(response, workplace)) == {running.pk, planned.pk}
    assert linked_experiment_ids(
        client.get(url("experiment_list", workplace), {"tilstand": "running"}), workplace
    ) == [running.pk]
    odd = client.get(url("experiment_list", workplace), {"tilstand": "nonsense", "side": "x"})
    assert odd.status_code == 200
    assert set(linked_experiment_ids(odd, workplace)) == {running.pk, planned.pk}
