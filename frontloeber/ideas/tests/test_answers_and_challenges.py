"""Ideas, services: the leader's answers, challenges, and what review found (split from test_services.py)."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from frontloeber.ideas import services
from frontloeber.ideas.models import EventKind, Follow, Idea, IdeaStatus, Support
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, make_idea, member

from .conftest import idea_kwargs

pytestmark = pytest.mark.django_db


# --- The leader's answers ----------------------------------------------------------------------------------


def test_acknowledging_records_the_first_response_and_tells_the_author(idea, leader, author):
    services.idea_acknowledge(actor=leader, idea=idea)
    idea.refresh_from_db()
    assert idea.first_response_at is not None
    assert idea.awaiting_leader_since is None
    assert idea.status == IdeaStatus.NEW
    assert Notification.objects.filter(recipient=author, kind=Kind.IDEA_RESPONSE).exists()
    event = idea.events.get(kind=EventKind.ACKNOWLEDGED)
    assert event.message  # the default "thank you, we will look at it"


def test_the_pipeline_and_its_disallowed_moves(idea, leader, author):
    with pytest.raises(ValidationError) as error:
        services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.ADOPTED)
    assert "to_status" in error.value.message_dict
    with pytest.raises(ValidationError):
        services.idea_move(actor=leader, idea=idea, to_status="nonsense")
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING, message="Lad os modne den")
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.EXPERIMENTING)
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.ADOPTED)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.ADOPTED
    with pytest.raises(ValidationError):
        services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    moves = list(idea.events.filter(kind=EventKind.MOVED).values_list("from_status", "to_status"))
    assert moves == [("new", "qualifying"), ("qualifying", "experimenting"), ("experimenting", "adopted")]
    # Three moves within minutes are one notification, telling the latest (issue 17, point 8).
    told = Notification.objects.get(recipient=author, kind=Kind.IDEA_STATUS)
    assert (told.status, told.grouped) == (IdeaStatus.ADOPTED, 3)


@pytest.mark.parametrize("status", [IdeaStatus.PARKED, IdeaStatus.NOT_PURSUED])
def test_parking_or_stopping_needs_a_reason_the_author_sees(idea, leader, status):
    with pytest.raises(ValidationError) as error:
        services.idea_move(actor=leader, idea=idea, to_status=status, message="  ")
    assert "message" in error.value.message_dict
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW
    services.idea_move(actor=leader, idea=idea, to_status=status, message="Det kræver et nyt system.")
    assert idea.events.get(kind=EventKind.MOVED).message == "Det kræver et nyt system."


def test_employees_and_observers_cannot_take_a_leaders_actions(idea, colleague, observer, author):
    for person in (colleague, observer, author):
        with pytest.raises(PermissionDenied):
            services.idea_move(actor=person, idea=idea, to_status=IdeaStatus.QUALIFYING)
        with pytest.raises(PermissionDenied):
            services.idea_acknowledge(actor=person, idea=idea)
        with pytest.raises(PermissionDenied):
            services.idea_ask(actor=person, idea=idea, question="?")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW and idea.first_response_at is None


def test_a_question_goes_to_the_author_and_the_answer_back_to_the_inbox(idea, leader, author, colleague):
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    services.idea_ask(actor=leader, idea=idea, question="Hvor mange tablets skal vi bruge?")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEEDS_INFO and idea.awaiting_leader_since is None
    assert Notification.objects.filter(recipient=author, kind=Kind.IDEA_QUESTION).exists()
    with pytest.raises(PermissionDenied):
        services.idea_answer(actor=colleague, idea=idea, answer="To")
    with pytest.raises(ValidationError):
        services.idea_answer(actor=author, idea=idea, answer=" ")
    services.idea_answer(actor=author, idea=idea, answer="To – en pr. stue")
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.QUALIFYING
    assert idea.awaiting_leader_since is not None
    assert Notification.objects.filter(recipient=leader, kind=Kind.IDEA_ANSWER).exists()
    with pytest.raises(ValidationError):
        services.idea_answer(actor=author, idea=idea, answer="Igen")


def test_the_responsible_person_is_a_contributing_member(idea, leader, colleague, observer):
    services.idea_assign(actor=leader, idea=idea, responsible=colleague)
    idea.refresh_from_db()
    assert idea.responsible == colleague
    assert Notification.objects.filter(recipient=colleague, kind=Kind.IDEA_ASSIGNED).exists()
    outsider = member(WorkplaceFactory()).user
    for person in (observer, outsider):
        with pytest.raises(ValidationError):
            services.idea_assign(actor=leader, idea=idea, responsible=person)
    idea.refresh_from_db()
    assert idea.responsible == colleague


def test_qualification_and_the_ready_to_test_mark(idea, leader, author, colleague):
    answers = {
        "benefit": "Forældrene",
        "requirements": "To tablets",
        "risks": "Samtykke",
        "measures": "Spørgeskema",
    }
    with pytest.raises(PermissionDenied):
        services.idea_qualify(actor=colleague, idea=idea, **answers)
    with pytest.raises(ValidationError) as error:
        services.idea_qualify(actor=author, idea=idea, **answers, ready_to_test=True)
    assert "ready_to_test" in error.value.message_dict
    services.idea_qualify(actor=author, idea=idea, **{**answers, "measures": ""})
    with pytest.raises(ValidationError):
        services.idea_qualify(actor=leader, idea=idea, **{**answers, "measures": ""}, ready_to_test=True)
    services.idea_qualify(actor=leader, idea=idea, **answers, ready_to_test=True)
    idea.refresh_from_db()
    assert idea.ready_to_test and idea.qualification_risks == "Samtykke"
    assert idea.events.filter(kind=EventKind.READY).exists()


def test_merging_a_duplicate_moves_supports_followers_and_comments(workplace, leader, author, colleague):
    original = make_idea(workplace, title="Tablet til billeder af dagen")
    duplicate = make_idea(workplace, author=author, title="Billeder af dagen på tablet")
    both = member(workplace).user
    services.idea_support(actor=both, idea=original)
    services.idea_support(actor=both, idea=duplicate)
    services.idea_support(actor=colleague, idea=duplicate)
    services.comment_create(actor=colleague, idea=duplicate, body="Godt!")
    services.idea_merge(actor=leader, idea=duplicate, into=original)
    duplicate.refresh_from_db()
    original.refresh_from_db()
    assert duplicate.status == IdeaStatus.MERGED and duplicate.merged_into == original
    assert set(Support.objects.filter(idea=original).values_list("user", flat=True)) == {
        both.pk,
        colleague.pk,
    }
    assert original.support_count == 2
    assert original.comment_count == 1 and original.comments.get().body == "Godt!"
    assert Follow.objects.filter(idea=original, user=author).exists()
    assert not Support.objects.filter(idea=duplicate).exists()
    note = Notification.objects.get(recipient=author, kind=Kind.IDEA_MERGED)
    assert note.subject_id == original.pk
    with pytest.raises(ValidationError):
        services.idea_merge(actor=leader, idea=original, into=original)
    with pytest.raises(ValidationError):
        services.idea_merge(actor=leader, idea=original, into=make_idea(WorkplaceFactory()))
    with pytest.raises(PermissionDenied):
        services.idea_merge(actor=colleague, idea=original, into=duplicate)


# --- Challenges --------------------------------------------------------------------------------------------


def test_only_leaders_post_challenges_and_the_dates_must_make_sense(workplace, leader, author):
    today = timezone.localdate()
    with pytest.raises(PermissionDenied):
        services.challenge_create(
            actor=author, workplace=workplace, title="Hvordan?", opens_on=today, closes_on=today
        )
    with pytest.raises(ValidationError) as error:
        services.challenge_create(
            actor=leader,
            workplace=workplace,
            title="Hvordan?",
            opens_on=today,
            closes_on=today - datetime.timedelta(days=1),
        )
    assert "closes_on" in error.value.message_dict
    challenge = services.challenge_create(
        actor=leader, workplace=workplace, title="Hvordan kan vi …?", opens_on=today, closes_on=today
    )
    assert challenge.is_open()


# --- Found in review --------------------------------------------------------------------------------------


def test_an_author_made_observer_can_no_longer_change_the_idea(idea, author, leader):
    from frontloeber.organisations.models import Membership

    comment = services.comment_create(actor=author, idea=idea, body="Min egen tilføjelse")
    Membership.objects.filter(user=author, workplace=idea.workplace).update(role=Role.OBSERVER)
    for attempt in (
        lambda: services.idea_update(actor=author, idea=idea, **idea_kwargs(title="Ændret")),
        lambda: services.idea_withdraw(actor=author, idea=idea),
        lambda: services.comment_update(actor=author, comment=comment, body="Ændret"),
        lambda: services.idea_answer(actor=author, idea=idea, answer="Svar"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW and idea.title != "Ændret"


def test_an_idea_past_new_cannot_be_withdrawn_or_edited_even_when_back_with_a_question(idea, author, leader):
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    services.idea_ask(actor=leader, idea=idea, question="Hvor mange?")
    with pytest.raises(ValidationError):
        services.idea_withdraw(actor=author, idea=idea)
    with pytest.raises(ValidationError):
        services.idea_update(actor=author, idea=idea, **idea_kwargs(title="Ændret"))
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEEDS_INFO


def test_a_new_idea_back_with_a_question_can_still_be_edited(idea, author, leader):
    services.idea_ask(actor=leader, idea=idea, question="Hvad mener du med det?")
    services.idea_update(actor=author, idea=idea, **idea_kwargs(title="Tydeligere titel"))
    idea.refresh_from_db()
    assert idea.title == "Tydeligere titel"


@pytest.mark.parametrize(
    ("mode", "fmt"), [("CMYK", "TIFF"), ("F", "TIFF"), ("CMYK", "JPEG"), ("I;16", "PNG")]
)
def test_unusual_pictures_are_refused_or_stored_never_a_crash(workplace, author, mode, fmt):
    from io import BytesIO

    out = BytesIO()
    Image.new(mode, (4, 4)).save(out, format=fmt)
    upload = SimpleUploadedFile(f"billede.{fmt.lower()}", out.getvalue())
    if fmt == "TIFF":
        with pytest.raises(ValidationError):
            services.idea_create(actor=author, workplace=workplace, images=[upload], **idea_kwargs())
    else:
        idea = services.idea_create(actor=author, workplace=workplace, images=[upload], **idea_kwargs())
        assert idea.images.count() == 1


def test_a_picture_with_too_many_pixels_is_refused_before_it_is_decoded(workplace, author):
    from io import BytesIO

    out = BytesIO()
    Image.new("1", (8000, 6000)).save(out, format="PNG")  # 48 megapixels in a few kilobytes
    upload = SimpleUploadedFile("stor.png", out.getvalue())
    with pytest.raises(ValidationError) as error:
        services.idea_create(actor=author, workplace=workplace, images=[upload], **idea_kwargs())
    assert "images" in error.value.message_dict


def test_a_tag_that_grows_when_lower_cased_is_refused_not_a_crash(workplace, author):
    with pytest.raises(ValidationError) as error:
        services.idea_create(actor=author, workplace=workplace, tag_names=["İ" * 30], **idea_kwargs())
    assert "tags" in error.value.message_dict


def test_acknowledging_twice_or_posting_a_comment_twice_counts_once(idea, leader, colleague):
    services.idea_acknowledge(actor=leader, idea=idea)
    with pytest.raises(ValidationError):
        services.idea_acknowledge(actor=leader, idea=idea)
    first = services.comment_create(actor=colleague, idea=idea, body="Samme ord")
    again = services.comment_create(actor=colleague, idea=idea, body="Samme ord")
    assert first.pk == again.pk
    idea.refresh_from_db()
    assert idea.comment_count == 1
    assert idea.events.filter(kind=EventKind.ACKNOWLEDGED).count() == 1


def test_the_same_form_sent_again_with_other_words_is_a_new_idea(workplace, author):
    key = uuid.uuid4()
    first = services.idea_create(actor=author, workplace=workplace, submission_key=key, **idea_kwargs())
    second = services.idea_create(
        actor=author, workplace=workplace, submission_key=key, **idea_kwargs(title="En helt anden idé")
    )
    assert first.pk != second.pk and Idea.objects.count() == 2


def test_a_leaders_own_idea_does_not_wait_for_themself(workplace, leader):
    idea = services.idea_create(actor=leader, workplace=workplace, **idea_kwargs())
    assert idea.awaiting_leader_since is None


def test_nobody_is_made_responsible_for_a_withdrawn_idea(idea, author, leader, colleague):
    services.idea_withdraw(actor=author, idea=idea)
    with pytest.raises(ValidationError):
        services.idea_assign(actor=leader, idea=idea, responsible=colleague)
    services.comment_create(actor=leader, idea=idea, body="Tak alligevel")
    idea.refresh_from_db()
    assert idea.responsible is None and idea.first_response_at is None


def test_the_reason_for_parking_reaches_the_author_in_the_notification(idea, leader, author):
    services.idea_move(
        actor=leader, idea=idea, to_status=IdeaStatus.PARKED, message="Vi venter på nye tablets."
    )
    note = Notification.objects.get(recipient=author, kind=Kind.IDEA_STATUS)
    assert note.status == IdeaStatus.PARKED
    assert note.excerpt == "Vi venter på nye tablets."
