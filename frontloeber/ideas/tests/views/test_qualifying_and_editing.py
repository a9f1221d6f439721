"""Ideas, views: Qualification and merging, Withdrawing and editing, Pictures."""

import datetime
import re

import pytest
from django.utils import timezone

from frontloeber.ideas import services
from frontloeber.ideas.models import (
    Comment,
    EventKind,
    Idea,
    IdeaEvent,
    IdeaImage,
    IdeaStatus,
    Support,
)
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, idea_form_data, make_idea, member, png_upload

from .helpers import (
    html,
    idea_url,
    linked_idea_ids,
    url,
)

pytestmark = pytest.mark.django_db


# --- 7. Qualification and merging ------------------------------------------------------------------------

QUALIFICATION = {
    "benefit": "Forældrene og børnene.",
    "requirements": "To tablets og en time om ugen.",
    "risks": "Billeder af børn uden samtykke.",
    "measures": "Vi spørger forældrene efter en måned.",
}


def test_the_author_saves_the_four_answers(client, workplace, leader, employee, idea):
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    client.force_login(employee)
    assert client.get(idea_url("idea_qualify", idea)).status_code == 200
    response = client.post(idea_url("idea_qualify", idea), QUALIFICATION)
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    idea.refresh_from_db()
    assert idea.qualification_benefit == QUALIFICATION["benefit"]
    assert idea.qualification_requirements == QUALIFICATION["requirements"]
    assert idea.qualification_risks == QUALIFICATION["risks"]
    assert idea.qualification_measures == QUALIFICATION["measures"]
    assert not idea.ready_to_test
    assert IdeaEvent.objects.filter(idea=idea, kind=EventKind.QUALIFIED).exists()
    assert QUALIFICATION["risks"] in html(client.get(idea.get_absolute_url()))


def test_ready_to_test_needs_all_four_answers(client, workplace, leader, idea):
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    client.force_login(leader)
    partial = {"benefit": QUALIFICATION["benefit"], "risks": QUALIFICATION["risks"], "ready_to_test": "on"}
    response = client.post(idea_url("idea_qualify", idea), partial)
    assert response.status_code in (200, 400)
    assert 'id="error-summary"' in html(response) and 'id="id_ready_to_test-error"' in html(response)
    idea.refresh_from_db()
    assert not idea.ready_to_test and idea.qualification_benefit == ""
    response = client.post(idea_url("idea_qualify", idea), {**QUALIFICATION, "ready_to_test": "on"})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.ready_to_test
    assert IdeaEvent.objects.filter(idea=idea, kind=EventKind.READY).exists()


def test_the_responsible_person_marks_the_idea_ready_to_test(client, workplace, leader, colleague, idea):
    services.idea_assign(actor=leader, idea=idea, responsible=colleague)
    client.force_login(colleague)
    response = client.post(idea_url("idea_qualify", idea), {**QUALIFICATION, "ready_to_test": "on"})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.ready_to_test


def test_the_author_cannot_mark_the_idea_ready_to_test(client, workplace, leader, employee, idea):
    client.force_login(employee)
    response = client.post(idea_url("idea_qualify", idea), {**QUALIFICATION, "ready_to_test": "on"})
    assert 'id="error-summary"' in html(response)
    idea.refresh_from_db()
    assert not idea.ready_to_test


