"""Ideas, views: the device's queue sends ideas and comments again (issue 21, point 2).

The queue posts the ordinary forms with ``Accept: application/json`` and the draft's idempotency key as
``submission_key``; a send repeated after an answer that never arrived must not make a second idea or comment.
"""

import datetime
import uuid

import pytest
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext

from frontloeber.ideas import services
from frontloeber.ideas.models import Comment, Idea, IdeaImage
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Membership
from tests.factories import idea_form_data, make_idea, png_upload

from .helpers import html, idea_url, not_a_picture, url

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def queued(key, **overrides):
    """What the device's queue sends: the form's fields and the draft's key."""
    return {**idea_form_data(**overrides), "submission_key": str(key)}


# --- Ideas --------------------------------------------------------------------------------------------------


def test_the_service_makes_one_idea_for_one_key(workplace, leader, employee):
    key = uuid.uuid4()
    kwargs = {
        "actor": employee,
        "workplace": workplace,
        "title": "Tablet til billeder",
        "need": "Forældrene vil se dagen.",
        "description": "Billeder ved afhentning.",
        "submission_key": key,
    }
    first = services.idea_create(**kwargs)
    again = services.idea_create(**kwargs)
    assert again.pk == first.pk
    assert Idea.objects.filter(author=employee).count() == 1
    assert Notification.objects.filter(recipient=leader, kind=Kind.IDEA_NEW).count() == 1


def test_the_queue_gets_json_and_the_same_key_twice_makes_one_idea(client, workplace, leader, employee):
    client.force_login(employee)
    key = uuid.uuid4()
    data = {**queued(key), "images": [png_upload()]}
    first = client.post(url("idea_create", workplace), data, **JSON)
    # The answer was lost on the way: the queue sends the same draft again, picture and all.
    again = client.post(url("idea_create", workplace), {**queued(key), "images": [png_upload()]}, **JSON)
    idea = Idea.objects.get()
    assert first.status_code == again.status_code == 201
    assert first["Content-Type"] == "application/json"
    assert first.json() == again.json() == {"url": idea.get_absolute_url(), "title": idea.title}
    assert idea.submission_key == key and idea.author == employee
    assert IdeaImage.objects.filter(idea=idea).count() == 1
    assert Notification.objects.filter(recipient=leader, kind=Kind.IDEA_NEW).count() == 1
    # No "thank you" waits in the session for a page the queue never shows.
    page = html(client.get(idea.get_absolute_url()))
    assert "Tak! Din idé er sendt" not in page


def test_a_form_sent_online_and_then_by_the_queue_makes_one_idea(client, workplace, employee):
    client.force_login(employee)
    key = uuid.uuid4()
    online = client.post(url("idea_create", workplace), queued(key))
    queue = client.post(url("idea_create", workplace), queued(key), **JSON)
    idea = Idea.objects.get()
    assert online.status_code == 302 and online["Location"] == idea.get_absolute_url()
    assert queue.status_code == 201 and queue.json()["url"] == idea.get_absolute_url()


def test_two_drafts_with_their_own_keys_make_two_ideas(client, workplace, employee):
    client.force_login(employee)
    for _ in range(2):
        response = client.post(url("idea_create", workplace), queued(uuid.uuid4()), **JSON)
        assert response.status_code == 201
    assert Idea.objects.filter(author=employee).count() == 2


def test_a_refused_draft_gets_the_errors_in_danish(client, workplace, employee):
    client.force_login(employee)
    response = client.post(url("idea_create", workplace), queued(uuid.uuid4(), title="", need=""), **JSON)
    assert response.status_code == 400
    body = response.json()
    with translation.override("da"):
        expected = gettext("The idea was not submitted. Correct it and send it again.")
    assert body["message"] == expected
    assert body["errors"]["title"] == ["Feltet skal udfyldes."]
    assert body["errors"]["need"] == ["Feltet skal udfyldes."]
    assert not Idea.objects.exists()


def test_a_picture_that_is_not_one_is_refused_with_its_name(client, workplace, employee):
    client.force_login(employee)
    fake = not_a_picture("kvittering.png")
    response = client.post(url("idea_create", workplace), {**queued(uuid.uuid4()), "images": [fake]}, **JSON)
    assert response.status_code == 400
    assert "kvittering.png" in " ".join(response.json()["errors"]["images"])
    assert not Idea.objects.exists()


def test_a_person_removed_from_the_workplace_gets_404_and_no_idea(client, workplace, employee):
    client.force_login(employee)
    Membership.objects.filter(user=employee, workplace=workplace).delete()
    response = client.post(url("idea_create", workplace), queued(uuid.uuid4()), **JSON)
    assert response.status_code == 404
    assert not Idea.objects.exists()


def test_an_ordinary_form_post_still_redirects_and_thanks(client, workplace, employee):
    client.force_login(employee)
    response = client.post(url("idea_create", workplace), queued(uuid.uuid4()), follow=True)
    assert response.redirect_chain[-1][0] == Idea.objects.get().get_absolute_url()
    assert "Tak! Din idé er sendt" in html(response)


# --- Comments -----------------------------------------------------------------------------------------------


