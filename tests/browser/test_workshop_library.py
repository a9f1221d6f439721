"""The workshop library on a phone (issue 6, point 1): the list filtered by a practice, and one format's page.
axe-core on both."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.organisations.models import Role
from frontloeber.workshops.models import WorkshopFormat
from tests.factories import WorkplaceFactory, member

from .conftest import PHONE, assert_accessible, log_in
from .test_experiment_journey import DESKTOP, assert_fits_the_screen


def test_an_employee_finds_a_workshop_for_a_practice(new_context):
    workplace = WorkplaceFactory()
    employee = member(workplace).user
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, employee)
    library = reverse("workshops:library", kwargs={"workplace_slug": workplace.slug})
    page.goto(library)
    assert_accessible(page)
    assert_fits_the_screen(page)
    page.locator("a[href='?praksis=P2']").click()
    expect(page).to_have_url(re.compile(r"\?praksis=P2$"))
    cards = page.locator(".fl-workshop-card")
    expect(cards).to_have_count(2)
    first = WorkshopFormat.objects.filter(practice="P2").order_by("number").first()
    cards.first.locator("h2 a").click()
    expect(page).to_have_url(re.compile(re.escape(first.get_absolute_url(workplace.slug)) + "$"))
    expect(page.locator(".fl-step")).to_have_count(first.steps.count())
    assert_accessible(page)
    assert_fits_the_screen(page)


def test_a_leader_plans_a_workshop_from_its_page(new_context):
    from frontloeber.workshops.models import WorkshopSession

    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    employees = [member(workplace).user for _ in range(2)]
    page = new_context(viewport=DESKTOP).new_page()
    log_in(page, leader)
    workshop = WorkshopFormat.objects.get(slug="idevinduet")
    page.goto(workshop.get_absolute_url(workplace.slug))
    page.locator(f"a[href$='?format={workshop.slug}']").click()
    assert_accessible(page)
    page.locator("#id_place").fill("Personalerummet")
    page.locator("main form button[type=submit]").click()
    session = WorkshopSession.objects.get()
    expect(page).to_have_url(re.compile(re.escape(session.get_absolute_url()) + "$"))
    assert session.format == workshop and session.place == "Personalerummet"
    assert {i.user_id for i in session.invitations.all()} == {leader.pk, *(e.pk for e in employees)}
    assert_accessible(page)
