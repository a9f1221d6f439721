"""The experiment, adoption and case pages through the test client: planning an experiment, the safety check,
starting, the learning log, evaluating and concluding; the adoption plan and its checkpoints; publishing a
case, the case library and "try it here"; the idea page's path from idea to practice; fixed query counts.

Pages render in Danish and many of the new strings are not translated yet, so the tests assert on the
database, status codes, URLs, ids and classes rather than on wording.
"""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from frontloeber.experiments import services
from frontloeber.experiments.models import (
    AdoptionPlan,
    AdoptionState,
    Case,
    CaseTrial,
    Checkpoint,
    Decision,
    Experiment,
    ExperimentState,
    LogEntry,
    SuccessCriterion,
)
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import Idea, IdeaStatus
from frontloeber.organisations.models import Role
from tests.factories import (
    WorkplaceFactory,
    adopt_idea,
    conclude_experiment,
    make_experiment,
    make_idea,
    member,
    png_upload,
    publish_case,
    run_experiment,
)

pytestmark = pytest.mark.django_db


# --- Fixtures and helpers -----------------------------------------------------------------------------------


@pytest.fixture
def workplace():
    return WorkplaceFactory(name="Børnehuset Mælkebøtten")


@pytest.fixture
def leader(workplace):
    return member(workplace, Role.LEADER, full_name="Lene Leder").user


@pytest.fixture
def employee(workplace):
    return member(workplace, Role.EMPLOYEE, full_name="Erik Ansat").user


@pytest.fixture
def colleague(workplace):
    return member(workplace, Role.EMPLOYEE, full_name="Karen Kollega").user


@pytest.fixture
def observer(workplace):
    return member(workplace, Role.OBSERVER, full_name="Ole Observatør").user


@pytest.fixture
def idea(workplace, leader, employee):
    """A new idea by the employee (who is not its responsible person)."""
    return make_idea(workplace, author=employee)


@pytest.fixture
def experiment(idea, leader, employee):
    """A planned experiment with the employee as participant."""
    return make_experiment(idea, actor=leader, participants=[employee])


@pytest.fixture
def running(experiment, leader):
    return run_experiment(experiment, leader=leader)


@pytest.fixture
def sister(workplace):
    """Another workplace of the same organisation."""
    return WorkplaceFactory(organisation=workplace.organisation, name="Vuggestuen Solsikken")


@pytest.fixture
def sister_leader(sister):
    return member(sister, Role.LEADER, full_name="Sara Søsterleder").user


@pytest.fixture
def adopted_idea(workplace, leader, employee):
    return make_idea(workplace, author=employee, title="Tablet til billeder af dagen", images=[png_upload()])


@pytest.fixture
def case(adopted_idea, leader):
    adopt_idea(adopted_idea, leader=leader)
    return publish_case(adopted_idea, leader=leader)


def url(name, workplace, **kwargs):
    return reverse(f"experiments:{name}", kwargs={"workplace_slug": workplace.slug, **kwargs})


def experiment_url(name, experiment, **kwargs):
    return url(name, experiment.workplace, experiment_id=experiment.pk, **kwargs)


def plan_url(name, plan, **kwargs):
    return url(name, plan.workplace, plan_id=plan.pk, **kwargs)


def case_url(name, case, workplace, **kwargs):
    """A case seen from ``workplace`` (any workplace of the case's organisation)."""
    return url(name, workplace, case_id=case.pk, **kwargs)


def html(response):
    return response.content.decode()


def has_error_summary(response):
    return 'id="error-summary"' in html(response)


def last_message(response):
    """The level of the last message the request left (earlier redirects' messages may still be queued)."""
    levels = [m.level_tag for m in get_messages(response.wsgi_request)]
    return levels[-1] if levels else None


def linked_experiment_ids(response, workplace):
    ids = []
    for found in re.findall(rf'href="/a/{workplace.slug}/afproevninger/(\d+)/"', html(response)):
        if int(found) not in ids:
            ids.append(int(found))
    return ids


def linked_case_ids(response):
    ids = []
    for found in re.findall(r'href="/a/[^/"]+/cases/(\d+)/"', html(response)):
        if int(found) not in ids:
            ids.append(int(found))
    return ids


