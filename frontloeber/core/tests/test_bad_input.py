"""A NUL character in what a person sends (a search, a filter, a form field, the address) is refused with a
clear page and changes nothing; PostgreSQL cannot store or compare text with NUL, so it used to give a 500.

Run these on PostgreSQL too (DATABASE_URL=postgres://…): that is where NUL failed.
"""

import pytest
from django.test import Client
from django.urls import reverse

from frontloeber.ideas.models import Comment, Idea
from tests.factories import WorkplaceFactory, live_session, make_idea

pytestmark = pytest.mark.django_db

NUL_PAGE_DA = "Der var et tegn, som ikke kan bruges"
NUL_PAGE_EN = "There was a character that cannot be used"


@pytest.fixture
def workplace():
    return WorkplaceFactory(slug="solsikken")


@pytest.fixture
def idea(workplace, leader):
    return make_idea(workplace, author=leader, title="Tablet til dagen")


@pytest.fixture
def client_(client, leader):
    client.force_login(leader)
    return client


def _workplace(name, **kwargs):
    return reverse(name, kwargs={"workplace_slug": "solsikken", **kwargs})


# Every search box of the project (request.GET "q", the board's search form, the similar-ideas box).
SEARCHES = {
    "ideas:board": "q",
    "experiments:case_list": "q",
    "ideas:similar": "title",
}


def _refused(response):
    content = response.content.decode()
    return response.status_code == 400 and NUL_PAGE_DA in content and "<h1" in content


@pytest.mark.parametrize("name", SEARCHES)
def test_a_nul_in_a_search_is_refused_clearly_not_a_500(client_, workplace, idea, name):
    response = client_.get(_workplace(name) + f"?{SEARCHES[name]}=%00")
    assert _refused(response), response.status_code
    # Anywhere in the query: after a word, and in the board's other filters.
    assert _refused(client_.get(_workplace(name) + f"?{SEARCHES[name]}=tablet%00x"))


def test_a_nul_in_the_merge_search_is_refused(client_, workplace, idea):
    address = reverse("ideas:idea_merge", kwargs={"workplace_slug": "solsikken", "idea_id": idea.pk})
    assert _refused(client_.get(address + "?q=%00"))
    assert client_.get(address + "?q=tablet").status_code == 200  # a search without NUL still works


@pytest.mark.parametrize(
    "address",
    [
        "/a/solsikken/ideer/?udfordring=%00&tag=%00",
        "/a/solsikken/afproevninger/?tilstand=%00",
        "/a/solsikken/workshops/?praksis=%00",
        "/a/solsikken/barrierer/?status=%00",
        "/a/solsikken/opgaver/?barriere=%00",
        "/a/solsikken/ideer/?side=%00",
        "/a/solsikken/ideer/?%00=1",
        "/w/?kode=%00",
        "/konto/invitation/%00/",
    ],
)
def test_a_nul_anywhere_in_the_address_is_refused(client_, workplace, idea, address):
    assert _refused(client_.get(address)), address


def test_the_board_search_still_finds_ideas(client_, workplace, idea):
    response = client_.get(_workplace("ideas:board") + "?q=tablet")
    assert response.status_code == 200 and "Tablet til dagen" in response.content.decode()


def test_a_nul_in_a_comment_changes_nothing_and_says_why(client_, workplace, idea):
    address = reverse("ideas:comment_create", kwargs={"workplace_slug": "solsikken", "idea_id": idea.pk})
    response = client_.post(address, {"body": "Godt\x00 forslag"})
    assert _refused(response)
    assert not Comment.objects.exists()
    assert client_.post(address, {"body": "Godt forslag"}).status_code == 302  # without it, it is posted
    assert Comment.objects.count() == 1


def test_a_nul_in_a_new_idea_changes_nothing(client_, workplace):
    response = client_.post(
        _workplace("ideas:idea_create"),
        {"title": "Ny\x00 idé", "need": "Et behov", "description": "En beskrivelse"},
    )
    assert _refused(response)
    assert not Idea.objects.exists()


def test_a_guest_name_with_nul_is_refused_before_joining(workplace, leader):
    session = live_session(workplace, leader=leader)
    before = session.participants.count()
    guest = Client()
    response = guest.post(
        reverse("join:room", kwargs={"code": session.join_code}), {"display_name": "Lone\x00"}
    )
    assert _refused(response)
    assert session.participants.count() == before


def test_the_refusal_speaks_english_to_those_who_chose_it(client_, workplace):
    client_.cookies["django_language"] = "en"
    response = client_.get(_workplace("ideas:board") + "?q=%00")
    assert response.status_code == 400 and NUL_PAGE_EN in response.content.decode()


def test_a_nul_on_the_login_form_is_refused_without_a_500(client, db):
    response = client.post(reverse("accounts:login"), {"username": "a\x00@example.dk", "password": "x"})
    assert _refused(response)


def test_a_device_queue_sending_a_nul_hears_why_in_json(client_, workplace):
    """The queue of drafts on a phone (issue 21) asks for JSON and keeps the reason beside the draft."""
    from frontloeber.ideas.models import Idea
    from tests.factories import idea_form_data

    response = client_.post(
        _workplace("ideas:idea_create"), idea_form_data(title="Tablet\x00"), HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert "NUL" in response.json()["message"] and response.json()["errors"] == {}
    assert not Idea.objects.exists()