def test_the_leader_weighs_the_values_the_author_left_not_rated(client, workplace, leader, employee):
    idea = make_idea(workplace, author=employee, values={"citizens": (2, "Forældrene ser dagen")})
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    client.force_login(leader)
    page = html(client.get(idea_url("idea_qualify", idea)))
    assert 'name="value_citizens" id="id_value_citizens_3" value="2" checked' in page
    assert 'name="value_quality" id="id_value_quality_0" value="" checked' in page
    data = {
        **QUALIFICATION,
        "value_citizens": "2",
        "value_citizens_why": "Forældrene ser dagen",
        "value_quality": "1",
        "value_quality_why": "Færre spørgsmål ved afhentning",
        "value_routines": "",
    }
    assert client.post(idea_url("idea_qualify", idea), data).status_code == 302
    idea.refresh_from_db()
    assert (idea.value_citizens, idea.value_quality, idea.value_routines) == (2, 1, None)
    assert idea.value_quality_why == "Færre spørgsmål ved afhentning"
    bad = client.post(idea_url("idea_qualify", idea), {**data, "value_quality": "9"})
    assert bad.status_code == 200 and "value_quality" in bad.context["form"].errors
    idea.refresh_from_db()
    assert idea.value_quality == 1


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_others_than_author_responsible_and_leader_cannot_qualify(client, workplace, idea, role):
    client.force_login(member(workplace, role).user)
    assert client.get(idea_url("idea_qualify", idea)).status_code == 403
    assert client.post(idea_url("idea_qualify", idea), QUALIFICATION).status_code == 403
    idea.refresh_from_db()
    assert idea.qualification_benefit == ""


def test_merging_a_duplicate_moves_supports_and_comments_and_tells_its_author(
    client, workplace, leader, employee, colleague, idea
):
    duplicate = make_idea(workplace, author=colleague, title="Billeder til forældrene på en tablet")
    supporter = member(workplace).user
    services.idea_support(actor=supporter, idea=duplicate)
    services.idea_support(actor=employee, idea=duplicate)  # the target's own author: not kept
    comment = services.comment_create(actor=supporter, idea=duplicate, body="Samme som den anden?")
    client.force_login(leader)
    page = client.get(idea_url("idea_merge", duplicate))
    assert page.status_code == 200
    assert f'name="into" id="id_into_0" value="{idea.pk}"' in html(page)
    assert "checked" not in html(page)  # nothing is chosen for the leader
    # Choosing shows both ideas first; nothing is merged yet.
    compare = client.post(idea_url("idea_merge", duplicate), {"into": str(idea.pk)})
    assert compare.status_code == 200 and 'name="confirm" value="1"' in html(compare)
    assert Idea.objects.get(pk=duplicate.pk).status == IdeaStatus.NEW
    response = client.post(idea_url("idea_merge", duplicate), {"into": str(idea.pk), "confirm": "1"})
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    duplicate.refresh_from_db()
    idea.refresh_from_db()
    assert duplicate.status == IdeaStatus.MERGED and duplicate.merged_into == idea
    assert duplicate.awaiting_leader_since is None
    assert set(Support.objects.filter(idea=idea).values_list("user_id", flat=True)) == {supporter.pk}
    assert idea.support_count == 1 and duplicate.support_count == 0
    comment.refresh_from_db()
    assert comment.idea == idea and idea.comment_count == 1
    notification = Notification.objects.get(recipient=colleague, kind=Kind.IDEA_MERGED)
    assert (notification.subject_id, notification.subject_title) == (
        idea.pk,
        idea.title,
    ) and notification.detail == duplicate.title
    # The duplicate's page points to where it went; the board leaves it out.
    assert idea.get_absolute_url() in html(client.get(duplicate.get_absolute_url()))
    assert duplicate.pk not in linked_idea_ids(client.get(url("board", workplace)))


def test_the_merge_page_puts_the_most_similar_first_and_marks_the_older_ideas(
    client, workplace, leader, colleague
):
    older = make_idea(workplace, author=colleague, title="Billeder til forældrene på en tablet")
    unrelated = make_idea(workplace, author=colleague, title="Robot til oprydning", need="Legetøj på gulvet.")
    duplicate = make_idea(workplace, author=colleague, title="Tablet med billeder til forældrene")
    newer = make_idea(workplace, author=colleague, title="Forældrene ser billeder af dagen på en tablet")
    client.force_login(leader)
    page = html(client.get(idea_url("idea_merge", duplicate)))
    choices = re.findall(r'name="into" id="id_into_\d+" value="(\d+)"', page)
    assert {int(pk) for pk in choices[:2]} == {older.pk, newer.pk} and int(choices[-1]) == unrelated.pk
    labels = {
        pk: label for pk, label in re.findall(r'value="(\d+)">\s*<label[^>]*>(.*?)</label>', page, re.S)
    }
    assert "ældre – normalt den, der fortsætter" in labels[str(older.pk)]
    assert "ældre –" in labels[str(unrelated.pk)] and "ældre –" not in labels[str(newer.pk)]
    # The search field comes before its button.
    assert page.index('id="merge-q"') < page.index(">Søg</button>")


