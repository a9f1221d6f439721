"""A shared device (issue 21, point 4) on a 360 px phone: the leader marks it on the device itself; an
employee's idle spell ends in a warning and then the login page; "Skift bruger" hands the device to a
colleague who finds nothing of the first person: no draft, no page through Back, nothing in the browser's
storage. The device's clock is Playwright's (page.clock), so the minutes pass without waiting for them.

Texts are compared with their Danish translation through gettext, so the test holds before and after the
new strings are translated.
"""

import re

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from frontloeber.devices.models import SharedDevice
from frontloeber.organisations.models import Role
from tests.factories import OrganisationFactory, WorkplaceFactory, member

from .conftest import PHONE, assert_accessible, log_in

STORED = """async () => ({
  keys: Object.keys(localStorage).filter((key) => key.startsWith("fl:")),
  drafts: window.FLDrafts ? (await window.FLDrafts.list()).map((draft) => draft.fields.title || "") : null,
})"""


# Polled: starts a look at the drafts and answers what the last look found.
KEPT = """(title) => {
  window.FLDrafts.list().then((all) => { window.flKept = all.some((d) => d.fields.title === title); });
  return window.flKept === true;
}"""


def danish(text):
    with translation.override("da"):
        return gettext(text)


def world():
    organisation = OrganisationFactory(name="Fjordby Kommune", slug="fjordby")
    workplace = WorkplaceFactory(
        organisation=organisation, name="Børnehuset Mælkebøtten", slug="maelkeboetten"
    )
    leader = member(workplace, Role.LEADER, full_name="Lene Leder").user
    first = member(workplace, Role.EMPLOYEE, full_name="Anna Andersen").user
    second = member(workplace, Role.EMPLOYEE, full_name="Bo Bertelsen").user
    return workplace, leader, first, second


def mark_the_device(page: Page, workplace) -> None:
    page.goto(reverse("devices:shared_device", kwargs={"workplace_slug": workplace.slug}))
    assert_accessible(page)
    idle = page.locator("form:has(input[name=action][value=idle])")
    idle.locator("input[name=minutes]").fill("2")
    idle.locator("button[type=submit]").click()
    expect(page.locator("input[name=minutes]")).to_have_value("2")
    mark = page.locator("form:has(input[name=action][value=mark])")
    mark.locator("input[name=label]").fill("iPad på stuen")
    mark.locator("button[type=submit]").click()
    expect(page.locator("#this-device-heading + p")).to_contain_text("iPad på stuen")
    assert SharedDevice.objects.filter(workplace=workplace, label="iPad på stuen").exists()


def type_an_idea(page: Page, workplace, title: str) -> None:
    page.goto(reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug}))
    page.locator("#id_title").fill(title)
    # Kept on the device as it is typed (offline-forms.js, after a pause in the typing), as the person's own
    # note in the browser too.
    page.clock.run_for(1000)
    page.wait_for_function(KEPT, arg=title, polling=100)
    page.evaluate("(title) => localStorage.setItem('fl:note', title)", title)


def at_the_login_page(page: Page, workplace) -> None:
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:login"))))
    banner = page.locator("[data-fl-shared-device-login]")
    expect(banner).to_contain_text(workplace.name)
    expect(page.locator("#user-menu")).to_have_count(0)


def nothing_stored(page: Page) -> None:
    page.wait_for_function("() => window.FLDrafts !== undefined")
    assert page.evaluate(STORED) == {"keys": [], "drafts": []}


def test_a_shared_phone_forgets_each_person(new_context):
    workplace, leader, first, second = world()
    context = new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()

    log_in(page, leader)
    mark_the_device(page, workplace)
    page.locator("form.fl-switch-user button").click()
    at_the_login_page(page, workplace)
    assert_accessible(page)

    # The first person signs in, starts an idea and walks away: a minute before the end, a warning.
    page.clock.install()
    log_in(page, first)
    type_an_idea(page, workplace, "Annas idé om madplanen")
    page.clock.fast_forward("01:01")
    warning = page.locator("#fl-idle-dialog")
    expect(warning).to_be_visible()
    expect(warning.locator("[data-fl-countdown]")).to_have_text(re.compile(r"^\d+$"))
    expect(warning.locator("[data-fl-idle-unsent]")).to_be_visible()  # the idea typed would go
    assert_accessible(page)
    # Someone comes back in time.
    warning.locator("[data-fl-stay]").click()
    expect(warning).to_be_hidden()
    # Then leaves for good: the device signs out by itself and lands on the login page.
    page.clock.fast_forward("01:01")
    expect(warning).to_be_visible()
    page.clock.fast_forward("01:00")
    at_the_login_page(page, workplace)
    nothing_stored(page)

    # Signed in again, the first person starts another idea, then hands the device over with "Skift bruger":
    # the idea not sent is named before it is deleted.
    log_in(page, first)
    type_an_idea(page, workplace, "Annas anden idé")
    page.locator("form.fl-switch-user button").click()
    unsent = page.locator("#fl-unsent-dialog")
    expect(unsent).to_be_visible()
    expect(unsent.locator("#fl-unsent-text")).to_have_text(
        danish("You have 1 idea that has not been sent. Log out anyway and delete it?")
    )
    assert_accessible(page)
    unsent.locator("[data-fl-delete-and-sign-out]").click()
    at_the_login_page(page, workplace)
    nothing_stored(page)

    # Back shows no page of the first person: the browser kept none, and the server asks for a login.
    page.go_back()
    at_the_login_page(page, workplace)
    expect(page.locator("body")).not_to_contain_text("Anna Andersen")
    expect(page.locator("body")).not_to_contain_text("Annas anden idé")

    # The next person finds an empty form and nothing of the first.
    log_in(page, second)
    page.goto(reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug}))
    expect(page.locator("#id_title")).to_have_value("")
    expect(page.locator("body")).not_to_contain_text("Anna")
    # (Opening the form notes it as the last idea form opened: the second person's own.)
    stored = page.evaluate(STORED)
    assert stored["drafts"] == [] and "fl:note" not in stored["keys"], stored
