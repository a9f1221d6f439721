"""Joining a workshop is rate limited, and the facilitator can remove guests (security issue, points 4 and 7).

The attack: one client joined 198 guests in 9 seconds and filled the room's 200 places. Joins are counted per
address (in the room) and per browser session, in the cache every worker shares; the address is what the
trusted proxies say. A facilitator removes a guest; their browser can then no longer post or vote, and
joining again counts like any other join.
"""

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from frontloeber.workshops import selectors, services
from frontloeber.workshops.models import Participant, Post, Vote
from tests.factories import live_session, member

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"


@pytest.fixture
def session(workplace, leader):
    return live_session(workplace, leader=leader)


def room_url(session):
    return reverse("join:room", kwargs={"code": session.join_code})


def guests(session):
    return Participant.objects.filter(session=session, user=None, removed_at=None).count()


def go_to_posting(session, leader):
    while not session.format.steps.get(position=session.step_position).posts:
        session = services.session_step(actor=leader, session=session, action="next")
    return session


# --- The join flood ------------------------------------------------------------------------------------


def test_replaying_the_join_flood_from_one_client_is_refused(client, session):
    """Each request a fresh browser session, as the attacker's script had: only the address ties them."""
    limit = django_settings.WORKSHOP_GUESTS_PER_ADDRESS
    answers = []
    for n in range(limit + 20):
        client.cookies.clear()
        answers.append(client.post(room_url(session), {"display_name": f"Bot {n}"}).status_code)
    assert answers[:limit] == [302] * limit
    assert set(answers[limit:]) == {429}
    assert guests(session) == limit
    response = client.post(room_url(session), {"display_name": "Bot"})
    assert response.status_code == 429
    assert "For mange har deltaget i denne workshop fra din adresse" in response.content.decode()


