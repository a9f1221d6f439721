"""Ideas, views: The inbox, Challenges."""

import datetime
import re

import pytest
from django.utils import timezone

from frontloeber.ideas import services
from frontloeber.ideas.models import (
    Challenge,
    Idea,
)
from frontloeber.organisations.models import Role
from tests.factories import idea_form_data, make_challenge, make_idea, member

from .helpers import (
    html,
    linked_idea_ids,
    url,
)

pytestmark = pytest.mark.django_db


# --- 10. The inbox ---------------------------------------------------------------------------------------


@pytest.fixture
def waiting(workplace, leader):
    """Three ideas waiting 1, 20 and 5 days (target 14 days)."""
    now = timezone.now()
    ideas = {}
    for days in (1, 20, 5):
        idea = make_idea(workplace, title=f"Venter {days} dage")
        Idea.objects.filter(pk=idea.pk).update(awaiting_leader_since=now - datetime.timedelta(days=days))
        ideas[days] = idea
    return ideas


def inbox_rows(response):
    """(idea id, overdue) for each row of the inbox table, in order."""
    return [
        (int(idea_id), bool(overdue))
        for overdue, idea_id in re.findall(
            r'<tr( class="is-overdue")?>\s*<td[^>]*><a href="/a/[^/]+/ideer/(\d+)/"', html(response)
        )
    ]


def test_the_inbox_lists_the_longest_waiting_first_and_marks_the_overdue(client, workplace, leader, waiting):
    assert workplace.response_target_days == 14
    client.force_login(leader)
    response = client.get(url("inbox", workplace))
    assert response.status_code == 200
    assert inbox_rows(response) == [(waiting[20].pk, True), (waiting[5].pk, False), (waiting[1].pk, False)]


def test_changing_the_response_target_saves_it_and_changes_what_is_overdue(
    client, workplace, leader, waiting
):
    client.force_login(leader)
    response = client.post(url("inbox", workplace), {"days": "4"})
    assert response.status_code == 302 and response["Location"] == url("inbox", workplace)
    workplace.refresh_from_db()
    assert workplace.response_target_days == 4
    rows = inbox_rows(client.get(url("inbox", workplace)))
    assert rows == [(waiting[20].pk, True), (waiting[5].pk, True), (waiting[1].pk, False)]
    client.post(url("inbox", workplace), {"days": "7"})
    workplace.refresh_from_db()
    assert workplace.response_target_days == 7


@pytest.mark.parametrize("days", ["0", "abc", "-3", "91", "", "1.5"])
def test_a_bad_response_target_is_refused_with_the_error(client, workplace, leader, days):
    client.force_login(leader)
    response = client.post(url("inbox", workplace), {"days": days})
    assert response.status_code == 400
    assert 'id="error-summary"' in html(response)
    workplace.refresh_from_db()
    assert workplace.response_target_days == 14


def test_the_header_shows_the_inbox_count_to_the_leader_only(client, workplace, leader, employee, waiting):
    client.force_login(leader)
    content = html(client.get(url("board", workplace)))
    assert re.search(r'<span class="fl-count">3<span class="sr-only">', content)
    assert url("inbox", workplace) in content
    client.force_login(employee)
    content = html(client.get(url("board", workplace)))
    assert 'class="fl-count"' not in content and url("inbox", workplace) not in content


def test_an_empty_inbox_has_no_count_in_the_header(client, workplace, leader):
    client.force_login(leader)
    response = client.get(url("inbox", workplace))
    assert response.status_code == 200 and inbox_rows(response) == []
    assert 'class="fl-count"' not in html(response)


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_the_inbox_is_for_leaders(client, workplace, role):
    client.force_login(member(workplace, role).user)
    assert client.get(url("inbox", workplace)).status_code == 403
    assert client.post(url("inbox", workplace), {"days": "3"}).status_code == 403
    workplace.refresh_from_db()
    assert workplace.response_target_days == 14


# --- 11. Challenges --------------------------------------------------------------------------------------


def test_a_leader_posts_a_challenge(client, workplace, leader):
    client.force_login(leader)
    assert client.get(url("challenge_create", workplace)).status_code == 200
    today = timezone.localdate()
    response = client.post(
        url("challenge_create", workplace),
        {
            "title": "Hvordan kan vi gøre aflevering lettere?",
            "description": "Morgenen er travl.",
            "opens_on": today.isoformat(),
            "closes_on": (today + datetime.timedelta(days=14)).isoformat(),
        },
    )
    challenge = Challenge.objects.get()
    assert response.status_code == 302 and response["Location"] == challenge.get_absolute_url()
    assert challenge.created_by == leader and challenge.workplace == workplace
    assert challenge.is_open()


