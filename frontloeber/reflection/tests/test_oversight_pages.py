"""The pages that say who a round asks and who it leaves out, and the organisation admin's view of a round."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from frontloeber.organisations import services as org_services
from frontloeber.organisations.models import MembershipChange, MembershipOrigin, OrganisationDomain, Role
from tests.factories import (
    OrganisationAdminFactory,
    UserFactory,
    WorkplaceFactory,
    answer_round,
    close_round,
    member,
    open_round,
)

pytestmark = pytest.mark.django_db


def da(msgid):
    """``msgid`` as a page shows it in Danish ({% translate %} writes it as it is)."""
    with translation.override("da"):
        return translation.gettext(msgid)


ADDRESS_NOT_APPROVED = (
    "Your e-mail address is outside the organisation's own domains, and an organisation admin has not "
    "approved it yet. Anyone can make such an address, so to protect everyone's anonymity it needs approval "
    "before you are asked. Ask your leader to have an organisation admin approve it before the next round."
)
JOINED_AFTER = (
    "You are not asked in this round: you joined the workplace after it was created. You will be asked in "
    "the next round."
)


@pytest.fixture
def team():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    employees = [member(workplace).user for _ in range(5)]
    OrganisationDomain.objects.create(organisation=workplace.organisation, domain="example.dk")
    recent = org_services.membership_add(
        workplace=workplace,
        user=UserFactory(full_name="Nikolaj Nyansat"),
        role=Role.EMPLOYEE,
        origin=MembershipOrigin.INVITATION,
        actor=leader,
    ).user
    private = member(workplace, email="vikar@gmail.example", full_name="Vibeke Vikar").user
    return workplace, leader, employees, recent, private


def test_the_form_says_before_opening_who_will_not_be_asked_and_why(client, team):
    workplace, leader, _employees, _recent, _private = team
    client.force_login(leader)
    page = client.get(reverse("reflection:round_create", kwargs={"workplace_slug": workplace.slug}))
    text = page.content.decode()
    assert page.context["employees"] == 5
    reasons = {entry["user"].full_name: entry["reason"] for entry in page.context["preview"]["not_asked"]}
    assert reasons == {"Nikolaj Nyansat": "recent", "Vibeke Vikar": "address"}
    assert "<bdi>Nikolaj Nyansat</bdi>" in text and "<bdi>Vibeke Vikar</bdi>" in text


def test_an_employee_left_out_is_told_why_on_the_survey_page(client, team):
    workplace, leader, employees, recent, private = team
    open_round(workplace, leader=leader)
    home = reverse("reflection:home", kwargs={"workplace_slug": workplace.slug})
    not_asked = da("You are not asked in this round.")
    client.force_login(recent)
    page = client.get(home).content.decode()
    assert not_asked in page and "30" in page
    client.force_login(private)
    page = client.get(home).content.decode()
    assert not_asked in page
    assert da(ADDRESS_NOT_APPROVED) in page
    # Someone who joined after the round began is told that, too; someone asked is not told either.
    late = member(workplace).user
    client.force_login(late)
    assert da(JOINED_AFTER) in client.get(home).content.decode()
    client.force_login(employees[0])
    assert not_asked not in client.get(home).content.decode()


def test_the_round_page_lists_who_was_left_out_for_leaders_and_admins_only(client, team):
    workplace, leader, employees, _recent, _private = team
    round_ = open_round(workplace, leader=leader)
    heading = da("Not asked this time")
    client.force_login(leader)
    page = client.get(round_.get_absolute_url()).content.decode()
    assert heading in page and "Nikolaj Nyansat" in page and "Vibeke Vikar" in page
    observer = member(workplace, Role.OBSERVER).user
    client.force_login(observer)
    page = client.get(round_.get_absolute_url()).content.decode()
    assert heading not in page and "Nikolaj Nyansat" not in page
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    client.force_login(admin)
    page = client.get(
        reverse(
            "reflection:organisation_round",
            kwargs={"org_slug": workplace.organisation.slug, "round_id": round_.pk},
        )
    ).content.decode()
    assert heading in page and "Nikolaj Nyansat" in page
    assert reverse("organisations:addresses", kwargs={"org_slug": workplace.organisation.slug}) in page


def test_every_link_on_the_admins_view_of_a_round_opens_for_the_admin(client):
    """The report suggests workshop formats for weak practices; for an admin who is no member of the
    workplace, those were links to pages that answered 404."""
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    people = [member(workplace).user for _ in range(5)]
    round_ = open_round(workplace, leader=leader)
    for person in people:
        answer_round(round_, person, value=1)
    round_ = close_round(round_)
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    client.force_login(admin)
    page = client.get(
        reverse(
            "reflection:organisation_round",
            kwargs={"org_slug": workplace.organisation.slug, "round_id": round_.pk},
        )
    ).content.decode()
    links = set(re.findall(r'href="(/[^"#]*)"', page)) - {reverse("accounts:logout")}
    assert links
    assert not any("/workshops/" in link or "/a/" in link for link in links), links
    for link in links:
        if link.startswith("/static/"):
            continue
        assert client.get(link).status_code in (200, 302), link


def test_the_rules_page_shows_the_window_and_keeps_it_per_round(client, team):
    workplace, leader, _employees, recent, _private = team
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    client.force_login(admin)
    rollup = client.get(reverse("reflection:rollup", kwargs={"org_slug": workplace.organisation.slug}))
    assert "30" in rollup.content.decode()
    edit = reverse("reflection:threshold_edit", kwargs={"org_slug": workplace.organisation.slug})
    assert 'name="eligibility_days"' in client.get(edit).content.decode()
    client.post(edit, {"threshold": "5", "eligibility_days": "14"})
    # The leader's addition was 20 days ago: outside a 14-day window, so asked.
    MembershipChange.objects.filter(user=recent).update(at=timezone.now() - timedelta(days=20))
    round_ = open_round(workplace, leader=leader)
    assert round_.eligibility_days == 14
    assert round_.invitations.filter(user=recent).exists()
