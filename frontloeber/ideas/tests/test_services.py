import datetime
import uuid
from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image

from frontloeber.ideas import selectors, services
from frontloeber.ideas.models import Comment, EventKind, Follow, Idea, IdeaStatus, IdeaTag, Support, Tag
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import Notification
from tests.factories import WorkplaceFactory, make_challenge, make_idea, member, png_bytes, png_upload

from .conftest import idea_kwargs

pytestmark = pytest.mark.django_db


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


def test_a_value_left_out_is_not_rated_and_a_chosen_zero_stays_none(workplace, author):
    kwargs = idea_kwargs()
    kwargs["values"] = {"citizens": (0, ""), "quality": ("", "")}  # routines left out altogether
    idea = services.idea_create(actor=author, workplace=workplace, **kwargs)
    assert (idea.value_citizens, idea.value_quality, idea.value_routines) == (0, None, None)
    idea.refresh_from_db()
    assert (idea.value_citizens, idea.value_quality, idea.value_routines) == (0, None, None)
    for bad in (7, -1, "tre"):
        kwargs["values"] = {"citizens": (bad, "")}
        with pytest.raises(ValidationError) as caught:
            services.idea_create(actor=author, workplace=workplace, **kwargs)
        assert "value_citizens" in caught.value.message_dict


def test_the_qualification_weighs_what_the_author_left_not_rated(workplace, author, leader):
    kwargs = {**idea_kwargs(), "values": {"citizens": (2, "bedre indblik")}}
    idea = services.idea_create(actor=author, workplace=workplace, **kwargs)
    answers = {"benefit": "Forældrene", "requirements": "", "risks": "", "measures": ""}
    services.idea_qualify(actor=leader, idea=idea, **answers)  # without values: they stay as they are
    idea.refresh_from_db()
    assert (idea.value_citizens, idea.value_quality, idea.value_routines) == (2, None, None)
    values = {"citizens": (2, "bedre indblik"), "quality": (1, "færre opkald"), "routines": (0, "")}
    services.idea_qualify(actor=leader, idea=idea, values=values, **answers)
    idea.refresh_from_db()
    assert (idea.value_citizens, idea.value_quality, idea.value_routines) == (2, 1, 0)
    assert idea.value_quality_why == "færre opkald"
    with pytest.raises(ValidationError) as caught:
        services.idea_qualify(actor=leader, idea=idea, values={"quality": (4, "")}, **answers)
    assert "value_quality" in caught.value.message_dict
    idea.refresh_from_db()
    assert idea.value_quality == 1


def test_the_migration_unsets_the_old_forms_preset_zero_and_keeps_a_reasoned_one(workplace, author):
    """ideas 0009: a 0 with no reason was the form's preset; a 0 with a reason was the author's word."""
    migration = import_module("frontloeber.ideas.migrations.0009_values_not_rated")
    preset = make_idea(
        workplace, author=author, values={"citizens": (0, ""), "quality": (0, ""), "routines": (2, "")}
    )
    reasoned = make_idea(workplace, author=author, values={"citizens": (0, "Borgerne mærker intet")})
    migration.unset_the_presets(apps, None)
    preset.refresh_from_db()
    reasoned.refresh_from_db()
    assert (preset.value_citizens, preset.value_quality, preset.value_routines) == (None, None, 2)
    assert reasoned.value_citizens == 0
    migration.zero_the_unrated(apps, None)
    preset.refresh_from_db()
    assert (preset.value_citizens, preset.value_quality, preset.value_routines) == (0, 0, 2)


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


@pytest.mark.parametrize(
    ("overrides", "field", "danish"),
    [
        ({"title": ""}, "title", "Giv idéen en kort titel."),
        ({"need": ""}, "need", "Beskriv det behov eller problem, idéen svarer på."),
        ({"description": ""}, "description", "Beskriv selve idéen."),
    ],
)
def test_a_missing_text_is_named_in_danish(workplace, author, overrides, field, danish):
    """Lazy messages (made when the module loads) are found by makemessages only under a name it knows."""
    with translation.override("da"), pytest.raises(ValidationError) as error:
        services.idea_create(actor=author, workplace=workplace, **idea_kwargs(**overrides))
    assert error.value.message_dict[field] == [danish]


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