def test_an_idea_cannot_be_merged_into_itself_or_a_foreign_idea(client, workplace, leader, colleague, idea):
    make_idea(workplace, author=colleague, title="Noget andet")
    foreign = make_idea(WorkplaceFactory())
    client.force_login(leader)
    for into in (idea.pk, foreign.pk, "abc", ""):
        response = client.post(idea_url("idea_merge", idea), {"into": str(into)})
        assert response.status_code in (200, 400, 404)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


# --- 8. Withdrawing and editing --------------------------------------------------------------------------


def test_withdrawing_asks_first_then_withdraws(client, workplace, leader, employee, idea):
    client.force_login(employee)
    confirm = client.get(idea_url("idea_withdraw", idea))
    assert confirm.status_code == 200 and '<form method="post">' in html(confirm)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW
    response = client.post(idea_url("idea_withdraw", idea))
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.WITHDRAWN and idea.awaiting_leader_since is None
    client.force_login(leader)
    assert idea.pk not in linked_idea_ids(client.get(url("inbox", workplace)))


def test_another_employee_cannot_withdraw_the_idea(client, workplace, colleague, idea):
    client.force_login(colleague)
    response = client.post(idea_url("idea_withdraw", idea), follow=True)
    assert "alert alert-error" in html(response)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


def test_the_author_edits_the_idea_while_it_is_new(client, workplace, employee, idea):
    client.force_login(employee)
    form = client.get(idea_url("idea_edit", idea))
    assert form.status_code == 200 and f'value="{idea.title}"' in html(form)
    response = client.post(
        idea_url("idea_edit", idea),
        idea_form_data(title="Tablet og projektor", tags="tablet, projektor", value_quality="3"),
    )
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    idea.refresh_from_db()
    assert idea.title == "Tablet og projektor" and idea.value_quality == 3
    assert sorted(idea.tags.values_list("key", flat=True)) == ["projektor", "tablet"]
    assert IdeaEvent.objects.filter(idea=idea, kind=EventKind.EDITED).exists()
    assert Idea.objects.count() == 1
    # The search finds the new words.
    found = client.get(url("board", workplace) + "?q=projektor")
    assert linked_idea_ids(found) == [idea.pk]


def test_another_employee_cannot_edit_the_idea(client, workplace, colleague, idea):
    client.force_login(colleague)
    assert client.get(idea_url("idea_edit", idea)).status_code == 403
    assert client.post(idea_url("idea_edit", idea), idea_form_data(title="Kapret")).status_code == 403
    idea.refresh_from_db()
    assert idea.title != "Kapret"


def test_the_author_cannot_edit_after_the_leader_moved_the_idea(client, workplace, leader, employee, idea):
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    client.force_login(employee)
    assert client.get(idea_url("idea_edit", idea)).status_code == 403
    assert client.post(idea_url("idea_edit", idea), idea_form_data(title="For sent")).status_code == 403
    idea.refresh_from_db()
    assert idea.title != "For sent"
    assert idea_url("idea_edit", idea) not in html(client.get(idea.get_absolute_url()))


def test_editing_a_comment_within_15_minutes(client, workplace, colleague, idea):
    comment = services.comment_create(actor=colleague, idea=idea, body="Førstee udkast")
    client.force_login(colleague)
    assert idea_url("comment_edit", idea, comment_id=comment.pk) in html(client.get(idea.get_absolute_url()))
    assert client.get(idea_url("comment_edit", idea, comment_id=comment.pk)).status_code == 200
    response = client.post(idea_url("comment_edit", idea, comment_id=comment.pk), {"body": "Første udkast"})
    assert response.status_code == 302
    assert response["Location"] == f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
    comment.refresh_from_db()
    assert comment.body == "Første udkast" and comment.edited_at is not None


