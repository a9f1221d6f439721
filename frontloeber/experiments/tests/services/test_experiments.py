"""Experiments, services: Planning an experiment, The safety check, The learning log."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from frontloeber.experiments import services
from frontloeber.experiments.models import (
    Experiment,
    ExperimentState,
    LogEntry,
    SuccessCriterion,
)
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import EventKind, Idea, IdeaStatus
from frontloeber.ideas.notification_kinds import Kind as IdeaKind
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import (
    WorkplaceFactory,
    adopt_idea,
    conclude_experiment,
    member,
    png_upload,
    run_experiment,
)

from .helpers import (
    DAY,
    criterion,
    frame,
    fresh,
    safety,
)

pytestmark = pytest.mark.django_db


# --- Planning an experiment ---------------------------------------------------------------------------------


def test_a_leader_plans_an_experiment_with_its_frames(idea, leader, participant, responsible):
    experiment = services.experiment_create(
        actor=leader, idea=idea, **frame(participants=[participant, responsible])
    )
    experiment = fresh(experiment)
    assert experiment.state == ExperimentState.PLANNED
    assert experiment.organisation_id == idea.organisation_id
    assert experiment.workplace_id == idea.workplace_id
    assert (experiment.hours, experiment.budget_dkk, experiment.equipment) == (20, 3000, "To tablets")
    assert experiment.created_by == leader
    assert experiment.started_at is None and experiment.safety_confirmed_at is None
    assert set(experiment.participants.all()) == {participant, responsible}
    criteria = list(experiment.criteria.order_by("position"))
    assert [(c.axis, c.position) for c in criteria] == [("citizens", 0), ("routines", 1)]
    assert all(c.organisation_id == idea.organisation_id and c.result == "" for c in criteria)
    # Planning does not move the idea; starting does.
    assert fresh(idea).status == IdeaStatus.NEW


def test_the_ideas_responsible_employee_plans_an_experiment(idea, responsible):
    experiment = services.experiment_create(actor=responsible, idea=idea, **frame())
    assert experiment.created_by == responsible
    assert Experiment.objects.filter(idea=idea).count() == 1


def test_text_is_stripped_and_empty_criteria_rows_are_skipped(idea, leader):
    experiment = services.experiment_create(
        actor=leader,
        idea=idea,
        **frame(
            hypothesis="  Vi tror\x00, at det virker.  ",
            hours="12",
            criteria=[criterion(), {"axis": "", "description": " ", "measure": ""}],
        ),
    )
    experiment = fresh(experiment)
    assert experiment.hypothesis == "Vi tror, at det virker."
    assert experiment.hours == 12
    assert experiment.criteria.count() == 1


@pytest.mark.parametrize("who", ["colleague", "observer", "outsider"])
def test_only_a_leader_or_the_responsible_person_plans_an_experiment(request, idea, who):
    if who == "outsider":
        actor = member(WorkplaceFactory(organisation=idea.organisation), Role.LEADER).user
    else:
        actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.experiment_create(actor=actor, idea=idea, **frame())
    assert Experiment.objects.count() == 0


def test_an_observer_made_responsible_still_cannot_plan(idea, observer):
    # Observers cannot be assigned through the services, but the permission holds on its own too.
    Idea.objects.filter(pk=idea.pk).update(responsible=observer)
    with pytest.raises(PermissionDenied):
        services.experiment_create(actor=observer, idea=fresh(idea), **frame())


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        (lambda p: {"hypothesis": "   "}, "hypothesis"),
        (lambda p: {"hypothesis": "x" * 2001}, "hypothesis"),
        (lambda p: {"stop_rule": ""}, "stop_rule"),
        (lambda p: {"starts_on": None}, "starts_on"),
        (lambda p: {"ends_on": "2025-01-01"}, "ends_on"),
        (lambda p: {"ends_on": timezone.localdate() - DAY}, "ends_on"),
        (lambda p: {"hours": -1}, "hours"),
        (lambda p: {"hours": "mange"}, "hours"),
        (lambda p: {"hours": None}, "hours"),
        (lambda p: {"hours": 10_001}, "hours"),
        (lambda p: {"budget_dkk": -500}, "budget_dkk"),
        (lambda p: {"budget_dkk": "5.000 kr"}, "budget_dkk"),
        (lambda p: {"criteria": []}, "criteria"),
        (lambda p: {"criteria": [{"axis": "", "description": "", "measure": ""}]}, "criteria"),
        (lambda p: {"criteria": [criterion() for _ in range(5)]}, "criteria"),
        (lambda p: {"criteria": [criterion(measure="")]}, "criteria"),
        (lambda p: {"criteria": [criterion(description="")]}, "criteria"),
        (lambda p: {"criteria": [criterion(axis="economy")]}, "criteria"),
        (lambda p: {"criteria": [criterion(axis="")]}, "criteria"),
        (lambda p: {"criteria": [criterion(description="d" * 301)]}, "criteria"),
        (lambda p: {"participants": [p["foreign"]]}, "participants"),
        (lambda p: {"participants": [p["sister"]]}, "participants"),
        (lambda p: {"participants": [p["participant"], p["observer"]]}, "participants"),
        (lambda p: {"participants": [None]}, "participants"),
    ],
)
def test_bad_input_is_refused_on_its_field_and_nothing_is_created(
    idea, leader, participant, observer, overrides, field
):
    people = {
        "foreign": member(WorkplaceFactory()).user,
        # Another workplace of the same organisation is just as foreign to the experiment.
        "sister": member(WorkplaceFactory(organisation=idea.organisation)).user,
        "participant": participant,
        "observer": observer,
    }
    with pytest.raises(ValidationError) as error:
        services.experiment_create(actor=leader, idea=idea, **frame(**overrides(people)))
    assert field in error.value.message_dict
    assert Experiment.objects.count() == 0
    assert SuccessCriterion.objects.count() == 0


def test_several_problems_are_reported_together(idea, leader):
    with pytest.raises(ValidationError) as error:
        services.experiment_create(
            actor=leader, idea=idea, **frame(hypothesis="", hours=-2, budget_dkk=-1, criteria=[])
        )
    assert {"hypothesis", "hours", "budget_dkk", "criteria"} <= set(error.value.message_dict)


def test_an_experiment_can_end_the_day_it_starts_with_four_criteria_and_zero_frames(idea, leader):
    today = timezone.localdate()
    experiment = services.experiment_create(
        actor=leader,
        idea=idea,
        **frame(ends_on=today, hours=0, budget_dkk="0", criteria=[criterion() for _ in range(4)]),
    )
    assert experiment.criteria.count() == 4


def _withdraw(idea, leader, author):
    idea_services.idea_withdraw(actor=author, idea=idea)


def _park(idea, leader, author):
    idea_services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.PARKED, message="Ikke nu")


def _not_pursued(idea, leader, author):
    idea_services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.NOT_PURSUED, message="Nej tak")


def _adopt(idea, leader, author):
    adopt_idea(idea, leader=leader)


@pytest.mark.parametrize(
    ("close", "status"),
    [
        (_withdraw, IdeaStatus.WITHDRAWN),
        (_park, IdeaStatus.PARKED),
        (_not_pursued, IdeaStatus.NOT_PURSUED),
        (_adopt, IdeaStatus.ADOPTED),
    ],
)
def test_an_idea_in_a_status_that_cannot_be_tried_gets_no_experiment(idea, leader, author, close, status):
    close(idea, leader, author)
    idea = fresh(idea)
    assert idea.status == status
    before = Experiment.objects.count()
    with pytest.raises(ValidationError):
        services.experiment_create(actor=leader, idea=idea, **frame())
    assert Experiment.objects.count() == before


def test_a_qualifying_idea_can_be_tried(idea, leader):
    idea_services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    assert services.experiment_create(actor=leader, idea=fresh(idea), **frame()).pk


def test_the_plan_changes_until_the_experiment_starts(experiment, leader, responsible, colleague):
    changed = services.experiment_update(
        actor=responsible,
        experiment=experiment,
        **frame(hypothesis="Vi tror noget andet.", participants=[colleague], criteria=[criterion("quality")]),
    )
    changed = fresh(changed)
    assert changed.hypothesis == "Vi tror noget andet."
    assert list(changed.participants.all()) == [colleague]
    assert list(changed.criteria.values_list("axis", flat=True)) == ["quality"]
    with pytest.raises(ValidationError) as error:
        services.experiment_update(actor=leader, experiment=changed, **frame(hours=-1))
    assert "hours" in error.value.message_dict
    assert fresh(changed).hours == 20
    with pytest.raises(PermissionDenied):
        services.experiment_update(actor=colleague, experiment=changed, **frame())
    run_experiment(changed, leader=leader)
    with pytest.raises(ValidationError):
        services.experiment_update(actor=leader, experiment=changed, **frame())
    assert fresh(changed).hypothesis == "Vi tror noget andet."


# --- The safety check ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "fields"),
    [
        ({"personal_data": True}, {"personal_data_which", "legal_basis", "dpo_contact"}),
        (
            {"personal_data": True, "personal_data_which": "Billeder af børn", "legal_basis": "Samtykke"},
            {"dpo_contact"},
        ),
        ({"vulnerable_citizens": True}, {"consent_how"}),
        ({"needs_it": True, "it_what": "   "}, {"it_what"}),
        ({"personal_data": None}, {"personal_data"}),
        ({"needs_it": "ja"}, {"needs_it"}),
        ({"dpo_contact": "d" * 201}, {"dpo_contact"}),
    ],
)
def test_a_yes_needs_its_follow_up_answers(experiment, leader, answers, fields):
    with pytest.raises(ValidationError) as error:
        services.experiment_safety_update(actor=leader, experiment=experiment, **safety(**answers))
    assert set(error.value.message_dict) == fields
    experiment = fresh(experiment)
    assert experiment.personal_data is None and not experiment.safety_answered


def test_the_safety_check_answered_with_yes_goes_to_its_reviewers_not_the_leader(
    experiment, leader, responsible
):
    """Issue 17, point 6: answers that need the adviser or the IT contact are not the leader's to confirm."""
    services.experiment_safety_update(
        actor=responsible,
        experiment=experiment,
        **safety(
            personal_data=True,
            personal_data_which="Billeder af børnene",
            legal_basis="Forældrenes samtykke",
            dpo_contact="Kommunens DPO",
            vulnerable_citizens=True,
            consent_how="Forældrene skriver under",
            needs_it=True,
            it_what="MDM på to tablets",
        ),
    )
    experiment = fresh(experiment)
    assert experiment.safety_answered and experiment.safety_confirmed_at is None
    assert experiment.dpo_contact == "Kommunens DPO"
    assert sorted(experiment.safety_reviews.values_list("role", flat=True)) == ["dpo", "it"]
    with pytest.raises(ValidationError):
        services.experiment_safety_confirm(actor=leader, experiment=experiment)
    assert fresh(experiment).safety_confirmed_at is None


