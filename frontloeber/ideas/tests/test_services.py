import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from frontloeber.ideas import selectors, services
from frontloeber.ideas.models import Comment, EventKind, Follow, Idea, IdeaStatus, IdeaTag, Support, Tag
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, make_challenge, make_idea, member, png_bytes, png_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(workplace):
    return member(workplace, Role.EMPLOYEE).user


@pytest.fixture
def idea(workplace, author, leader):
    return make_idea(workplace, author=author, tag_names=["Tablet", "app"])


def idea_kwargs(**overrides):
    return {
        "title": "Tablet til billeder",
        "need": "Forældrene vil se dagen",
        "description": "Billeder på en tablet",
        "values": {"citizens": (2, "bedre indblik"), "quality": (1, ""), "routines": (0, "")},
        **overrides,
    }


# --- Submitting ----------------------------------------------------------------------------------------


def test_an_employee_submits_an_idea_and_the_leaders_are_told(workplace, author, leader):
    idea = services.idea_create(
        actor=author, workplace=workplace, tag_names=["Tablet", " tablet ", "App"], **idea_kwargs()
    )
    assert idea.status == IdeaStatus.NEW
    assert idea.organisation_id == workplace.organisation_id
    assert idea.value_citizens == 2 and idea.value_citizens_why == "bedre indblik"
    assert sorted(idea.tags.values_list("key", flat=True)) == ["app", "tablet"]
    assert idea.awaiting_leader_since is not None and idea.first_response_at is None
    assert Follow.objects.filter(idea=idea, user=author).exists()
    assert list(idea.events.values_list("kind", flat=True)) == [EventKind.SUBMITTED]
    note = Notification.objects.get(recipient=leader)
    assert note.kind == Kind.IDEA_NEW and note.subject_id == idea.pk
    assert not Notification.objects.filter(recipient=author).exists()


def test_tags_are_shared_across_the_organisation(workplace, author):
    other = WorkplaceFactory(organisation=workplace.organisation)
    make_idea(workplace, author=author, tag_names=["Tablet"])
    make_idea(other, tag_names=["TABLET"])
    assert Tag.objects.filter(organisation=workplace.organisation).count() == 1


def test_an_ideas_tags_carry_its_workplace_and_the_board_lists_only_tags_used_there(workplace, author):
    other = WorkplaceFactory(organisation=workplace.organisation)
    idea = make_idea(workplace, author=author, tag_names=["Tablet", "Robot"])
    make_idea(other, tag_names=["Tablet", "Sensor"])
    services.idea_update(actor=author, idea=idea, tag_names=["Tablet", "Video"], **idea_kwargs())
    links = IdeaTag.objects.filter(idea=idea)
    assert sorted(links.values_list("tag__key", flat=True)) == ["tablet", "video"]
    tenant = {(workplace.organisation_id, workplace.pk)}
    assert set(links.values_list("organisation_id", "workplace_id")) == tenant
    assert [t.key for t in selectors.workplace_tags(workplace=workplace)] == ["tablet", "video"]
    assert [t.key for t in selectors.workplace_tags(workplace=other)] == ["sensor", "tablet"]


def test_a_double_submit_makes_one_idea(workplace, author):
    key = uuid.uuid4()
    first = services.idea_create(actor=author, workplace=workplace, submission_key=key, **idea_kwargs())
    second = services.idea_create(actor=author, workplace=workplace, submission_key=key, **idea_kwargs())
    assert first.pk == second.pk
    assert Idea.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title": "  "}, "title"),
        ({"title": "x" * 151}, "title"),
        ({"need": ""}, "need"),
        ({"description": "y" * 5001}, "description"),
        ({"values": {"citizens": (4, ""), "quality": (0, ""), "routines": (0, "")}}, "value_citizens"),
        ({"values": {"citizens": ("abc", ""), "quality": (0, ""), "routines": (0, "")}}, "value_citizens"),
        (
            {"values": {"citizens": (1, "w" * 301), "quality": (0, ""), "routines": (0, "")}},
            "value_citizens_why",
        ),
        ({"tag_names": [f"tag{i}" for i in range(9)]}, "tags"),
        ({"tag_names": ["t" * 41]}, "tags"),
    ],
)
def test_bad_input_is_refused_with_a_message_on_the_field(workplace, author, overrides, field):
    with pytest.raises(ValidationError) as error:
        services.idea_create(actor=author, workplace=workplace, **idea_kwargs(**overrides))
    assert field in error.value.message_dict
    assert Idea.objects.count() == 0