def experiment_form_data(**overrides):
    today = timezone.localdate()
    data = {
        "hypothesis": "Vi tror, at billeder på tablet vil føre til mere tryghed hos forældrene.",
        "starts_on": today.isoformat(),
        "ends_on": (today + datetime.timedelta(days=21)).isoformat(),
        "hours": "10",
        "budget_dkk": "2500",
        "equipment": "To tablets",
        "stop_rule": "Vi stopper, hvis det tager tid fra børnene.",
        "participants": [],
        "criterion_0_axis": "citizens",
        "criterion_0_description": "Forældrene ser dagen",
        "criterion_0_measure": "Spørgeskema til forældrene",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


SAFE = {"personal_data": "no", "vulnerable_citizens": "no", "needs_it": "no"}


def conclude_data(experiment, *, decision="stop", learnings="Forældrene brugte det ikke.", result="not_met"):
    data = {"decision": decision, "learnings": learnings}
    for criterion in experiment.criteria.all():
        data[f"result_{criterion.pk}"] = result
        data[f"evidence_{criterion.pk}"] = "Svarene viser det"
    return data


def plan_data(responsible, /, **overrides):
    data = {
        "affected": "Pædagogerne på stuerne: de tager billeder i stedet for at skrive opslag.",
        "training": "En legestue",
        "communication": "Forældremøde i marts",
        "go_live_on": timezone.localdate().isoformat(),
        "responsible": str(responsible.pk),
        "first_checkpoint_days": "30",
        "second_checkpoint_days": "90",
    }
    data.update(overrides)
    return data


def checkpoint_data(**overrides):
    data = {
        "users": "8",
        "affected": "10",
        "value_citizens": "2",
        "value_quality": "1",
        "value_routines": "0",
        "notes": "Forældrene er glade",
        "adjusted": "Færre billeder om dagen",
    }
    data.update(overrides)
    return data


def case_data(contact, /, **overrides):
    data = {
        "summary": "Billeder af dagen til forældrene på en tablet.",
        "value_achieved": "Forældrene spørger mindre og ved mere.",
        "what_it_took": "To tablets og en legestue.",
        "learnings": "Start med én stue.",
        "contact": str(contact.pk),
    }
    data.update(overrides)
    return data


def concluded_adopt(idea, leader):
    experiment = make_experiment(idea, actor=leader)
    run_experiment(experiment, leader=leader)
    return conclude_experiment(experiment, leader=leader, decision=Decision.ADOPT)


def text_file(name="foto.png"):
    return SimpleUploadedFile(name, b"This is plain text, not a picture.\n" * 20, content_type="image/png")


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


@pytest.fixture
def live_plan(idea, leader, employee):
    """A live plan with the employee responsible."""
    plan = adopt_idea(idea, leader=leader)
    AdoptionPlan.objects.filter(pk=plan.pk).update(responsible=employee)
    plan.refresh_from_db()
    return plan


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


# --- 6. Cases -----------------------------------------------------------------------------------------------


def test_publishing_an_adopted_idea_as_a_case(client, workplace, adopted_idea, leader, employee):
    adopt_idea(adopted_idea, leader=leader)
    client.force_login(leader)
    address = url("case_publish", workplace, idea_id=adopted_idea.pk)
    assert client.get(address).status_code == 200
    response = client.post(address, case_data(employee))
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == case_url("case_detail", case, workplace)
    assert (case.idea, case.workplace, case.contact, case.published_by) == (
        adopted_idea,
        workplace,
        employee,
        leader,
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Billeder af dagen til forældrene på en tablet." in html(page)
    image = adopted_idea.images.get()
    assert case_url("case_image", case, workplace, image_id=image.pk) in html(page)
    # The source workplace does not try its own case.
    assert case_url("case_try", case, workplace) not in html(page)


def test_publishing_an_idea_that_is_not_adopted_is_refused(client, workplace, idea, leader):
    client.force_login(leader)
    response = client.post(url("case_publish", workplace, idea_id=idea.pk), case_data(leader))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    "bad", [{"summary": ""}, {"learnings": " "}, {"contact": ""}, {"contact": "OUTSIDER"}]
)
def test_a_bad_case_is_refused_with_the_error(client, workplace, adopted_idea, leader, bad):
    adopt_idea(adopted_idea, leader=leader)
    outsider = member(WorkplaceFactory(organisation=workplace.organisation)).user
    bad = {key: (str(outsider.pk) if value == "OUTSIDER" else value) for key, value in bad.items()}
    client.force_login(leader)
    response = client.post(url("case_publish", workplace, idea_id=adopted_idea.pk), case_data(leader, **bad))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not Case.objects.exists()


def test_a_case_is_published_once(client, workplace, adopted_idea, leader, case):
    client.force_login(leader)
    response = client.post(url("case_publish", workplace, idea_id=adopted_idea.pk), case_data(leader))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert Case.objects.count() == 1


def test_an_employee_cannot_publish_a_case(client, workplace, adopted_idea, leader, employee):
    adopt_idea(adopted_idea, leader=leader)
    client.force_login(employee)
    response = client.post(url("case_publish", workplace, idea_id=adopted_idea.pk), case_data(employee))
    assert response.status_code == 403
    assert not Case.objects.exists()


@pytest.fixture
def robot_case(sister):
    """A second case in the organisation, from the sister workplace, and one in another organisation."""
    sister_lead = member(sister, Role.LEADER).user
    robot_idea = make_idea(
        sister,
        title="Robot til oprydning",
        need="Legetøjet ligger overalt om eftermiddagen.",
        description="En lille robot samler klodser.",
        tag_names=["robot"],
    )
    adopt_idea(robot_idea, leader=sister_lead)
    foreign_workplace = WorkplaceFactory()
    foreign_leader = member(foreign_workplace, Role.LEADER).user
    foreign_idea = make_idea(foreign_workplace, title="Robot i en anden kommune", tag_names=["robot"])
    adopt_idea(foreign_idea, leader=foreign_leader)
    publish_case(foreign_idea, leader=foreign_leader)
    return publish_case(robot_idea, leader=sister_lead, summary="En robot samler klodserne op.")


def test_the_case_library_lists_the_organisations_cases_only(client, workplace, employee, case, robot_case):
    client.force_login(employee)
    response = client.get(url("case_list", workplace))
    assert response.status_code == 200
    assert set(linked_case_ids(response)) == {case.pk, robot_case.pk}
    for listed in (case, robot_case):
        assert client.get(case_url("case_detail", listed, workplace)).status_code == 200


def test_the_case_library_searches_the_cases(client, workplace, employee, case, robot_case):
    client.force_login(employee)
    found = client.get(url("case_list", workplace), {"q": "robot"})
    assert found.status_code == 200
    assert linked_case_ids(found) == [robot_case.pk]
    assert 'value="robot"' in html(found)
    assert linked_case_ids(client.get(url("case_list", workplace), {"q": "billeder tablet"})) == [case.pk]
    nothing = client.get(url("case_list", workplace), {"q": "ubåd"})
    assert nothing.status_code == 200
    assert linked_case_ids(nothing) == []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "og i på",
        "'\"&|!:*()",
        "\\",
        "x" * 500,
        "robot's & (klodser | !tablet):*",
    ],
)
def test_odd_case_searches_never_break_the_library(client, workplace, employee, case, query):
    client.force_login(employee)
    assert client.get(url("case_list", workplace), {"q": query}).status_code == 200