def test_behind_the_proxy_other_people_still_join_while_one_address_is_refused(client, session, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.WORKSHOP_GUESTS_PER_ADDRESS = 3
    for n in range(5):
        client.cookies.clear()
        client.post(
            room_url(session),
            {"display_name": f"Bot {n}"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="198.51.100.66",
        )
    assert guests(session) == 3
    neighbour = type(client)()
    response = neighbour.post(
        room_url(session), {"display_name": "Lone"}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.10"
    )
    assert response.status_code == 302 and guests(session) == 4


def test_the_address_limit_is_per_room(client, workplace, leader, session, settings):
    settings.WORKSHOP_GUESTS_PER_ADDRESS = 2
    other = live_session(workplace, leader=leader)
    for n in range(2):
        client.cookies.clear()
        assert client.post(room_url(session), {"display_name": f"Gæst {n}"}).status_code == 302
    client.cookies.clear()
    assert client.post(room_url(session), {"display_name": "Gæst 3"}).status_code == 429
    assert client.post(room_url(other), {"display_name": "Gæst 3"}).status_code == 302


def test_one_browser_session_joins_only_a_few_times(client, workplace, leader, settings):
    """Also from ever new addresses: the browser's session keeps its own count."""
    settings.TRUSTED_PROXY_COUNT = 1
    limit = django_settings.WORKSHOP_JOINS_PER_BROWSER
    rooms = [live_session(workplace, leader=leader) for _ in range(limit + 1)]
    answers = [
        client.post(
            room_url(room),
            {"display_name": "Lone"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{n}",
        ).status_code
        for n, room in enumerate(rooms)
    ]
    assert answers == [302] * limit + [429]
    assert Participant.objects.filter(user=None).count() == limit
    response = client.post(room_url(rooms[-1]), {"display_name": "Lone"})
    assert "Du har deltaget i workshops mange gange" in response.content.decode()


def test_the_refusal_speaks_english_too(client, session, settings):
    settings.WORKSHOP_GUESTS_PER_ADDRESS = 1
    client.post(room_url(session), {"display_name": "Lone"})
    fresh = type(client)()
    fresh.cookies["django_language"] = "en"
    response = fresh.post(room_url(session), {"display_name": "Bo"})
    assert response.status_code == 429
    assert "Too many people have joined this workshop from your address" in response.content.decode()


def test_a_member_joins_with_one_tap_and_is_limited_per_browser_session(client, workplace, leader, settings):
    settings.WORKSHOP_JOINS_PER_BROWSER = 2
    rooms = [live_session(workplace, leader=leader) for _ in range(3)]
    client.force_login(member(workplace).user)
    answers = [client.post(room_url(room)).status_code for room in rooms]
    assert answers == [302, 302, 429]


def test_wrong_codes_behind_the_proxy_block_only_their_own_address(client, session, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(15):
        client.get(
            reverse("join:enter"), {"kode": "ZZZZZZ"}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.66"
        )
    refused = client.get(
        reverse("join:enter"),
        {"kode": session.join_code},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )
    assert refused.status_code == 429
    other = type(client)().get(
        reverse("join:enter"),
        {"kode": session.join_code},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert other.status_code == 302


def test_a_forged_forwarded_for_does_not_reset_the_wrong_code_count_of_a_direct_client(client, session):
    for n in range(15):
        client.get(reverse("join:enter"), {"kode": "ZZZZZZ"}, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    response = client.get(
        reverse("join:enter"), {"kode": session.join_code}, HTTP_X_FORWARDED_FOR="192.0.2.99"
    )
    assert response.status_code == 429


def test_locked_out_the_room_pages_answer_a_right_code_as_a_wrong_one(client, session, leader):
    """The probe's oracle: while locked out, /w/<right code>/ answered 200 and /w/<wrong code>/ 429."""
    go_to_posting(session, leader)
    inside = type(client)()
    inside.post(room_url(session), {"display_name": "Allerede inde"})
    for n in range(10):
        # Wrong codes on the room's own addresses (the board a phone polls) count as on the join page.
        client.get(reverse("join:room_board", kwargs={"code": f"ZZZZZ{n}"}))
    assert client.get(room_url(session)).status_code == 429
    assert client.get(reverse("join:room", kwargs={"code": "QQQQQZ"})).status_code == 429
    # Someone already in the room goes on.
    assert inside.get(room_url(session)).status_code == 200


# --- The facilitator removes guests --------------------------------------------------------------------


def remove_url(session, participant):
    return reverse(
        "workshops:participant_remove",
        kwargs={
            "workplace_slug": session.workplace.slug,
            "session_id": session.pk,
            "participant_id": participant.pk,
        },
    )


@pytest.fixture
def guest_browser(client, session, leader):
    """A guest who joined on their phone, posted twice and put a dot on a colleague's post."""
    session = go_to_posting(session, leader)
    client.post(room_url(session), {"display_name": "Spammer"})
    guest = Participant.objects.get(session=session, user=None)
    services.post_create(participant=guest, text="Køb billige ure")
    services.post_create(participant=guest, text="Køb flere ure")
    colleague = services.participant_join(session=session, user=member(session.workplace).user)
    good = services.post_create(participant=colleague, text="Fælles kalender")
    services.post_create(participant=colleague, text="Bedre kaffe")
    services.vote_open(actor=leader, session=session, dots=2)
    services.vote_cast(participant=guest, post=good)
    services.vote_cast(participant=colleague, post=good)
    return client, guest, good


def test_the_facilitator_removes_a_guest_after_a_confirmation(guest_browser, session, leader):
    client, guest, good = guest_browser
    facilitator = type(client)()
    facilitator.force_login(leader)
    page = facilitator.get(remove_url(session, guest))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Fjern Spammer fra workshoppen?" in text
    assert "opslag forsvinder" in text and "prikker" in text
    assert Participant.objects.get(pk=guest.pk).removed_at is None  # a GET changes nothing
    response = facilitator.post(remove_url(session, guest))
    assert response.status_code == 302
    guest.refresh_from_db()
    assert guest.removed_at is not None
    # Their posts and dots are gone; the colleague's post and dot stay.
    assert not Post.objects.filter(author=guest).exists()
    assert list(Vote.objects.filter(post=good).values_list("participant", flat=True)) != [guest.pk]
    assert Vote.objects.filter(post=good).count() == 1
    assert guest not in selectors.live_board(session=session)["participants"]
    # The guest's browser can no longer post or vote in the room: it is led back to the room's page, which
    # says what happened (a whole reload under htmx).
    response = client.post(reverse("join:post_create", kwargs={"code": session.join_code}), {"text": "Igen"})
    assert response.status_code == 302 and response["Location"] == room_url(session)
    vote_url = reverse("join:vote", kwargs={"code": session.join_code, "post_id": good.pk})
    assert client.post(vote_url, {"remove": "0"}).status_code == 302
    refreshed = client.post(vote_url, {"remove": "0"}, headers={"HX-Request": "true"})
    assert refreshed.status_code == 204 and refreshed["HX-Refresh"] == "true"
    assert not Post.objects.filter(text="Igen").exists() and Vote.objects.filter(post=good).count() == 1
    room = client.get(room_url(session)).content.decode()
    assert "Facilitatoren har fjernet dig fra workshoppen" in room


def test_the_facilitators_screen_lists_the_people_with_a_remove_link_for_guests(
    guest_browser, session, leader
):
    client, guest, _good = guest_browser
    client.force_login(leader)
    live = reverse(
        "workshops:session_live", kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk}
    )
    page = client.get(live).content.decode()
    assert remove_url(session, guest) in page
    # Members are not removed from here: they are the workplace's own.
    colleague = Post.objects.get(text="Bedre kaffe").author
    assert remove_url(session, colleague) not in page


def test_a_removed_guest_cannot_join_again_from_the_same_browser(guest_browser, session, leader):
    """Removed is removed: the same browser is told so instead of being offered the join form again (a
    troll's other browsers still pass the join limits, per address and per browser)."""
    client, guest, _good = guest_browser
    services.participant_remove(actor=leader, participant=guest)
    page = client.get(room_url(session))
    assert page.status_code == 200 and page.context["removed"]
    assert 'name="display_name"' not in page.content.decode()
    response = client.post(room_url(session), {"display_name": "Spammer igen"})
    assert response.status_code == 403
    assert guests(session) == 0


def test_removing_frees_the_place_in_a_full_room(session, leader, monkeypatch):
    monkeypatch.setattr(services.live, "MAX_PARTICIPANTS", 3)
    first = services.participant_join(session=session, display_name="Gæst 1")
    services.participant_join(session=session, display_name="Gæst 2")
    with pytest.raises(ValidationError):
        services.participant_join(session=session, display_name="Gæst 3")
    services.participant_remove(actor=leader, participant=first)
    assert services.participant_join(session=session, display_name="Gæst 3").display_name == "Gæst 3"


def test_only_the_facilitator_or_a_leader_removes_and_only_guests(session, leader, workplace):
    guest = services.participant_join(session=session, display_name="Gæst")
    colleague = member(workplace).user
    services.participant_join(session=session, user=colleague)
    with pytest.raises(PermissionDenied):
        services.participant_remove(actor=colleague, participant=guest)
    mine = Participant.objects.get(session=session, user=colleague)
    with pytest.raises(ValidationError):
        services.participant_remove(actor=leader, participant=mine)
    assert Participant.objects.get(pk=guest.pk).removed_at is None


def test_a_post_that_became_part_of_frontloeber_stays_when_its_guest_is_removed(session, leader):
    session = go_to_posting(session, leader)
    guest = services.participant_join(session=session, display_name="Gæst")
    post = services.post_create(participant=guest, text="Ingen tid til at prøve")
    services.post_create(participant=guest, text="Spam")
    services.barrier_create(
        actor=leader, workplace=session.workplace, kind="time", description="Tid", post=post
    )
    services.participant_remove(actor=leader, participant=guest)
    assert list(Post.objects.filter(author=guest).values_list("text", flat=True)) == [
        "Ingen tid til at prøve"
    ]


def test_an_employee_gets_404_for_the_remove_page(client, session, workplace):
    guest = services.participant_join(session=session, display_name="Gæst")
    client.force_login(member(workplace).user)
    assert client.get(remove_url(session, guest)).status_code == 404
    assert client.post(remove_url(session, guest)).status_code == 404
    assert Participant.objects.get(pk=guest.pk).removed_at is None


def test_removing_a_guest_twice_leads_back_to_the_board(client, session, leader):
    guest = services.participant_join(session=session, display_name="Gæst")
    client.force_login(leader)
    assert client.post(remove_url(session, guest)).status_code == 302
    again = client.post(remove_url(session, guest))
    assert again.status_code == 302
    assert client.get(remove_url(session, guest)).status_code == 302
