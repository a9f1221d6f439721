"""Running a workshop live (issue 6, points 3 and 4): the room, posts, groups, votes and themes."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from frontloeber.organisations.models import Role
from frontloeber.workshops import models, selectors, services
from frontloeber.workshops.models import Participant, Post, SessionState, Vote, WorkshopSession
from tests.factories import live_session, member, plan_session

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def team(workplace):
    return [member(workplace).user for _ in range(3)]


@pytest.fixture
def session(workplace, leader, team):
    return live_session(workplace, leader=leader)


def go_to(session, leader, number):
    """Step forward to the format's step ``number``, counted from 1 as the pages show it."""
    while session.step_position + 1 < number:
        session = services.session_step(actor=leader, session=session, action="next")
    return session


def join(session, user):
    return services.participant_join(session=session, user=user)


# --- Services ------------------------------------------------------------------------------------------


def test_starting_opens_the_room_with_a_code_on_the_first_step(workplace, leader, team):
    planned = plan_session(workplace, leader=leader)
    assert planned.join_code is None
    now = timezone.now()
    session = services.session_start(actor=leader, session=planned, now=now)
    assert session.state == SessionState.LIVE
    assert len(session.join_code) == models.CODE_LENGTH
    assert set(session.join_code) <= set(models.CODE_ALPHABET)
    assert session.step_position == 0
    assert session.step_ends_at == now + datetime.timedelta(minutes=5)
    # The facilitator is the first in the room.
    assert list(session.participants.values_list("user", flat=True)) == [leader.pk]


def test_only_the_facilitator_or_a_leader_runs_the_session(workplace, leader, team):
    planned = plan_session(workplace, leader=leader, facilitator=team[0])
    with pytest.raises(PermissionDenied):
        services.session_start(actor=team[1], session=planned)
    session = services.session_start(actor=team[0], session=planned)  # an employee facilitating
    with pytest.raises(PermissionDenied):
        services.session_step(actor=team[1], session=session, action="next")
    assert WorkshopSession.objects.get(pk=session.pk).step_position == 0
    services.session_step(actor=leader, session=session, action="next")  # a leader can step in


def test_the_facilitator_moves_pauses_and_extends(session, leader):
    now = timezone.now()
    session = services.session_step(actor=leader, session=session, action="next", now=now)
    assert session.step_position == 1 and session.step_ends_at == now + datetime.timedelta(minutes=10)
    session = services.session_step(
        actor=leader, session=session, action="pause", now=now + datetime.timedelta(minutes=4)
    )
    assert session.paused_seconds_left == 6 * 60 and session.step_ends_at is None
    session = services.session_step(actor=leader, session=session, action="extend", minutes=5)
    assert session.paused_seconds_left == 11 * 60
    later = now + datetime.timedelta(minutes=30)
    session = services.session_step(actor=leader, session=session, action="resume", now=later)
    assert session.step_ends_at == later + datetime.timedelta(minutes=11)
    session = services.session_step(actor=leader, session=session, action="previous", now=later)
    assert session.step_position == 0
    with pytest.raises(ValidationError):
        services.session_step(actor=leader, session=session, action="previous")
    with pytest.raises(ValidationError):
        services.session_step(actor=leader, session=session, action="extend", minutes=0)


def test_members_join_with_their_login_and_guests_with_a_name(session, team, workplace):
    first = join(session, team[0])
    assert join(session, team[0]).pk == first.pk  # joining again changes nothing
    assert first.display_name == team[0].full_name and not first.is_guest
    guest = services.participant_join(session=session, display_name="  Lone (pårørende) ")
    assert guest.is_guest and guest.display_name == "Lone (pårørende)"
    with pytest.raises(ValidationError):
        services.participant_join(session=session, display_name="   ")
    observer = member(workplace, Role.OBSERVER).user
    with pytest.raises(ValidationError):
        join(session, observer)
    assert session.participants.count() == 3  # the facilitator, the member and the guest


def test_a_post_lands_on_the_current_step_and_bumps_the_revision(session, leader, team):
    person = join(session, team[0])
    with pytest.raises(ValidationError, match="skriver man ikke opslag"):
        services.post_create(participant=person, text="For tidligt")
    session = go_to(session, leader, 2)
    before = WorkshopSession.objects.get(pk=session.pk).revision
    post = services.post_create(participant=person, text="  Fælles kalender på tavlen ")
    assert (post.step_position, post.text, post.group) == (1, "Fælles kalender på tavlen", None)
    assert WorkshopSession.objects.get(pk=session.pk).revision == before + 1
    for bad in ("", "   ", "x" * 501):
        with pytest.raises(ValidationError):
            services.post_create(participant=person, text=bad)
    assert Post.objects.count() == 1


