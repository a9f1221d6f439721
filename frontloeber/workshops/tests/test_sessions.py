"""Planning a workshop session (issue 6, point 2): through the services and through the pages."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from frontloeber.workshops import selectors, services
from frontloeber.workshops.models import SessionInvitation, SessionState, WorkshopFormat, WorkshopSession
from tests.factories import WorkplaceFactory, make_challenge, make_idea, member
from tests.pages import workplace_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(workplace):
    return [member(workplace).user for _ in range(3)]


@pytest.fixture
def idea_window():
    return WorkshopFormat.objects.get(slug="idevinduet")


def next_week():
    return timezone.now() + datetime.timedelta(days=7)


def test_a_leader_plans_a_session_and_the_invited_hear_of_it(workplace, leader, team, idea_window):
    challenge = make_challenge(workplace, leader=leader)
    session = services.session_plan(
        actor=leader,
        workplace=workplace,
        format=idea_window,
        starts_at=next_week(),
        facilitator=team[0],
        about=challenge,
        place="Personalerummet",
        invited=team[1:],
    )
    assert session.state == SessionState.PLANNED and session.challenge == challenge
    # The facilitator is always invited.
    assert {u.pk for u in selectors.session_invitees(session=session)} == {u.pk for u in team}
    notes = Notification.objects.filter(kind="workshop_invitation")
    assert set(notes.values_list("recipient_id", flat=True)) == {u.pk for u in team}
    assert all(n.target_url == session.get_absolute_url() for n in notes)


def test_bad_plans_change_nothing(workplace, leader, team, idea_window):
    other = WorkplaceFactory(organisation=workplace.organisation)
    stranger = member(other).user
    foreign_idea = make_idea(other, author=stranger)
    now = timezone.now()
    for fields, key in [
        ({"starts_at": now - datetime.timedelta(days=1)}, "starts_at"),
        ({"starts_at": now + datetime.timedelta(days=400)}, "starts_at"),
        ({"starts_at": "tomorrow"}, "starts_at"),
        ({"facilitator": stranger}, "facilitator"),
        ({"invited": [stranger]}, "invited"),
        ({"about": foreign_idea}, "about"),
        ({"place": "x" * 201}, "place"),
    ]:
        kwargs = {"starts_at": next_week(), "facilitator": leader, "invited": team, **fields}
        with pytest.raises(ValidationError) as error:
            services.session_plan(actor=leader, workplace=workplace, format=idea_window, **kwargs)
        assert key in error.value.message_dict
    for person in (team[0], member(workplace, Role.OBSERVER).user, stranger):
        with pytest.raises(PermissionDenied):
            services.session_plan(
                actor=person,
                workplace=workplace,
                format=idea_window,
                starts_at=next_week(),
                facilitator=leader,
            )
    assert not WorkshopSession.objects.exists() and not SessionInvitation.objects.exists()


def test_changing_a_session_invites_the_new_and_removes_the_dropped(workplace, leader, team, idea_window):
    session = services.session_plan(
        actor=leader,
        workplace=workplace,
        format=idea_window,
        starts_at=next_week(),
        facilitator=leader,
        invited=team[:2],
    )
    Notification.objects.all().delete()
    services.session_update(
        actor=leader, session=session, starts_at=next_week(), facilitator=leader, invited=team[1:]
    )
    assert {u.pk for u in selectors.session_invitees(session=session)} == {leader.pk, team[1].pk, team[2].pk}
    assert list(Notification.objects.values_list("recipient_id", flat=True)) == [team[2].pk]


def test_a_cancelled_session_tells_the_invited_and_cannot_change(workplace, leader, team, idea_window):
    session = services.session_plan(
        actor=leader,
        workplace=workplace,
        format=idea_window,
        starts_at=next_week(),
        facilitator=leader,
        invited=team,
    )
    with pytest.raises(PermissionDenied):
        services.session_cancel(actor=team[0], session=session)
    services.session_cancel(actor=leader, session=session)
    assert Notification.objects.filter(kind="workshop_cancelled").count() == 3  # not the leader who did it
    with pytest.raises(ValidationError):
        services.session_cancel(actor=leader, session=session)
    with pytest.raises(ValidationError):
        services.session_update(actor=leader, session=session, starts_at=next_week(), facilitator=leader)


# --- Pages ---------------------------------------------------------------------------------------------


url = workplace_urls("workshops")


def plan_data(workplace, people, **extra):
    when = timezone.localtime(next_week()).strftime("%Y-%m-%dT%H:%M")
    return {
        "format": "idevinduet",
        "starts_at": when,
        "place": "Mødelokalet",
        "facilitator": str(people[0].pk),
        "about": "",
        "invited": [str(p.pk) for p in people],
        **extra,
    }


def test_planning_through_the_page(client, workplace, leader, team):
    idea = make_idea(workplace, author=team[0])
    client.force_login(leader)
    form = client.get(url("session_plan", workplace) + "?format=idevinduet")
    assert form.status_code == 200
    page = form.content.decode()
    assert 'value="idevinduet" selected' in page and f'value="idea:{idea.pk}"' in page
    response = client.post(
        url("session_plan", workplace), plan_data(workplace, team, about=f"idea:{idea.pk}")
    )
    session = WorkshopSession.objects.get()
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert session.idea == idea and session.place == "Mødelokalet"
    detail = client.get(session.get_absolute_url()).content.decode()
    assert idea.title in detail and all(str(p) in detail for p in team)


@pytest.mark.parametrize(
    "bad",
    [
        {"starts_at": "i morgen"},
        {"starts_at": "2020-01-01T10:00"},
        {"format": "no-such"},
        {"facilitator": "999999"},
        {"about": "idea:999999"},
        {"about": "nonsense"},
        {"invited": ["abc"]},
    ],
)
def test_bad_input_on_the_page_shows_an_error_and_saves_nothing(client, workplace, leader, team, bad):
    client.force_login(leader)
    response = client.post(url("session_plan", workplace), plan_data(workplace, team, **bad))
    assert response.status_code == 200
    assert 'id="error-summary"' in response.content.decode()
    assert not WorkshopSession.objects.exists()


def test_only_leaders_plan_change_and_cancel(client, workplace, leader, team, idea_window):
    session = services.session_plan(
        actor=leader, workplace=workplace, format=idea_window, starts_at=next_week(), facilitator=leader
    )
    client.force_login(team[0])
    assert client.get(url("session_list", workplace)).status_code == 200
    assert client.get(session.get_absolute_url()).status_code == 200
    assert client.post(url("session_plan", workplace), plan_data(workplace, team)).status_code == 403
    assert (
        client.post(
            url("session_edit", workplace, session_id=session.pk), plan_data(workplace, team)
        ).status_code
        == 403
    )
    assert client.post(url("session_cancel", workplace, session_id=session.pk)).status_code == 403
    assert WorkshopSession.objects.get().state == SessionState.PLANNED


def test_editing_and_cancelling_through_the_pages(client, workplace, leader, team, idea_window):
    session = services.session_plan(
        actor=leader, workplace=workplace, format=idea_window, starts_at=next_week(), facilitator=leader
    )
    client.force_login(leader)
    assert client.get(url("session_edit", workplace, session_id=session.pk)).status_code == 200
    data = plan_data(workplace, team, place="Salen")
    del data["format"]
    assert client.post(url("session_edit", workplace, session_id=session.pk), data).status_code == 302
    assert WorkshopSession.objects.get().place == "Salen"
    confirm = client.get(url("session_cancel", workplace, session_id=session.pk))
    assert confirm.status_code == 200 and WorkshopSession.objects.get().state == SessionState.PLANNED
    assert client.post(url("session_cancel", workplace, session_id=session.pk)).status_code == 302
    assert WorkshopSession.objects.get().state == SessionState.CANCELLED
    # A cancelled session cannot be edited: the page says so instead of showing the form.
    response = client.get(url("session_edit", workplace, session_id=session.pk))
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()


def test_the_session_pages_take_a_fixed_number_of_queries(
    client, workplace, leader, team, idea_window, django_assert_num_queries
):
    client.force_login(leader)
    for count in (1, 6):
        while WorkshopSession.objects.count() < count:
            services.session_plan(
                actor=leader,
                workplace=workplace,
                format=idea_window,
                starts_at=next_week(),
                facilitator=leader,
                invited=team,
            )
        with django_assert_num_queries(7):
            assert client.get(url("session_list", workplace)).status_code == 200
        session = WorkshopSession.objects.first()
        with django_assert_num_queries(8):
            assert client.get(session.get_absolute_url()).status_code == 200
