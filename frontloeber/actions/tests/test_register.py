"""The barrier register and action items: their services and pages (moved here from workshops)."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from frontloeber.actions import services
from frontloeber.actions.models import ActionItem, Barrier
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, make_idea, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(workplace):
    return [member(workplace).user for _ in range(3)]


def url(name, session, **kwargs):
    return reverse(
        f"workshops:{name}",
        kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk, **kwargs},
    )


def test_reminders_come_the_day_before_and_once_more_when_overdue(leader, team, workplace):
    today = timezone.localdate()
    item = services.action_item_create(
        actor=leader,
        workplace=workplace,
        what="Ring til IT",
        owner=team[0],
        due_on=today + datetime.timedelta(days=3),
    )
    assert services.action_items_remind(today=today) == 0
    assert services.action_items_remind(today=today + datetime.timedelta(days=2)) == 1
    assert services.action_items_remind(today=today + datetime.timedelta(days=3)) == 0
    assert services.action_items_remind(today=today + datetime.timedelta(days=4)) == 1  # overdue
    assert services.action_items_remind(today=today + datetime.timedelta(days=5)) == 0
    assert Notification.objects.filter(kind="action_item_due", recipient=team[0]).count() == 2
    services.action_item_update(actor=team[0], item=item, status="done")
    assert services.action_items_remind(today=today + datetime.timedelta(days=9)) == 0


def test_only_the_owner_or_a_leader_closes_an_item(leader, team, workplace):
    item = services.action_item_create(
        actor=leader, workplace=workplace, what="x", owner=team[0], due_on=timezone.localdate()
    )
    with pytest.raises(PermissionDenied):
        services.action_item_update(actor=team[1], item=item, status="done")
    services.action_item_update(actor=leader, item=item, status="done")
    assert ActionItem.objects.get(pk=item.pk).done_at is not None


def test_my_action_items_show_the_overdue_ones(client, leader, team, workplace):
    today = timezone.localdate()
    late = services.action_item_create(
        actor=leader, workplace=workplace, what="Sent", owner=team[0], due_on=today
    )
    ActionItem.objects.filter(pk=late.pk).update(due_on=today - datetime.timedelta(days=2))
    services.action_item_create(actor=leader, workplace=workplace, what="Andens", owner=team[1], due_on=today)
    client.force_login(team[0])
    page = client.get(
        reverse("actions:action_items", kwargs={"workplace_slug": workplace.slug})
    ).content.decode()
    assert "Over fristen" in page and "Sent" in page and "Andens" not in page
    edit = reverse("actions:action_item_edit", kwargs={"workplace_slug": workplace.slug, "item_id": late.pk})
    assert client.post(edit, {"status": "done"}).status_code == 302
    assert ActionItem.objects.get(pk=late.pk).status == "done"


def test_the_barrier_register(client, leader, team, workplace):
    client.force_login(team[0])
    page_url = reverse("actions:barrier_list", kwargs={"workplace_slug": workplace.slug})
    assert "Registret er tomt" in client.get(page_url).content.decode()
    response = client.post(page_url, {"kind": "habit", "description": "Vi plejer at gøre det på papir"})
    assert response.status_code == 302
    response = client.post(page_url, {"kind": "nonsense", "description": ""})
    assert response.status_code == 200 and Barrier.objects.count() == 1
    barrier = Barrier.objects.get()
    edit = reverse(
        "actions:barrier_edit", kwargs={"workplace_slug": workplace.slug, "barrier_id": barrier.pk}
    )
    assert client.post(edit, {"status": "removed"}).status_code == 403  # an employee
    client.force_login(leader)
    client.post(edit, {"status": "removed"})
    assert Barrier.objects.get().status == "removed"


def test_a_leader_adds_an_action_item_to_a_barrier_from_the_register(client, leader, team, workplace):
    barrier = services.barrier_create(
        actor=team[0], workplace=workplace, kind="time", description="Ingen tid"
    )
    client.force_login(leader)
    register = reverse("actions:barrier_list", kwargs={"workplace_slug": workplace.slug})
    add_url = reverse("actions:action_items", kwargs={"workplace_slug": workplace.slug})
    assert f"{add_url}?barriere={barrier.pk}#ny" in client.get(register).content.decode()
    form = client.get(add_url, {"barriere": barrier.pk}).content.decode()
    assert "Tilføj en opgave til barrieren" in form and "Ingen tid" in form
    data = {"what": "Sæt 15 minutter af", "owner": team[1].pk, "due_on": timezone.localdate().isoformat()}
    response = client.post(f"{add_url}?barriere={barrier.pk}", data)
    assert response.status_code == 302 and response["Location"] == f"{register}#barrier-{barrier.pk}"
    assert ActionItem.objects.get().barrier == barrier
    assert "Sæt 15 minutter af" in client.get(register).content.decode()


def test_a_leader_adds_an_action_item_to_an_idea_from_its_page(client, leader, team, workplace):
    idea = make_idea(workplace, author=team[0])
    client.force_login(leader)
    page = client.get(idea.get_absolute_url()).content.decode()
    add_url = reverse("actions:action_items", kwargs={"workplace_slug": workplace.slug})
    assert "Ingen opgaver til idéen endnu" in page and f"{add_url}?ide={idea.pk}#ny" in page
    data = {"what": "Lån en tablet", "owner": team[0].pk, "due_on": timezone.localdate().isoformat()}
    response = client.post(f"{add_url}?ide={idea.pk}", data)
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url() + "#action-items"
    assert ActionItem.objects.get().idea == idea
    client.force_login(team[0])
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "Lån en tablet" in page and f"?ide={idea.pk}" not in page  # employees see them, but add none


def test_an_action_item_for_another_workplaces_barrier_or_idea_is_404(client, leader, team, workplace):
    elsewhere = WorkplaceFactory(organisation=workplace.organisation)
    other_leader = member(elsewhere, Role.LEADER).user
    barrier = services.barrier_create(actor=other_leader, workplace=elsewhere, kind="worry", description="X")
    idea = make_idea(elsewhere)
    client.force_login(leader)
    add_url = reverse("actions:action_items", kwargs={"workplace_slug": workplace.slug})
    data = {"what": "Snyd", "owner": team[0].pk, "due_on": timezone.localdate().isoformat()}
    for query in (f"barriere={barrier.pk}", f"ide={idea.pk}", "barriere=abc", "ide=-1"):
        assert client.get(f"{add_url}?{query}").status_code == 404
        assert client.post(f"{add_url}?{query}", data).status_code == 404
    assert not ActionItem.objects.exists()
