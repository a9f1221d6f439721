"""Devices: the idea form kept for offline use, the token the queue asks for, and the forms it enhances."""

import re
import uuid

import pytest
from django.urls import reverse

from frontloeber.devices.owners import owner_tag
from frontloeber.ideas.models import Idea
from tests.factories import idea_form_data, make_idea, member

pytestmark = pytest.mark.django_db

SHELL = "/enhed/ny-ide/"


def html(response):
    return response.content.decode()


def test_the_urls_are_where_the_service_worker_and_the_queue_look():
    assert reverse("devices:idea_shell") == SHELL
    assert reverse("devices:csrf") == "/enhed/csrf/"


def test_the_idea_form_shell_opens_signed_out_and_holds_the_idea_fields(client):
    response = client.get(SHELL)
    page = html(response)
    assert response.status_code == 200
    assert 'data-fl-offline="idea"' in page and "data-fl-shell" in page
    for name in ("title", "need", "description", "concerns", "tags", "images"):
        assert f'name="{name}"' in page
    # No challenge list (the workplace is not known) and no key of its own: each draft gets a new one.
    assert 'name="challenge"' not in page
    assert re.search(r'name="submission_key" id="id_submission_key" value=""', page)
    assert "csrfmiddlewaretoken" not in page.split('id="idea-form"')[1]
    assert 'data-fl-idea-form="^/a/[^/]+/ideer/ny/$"' in page
    assert 'id="fl-offline-queue"' in page


def test_the_shell_holds_nothing_of_the_person_signed_in(client, workplace, employee):
    client.force_login(employee)
    # A notice waits for the person's next page: the shell must neither show nor spend it.
    client.post(reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug}), idea_form_data())
    page = html(client.get(SHELL))
    for personal in (employee.full_name, employee.email, workplace.name, 'id="user-menu"', "Tak! Din idé"):
        assert personal not in page
    assert "Tak! Din idé er sendt" in html(client.get(Idea.objects.get().get_absolute_url()))


def test_the_shell_is_the_same_for_everyone(client, employee):
    anonymous = html(client.get(SHELL))
    client.force_login(employee)
    signed_in = html(client.get(SHELL))
    assert anonymous == signed_in


def test_the_queue_gets_a_fresh_token_when_signed_in_and_it_is_not_kept(client, employee):
    client.force_login(employee)
    response = client.get("/enhed/csrf/")
    assert response.status_code == 200
    token = response.json()["csrf"]
    assert len(token) == 64
    assert "no-store" in response["Cache-Control"]
    assert response.cookies["csrftoken"].value


def test_the_token_names_the_person_by_an_opaque_tag(client, workplace, settings):
    first = member(workplace, id=731952846).user
    second = member(workplace).user
    client.force_login(first)
    tag = client.get("/enhed/csrf/").json()["owner"]
    assert re.fullmatch(r"[0-9a-f]{24}", tag)
    assert str(first.pk) not in tag and first.email not in tag
    # The same person, in a new session: the same tag, so drafts left on the device find their owner again.
    client.logout()
    client.force_login(first)
    assert client.get("/enhed/csrf/").json()["owner"] == tag == owner_tag(first)
    client.force_login(second)
    assert client.get("/enhed/csrf/").json()["owner"] not in ("", tag)
    # Keyed with the site's secret: knowing a person's id is not enough to make their tag.
    settings.SECRET_KEY = "another-" + settings.SECRET_KEY
    assert owner_tag(first) != tag


def test_signed_in_pages_tell_the_device_whose_drafts_to_show(client, workplace, employee):
    meta = f'<meta name="fl-owner" content="{owner_tag(employee)}">'
    assert 'name="fl-owner"' not in html(client.get(reverse("accounts:login")))
    client.force_login(employee)
    board = html(client.get(reverse("ideas:board", kwargs={"workplace_slug": workplace.slug})))
    assert meta in board
    # The pages the service worker keeps for whoever comes next name nobody, even fetched signed in.
    for kept in (SHELL, reverse("devices:offline")):
        assert 'name="fl-owner"' not in html(client.get(kept))


def test_signed_out_the_token_page_sends_to_the_login(client):
    response = client.get("/enhed/csrf/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_fresh_token_lets_the_queue_post_with_csrf_checks_on(employee, workplace):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(employee)
    token = client.get("/enhed/csrf/").json()["csrf"]
    data = {**idea_form_data(), "submission_key": str(uuid.uuid4()), "csrfmiddlewaretoken": token}
    target = reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug})
    response = client.post(target, data, HTTP_ACCEPT="application/json", HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201 and Idea.objects.count() == 1


def test_the_idea_form_and_the_comment_box_are_marked_for_the_device(client, workplace, employee):
    client.force_login(employee)
    create = html(client.get(reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug})))
    assert 'data-fl-offline="idea"' in create and f'data-fl-workplace="{workplace.name}"' in create
    assert 'id="fl-offline-queue"' in create
    idea = make_idea(workplace, author=employee)
    detail = html(client.get(idea.get_absolute_url()))
    assert 'data-fl-offline="comment"' in detail
    edit = html(
        client.get(reverse("ideas:idea_edit", kwargs={"workplace_slug": workplace.slug, "idea_id": idea.pk}))
    )
    assert "data-fl-offline" not in edit  # an idea already sent is edited online only
    board = html(client.get(reverse("ideas:board", kwargs={"workplace_slug": workplace.slug})))
    assert 'id="fl-offline-queue"' in board


def test_the_shell_speaks_danish(client):
    page = html(client.get(SHELL))
    assert 'lang="da"' in page and "<h1>Kom med en idé</h1>" in page and "Send idéen" in page
    assert "data-text-saved=" in page and "data-text-confirm-delete=" in page
