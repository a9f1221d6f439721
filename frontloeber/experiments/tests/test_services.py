import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from frontloeber.experiments import selectors, services
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
from frontloeber.experiments.notification_kinds import Kind as ExperimentKind
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import EventKind, Idea, IdeaStatus
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
    png_upload,
    publish_case,
    run_experiment,
)

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def workplace():
    return WorkplaceFactory()


@pytest.fixture
def leader(workplace):
    return member(workplace, Role.LEADER).user


@pytest.fixture
def author(workplace):
    return member(workplace, Role.EMPLOYEE).user


@pytest.fixture
def responsible(workplace):
    return member(workplace, Role.EMPLOYEE).user


@pytest.fixture
def colleague(workplace):
    return member(workplace, Role.EMPLOYEE).user


@pytest.fixture
def participant(workplace):
    return member(workplace, Role.EMPLOYEE).user


@pytest.fixture
def observer(workplace):
    return member(workplace, Role.OBSERVER).user


@pytest.fixture
def idea(workplace, author, leader, responsible):
    idea = make_idea(workplace, author=author, tag_names=["Tablet", "app"])
    idea_services.idea_assign(actor=leader, idea=idea, responsible=responsible)
    idea.refresh_from_db()
    return idea


@pytest.fixture
def experiment(idea, leader, participant):
    return make_experiment(idea, actor=leader, participants=[participant])


@pytest.fixture
def running(experiment, leader):
    return run_experiment(experiment, leader=leader)


def criterion(axis="citizens", description="Forældrene ser dagen", measure="Spørgeskema"):
    return {"axis": axis, "description": description, "measure": measure}


def frame(**overrides):
    today = timezone.localdate()
    return {
        "hypothesis": "Vi tror, at billeder på tablet vil føre til mere tryghed.",
        "starts_on": today,
        "ends_on": today + 14 * DAY,
        "stop_rule": "Vi stopper, hvis det tager tid fra børnene.",
        "criteria": [criterion(), criterion("routines", "Mindre tid ved garderoben", "Vi tæller minutter")],
        "hours": 20,
        "budget_dkk": 3000,
        "equipment": "To tablets",
        "participants": [],
        **overrides,
    }


def safety(**overrides):
    return {"personal_data": False, "vulnerable_citizens": False, "needs_it": False, **overrides}


def fresh(obj):
    obj.refresh_from_db()
    return obj


def results_for(experiment, result="met", evidence="Svarene viser det"):
    return {c.pk: (result, evidence) for c in experiment.criteria.all()}


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


def test_the_safety_check_answered_with_yes_and_confirmed_by_a_leader(experiment, leader, responsible):
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
    confirmed = services.experiment_safety_confirm(actor=leader, experiment=experiment)
    assert confirmed.safety_confirmed_by == leader and confirmed.safety_confirmed_at is not None


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
    assert note.idea == idea and note.status == IdeaStatus.EXPERIMENTING and note.actor == leader
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
    assert all(n.target_url == experiment.get_absolute_url() and n.idea_id == idea.pk for n in notes)
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
    assert all(n.target_url == plan.get_absolute_url() and n.idea_id == idea.pk for n in notes)
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


# --- Adoption plans ----------------------------------------------------------------------------------------


def plan_kwargs(leader, **overrides):
    return {
        "affected": "Pædagogerne på stuerne tager billeder i stedet for at skrive sedler",
        "training": "En legestue",
        "communication": "Forældremøde",
        "go_live_on": timezone.localdate(),
        "responsible": leader,
        "first_checkpoint_days": 30,
        "second_checkpoint_days": 90,
        **overrides,
    }


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
    assert note.idea == adopted and note.detail == sister.name and note.workplace_id == case.workplace_id
    # The other leader there hears of the new idea, as of any idea.
    assert Notification.objects.filter(recipient=other_leader, kind=IdeaKind.IDEA_NEW, idea=linked).exists()
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
    from frontloeber.ideas import services as idea_services

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
