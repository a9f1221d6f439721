"""Issue 17, point 5: the projector's own presentation page, steered from the controls page, and all the
remaining posts made into ideas in one action after a preview."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from frontloeber.ideas.models import Idea
from frontloeber.workshops import services
from frontloeber.workshops.models import OutputKind, SessionOutput
from tests.factories import live_session, member

pytestmark = pytest.mark.django_db


def _room(workplace, leader, *, posts=2):
    """A live session on a posting step with ``posts`` posts by members named Person 1, 2, …"""
    session = live_session(workplace, leader=leader)
    while not session.format.steps.get(position=session.step_position).posts:
        session = services.session_step(actor=leader, session=session, action="next")
    people = [
        services.participant_join(session=session, user=member(workplace, full_name=f"Person {n}").user)
        for n in range(1, posts + 1)
    ]
    made = [services.post_create(participant=p, text=f"Idé nummer {n}") for n, p in enumerate(people, 1)]
    session.refresh_from_db()
    return session, made


def url(name, session, **kwargs):
    return reverse(
        f"workshops:{name}",
        kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk, **kwargs},
    )


# --- The presentation ---------------------------------------------------------------------------------------


def test_the_presentation_shows_the_work_and_nothing_of_the_facilitators_app(client, workplace, leader):
    session, posts = _room(workplace, leader)
    client.force_login(leader)
    page = client.get(url("session_present", session)).content.decode()
    assert session.join_code in page and "<svg" in page  # the code and the QR
    assert "Idé nummer 1" in page and "Idé nummer 2" in page
    assert "Person 1" not in page and leader.full_name not in page  # no names, no personal menu
    assert 'class="fl-header"' not in page and reverse("notifications:list") not in page
    assert 'class="fl-boards"' not in page  # one grid: no groups, no columns
    services.groups_split(actor=leader, session=session, count=2)
    page = client.get(url("session_present", session)).content.decode()
    assert 'class="fl-boards"' in page  # a column per group once there are groups


def test_the_controls_page_links_the_presentation(client, workplace, leader):
    session, _posts = _room(workplace, leader)
    client.force_login(leader)
    assert url("session_present", session) in client.get(url("session_live", session)).content.decode()


def test_the_presentation_follows_the_controls(client, workplace, leader):
    session, _posts = _room(workplace, leader)
    client.force_login(leader)
    board = url("session_present_board", session)
    assert client.get(board, {"rev": session.revision}).status_code == 204  # nothing changed
    services.session_step(actor=leader, session=session, action="next")
    moved = client.get(board, {"rev": session.revision})
    session.refresh_from_db()
    assert moved.status_code == 200
    assert session.format.steps.get(position=session.step_position).title in moved.content.decode()
    services.session_end(actor=leader, session=session)
    ended = client.get(board, {"rev": session.revision})
    assert ended.status_code == 200 and "fl-present-step" in ended.content.decode()
    assert "hx-get" not in ended.content.decode()  # it stops polling


def test_the_presentation_costs_the_same_queries_for_few_and_many_posts(client, workplace, leader):
    counts = []
    for n in (1, 6):
        session, _posts = _room(workplace, leader, posts=n)
        client.force_login(leader)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("session_present", session)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("role", ["employee", "observer"])
def test_only_the_facilitator_opens_the_presentation(client, workplace, leader, role):
    session, _posts = _room(workplace, leader)
    client.force_login(member(workplace, role).user)
    assert client.get(url("session_present", session)).status_code == 404
    assert client.get(url("session_present_board", session)).status_code == 404


# --- All the remaining posts into ideas ---------------------------------------------------------------------


def test_the_remaining_posts_become_ideas_and_the_others_are_left(workplace, leader):
    session, (first, second, third) = _room(workplace, leader, posts=3)
    services.post_to_idea(actor=leader, post=first, title="Allerede en idé", need="Behov", description="Idé")
    services.post_merge(actor=leader, post=third, into=second)
    ideas = services.posts_to_ideas(actor=leader, session=session, post_ids=[first.pk, second.pk, third.pk])
    assert [idea.title for idea in ideas] == ["Idé nummer 2"]
    assert "Idé nummer 3" in ideas[0].description  # the post merged into it comes along
    assert SessionOutput.objects.filter(kind=OutputKind.IDEA).count() == 2
    with pytest.raises(ValidationError):  # nothing is left
        services.posts_to_ideas(actor=leader, session=session, post_ids=[second.pk])
    assert Idea.objects.count() == 2


def test_a_post_added_after_the_preview_is_not_made_into_an_idea(workplace, leader):
    session, (first, _second) = _room(workplace, leader)
    ideas = services.posts_to_ideas(actor=leader, session=session, post_ids=[first.pk])
    assert [idea.title for idea in ideas] == ["Idé nummer 1"]


def test_someone_who_does_not_facilitate_cannot(workplace, leader, employee):
    session, posts = _room(workplace, leader)
    with pytest.raises(PermissionDenied):
        services.posts_to_ideas(actor=employee, session=session, post_ids=[p.pk for p in posts])
    assert not Idea.objects.exists()


def test_the_preview_then_one_action_through_the_pages(client, workplace, leader):
    session, posts = _room(workplace, leader)
    services.session_end(actor=leader, session=session)
    client.force_login(leader)
    address = url("session_posts_to_ideas", session)
    assert address in client.get(url("session_outputs", session)).content.decode()
    preview = client.get(address)
    assert [post.pk for post, _draft in preview.context["drafts"]] == [p.pk for p in posts]
    assert not Idea.objects.exists()  # a preview makes nothing
    response = client.post(address, {"post": [str(p.pk) for p in posts] + ["nonsense"]}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["success"]
    assert sorted(Idea.objects.values_list("title", flat=True)) == ["Idé nummer 1", "Idé nummer 2"]
    # Clicked again (Back, resubmit): nothing more, and a clear message.
    again = client.post(address, {"post": [str(p.pk) for p in posts]}, follow=True)
    assert Idea.objects.count() == 2
    assert [m.level_tag for m in again.context["messages"]] == ["error"]