def test_editing_a_comment_is_refused_after_15_minutes(client, workplace, colleague, idea):
    comment = services.comment_create(actor=colleague, idea=idea, body="Gammel kommentar")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=16))
    client.force_login(colleague)
    assert idea_url("comment_edit", idea, comment_id=comment.pk) not in html(
        client.get(idea.get_absolute_url())
    )
    response = client.post(idea_url("comment_edit", idea, comment_id=comment.pk), {"body": "Ny tekst"})
    assert response.status_code in (200, 400, 403)
    assert response.status_code == 403 or 'id="error-summary"' in html(response)
    comment.refresh_from_db()
    assert comment.body == "Gammel kommentar" and comment.edited_at is None


def test_only_the_writer_edits_a_comment(client, workplace, employee, colleague, idea):
    comment = services.comment_create(actor=colleague, idea=idea, body="Min kommentar")
    client.force_login(employee)
    assert client.get(idea_url("comment_edit", idea, comment_id=comment.pk)).status_code == 403
    assert (
        client.post(idea_url("comment_edit", idea, comment_id=comment.pk), {"body": "x"}).status_code == 403
    )
    comment.refresh_from_db()
    assert comment.body == "Min kommentar"


# --- 9. Pictures -----------------------------------------------------------------------------------------


@pytest.fixture
def idea_with_picture(workplace, leader, employee):
    return make_idea(workplace, author=employee, images=[png_upload()])


def test_a_picture_is_served_to_members_with_its_type_and_nosniff(
    client, workplace, observer, idea_with_picture
):
    image = idea_with_picture.images.get()
    client.force_login(observer)
    page = html(client.get(idea_with_picture.get_absolute_url()))
    assert f'src="{image.get_absolute_url()}"' in page
    response = client.get(image.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_picture_of_another_idea_or_a_missing_one_gives_404(client, workplace, employee, idea_with_picture):
    other = make_idea(workplace, author=employee, title="Uden billede")
    image = idea_with_picture.images.get()
    client.force_login(employee)
    assert client.get(idea_url("idea_image", other, image_id=image.pk)).status_code == 404
    assert client.get(idea_url("idea_image", idea_with_picture, image_id=999999)).status_code == 404


def test_removing_a_picture_asks_first_then_removes_it(client, workplace, employee, idea_with_picture):
    image = idea_with_picture.images.get()
    storage, name = image.image.storage, image.image.name
    assert storage.exists(name)
    client.force_login(employee)
    delete_url = idea_url("idea_image_delete", idea_with_picture, image_id=image.pk)
    assert delete_url in html(client.get(idea_url("idea_edit", idea_with_picture)))
    confirm = client.get(delete_url)
    assert confirm.status_code == 200 and image.get_absolute_url() in html(confirm)
    assert IdeaImage.objects.exists()
    response = client.post(delete_url)
    assert response.status_code == 302 and response["Location"] == idea_url("idea_edit", idea_with_picture)
    assert not IdeaImage.objects.exists() and not storage.exists(name)


def test_the_picture_removal_page_uses_no_inline_style_the_csp_blocks(
    client, workplace, employee, idea_with_picture
):
    image = idea_with_picture.images.get()
    client.force_login(employee)
    response = client.get(idea_url("idea_image_delete", idea_with_picture, image_id=image.pk))
    policy = response["Content-Security-Policy"]
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert " style=" not in html(response)


def test_another_employee_cannot_remove_a_picture(client, workplace, colleague, idea_with_picture):
    client.force_login(colleague)
    image = idea_with_picture.images.get()
    client.post(idea_url("idea_image_delete", idea_with_picture, image_id=image.pk))
    assert IdeaImage.objects.filter(pk=image.pk).exists()