def test_confirming_before_every_answer_is_given_is_refused(experiment, leader):
    with pytest.raises(ValidationError):
        services.experiment_safety_confirm(actor=leader, experiment=experiment)
    # Partly answered (a "yes" whose follow-up is missing) is not answered either.
    Experiment.objects.filter(pk=experiment.pk).update(
        personal_data=False, vulnerable_citizens=True, needs_it=False, consent_how=""
    )
    with pytest.raises(ValidationError):
        services.experiment_safety_confirm(actor=leader, experiment=fresh(experiment))
    assert fresh(experiment).safety_confirmed_at is None


def test_only_a_leader_confirms_the_safety_check(experiment, responsible, participant):
    services.experiment_safety_update(actor=responsible, experiment=experiment, **safety())
    for person in (responsible, participant):
        with pytest.raises(PermissionDenied):
            services.experiment_safety_confirm(actor=person, experiment=experiment)
    assert fresh(experiment).safety_confirmed_at is None


def test_only_a_leader_or_the_responsible_person_answers_the_safety_check(experiment, participant):
    with pytest.raises(PermissionDenied):
        services.experiment_safety_update(actor=participant, experiment=experiment, **safety())
    assert fresh(experiment).personal_data is None


def test_changing_the_answers_takes_back_the_confirmation(experiment, leader):
    services.experiment_safety_update(actor=leader, experiment=experiment, **safety())
    services.experiment_safety_confirm(actor=leader, experiment=experiment)
    assert fresh(experiment).safety_confirmed_at is not None
    services.experiment_safety_update(
        actor=leader, experiment=experiment, **safety(needs_it=True, it_what="En ny app")
    )
    experiment = fresh(experiment)
    assert experiment.safety_confirmed_at is None and experiment.safety_confirmed_by is None
    with pytest.raises(ValidationError):
        services.experiment_start(actor=leader, experiment=experiment)
    assert fresh(experiment).state == ExperimentState.PLANNED