@pytest.mark.parametrize(
    "bad",
    [
        {"closes_on": "2020-01-01", "opens_on": "2020-02-01"},
        {"title": ""},
        {"title": "x" * 151},
        {"opens_on": "not a date"},
        {"closes_on": ""},
    ],
)
def test_a_bad_challenge_is_refused_with_the_error(client, workplace, leader, bad):
    client.force_login(leader)
    data = {"title": "Hvordan?", "description": "", "opens_on": "2026-01-01", "closes_on": "2026-12-31"}
    response = client.post(url("challenge_create", workplace), {**data, **bad})
    assert response.status_code in (200, 400)
    assert 'id="error-summary"' in html(response)
    assert not Challenge.objects.exists()


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_only_leaders_post_or_edit_challenges(client, workplace, leader, role):
    existing = make_challenge(workplace, leader=leader)
    client.force_login(member(workplace, role).user)
    data = {"title": "Hvordan?", "opens_on": "2026-01-01", "closes_on": "2026-12-31"}
    assert client.get(url("challenge_create", workplace)).status_code == 403
    assert client.post(url("challenge_create", workplace), data).status_code == 403
    edit = url("challenge_edit", workplace, challenge_id=existing.pk)
    assert client.post(edit, data).status_code == 403
    assert Challenge.objects.count() == 1 and Challenge.objects.get().title == existing.title


def test_a_leader_edits_a_challenge(client, workplace, leader):
    challenge = make_challenge(workplace, leader=leader)
    client.force_login(leader)
    edit = url("challenge_edit", workplace, challenge_id=challenge.pk)
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "title": "Hvordan kan vi bruge video?",
            "description": "",
            "opens_on": challenge.opens_on.isoformat(),
            "closes_on": challenge.closes_on.isoformat(),
        },
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.title == "Hvordan kan vi bruge video?"


def test_the_challenge_list_and_page_show_its_ideas(client, workplace, leader, employee):
    challenge = make_challenge(workplace, leader=leader)
    answer = make_idea(workplace, author=employee, challenge=challenge, title="Svar på udfordringen")
    unrelated = make_idea(workplace, author=employee, title="Noget helt andet")
    client.force_login(employee)
    listing = client.get(url("challenge_list", workplace))
    assert listing.status_code == 200 and challenge.get_absolute_url() in html(listing)
    detail = client.get(challenge.get_absolute_url())
    assert detail.status_code == 200
    assert linked_idea_ids(detail) == [answer.pk]
    assert unrelated.pk not in linked_idea_ids(detail)
    assert f"{url('idea_create', workplace)}?udfordring={challenge.pk}" in html(detail)


def test_the_challenge_list_counts_its_ideas_without_merged_ones(client, workplace, leader, employee):
    challenge = make_challenge(workplace, leader=leader)
    first = make_idea(workplace, author=employee, challenge=challenge, title="Første svar")
    make_idea(workplace, author=employee, challenge=challenge, title="Andet svar")
    duplicate = make_idea(workplace, challenge=challenge, title="Første svar igen")
    services.idea_merge(actor=leader, idea=duplicate, into=first)
    client.force_login(employee)
    content = html(client.get(url("challenge_list", workplace)))
    assert re.search(r'<p class="fl-card-meta fl-muted">2 ', content)
    assert len(linked_idea_ids(client.get(challenge.get_absolute_url()))) == 2


def test_submitting_from_a_challenge_preselects_it(client, workplace, leader, employee):
    challenge = make_challenge(workplace, leader=leader)
    client.force_login(employee)
    response = client.get(url("idea_create", workplace) + f"?udfordring={challenge.pk}")
    assert response.status_code == 200
    assert f'<option value="{challenge.pk}" selected>' in html(response)
    for bad in ("abc", "999999", ""):
        assert client.get(url("idea_create", workplace) + f"?udfordring={bad}").status_code == 200
    response = client.post(url("idea_create", workplace), idea_form_data(challenge=str(challenge.pk)))
    assert response.status_code == 302
    assert Idea.objects.get().challenge == challenge


def test_a_closed_challenge_cannot_be_answered(client, workplace, leader, employee):
    today = timezone.localdate()
    closed = make_challenge(
        workplace,
        leader=leader,
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today - datetime.timedelta(days=1),
    )
    client.force_login(employee)
    assert f'<option value="{closed.pk}"' not in html(client.get(url("idea_create", workplace)))
    response = client.post(url("idea_create", workplace), idea_form_data(challenge=str(closed.pk)))
    assert response.status_code in (200, 400) and 'id="error-summary"' in html(response)
    assert not Idea.objects.exists()


def test_a_missing_challenge_gives_404(client, workplace, employee):
    client.force_login(employee)
    assert client.get(url("challenge_detail", workplace, challenge_id=999999)).status_code == 404