def test_nobody_posts_or_joins_after_the_end(session, leader, team):
    person = join(session, team[0])
    session = go_to(session, leader, 2)
    services.session_end(actor=leader, session=session)
    with pytest.raises(ValidationError, match="slut"):
        services.post_create(participant=person, text="For sent")
    with pytest.raises(ValidationError, match="slut"):
        services.participant_join(session=session, display_name="Gæst")
    with pytest.raises(ValidationError, match="slut"):
        services.join_code_resolve(code=session.join_code)
    assert not Post.objects.exists()


def test_groups_split_at_random_and_a_group_step_posts_on_the_groups_board(session, leader, team):
    people = [join(session, user) for user in team]
    session = go_to(session, leader, 3)  # "Byg videre", a group step: the room is split on entering
    assert session.group_count == 2
    groups = sorted(Participant.objects.filter(session=session).values_list("group", flat=True))
    assert groups == [1, 1, 2, 2]
    post = services.post_create(participant=people[0], text="Byg videre")
    people[0].refresh_from_db()
    assert post.group == people[0].group
    services.participant_move(actor=leader, participant=people[0], group=2)
    with pytest.raises(ValidationError):
        services.participant_move(actor=leader, participant=people[0], group=3)
    late = services.participant_join(session=session, display_name="Sen gæst")
    assert late.group in (1, 2)
    session = services.groups_split(actor=leader, session=session, count=0)
    assert not Participant.objects.filter(session=session, group__isnull=False).exists()


def test_dots_are_limited_and_can_be_taken_back(session, leader, team):
    person = join(session, team[0])
    session = go_to(session, leader, 2)
    post = services.post_create(participant=person, text="Idé")
    other = services.post_create(participant=join(session, team[1]), text="Anden idé")
    with pytest.raises(ValidationError, match="ingen afstemning"):
        services.vote_cast(participant=person, post=post)
    services.vote_open(actor=leader, session=session, dots=2)
    assert services.vote_cast(participant=person, post=post) == 1
    assert services.vote_cast(participant=person, post=post) == 0  # two dots on the same post
    with pytest.raises(ValidationError, match="brugt alle dine 2 prikker"):
        services.vote_cast(participant=person, post=other)
    assert services.vote_cast(participant=person, post=post, remove=True) == 1
    assert services.vote_cast(participant=person, post=other) == 0
    assert Vote.objects.filter(participant=person).count() == 2
    with pytest.raises(ValidationError):
        services.vote_open(actor=leader, session=session, dots=11)


def test_a_vote_step_opens_its_vote_with_the_librarys_dots(workplace, leader):
    session = live_session(workplace, leader=leader, slug="kerneopgave-kompasset")
    session = go_to(session, leader, 4)
    assert session.vote_dots == 3


def test_merging_moves_the_dots_and_themes_cluster_posts(session, leader, team):
    a, b = join(session, team[0]), join(session, team[1])
    session = go_to(session, leader, 2)
    first = services.post_create(participant=a, text="Digital tavle")
    second = services.post_create(participant=b, text="Tavle med dagens plan")
    services.vote_open(actor=leader, session=session, dots=3)
    services.vote_cast(participant=a, post=second)
    services.post_merge(actor=leader, post=second, into=first)
    board = selectors.live_board(session=session)
    assert [(p.pk, p.dots, p.merged_count) for p in board["posts"]] == [(first.pk, 1, 1)]
    with pytest.raises(ValidationError):
        services.post_merge(actor=leader, post=first, into=first)
    theme = services.theme_create(actor=leader, session=session, name="Overblik")
    services.post_theme(actor=leader, post=first, theme=theme)
    assert Post.objects.get(pk=first.pk).theme == theme
    with pytest.raises(PermissionDenied):
        services.theme_create(actor=team[0], session=session, name="Ikke min")


# --- Pages ---------------------------------------------------------------------------------------------


def live_url(session, name="session_live"):
    return reverse(
        f"workshops:{name}", kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk}
    )


def test_the_facilitators_screen_shows_code_qr_step_and_posts(client, session, leader, team):
    session = go_to(session, leader, 2)
    services.post_create(participant=join(session, team[0]), text="Fælles kalender")
    client.force_login(leader)
    page = client.get(live_url(session)).content.decode()
    assert session.join_code in page and "<svg" in page
    assert "Skriv idéer" in page and "Fælles kalender" in page