def test_starting_before_the_safety_check_is_confirmed_is_refused(experiment, leader, idea):
    with pytest.raises(ValidationError):
        services.experiment_start(actor=leader, experiment=experiment)
    services.experiment_safety_update(actor=leader, experiment=experiment, **safety())
    with pytest.raises(ValidationError):
        services.experiment_start(actor=leader, experiment=experiment)
    experiment = fresh(experiment)
    assert experiment.state == ExperimentState.PLANNED and experiment.started_at is None
    assert fresh(idea).status == IdeaStatus.NEW


def test_starting_runs_the_experiment_and_the_idea_follows(experiment, leader, idea, author):
    services.experiment_safety_update(actor=leader, experiment=experiment, **safety())
    services.experiment_safety_confirm(actor=leader, experiment=experiment)
    before = timezone.now()
    started = services.experiment_start(actor=leader, experiment=experiment)
    started = fresh(started)
    assert started.state == ExperimentState.RUNNING
    assert started.started_at is not None and started.started_at >= before
    idea = fresh(idea)
    assert idea.status == IdeaStatus.EXPERIMENTING
    event = idea.events.filter(kind=EventKind.MOVED).get()
    assert (event.from_status, event.to_status) == (IdeaStatus.NEW, IdeaStatus.EXPERIMENTING)
    assert event.actor == leader and event.message == experiment.hypothesis
    note = Notification.objects.get(recipient=author, kind=IdeaKind.IDEA_STATUS)
    assert note.subject_id == idea.pk and note.status == IdeaStatus.EXPERIMENTING and note.actor == leader
    assert not Notification.objects.filter(recipient=leader, kind=IdeaKind.IDEA_STATUS).exists()


