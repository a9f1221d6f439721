"""The main journey, in Danish: a leader invites a colleague, who signs up from the e-mail's link.

Assertions rest on structure, URLs, ids and names from the data, not on UI wording, so they hold
whether or not a string has its Danish translation yet.
"""

import re

from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.organisations.models import Membership, Role
from tests.factories import MembershipFactory, OrganisationFactory, WorkplaceFactory, member

from .conftest import assert_accessible, log_in

NEW_PASSWORD = "Blaabaer-Traktor-2025"
INVITATION_PATH = re.compile(r"/konto/invitation/[^\s/]+/")


def test_leader_invites_a_colleague_who_signs_up(new_context, live_server):
    organisation = OrganisationFactory(name="Aarhus Kommune", slug="aarhus")
    first = WorkplaceFactory(organisation=organisation, name="Børnehuset Mælkebøtten", slug="maelkeboetten")
    second = WorkplaceFactory(organisation=organisation, name="Præhospitalt Center", slug="praehospitalt")
    leader = member(first, Role.LEADER, full_name="Lise Leder").user
    MembershipFactory(workplace=second, user=leader, role=Role.LEADER)
    colleague_email = "ny.kollega@example.dk"

    workplace_url = second.get_absolute_url()
    members_url = reverse("organisations:members", kwargs={"workplace_slug": second.slug})
    invite_url = reverse("organisations:member_invite", kwargs={"workplace_slug": second.slug})

    # --- The leader ----------------------------------------------------------------------------------
    page = new_context().new_page()
    log_in(page, leader)

    # Two workplaces: the site lists them instead of choosing one.
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.locator("main").get_by_role("link", name=first.name)).to_be_visible()
    expect(page.locator("main").get_by_role("link", name=second.name)).to_be_visible()
    assert_accessible(page)

    # The workplace switcher in the header.
    switcher = page.locator("details#workplace-switcher")
    switcher.locator("summary").click()
    expect(switcher).to_have_attribute("open", "")
    switcher.get_by_role("link", name=second.name).click()
    expect(page).to_have_url(live_server.url + workplace_url)
    expect(page.locator("main h1")).to_have_text(second.name)
    expect(switcher.locator("summary")).to_contain_text(second.name)
    assert_accessible(page)

    # Members page, through the workplace menu.
    members_link = page.locator(f".fl-workplace-nav a[href='{members_url}']")
    members_link.click()
    expect(page).to_have_url(live_server.url + members_url)
    expect(members_link).to_have_attribute("aria-current", "page")
    expect(page.locator("main table tbody tr")).to_have_count(1)
    expect(page.locator("main table tbody")).to_contain_text(leader.email)
    assert_accessible(page)

    # The invitation form.
    page.locator(f"main a[href='{invite_url}']").click()
    expect(page).to_have_url(live_server.url + invite_url)
    expect(page.locator("main h1")).to_contain_text(second.name)
    assert_accessible(page)
    page.locator("#id_email").fill(colleague_email)
    page.locator("#id_role").select_option(Role.EMPLOYEE)
    page.locator("main button[type=submit]").click()

    # Back on the members page, with a success message and the invitation waiting.
    expect(page).to_have_url(live_server.url + members_url)
    success = page.locator(".fl-messages .alert-success")
    expect(success).to_be_visible()
    expect(success).to_contain_text(colleague_email)
    expect(page.locator("main")).to_contain_text(colleague_email)
    assert_accessible(page)

    # --- The e-mail ----------------------------------------------------------------------------------
    assert len(mail.outbox) == 1, [m.subject for m in mail.outbox]
    message = mail.outbox[-1]
    assert message.to == [colleague_email]
    # The link points at SITE_URL; the live server listens elsewhere, so keep only the path.
    found = INVITATION_PATH.search(message.body)
    assert found, message.body
    invitation_link = live_server.url + found.group(0)

    # --- The colleague, in a browser of their own ---------------------------------------------------
    colleague = new_context().new_page()
    colleague.goto(invitation_link)
    expect(colleague.locator("main h1")).to_contain_text(second.name)
    expect(colleague.locator("#id_full_name")).to_be_visible()
    expect(colleague.locator("#id_password1")).to_be_visible()
    expect(colleague.locator("#id_password2")).to_be_visible()
    assert_accessible(colleague)

    # Passwords that differ: an error summary, focused, and the page still accessible.
    colleague.locator("#id_full_name").fill("Karl Kollega")
    colleague.locator("#id_password1").fill(NEW_PASSWORD)
    colleague.locator("#id_password2").fill(NEW_PASSWORD + "x")
    colleague.locator("main button[type=submit]").click()
    summary = colleague.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(summary.locator("a[href='#id_password2']")).to_be_visible()
    expect(colleague.locator("#id_password2")).to_have_attribute("aria-invalid", "true")
    assert_accessible(colleague)
    assert not Membership.objects.filter(workplace=second, user__email=colleague_email).exists()

    # Correct this time: signed up, logged in and on the workplace's home page.
    expect(colleague.locator("#id_full_name")).to_have_value("Karl Kollega")
    colleague.locator("#id_password1").fill(NEW_PASSWORD)
    colleague.locator("#id_password2").fill(NEW_PASSWORD)
    colleague.locator("main button[type=submit]").click()
    expect(colleague).to_have_url(live_server.url + workplace_url)
    expect(colleague.locator("main h1")).to_have_text(second.name)
    expect(colleague.locator(".fl-messages .alert-success")).to_contain_text(second.name)
    expect(colleague.locator("#user-menu summary")).to_contain_text("Karl Kollega")
    # An employee sees no members link in the workplace menu.
    expect(colleague.locator(f".fl-workplace-nav a[href='{members_url}']")).to_have_count(0)
    assert_accessible(colleague)

    membership = Membership.objects.select_related("user").get(workplace=second, user__email=colleague_email)
    assert membership.role == Role.EMPLOYEE
    assert membership.user.full_name == "Karl Kollega"
    assert membership.user.check_password(NEW_PASSWORD)
    assert not Membership.objects.filter(workplace=first, user=membership.user).exists()