def test_the_same_comment_key_twice_makes_one_comment_even_much_later(client, idea, colleague):
    client.force_login(colleague)
    key = str(uuid.uuid4())
    data = {"body": "Kunne vi bruge skolens tablets?", "submission_key": key}
    first = client.post(idea_url("comment_create", idea), data, **JSON)
    comment = Comment.objects.get()
    assert first.status_code == 201
    assert first.json() == {"url": f"{idea.get_absolute_url()}#kommentar-{comment.pk}", "title": idea.title}
    # Past the minute in which a plain double click counts as one.
    Comment.objects.filter(pk=comment.pk).update(created_at=comment.created_at - datetime.timedelta(hours=3))
    again = client.post(idea_url("comment_create", idea), data, **JSON)
    assert again.status_code == 201 and again.json() == first.json()
    assert Comment.objects.count() == 1
    idea.refresh_from_db()
    assert idea.comment_count == 1


def test_the_same_words_with_another_key_much_later_are_a_new_comment(client, idea, colleague):
    client.force_login(colleague)
    body = "Kunne vi bruge skolens tablets?"
    client.post(idea_url("comment_create", idea), {"body": body, "submission_key": str(uuid.uuid4())}, **JSON)
    Comment.objects.update(created_at=Comment.objects.get().created_at - datetime.timedelta(hours=3))
    response = client.post(
        idea_url("comment_create", idea), {"body": body, "submission_key": str(uuid.uuid4())}, **JSON
    )
    assert response.status_code == 201
    assert Comment.objects.count() == 2


def test_a_comment_form_post_with_a_key_still_redirects(client, idea, colleague):
    client.force_login(colleague)
    key = str(uuid.uuid4())
    response = client.post(idea_url("comment_create", idea), {"body": "Godt tænkt", "submission_key": key})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
    queue = client.post(
        idea_url("comment_create", idea), {"body": "Godt tænkt", "submission_key": key}, **JSON
    )
    assert queue.status_code == 201 and Comment.objects.count() == 1


def test_a_key_that_is_no_uuid_is_ignored(client, idea, colleague):
    client.force_login(colleague)
    response = client.post(
        idea_url("comment_create", idea), {"body": "Godt tænkt", "submission_key": "not-a-key"}, **JSON
    )
    assert response.status_code == 201 and Comment.objects.count() == 1


def test_an_empty_comment_is_refused_in_danish(client, idea, colleague):
    client.force_login(colleague)
    response = client.post(
        idea_url("comment_create", idea), {"body": "  ", "submission_key": str(uuid.uuid4())}, **JSON
    )
    assert response.status_code == 400
    assert response.json()["errors"]["body"] == ["Feltet skal udfyldes."]
    assert not Comment.objects.exists()


def test_a_comment_on_a_merged_idea_is_refused_with_the_reason(client, workplace, idea, colleague):
    client.force_login(colleague)
    Idea.objects.filter(pk=idea.pk).update(status="merged")
    response = client.post(
        idea_url("comment_create", idea), {"body": "Godt tænkt", "submission_key": str(uuid.uuid4())}, **JSON
    )
    assert response.status_code == 400
    with translation.override("da"):
        assert response.json()["message"] == gettext(
            "This idea was merged into another; comment there instead."
        )
    assert not Comment.objects.exists()


def test_a_comment_from_a_removed_member_gets_404(client, idea, colleague):
    client.force_login(colleague)
    Membership.objects.filter(user=colleague).delete()
    response = client.post(
        idea_url("comment_create", idea), {"body": "Godt tænkt", "submission_key": str(uuid.uuid4())}, **JSON
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()


def test_a_comment_key_is_kept_with_the_comment_not_in_the_cache(client, idea, colleague):
    # The key is a column with a unique constraint: a cache that forgot it cannot make a second comment.
    client.force_login(colleague)
    key = uuid.uuid4()
    data = {"body": "Kunne vi bruge skolens tablets?", "submission_key": str(key)}
    client.post(idea_url("comment_create", idea), data, **JSON)
    assert Comment.objects.get().submission_key == key
    cache.clear()
    Comment.objects.update(created_at=Comment.objects.get().created_at - datetime.timedelta(days=40))
    again = client.post(idea_url("comment_create", idea), data, **JSON)
    assert again.status_code == 201 and Comment.objects.count() == 1


def test_a_comment_key_used_on_another_idea_makes_a_comment_here(idea, colleague):
    other = make_idea(idea.workplace, title="En anden idé")
    key = uuid.uuid4()
    first = services.comment_create(actor=colleague, idea=idea, body="Godt tænkt", submission_key=key)
    second = services.comment_create(actor=colleague, idea=other, body="Godt tænkt", submission_key=key)
    assert first.idea_id == idea.pk and second.idea_id == other.pk
    assert (first.submission_key, second.submission_key) == (key, None)


def test_two_people_may_send_the_same_key(idea, colleague, employee):
    key = uuid.uuid4()
    services.comment_create(actor=colleague, idea=idea, body="Godt tænkt", submission_key=key)
    services.comment_create(actor=employee, idea=idea, body="Godt tænkt", submission_key=key)
    assert Comment.objects.filter(submission_key=key).count() == 2