def test_the_responsible_person_starts_it_but_not_a_participant(experiment, leader, responsible, participant):
    services.experiment_safety_update(actor=leader, experiment=experiment, **safety())
    services.experiment_safety_confirm(actor=leader, experiment=experiment)
    with pytest.raises(PermissionDenied):
        services.experiment_start(actor=participant, experiment=experiment)
    assert (
        services.experiment_start(actor=responsible, experiment=experiment).state == ExperimentState.RUNNING
    )


def test_a_running_experiment_cannot_start_again_or_change_its_safety_answers(running, leader, idea):
    with pytest.raises(ValidationError):
        services.experiment_start(actor=leader, experiment=running)
    with pytest.raises(ValidationError):
        services.experiment_safety_update(
            actor=leader, experiment=running, **safety(needs_it=True, it_what="x")
        )
    assert fresh(running).needs_it is False
    assert fresh(idea).events.filter(kind=EventKind.MOVED).count() == 1


def test_an_experiment_of_an_idea_withdrawn_after_planning_does_not_start(experiment, leader, author, idea):
    idea_services.idea_withdraw(actor=author, idea=idea)
    services.experiment_safety_update(actor=leader, experiment=experiment, **safety())
    services.experiment_safety_confirm(actor=leader, experiment=experiment)
    try:
        with pytest.raises(ValidationError):
            services.experiment_start(actor=leader, experiment=experiment)
    finally:
        assert fresh(idea).status == IdeaStatus.WITHDRAWN


# --- The learning log ----------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["participant", "responsible", "leader"])
def test_participants_the_responsible_person_and_leaders_write_in_the_log(request, running, who):
    actor = request.getfixturevalue(who)
    entry = services.log_entry_add(
        actor=actor, experiment=running, entry_date=timezone.localdate(), text="  Første dag gik godt. "
    )
    entry = LogEntry.objects.get(pk=entry.pk)
    assert entry.author == actor and entry.text == "Første dag gik godt."
    assert entry.experiment_id == running.pk and entry.workplace_id == running.workplace_id
    assert entry.organisation_id == running.organisation_id
    assert not entry.photo