def test_a_leader_of_another_workplace_tries_a_case_there(
    client, workplace, sister, sister_leader, case, leader
):
    client.force_login(sister_leader)
    detail = case_url("case_detail", case, sister)
    page = client.get(detail)
    assert page.status_code == 200
    try_here = case_url("case_try", case, sister)
    assert f'action="{try_here}"' in html(page)
    response = client.post(try_here)
    trial = CaseTrial.objects.get()
    new_idea = trial.idea
    assert response.status_code == 302
    assert response["Location"] == new_idea.get_absolute_url()
    assert last_message(response) == "success"
    assert (new_idea.workplace, new_idea.author, new_idea.status) == (sister, sister_leader, IdeaStatus.NEW)
    assert new_idea.title == case.idea.title
    assert (trial.case, trial.workplace, trial.created_by) == (case, sister, sister_leader)
    case.refresh_from_db()
    assert case.trial_count == 1
    assert client.get(response["Location"]).status_code == 200
    # After trying, the page links to the workplace's own idea instead of offering the button.
    again = html(client.get(detail))
    assert f'action="{try_here}"' not in again
    assert new_idea.get_absolute_url() in again


def test_trying_a_case_twice_gives_a_message_and_no_duplicate(client, sister, sister_leader, case):
    client.force_login(sister_leader)
    try_here = case_url("case_try", case, sister)
    client.post(try_here)
    ideas_before = Idea.objects.count()
    response = client.post(try_here)
    assert response.status_code == 302
    assert response["Location"] == case_url("case_detail", case, sister)
    assert last_message(response) == "error"
    assert CaseTrial.objects.count() == 1
    assert Idea.objects.count() == ideas_before
    case.refresh_from_db()
    assert case.trial_count == 1