def test_an_employee_who_is_not_the_facilitator_finds_no_facilitator_screen(client, session, team):
    client.force_login(team[0])
    assert client.get(live_url(session)).status_code == 404
    assert client.post(live_url(session, "session_control"), {"action": "next"}).status_code == 404
    assert WorkshopSession.objects.get(pk=session.pk).step_position == 0


def test_the_poll_answers_204_until_the_board_changes(client, session, leader, team):
    client.force_login(leader)
    url = live_url(session, "session_live_board")
    assert client.get(url, {"rev": session.revision}).status_code == 204
    session = go_to(session, leader, 2)
    services.post_create(participant=join(session, team[0]), text="Ny")
    response = client.get(url, {"rev": session.revision})
    assert response.status_code == 200 and "Ny" in response.content.decode()


def test_the_controls_work_without_javascript_and_with_htmx(client, session, leader):
    client.force_login(leader)
    response = client.post(live_url(session, "session_control"), {"action": "next"})
    assert response.status_code == 302
    assert WorkshopSession.objects.get(pk=session.pk).step_position == 1
    response = client.post(
        live_url(session, "session_control"), {"action": "extend", "minutes": "99"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "1 til 30" in response.content.decode()


def test_a_guest_joins_by_code_posts_and_votes(client, session, leader):
    session = go_to(session, leader, 2)
    room = reverse("join:room", kwargs={"code": session.join_code})
    page = client.get(reverse("join:enter"), {"kode": session.join_code.lower()})
    assert page.status_code == 302 and page["Location"] == room
    assert "Dit navn" in client.get(room).content.decode()
    response = client.post(room, {"display_name": ""})
    assert response.status_code == 400 and not Participant.objects.filter(user=None).exists()
    assert client.post(room, {"display_name": "Lone"}).status_code == 302
    response = client.post(
        reverse("join:post_create", kwargs={"code": session.join_code}), {"text": "Gæstens idé"}
    )
    assert response.status_code == 302
    post = Post.objects.get(text="Gæstens idé")
    assert post.author.display_name == "Lone" and post.author.is_guest
    services.vote_open(actor=leader, session=session, dots=1)
    vote_url = reverse("join:vote", kwargs={"code": session.join_code, "post_id": post.pk})
    assert client.post(vote_url, {"remove": "0"}, HTTP_HX_REQUEST="true").status_code == 200
    response = client.post(vote_url, {"remove": "0"}, HTTP_HX_REQUEST="true")
    assert "brugt alle dine 1" in response.content.decode()
    assert Vote.objects.count() == 1


def test_a_guest_reaches_nothing_else(client, session, workplace):
    client.post(reverse("join:room", kwargs={"code": session.join_code}), {"display_name": "Lone"})
    for url in (
        reverse("organisations:workplace_home", kwargs={"workplace_slug": workplace.slug}),
        live_url(session),
        reverse(
            "workshops:session_detail", kwargs={"workplace_slug": workplace.slug, "session_id": session.pk}
        ),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/konto/login/" in response["Location"]
    # The login page says why, and leads back to the room; once the workshop ends, it says nothing.
    login = client.get(response["Location"]).content.decode()
    room_url = reverse("join:room", kwargs={"code": session.join_code})
    assert "Du er gæst i workshoppen Idévinduet" in login and f'href="{room_url}"' in login
    services.session_end(actor=session.facilitator, session=session)
    assert "Du er gæst" not in client.get(response["Location"]).content.decode()


def test_the_login_page_ignores_a_tampered_guest_list(client, session):
    stored = client.session
    stored["workshop_guests"] = {str(session.pk): "x", "y": 1, str(session.pk + 1): 999}
    stored.save()
    response = client.get(reverse("accounts:login"))
    assert response.status_code == 200 and "Du er gæst" not in response.content.decode()


def test_a_guest_of_one_session_is_not_in_another(client, workplace, leader, session):
    client.post(reverse("join:room", kwargs={"code": session.join_code}), {"display_name": "Lone"})
    other = live_session(workplace, leader=leader)
    other = go_to(other, leader, 2)
    response = client.post(reverse("join:post_create", kwargs={"code": other.join_code}), {"text": "Snyd"})
    assert response.status_code == 404 and not Post.objects.exists()


def test_wrong_codes_are_refused_clearly_and_guessing_is_limited(client, session):
    response = client.get(reverse("join:enter"), {"kode": "ZZZZZZ"})
    assert response.status_code == 400 and "Ingen workshop har denne kode" in response.content.decode()
    assert client.get(reverse("join:enter"), {"kode": "AB"}).status_code == 400
    for _attempt in range(10):
        client.get(reverse("join:enter"), {"kode": "ZZZZZY"})
    response = client.get(reverse("join:enter"), {"kode": session.join_code})
    assert response.status_code == 429 and "For mange forkerte koder" in response.content.decode()


def test_an_ended_session_thanks_the_participant(client, session, leader):
    room = reverse("join:room", kwargs={"code": session.join_code})
    client.post(room, {"display_name": "Lone"})
    services.session_end(actor=leader, session=session)
    page = client.get(room).content.decode()
    assert "Workshoppen er slut" in page
    response = client.get(reverse("join:enter"), {"kode": session.join_code})
    assert response.status_code == 400 and "Workshoppen er slut" in response.content.decode()


# --- Query counts: constant in the number of people, posts, votes and themes ----------------------------


def grow(session, leader, workplace, size):
    """Bring the room to ``size`` members, each with a post and a dot, plus a theme per five posts."""
    session = WorkshopSession.objects.get(pk=session.pk)
    while session.participants.count() < size:
        person = join(session, member(workplace).user)
        post = services.post_create(participant=person, text=f"Opslag {person.pk}")
        services.vote_cast(participant=person, post=post)
        if post.pk % 5 == 0:
            theme = services.theme_create(actor=leader, session=session, name=f"Tema {post.pk}")
            services.post_theme(actor=leader, post=post, theme=theme)


@pytest.mark.parametrize("size", [3, 12])
def test_the_live_screens_query_counts_do_not_grow(
    client, workplace, leader, session, size, django_assert_num_queries
):
    session = go_to(session, leader, 3)  # a group step: the room is split
    services.vote_open(actor=leader, session=session, dots=3)
    grow(session, leader, workplace, size)
    client.force_login(leader)
    with django_assert_num_queries(10):
        assert client.get(live_url(session)).status_code == 200
    with django_assert_num_queries(8):
        assert client.get(live_url(session, "session_live_board"), {"rev": "0"}).status_code == 200
    rev = session_rev(session)
    with django_assert_num_queries(4):
        assert client.get(live_url(session, "session_live_board"), {"rev": rev}).status_code == 204
    person = session.participants.exclude(user=leader).first()
    client.force_login(person.user)
    room = reverse("join:room", kwargs={"code": session.join_code})
    with django_assert_num_queries(10):
        assert client.get(room).status_code == 200
    board = reverse("join:room_board", kwargs={"code": session.join_code})
    with django_assert_num_queries(8):
        assert client.get(board, {"rev": "0"}).status_code == 200
    with django_assert_num_queries(4):
        assert client.get(board, {"rev": rev}).status_code == 204


def session_rev(session):
    return str(WorkshopSession.objects.get(pk=session.pk).revision)


# --- Taking a post back -------------------------------------------------------------------------------


def test_a_participant_deletes_only_their_own_post_and_its_dots_go_back(session, leader, team):
    session = go_to(session, leader, 2)
    anna, bo = join(session, team[0]), join(session, team[1])
    mine = services.post_create(participant=anna, text="Min idé")
    theirs = services.post_create(participant=bo, text="Bos idé")
    services.vote_open(actor=leader, session=session, dots=1)
    services.vote_cast(participant=bo, post=mine)
    with pytest.raises(PermissionDenied):
        services.post_delete(participant=anna, post=theirs)
    revision = WorkshopSession.objects.get(pk=session.pk).revision
    services.post_delete(participant=anna, post=mine)
    assert list(Post.objects.values_list("text", flat=True)) == ["Bos idé"] and not Vote.objects.exists()
    assert WorkshopSession.objects.get(pk=session.pk).revision == revision + 1
    services.vote_cast(participant=bo, post=theirs)  # Bo has his dot back


def test_nobody_deletes_after_the_end_and_nothing_that_became_a_record(session, leader, team):
    session = go_to(session, leader, 2)
    anna = join(session, team[0])
    kept = services.post_create(participant=anna, text="Fælles kalender")
    other = services.post_create(participant=anna, text="Noget andet")
    services.barrier_create(
        actor=leader, workplace=session.workplace, kind="time", description="Tid", post=kept
    )
    with pytest.raises(ValidationError):
        services.post_delete(participant=anna, post=kept)
    with pytest.raises(ValidationError):
        services.post_remove(actor=leader, post=kept)
    services.session_end(actor=leader, session=session)
    with pytest.raises(ValidationError):
        services.post_delete(participant=anna, post=other)
    with pytest.raises(PermissionDenied):
        services.post_remove(actor=team[1], post=other)
    assert Post.objects.count() == 2
    services.post_remove(actor=leader, post=other)  # tidying up after the workshop
    assert list(Post.objects.values_list("text", flat=True)) == ["Fælles kalender"]


def test_removing_a_stack_lets_the_merged_posts_stand_alone(session, leader, team):
    session = go_to(session, leader, 2)
    anna = join(session, team[0])
    top = services.post_create(participant=anna, text="Øverst")
    under = services.post_create(participant=anna, text="Nedenunder")
    services.post_merge(actor=leader, post=under, into=top)
    services.post_remove(actor=leader, post=top)
    assert Post.objects.get().merged_into is None


def test_a_guest_deletes_their_post_after_a_confirmation(client, session, leader):
    session = go_to(session, leader, 2)
    room_url = reverse("join:room", kwargs={"code": session.join_code})
    client.post(room_url, {"display_name": "Lone"})
    client.post(reverse("join:post_create", kwargs={"code": session.join_code}), {"text": "Skrevet forkert"})
    post = Post.objects.get()
    delete_url = reverse("join:post_delete", kwargs={"code": session.join_code, "post_id": post.pk})
    assert delete_url in client.get(room_url).content.decode()
    confirm = client.get(delete_url)
    assert confirm.status_code == 200 and "Slet dit opslag?" in confirm.content.decode()
    assert Post.objects.exists()
    response = client.post(delete_url)
    assert response.status_code == 302 and response["Location"] == room_url and not Post.objects.exists()


def test_a_participant_cannot_reach_anothers_delete_page(client, session, leader, team):
    session = go_to(session, leader, 2)
    post = services.post_create(participant=join(session, team[1]), text="Bos")
    join(session, team[0])
    client.force_login(team[0])
    delete_url = reverse("join:post_delete", kwargs={"code": session.join_code, "post_id": post.pk})
    assert client.get(delete_url).status_code == 404
    assert client.post(delete_url).status_code == 404 and Post.objects.exists()
    assert (
        delete_url
        not in client.get(reverse("join:room", kwargs={"code": session.join_code})).content.decode()
    )


def test_the_facilitator_removes_a_post_after_a_confirmation(client, session, leader, team):
    session = go_to(session, leader, 2)
    post = services.post_create(participant=join(session, team[0]), text="Upassende")
    client.force_login(leader)
    kwargs = {"workplace_slug": session.workplace.slug, "session_id": session.pk}
    remove_url = reverse("workshops:post_remove", kwargs={**kwargs, "post_id": post.pk})
    assert remove_url in client.get(reverse("workshops:session_live", kwargs=kwargs)).content.decode()
    assert "Fjern opslaget?" in client.get(remove_url).content.decode() and Post.objects.exists()
    response = client.post(remove_url)
    assert response.status_code == 302 and response["Location"] == reverse(
        "workshops:session_live", kwargs=kwargs
    )
    assert not Post.objects.exists()


def test_the_facilitator_merges_two_posts_with_the_boards_one_control(client, session, leader, team):
    session = go_to(session, leader, 2)
    first, second = (
        services.post_create(participant=join(session, person), text=text)
        for person, text in zip(team, ["Fælles kalender", "En kalender for alle"], strict=False)
    )
    client.force_login(leader)
    url = live_url(session, "session_control")
    response = client.post(url, {"action": "merge", "post": second.pk, "merge_into": first.pk})
    assert response.status_code == 302
    assert Post.objects.get(pk=second.pk).merged_into_id == first.pk
    # The same post twice, or one of another session, is refused in words and changes nothing.
    for data in ({"post": first.pk, "merge_into": first.pk}, {"post": first.pk, "merge_into": 999999}):
        response = client.post(url, {"action": "merge", **data}, HTTP_HX_REQUEST="true")
        assert response.status_code == 200
        assert Post.objects.get(pk=first.pk).merged_into_id is None


def test_the_facilitators_board_grows_with_the_posts_not_their_square(client, workplace, session, leader):
    session = go_to(session, leader, 2)

    def board_size(posts):
        while Post.objects.filter(session=session, merged_into=None).count() < posts:
            services.post_create(participant=join(session, member(workplace).user), text="Et opslag " * 4)
        return len(client.get(live_url(session, "session_live_board"), {"rev": "0"}).content)

    client.force_login(leader)
    at_10, at_40 = board_size(10), board_size(40)
    # A "merge into" menu per post listing every other post made 40 posts 16 times 10 posts' worth.
    assert at_40 < 5 * at_10
    assert client.get(live_url(session)).content.decode().count("<option") < 3 * 40 + 20