@pytest.mark.parametrize("who", ["colleague", "observer", "author", "outsider"])
def test_others_cannot_write_in_the_log(request, running, who):
    if who == "outsider":
        actor = member(WorkplaceFactory(), Role.LEADER).user
    else:
        actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.log_entry_add(actor=actor, experiment=running, entry_date=timezone.localdate(), text="Hej")
    assert LogEntry.objects.count() == 0


def test_the_log_is_closed_while_planned_and_after_the_conclusion(experiment, leader, participant):
    with pytest.raises(ValidationError):
        services.log_entry_add(
            actor=participant, experiment=experiment, entry_date=timezone.localdate(), text="For tidligt"
        )
    running = run_experiment(experiment, leader=leader)
    evaluating = services.experiment_evaluate(actor=leader, experiment=running)
    assert services.log_entry_add(
        actor=participant, experiment=evaluating, entry_date=timezone.localdate(), text="Under evalueringen"
    )
    concluded = conclude_experiment(evaluating, leader=leader)
    with pytest.raises(ValidationError):
        services.log_entry_add(
            actor=participant, experiment=concluded, entry_date=timezone.localdate(), text="For sent"
        )
    assert LogEntry.objects.count() == 1


@pytest.mark.parametrize(
    ("entry_date", "text", "field"),
    [
        (lambda today: today + DAY, "Noget", "entry_date"),
        (lambda today: None, "Noget", "entry_date"),
        (lambda today: today, "   ", "text"),
        (lambda today: today, "t" * 2001, "text"),
    ],
)
def test_bad_log_entries_are_refused(running, participant, entry_date, text, field):
    with pytest.raises(ValidationError) as error:
        services.log_entry_add(
            actor=participant, experiment=running, entry_date=entry_date(timezone.localdate()), text=text
        )
    assert field in error.value.message_dict
    assert LogEntry.objects.count() == 0


def test_a_past_date_in_the_experiment_is_fine_before_its_start_is_not(running, participant):
    Experiment.objects.filter(pk=running.pk).update(starts_on=timezone.localdate() - 5 * DAY)
    running = fresh(running)
    entry = services.log_entry_add(
        actor=participant, experiment=running, entry_date=timezone.localdate() - 3 * DAY, text="I mandags"
    )
    assert entry.entry_date == timezone.localdate() - 3 * DAY
    with pytest.raises(ValidationError) as error:
        services.log_entry_add(
            actor=participant, experiment=running, entry_date=datetime.date(1900, 1, 1), text="Før"
        )
    assert "entry_date" in error.value.message_dict


def test_a_photo_is_stored_under_the_experiment_re_encoded(running, participant):
    entry = services.log_entry_add(
        actor=participant,
        experiment=running,
        entry_date=timezone.localdate(),
        text="Børnene tog billeder",
        photo=png_upload("IMG_0001 med gps.png"),
    )
    entry = LogEntry.objects.get(pk=entry.pk)
    assert entry.photo_content_type == "image/png"
    prefix = f"experiments/{running.organisation_id}/{running.workplace_id}/{running.pk}/"
    assert entry.photo.name.startswith(prefix) and entry.photo.name.endswith(".png")
    assert "gps" not in entry.photo.name
    with entry.photo.open("rb") as stored:
        assert Image.open(stored).format == "PNG"


def test_a_renamed_file_that_is_no_picture_is_refused(running, participant):
    fake = SimpleUploadedFile("ferie.png", b"%PDF-1.4 not a picture", content_type="image/png")
    with pytest.raises(ValidationError) as error:
        services.log_entry_add(
            actor=participant, experiment=running, entry_date=timezone.localdate(), text="Se", photo=fake
        )
    assert "photo" in error.value.message_dict
    assert LogEntry.objects.count() == 0


def test_a_picture_with_too_many_pixels_is_refused_on_the_photo_field(running, participant):
    out = io.BytesIO()
    Image.new("1", (7000, 6000)).save(out, format="PNG")  # 42 megapixels, a few kB
    upload = SimpleUploadedFile("stor.png", out.getvalue(), content_type="image/png")
    with pytest.raises(ValidationError) as error:
        services.log_entry_add(
            actor=participant, experiment=running, entry_date=timezone.localdate(), text="Se", photo=upload
        )
    assert LogEntry.objects.count() == 0
    assert "photo" in error.value.message_dict