def test_an_employee_of_another_workplace_cannot_try_a_case(client, sister, case):
    sister_employee = member(sister, Role.EMPLOYEE).user
    client.force_login(sister_employee)
    page = client.get(case_url("case_detail", case, sister))
    assert page.status_code == 200
    assert case_url("case_try", case, sister) not in html(page)
    ideas_before = Idea.objects.count()
    assert client.post(case_url("case_try", case, sister)).status_code == 403
    assert not CaseTrial.objects.exists()
    assert Idea.objects.count() == ideas_before


def test_the_source_workplaces_leader_cannot_try_their_own_case(client, workplace, leader, case):
    client.force_login(leader)
    ideas_before = Idea.objects.count()
    response = client.post(case_url("case_try", case, workplace))
    assert response.status_code == 302
    assert last_message(response) == "error"
    assert not CaseTrial.objects.exists()
    assert Idea.objects.count() == ideas_before


def test_a_get_to_try_it_here_goes_back_without_changing_anything(client, sister, sister_leader, case):
    client.force_login(sister_leader)
    response = client.get(case_url("case_try", case, sister))
    assert response.status_code == 302
    assert response["Location"] == case_url("case_detail", case, sister)
    assert not CaseTrial.objects.exists()


def test_the_case_page_shows_each_trial_with_its_status(
    client, workplace, employee, sister, sister_leader, case
):
    trial = services.case_try_here(actor=sister_leader, case=case, workplace=sister)
    idea_services.idea_move(actor=sister_leader, idea=trial.idea, to_status=IdeaStatus.QUALIFYING)
    client.force_login(employee)
    page = html(client.get(case_url("case_detail", case, workplace)))
    assert sister.name in page
    assert "fl-status-qualifying" in page
    assert linked_case_ids(client.get(url("case_list", workplace))) == [case.pk]


def test_the_case_picture_is_shared_in_the_organisation_only(client, workplace, adopted_idea, sister, case):
    image = adopted_idea.images.get()
    sister_member = member(sister, Role.OBSERVER).user
    client.force_login(sister_member)
    served = client.get(case_url("case_image", case, sister, image_id=image.pk))
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content).startswith(b"\x89PNG")
    assert client.get(case_url("case_image", case, sister, image_id=999999)).status_code == 404
    foreign_workplace = WorkplaceFactory()
    client.force_login(member(foreign_workplace, Role.LEADER).user)
    assert client.get(case_url("case_image", case, foreign_workplace, image_id=image.pk)).status_code == 404
    assert client.get(case_url("case_detail", case, foreign_workplace)).status_code == 404
    assert client.post(case_url("case_try", case, foreign_workplace)).status_code == 404
    assert not CaseTrial.objects.exists()


def test_a_picture_of_another_idea_is_not_served_through_a_case(client, workplace, employee, leader, case):
    other = make_idea(workplace, author=employee, title="Andet billede", images=[png_upload()])
    client.force_login(employee)
    response = client.get(case_url("case_image", case, workplace, image_id=other.images.get().pk))
    assert response.status_code == 404


# --- 7. The idea page: from idea to practice ----------------------------------------------------------------


def test_the_idea_page_offers_a_leader_to_plan_an_experiment_for_a_new_idea(
    client, workplace, idea, leader, colleague
):
    plan = url("experiment_create", workplace, idea_id=idea.pk)
    client.force_login(leader)
    page = client.get(idea.get_absolute_url())
    assert page.status_code == 200
    assert 'id="experiments-heading"' in html(page)
    assert f'href="{plan}"' in html(page)
    client.force_login(colleague)
    assert plan not in html(client.get(idea.get_absolute_url()))


def test_the_idea_page_offers_no_second_experiment_while_one_is_open(
    client, workplace, idea, experiment, leader
):
    client.force_login(leader)
    page = html(client.get(idea.get_absolute_url()))
    assert experiment.get_absolute_url() in page
    assert url("experiment_create", workplace, idea_id=idea.pk) not in page