def test_observers_and_outsiders_cannot_submit(workplace, observer):
    with pytest.raises(PermissionDenied):
        services.idea_create(actor=observer, workplace=workplace, **idea_kwargs())
    outsider = member(WorkplaceFactory()).user
    with pytest.raises(PermissionDenied):
        services.idea_create(actor=outsider, workplace=workplace, **idea_kwargs())
    assert Idea.objects.count() == 0


def test_a_challenge_from_another_workplace_or_a_closed_one_is_refused(workplace, author, leader):
    foreign = make_challenge(WorkplaceFactory())
    with pytest.raises(ValidationError) as error:
        services.idea_create(actor=author, workplace=workplace, challenge=foreign, **idea_kwargs())
    assert "challenge" in error.value.message_dict
    today = timezone.localdate()
    closed = make_challenge(
        workplace,
        leader=leader,
        opens_on=today - datetime.timedelta(days=40),
        closes_on=today - datetime.timedelta(days=1),
    )
    with pytest.raises(ValidationError):
        services.idea_create(actor=author, workplace=workplace, challenge=closed, **idea_kwargs())
    assert Idea.objects.count() == 0


def test_control_characters_are_removed_and_html_is_kept_as_text(workplace, author):
    idea = services.idea_create(
        actor=author, workplace=workplace, **idea_kwargs(title="Ny\x00 idé <script>alert(1)</script>")
    )
    assert idea.title == "Ny idé <script>alert(1)</script>"


# --- Pictures ----------------------------------------------------------------------------------------------


def test_a_picture_is_stored_re_encoded_without_its_metadata(workplace, author):
    from io import BytesIO

    from PIL.Image import Exif

    exif = Exif()
    exif[0x010F] = "Secret camera maker"
    out = BytesIO()
    Image.new("RGB", (10, 6), (10, 200, 10)).save(out, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("IMG_1234 Anna i sandkassen.jpg", out.getvalue(), content_type="image/jpeg")
    idea = services.idea_create(actor=author, workplace=workplace, images=[upload], **idea_kwargs())
    picture = idea.images.get()
    assert picture.content_type == "image/jpeg"
    assert "Anna" not in picture.image.name
    assert (picture.width, picture.height) == (10, 6)
    with picture.image.open("rb") as handle:
        stored = Image.open(handle)
        assert stored.format == "JPEG"
        assert not stored.getexif()


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("program.png", b"MZ\x90\x00" + b"\x00" * 200, content_type="image/png"),
        SimpleUploadedFile(
            "billede.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg"
        ),
        SimpleUploadedFile("stort.png", png_bytes() + b"\x00" * (5 * 1024 * 1024), content_type="image/png"),
    ],
    ids=["renamed-executable", "html", "over-5-mb"],
)
def test_a_file_that_is_not_a_picture_or_too_big_is_refused(workplace, author, upload):
    with pytest.raises(ValidationError) as error:
        services.idea_create(actor=author, workplace=workplace, images=[upload], **idea_kwargs())
    assert "images" in error.value.message_dict
    assert Idea.objects.count() == 0


def test_at_most_five_pictures(workplace, author):
    with pytest.raises(ValidationError):
        services.idea_create(
            actor=author, workplace=workplace, images=[png_upload() for _ in range(6)], **idea_kwargs()
        )
    idea = services.idea_create(
        actor=author, workplace=workplace, images=[png_upload() for _ in range(5)], **idea_kwargs()
    )
    with pytest.raises(ValidationError):
        services.idea_update(actor=author, idea=idea, images=[png_upload()], **idea_kwargs())
    assert idea.images.count() == 5


