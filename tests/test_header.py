"""The header's facts on every page: the workplace switcher in one query, the bell and inbox counts in one."""

import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from frontloeber.core import compiled, header
from frontloeber.core.header import counts_for
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from frontloeber.organisations.selectors import memberships_and_organisations
from tests.factories import (
    MembershipFactory,
    OrganisationAdminFactory,
    OrganisationFactory,
    WorkplaceFactory,
    make_idea,
    member,
)

pytestmark = pytest.mark.django_db


def request_in(workplace, membership):
    request = RequestFactory().get("/")
    request.user, request.membership, request.workplace = membership.user, membership, workplace
    return request


def test_a_leaders_counts_come_in_one_query(workplace, leader, employee, django_assert_num_queries):
    make_idea(workplace, author=employee)  # waits for a leader, and tells the leader
    make_idea(workplace, author=employee, title="Lyd i garderoben")
    membership = leader.memberships.get(workplace=workplace)
    with django_assert_num_queries(1):
        counts = counts_for(request_in(workplace, membership))
    assert counts == {"unread_notifications": 2, "leader_inbox": 2}


def test_an_employee_has_no_inbox_count_and_the_bell_alone_is_one_query(
    workplace, employee, colleague, django_assert_num_queries
):
    make_idea(workplace, author=colleague)
    membership = employee.memberships.get(workplace=workplace)
    with django_assert_num_queries(1):
        counts = counts_for(request_in(workplace, membership))
    assert counts == {"unread_notifications": 0, "leader_inbox": 0}


def test_the_counts_sql_is_built_once_and_each_person_and_workplace_gets_their_own(
    workplace, leader, employee
):
    make_idea(workplace, author=employee)
    make_idea(workplace, author=employee, title="Lyd i garderoben")
    other = WorkplaceFactory(organisation=workplace.organisation)
    other_leader = member(other, Role.LEADER)
    for _ in range(3):
        make_idea(other, author=member(other).user)
    # The counts differ from each other, so one under the other's name would show.
    Notification.objects.filter(pk=Notification.objects.filter(recipient=leader).first().pk).update(
        read_at=timezone.now()
    )
    compiled._built.clear()
    here = counts_for(request_in(workplace, leader.memberships.get(workplace=workplace)))
    there = counts_for(request_in(other, other_leader))
    assert len(compiled._built) == 1  # the second request reused the first one's SQL
    assert here == {"unread_notifications": 1, "leader_inbox": 2}
    assert there == {"unread_notifications": 3, "leader_inbox": 3}
    mine = counts_for(request_in(workplace, employee.memberships.get(workplace=workplace)))
    assert mine == {"unread_notifications": 0, "leader_inbox": 0}


def test_the_page_shows_the_counts(client, workplace, leader, employee):
    make_idea(workplace, author=employee)
    client.force_login(leader)
    page = client.get(reverse("ideas:board", kwargs={"workplace_slug": workplace.slug})).content.decode()
    inbox = re.search(r'<span class="fl-count">(\d+)<span class="sr-only">', page)
    assert inbox and inbox.group(1) == "1"
    assert re.search(r'class="fl-bell"[^>]*>.*?</svg> 1<span class="fl-bell-text">', page, re.S)


def test_memberships_and_administered_organisations_come_in_one_query(django_assert_num_queries):
    organisation = OrganisationFactory(name="Aarhus Kommune")
    person = member(WorkplaceFactory(organisation=organisation, name="Vuggestuen Bien"), Role.LEADER).user
    MembershipFactory(user=person, workplace=WorkplaceFactory(name="Autismecenter Nord"), role=Role.EMPLOYEE)
    OrganisationAdminFactory(user=person, organisation=organisation)
    OrganisationAdminFactory(user=person, organisation=OrganisationFactory(name="Region Midt"))
    OrganisationAdminFactory(organisation=OrganisationFactory(name="Someone else's"))  # not this person's

    with django_assert_num_queries(1):
        memberships, organisations = memberships_and_organisations(user=person)
        # Everything the header and the home page read is loaded with them.
        shown = [
            (m.workplace.name, m.get_role_display(), m.workplace.get_absolute_url(), m.organisation.name)
            for m in memberships
        ]
        administered = [(o.name, o.slug) for o in organisations]

    assert [name for name, *_ in shown] == ["Autismecenter Nord", "Vuggestuen Bien"]
    assert shown[1][1:] == ("Leder", memberships[1].workplace.get_absolute_url(), "Aarhus Kommune")
    assert [name for name, _ in administered] == ["Aarhus Kommune", "Region Midt"]
    assert all(m.user_id == person.pk and not m._state.adding for m in memberships)


def test_a_person_with_nothing_gets_two_empty_lists():
    person = MembershipFactory().user
    person.memberships.all().delete()
    assert memberships_and_organisations(user=person) == ([], [])


def test_the_switchers_sql_is_built_once_and_each_person_gets_their_own(monkeypatch):
    """Built once per database and process (organisations/selectors.py, _switcher_rows; core/compiled.py,
    which builds it a second time then to check that only the person changes); the person goes into both
    halves of the union each time."""
    from frontloeber.organisations import selectors

    built = []
    union = selectors._switcher_union
    monkeypatch.setattr(compiled, "_built", {})
    monkeypatch.setattr(selectors, "_switcher_union", lambda user_id: built.append(user_id) or union(user_id))
    first = member(WorkplaceFactory(name="Vuggestuen Bien"), Role.EMPLOYEE).user
    second = member(WorkplaceFactory(name="Station Vest"), Role.LEADER).user
    OrganisationAdminFactory(user=second, organisation=OrganisationFactory(name="Region Midt"))
    mine, administered = memberships_and_organisations(user=first)
    assert [m.workplace.name for m in mine] == ["Vuggestuen Bien"] and administered == []
    mine, administered = memberships_and_organisations(user=second)
    assert [m.workplace.name for m in mine] == ["Station Vest"]
    assert [o.name for o in administered] == ["Region Midt"]
    assert len(built) == 2  # once, and once more to check it: not again for the second person


def test_a_count_that_depends_on_more_than_the_person_and_workplace_is_refused(
    workplace, leader, monkeypatch
):
    """Its SQL is built once and kept: a date (or any other value) in it would stay as it was built."""
    from django.core.exceptions import ImproperlyConfigured

    from frontloeber.ideas.models import Idea

    def recent(*, user, workplace):
        return Idea.objects.filter(author=user, created_at__gte=timezone.now())

    monkeypatch.setattr(
        header.header_counts, "_items", [*header.header_counts._items, ("recent", lambda r: True, recent)]
    )
    monkeypatch.setattr(compiled, "_built", {})
    with pytest.raises(ImproperlyConfigured):
        counts_for(request_in(workplace, leader.memberships.get(workplace=workplace)))