def test_the_idea_page_links_to_its_experiments_plan_and_case(
    client, workplace, adopted_idea, leader, employee
):
    client.force_login(leader)
    experiment = concluded_adopt(adopted_idea, leader)
    page = html(client.get(adopted_idea.get_absolute_url()))
    assert experiment.get_absolute_url() in page
    assert url("adoption_create", workplace, idea_id=adopted_idea.pk) in page
    plan = services.adoption_plan_create(
        actor=leader,
        idea=adopted_idea,
        affected="Pædagogerne",
        training="",
        communication="",
        go_live_on=timezone.localdate(),
        responsible=leader,
        first_checkpoint_days=30,
        second_checkpoint_days=90,
    )
    page = html(client.get(adopted_idea.get_absolute_url()))
    assert plan.get_absolute_url() in page
    assert url("adoption_create", workplace, idea_id=adopted_idea.pk) not in page
    assert url("case_publish", workplace, idea_id=adopted_idea.pk) not in page
    services.adoption_plan_go_live(actor=leader, plan=plan)
    adopted_idea.refresh_from_db()
    page = html(client.get(adopted_idea.get_absolute_url()))
    assert url("case_publish", workplace, idea_id=adopted_idea.pk) in page
    case = publish_case(adopted_idea, leader=leader)
    page = html(client.get(adopted_idea.get_absolute_url()))
    assert case_url("case_detail", case, workplace) in page
    assert url("case_publish", workplace, idea_id=adopted_idea.pk) not in page
    # An employee sees the links, not the leader's buttons.
    client.force_login(employee)
    page = html(client.get(adopted_idea.get_absolute_url()))
    assert experiment.get_absolute_url() in page
    assert plan.get_absolute_url() in page
    assert case_url("case_detail", case, workplace) in page


# --- 8. Query counts ----------------------------------------------------------------------------------------

# The same on SQLite and PostgreSQL. A leader's page adds the header's inbox count; the case page seen from a
# workplace that tries the case adds that count and the workplace of its own linked idea.
# Two more for a leader: the skills the experiment needs (and who can help, when it names any) and the
# catalogue to name them from; one more for the participant.
EXPERIMENT_DETAIL_QUERIES = {"leader": 14, "participant": 12}
EXPERIMENT_LIST_QUERIES = 8
LEARNED_QUERIES = 8
ADOPTION_DETAIL_QUERIES = 11
CASE_LIST_QUERIES = 8
CASE_DETAIL_QUERIES = {"source": 9, "trying": 11}


def _running_experiment(workplace, leader, *, size):
    """A running experiment with ``size`` participants and criteria and ``size`` + 2 log entries (one with a
    photo); size 1 gives 1, 1 and 1 (the small case), size 4 gives 4, 4 and 6."""
    people = [member(workplace).user for _ in range(size)]
    criteria = [
        {"axis": axis, "description": f"Kriterium {n}", "measure": f"Måling {n}"}
        for n, axis in zip(range(size), ["citizens", "quality", "routines", "citizens"], strict=False)
    ]
    idea = make_idea(workplace, author=people[0], title=f"Afprøvning med {size}")
    experiment = make_experiment(idea, actor=leader, participants=people, criteria=criteria)
    experiment = run_experiment(experiment, leader=leader)
    entries = 1 if size == 1 else size + 2
    for n in range(entries):
        services.log_entry_add(
            actor=people[n % size],
            experiment=experiment,
            entry_date=timezone.localdate(),
            text=f"Notat {n}",
            photo=png_upload() if n % 3 == 0 else None,
        )
    return experiment, people


@pytest.mark.parametrize("who", ["leader", "participant"])
def test_the_experiment_page_costs_the_same_queries_for_few_and_many(
    client, workplace, leader, django_assert_num_queries, who
):
    for size, entries in ((1, 1), (4, 6)):
        experiment, people = _running_experiment(workplace, leader, size=size)
        client.force_login(leader if who == "leader" else people[0])
        address = experiment.get_absolute_url()
        with django_assert_num_queries(EXPERIMENT_DETAIL_QUERIES[who]):
            response = client.get(address)
        page = html(response)
        assert response.status_code == 200
        assert page.count('class="fl-comment"') == entries
        assert page.count("Kriterium ") == size
        assert all(person.full_name in page for person in people)
        assert page.count("/foto/") == len(range(0, entries, 3))
        assert experiment_url("log_entry_create", experiment) in page