# --- Editing and withdrawing ---------------------------------------------------------------------------


def test_the_author_edits_while_the_idea_is_new_and_not_after(idea, author, leader, colleague):
    services.idea_update(actor=author, idea=idea, tag_names=["video"], **idea_kwargs(title="Bedre titel"))
    idea.refresh_from_db()
    assert idea.title == "Bedre titel"
    assert list(idea.tags.values_list("key", flat=True)) == ["video"]
    with pytest.raises(PermissionDenied):
        services.idea_update(actor=colleague, idea=idea, **idea_kwargs(title="Kapret"))
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    with pytest.raises(ValidationError):
        services.idea_update(actor=author, idea=idea, **idea_kwargs(title="For sent"))
    idea.refresh_from_db()
    assert idea.title == "Bedre titel"


def test_the_author_withdraws_a_new_idea(idea, author, colleague):
    with pytest.raises(PermissionDenied):
        services.idea_withdraw(actor=colleague, idea=idea)
    services.idea_withdraw(actor=author, idea=idea)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.WITHDRAWN
    assert idea.awaiting_leader_since is None
    with pytest.raises(ValidationError):
        services.idea_withdraw(actor=author, idea=idea)


# --- Supports, follows, comments --------------------------------------------------------------------------


def test_one_support_per_person_and_it_can_be_taken_back(idea, author, colleague, observer):
    services.idea_support(actor=colleague, idea=idea)
    services.idea_support(actor=colleague, idea=idea)
    idea.refresh_from_db()
    assert idea.support_count == 1 == Support.objects.filter(idea=idea).count()
    services.idea_support(actor=colleague, idea=idea, support=False)
    services.idea_support(actor=colleague, idea=idea, support=False)
    idea.refresh_from_db()
    assert idea.support_count == 0
    with pytest.raises(ValidationError):
        services.idea_support(actor=author, idea=idea)
    with pytest.raises(PermissionDenied):
        services.idea_support(actor=observer, idea=idea)
    assert Support.objects.count() == 0


def test_a_comment_counts_tells_the_author_and_followers_and_marks_a_leader(idea, author, colleague, leader):
    follower = member(idea.workplace).user
    services.idea_follow(actor=follower, idea=idea)
    services.comment_create(actor=colleague, idea=idea, body="Godt tænkt!")
    idea.refresh_from_db()
    assert idea.comment_count == 1
    assert set(Notification.objects.filter(kind=Kind.IDEA_COMMENT).values_list("recipient", flat=True)) == {
        author.pk,
        follower.pk,
    }
    assert Follow.objects.filter(idea=idea, user=colleague).exists()
    leader_comment = services.comment_create(actor=leader, idea=idea, body="Spændende – lad os tale om det.")
    assert leader_comment.by_leader
    idea.refresh_from_db()
    assert idea.first_response_at is not None and idea.awaiting_leader_since is None


def test_an_empty_or_overlong_comment_is_refused(idea, colleague):
    for body in ("   ", "x" * 5001):
        with pytest.raises(ValidationError):
            services.comment_create(actor=colleague, idea=idea, body=body)
    assert Comment.objects.count() == 0


def test_a_comment_is_editable_by_its_author_for_15_minutes(idea, colleague, author):
    comment = services.comment_create(actor=colleague, idea=idea, body="Første udgave")
    with pytest.raises(PermissionDenied):
        services.comment_update(actor=author, comment=comment, body="Kapret")
    services.comment_update(actor=colleague, comment=comment, body="Rettet")
    comment.refresh_from_db()
    assert comment.body == "Rettet" and comment.edited_at is not None
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=16))
    comment.refresh_from_db()
    with pytest.raises(ValidationError):
        services.comment_update(actor=colleague, comment=comment, body="For sent")
    comment.refresh_from_db()
    assert comment.body == "Rettet"


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
    assert Notification.objects.filter(recipient=author, kind=Kind.IDEA_STATUS).count() == 3


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
