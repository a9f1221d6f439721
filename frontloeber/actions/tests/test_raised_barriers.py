"""Issue 18, point 6: a leader raises a barrier to the organisation; an admin takes it up, names who answers
and by when, and answers it; every change is kept with its date. Through the services and the pages."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from frontloeber.actions import selectors, services
from frontloeber.actions.models import BarrierChange, Escalation
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    employee = member(workplace).user
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    barrier = services.barrier_create(
        actor=employee, workplace=workplace, kind="habit", description="Vi må ikke installere apps på iPads"
    )
    return workplace, leader, employee, admin, barrier


def test_raise_take_and_answer_keep_every_change_with_its_date(world):
    workplace, leader, employee, admin, barrier = world
    with pytest.raises(PermissionDenied):
        services.barrier_raise(actor=employee, barrier=barrier, kind="it", why="Kræver IT")
    barrier = services.barrier_raise(actor=leader, barrier=barrier, kind="it", why="Kræver IT's beslutning")
    assert barrier.escalation == Escalation.RAISED and barrier.raised_by == leader
    assert Notification.objects.filter(recipient=admin, kind="barrier_raised").exists()
    with pytest.raises(ValidationError):  # not twice while it waits
        services.barrier_raise(actor=leader, barrier=barrier, kind="it", why="Igen")
    with pytest.raises(PermissionDenied):
        services.barrier_take(actor=leader, barrier=barrier, answerer="IT", due_on=timezone.localdate())
    with pytest.raises(ValidationError) as bad:
        services.barrier_take(
            actor=admin,
            barrier=barrier,
            answerer="",
            due_on=timezone.localdate() - datetime.timedelta(days=1),
        )
    assert set(bad.value.message_dict) == {"answerer", "due_on"}
    due = timezone.localdate() + datetime.timedelta(days=14)
    barrier = services.barrier_take(actor=admin, barrier=barrier, answerer="IT-afdelingen", due_on=due)
    assert (barrier.escalation, barrier.answerer, barrier.answer_due_on) == (
        Escalation.TAKEN,
        "IT-afdelingen",
        due,
    )
    with pytest.raises(ValidationError):  # a decline needs its reason
        services.barrier_answer(actor=admin, barrier=barrier, outcome="declined", answer=" ")
    barrier = services.barrier_answer(
        actor=admin, barrier=barrier, outcome="declined", answer="Sikkerhedspolitik"
    )
    assert barrier.escalation == Escalation.DECLINED and barrier.answered_at is not None
    assert Notification.objects.filter(recipient=leader, kind="barrier_answered", status="declined").exists()
    changes = list(BarrierChange.objects.filter(barrier=barrier).values_list("from_value", "to_value"))
    assert changes == [("", "raised"), ("raised", "taken"), ("taken", "declined")]
    # Answered, it may be raised again with what has changed since.
    assert (
        services.barrier_raise(actor=leader, barrier=barrier, kind="budget", why="Nu med budget").escalation
        == "raised"
    )


def test_overdue_barriers_are_counted_per_workplace(world):
    workplace, leader, _employee, admin, barrier = world
    services.barrier_raise(actor=leader, barrier=barrier, kind="it", why="Kræver IT")
    today = timezone.localdate()
    services.barrier_take(actor=admin, barrier=barrier, answerer="IT", due_on=today)
    assert selectors.overdue_raised_barriers(organisation=workplace.organisation, today=today) == {}
    later = today + datetime.timedelta(days=1)
    assert selectors.overdue_raised_barriers(organisation=workplace.organisation, today=later) == {
        workplace.pk: 1
    }


def test_the_pages_from_the_register_to_the_answer(client, world):
    workplace, leader, employee, admin, barrier = world
    register = reverse("actions:barrier_list", kwargs={"workplace_slug": workplace.slug})
    raise_url = reverse(
        "actions:barrier_raise", kwargs={"workplace_slug": workplace.slug, "barrier_id": barrier.pk}
    )
    client.force_login(employee)
    assert raise_url not in client.get(register).content.decode()
    assert client.post(raise_url, {"kind": "it", "why": "x"}).status_code == 403
    client.force_login(leader)
    assert raise_url in client.get(register).content.decode()
    response = client.post(raise_url, {"kind": "", "why": ""})
    assert response.status_code == 400 and 'role="alert"' in response.content.decode()
    assert client.post(raise_url, {"kind": "it", "why": "Kræver IT"}).status_code == 302
    client.force_login(admin)
    organisation = workplace.organisation
    listing = client.get(reverse("actions:organisation_barriers", kwargs={"org_slug": organisation.slug}))
    detail = reverse(
        "actions:organisation_barrier", kwargs={"org_slug": organisation.slug, "barrier_id": barrier.pk}
    )
    assert detail in listing.content.decode()
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    assert (
        client.post(detail, {"action": "take", "answerer": "IT-afdelingen", "due_on": due}).status_code == 302
    )
    response = client.post(detail, {"action": "answer", "outcome": "sideways", "answer": "x"})
    assert response.status_code == 400
    assert (
        client.post(
            detail, {"action": "answer", "outcome": "resolved", "answer": "Vi åbner for apps"}
        ).status_code
        == 302
    )
    client.force_login(employee)  # the team reads the answer on the barrier
    assert "Vi åbner for apps" in client.get(register).content.decode()