def test_the_experiment_list_costs_the_same_queries_for_1_and_8_experiments(
    client, workplace, leader, employee, django_assert_num_queries
):
    client.force_login(employee)
    for n in (1, 8):
        while Experiment.objects.filter(workplace=workplace).count() < n:
            count = Experiment.objects.count()
            make_experiment(make_idea(workplace, author=employee, title=f"Idé {count}"), actor=leader)
        with django_assert_num_queries(EXPERIMENT_LIST_QUERIES):
            response = client.get(url("experiment_list", workplace))
        assert len(linked_experiment_ids(response, workplace)) == n


def test_the_learned_list_costs_the_same_queries_for_1_and_5_experiments(
    client, workplace, leader, employee, django_assert_num_queries
):
    client.force_login(employee)
    for n in (1, 5):
        while Experiment.objects.filter(workplace=workplace, state=ExperimentState.CONCLUDED).count() < n:
            count = Experiment.objects.count()
            experiment = make_experiment(make_idea(workplace, title=f"Idé {count}"), actor=leader)
            run_experiment(experiment, leader=leader)
            conclude_experiment(
                experiment, leader=leader, decision=[Decision.STOP, Decision.ADOPT][count % 2]
            )
        with django_assert_num_queries(LEARNED_QUERIES):
            response = client.get(url("learned", workplace))
        assert len(linked_experiment_ids(response, workplace)) == n


def test_the_adoption_page_costs_the_same_queries_before_and_after_checkpoints_are_recorded(
    client, live_plan, leader, employee, django_assert_num_queries
):
    client.force_login(leader)
    address = live_plan.get_absolute_url()
    checkpoints = list(live_plan.checkpoints.all())
    for recorded in (0, 1, 2):
        for checkpoint in checkpoints[:recorded]:
            if checkpoint.recorded_at is None:
                services.checkpoint_record(
                    actor=[leader, employee][recorded % 2],
                    checkpoint=checkpoint,
                    users=3,
                    affected=5,
                    values={"citizens": 2, "quality": 1, "routines": 3},
                    notes=f"Noter {recorded}",
                )
        with django_assert_num_queries(ADOPTION_DETAIL_QUERIES):
            response = client.get(address)
        assert response.status_code == 200
        assert html(response).count("Noter ") == recorded


def test_the_case_library_costs_the_same_queries_for_1_and_8_cases(
    client, workplace, employee, case, django_assert_num_queries
):
    client.force_login(employee)
    for n in (1, 8):
        while Case.objects.count() < n:
            elsewhere = WorkplaceFactory(organisation=workplace.organisation)
            elsewhere_leader = member(elsewhere, Role.LEADER).user
            adopted = make_idea(elsewhere, title=f"Case {Case.objects.count()}")
            adopt_idea(adopted, leader=elsewhere_leader)
            publish_case(adopted, leader=elsewhere_leader, contact=member(elsewhere).user)
        with django_assert_num_queries(CASE_LIST_QUERIES):
            response = client.get(url("case_list", workplace))
        assert len(linked_case_ids(response)) == n


@pytest.mark.parametrize("who", ["source", "trying"])
def test_the_case_page_costs_the_same_queries_for_1_and_4_trials(
    client, workplace, employee, sister, sister_leader, case, django_assert_num_queries, who
):
    services.case_try_here(actor=sister_leader, case=case, workplace=sister)
    if who == "source":
        client.force_login(employee)
        address = case_url("case_detail", case, workplace)
    else:
        client.force_login(sister_leader)
        address = case_url("case_detail", case, sister)
    for n in (1, 4):
        while CaseTrial.objects.count() < n:
            elsewhere = WorkplaceFactory(organisation=workplace.organisation)
            trial = services.case_try_here(
                actor=member(elsewhere, Role.LEADER).user, case=case, workplace=elsewhere
            )
            idea_services.idea_move(actor=trial.created_by, idea=trial.idea, to_status=IdeaStatus.QUALIFYING)
        with django_assert_num_queries(CASE_DETAIL_QUERIES[who]):
            response = client.get(address)
        assert response.status_code == 200
        assert html(response).count('class="fl-status fl-status-') == n


def test_cancelling_a_planned_experiment_asks_first(client, experiment, leader):
    client.force_login(leader)
    url = experiment_url("experiment_cancel", experiment)
    assert client.get(url).status_code == 200
    assert Experiment.objects.filter(pk=experiment.pk).exists()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == experiment.idea.get_absolute_url()
    assert not Experiment.objects.filter(pk=experiment.pk).exists()
