"""Layout, keyboard and language: a phone-sized page, the public pages, the skip link, the language switch."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, member

from .conftest import PHONE, assert_accessible, log_in


def test_employee_on_a_phone_lands_on_the_workplace_without_sideways_scrolling(new_context, live_server):
    workplace = WorkplaceFactory(
        name="Specialbørnehaven Solsikken – Autismecenter Vest", slug="solsikken", core_task="Tryghed. " * 40
    )
    employee = member(workplace, Role.EMPLOYEE, full_name="Bodil Medarbejder-Kristoffersen").user
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()

    log_in(page, employee)

    # One workplace and nothing to administer: straight to its home page.
    expect(page).to_have_url(live_server.url + workplace.get_absolute_url())
    expect(page.locator("main h1")).to_have_text(workplace.name)
    # A single workplace needs no switcher.
    expect(page.locator("#workplace-switcher")).to_have_count(0)
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"the page scrolls sideways: {scroll_width}px wide"
    assert_accessible(page)

    # The user menu opens within the screen too.
    page.locator("#user-menu summary").click()
    expect(page.locator("#user-menu .fl-menu-list")).to_be_visible()
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"the open user menu scrolls sideways: {scroll_width}px wide"
    assert_accessible(page)


@pytest.mark.parametrize(
    "url_name",
    ["accounts:login", "core:accessibility", "core:privacy"],
    ids=["login", "accessibility", "privacy"],
)
def test_public_pages_are_accessible_logged_out(page, live_server, url_name):
    url = reverse(url_name)
    assert url in {"/konto/login/", "/tilgaengelighed/", "/privatliv/"}
    response = page.goto(url)
    assert response is not None and response.status == 200
    expect(page).to_have_url(live_server.url + url)
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.locator("main h1")).to_have_count(1)
    assert_accessible(page)


# The skip link must be the first Tab stop, so no page may autofocus a field (the login form used to).
@pytest.mark.parametrize("url_name", ["accounts:login", "core:accessibility"], ids=["login", "accessibility"])
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, url_name):
    page.goto(reverse(url_name))
    skip_link = page.locator("a.skipnav")

    page.keyboard.press("Tab")
    expect(skip_link).to_be_focused(timeout=2_000)
    expect(skip_link).to_be_visible()  # hidden until focused, then shown for sighted keyboard users

    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()


def test_language_switch_in_the_header(page, live_server):
    login_url = reverse("accounts:login")
    page.goto(login_url)
    expect(page.locator("html")).to_have_attribute("lang", "da")

    page.locator("header button[name=language][value=en]").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(live_server.url + login_url)  # back on the same page
    # ...and the button now offers the way back to Danish.
    expect(page.locator("header button[name=language][value=da]")).to_be_visible()
    assert_accessible(page)


def test_a_leaders_menu_on_a_phone_is_one_row_showing_the_current_page(new_context, live_server):
    workplace = WorkplaceFactory(name="Børnehuset Solsikken", slug="solsikken")
    leader = member(workplace, Role.LEADER, full_name="Lise Leder").user
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, leader)
    page.goto(reverse("competences:map", kwargs={"workplace_slug": workplace.slug}))
    tops = page.locator(".fl-workplace-nav li").evaluate_all("(items) => items.map((li) => li.offsetTop)")
    assert len(tops) >= 11 and len(set(tops)) == 1, f"the menu wraps on a phone: rows at {sorted(set(tops))}"
    current = page.locator(".fl-workplace-nav a[aria-current='page']")
    expect(current).to_be_in_viewport()
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"the page scrolls sideways: {scroll_width}px wide"
    assert_accessible(page)
    # Every item is still reachable: the last one scrolls into view and opens its page.
    members = page.locator(".fl-workplace-nav li").last.locator("a")
    members.click()
    expect(page).to_have_url(
        live_server.url + reverse("organisations:members", kwargs={"workplace_slug": workplace.slug})
    )
