"""The installable app on a phone (issue 21, points 1 and 3): what Chromium needs to offer "Installer app",
the service worker controlling the page, the offline page for any page opened with no network, and the
quiet notice of a new version."""

import json

from django.conf import settings
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, member

from .conftest import PHONE, assert_accessible, log_in

CONTROLLED = "() => navigator.serviceWorker.controller !== null"
CACHES = "() => caches.keys()"


def da(text, **values):
    """The Danish the page shows (the contexts are Danish)."""
    with translation.override("da"):
        return translation.gettext(text) % values if values else translation.gettext(text)


def phone(new_context):
    return new_context(viewport=PHONE, is_mobile=True, has_touch=True, service_workers="allow").new_page()


def controlled_by_the_service_worker(page):
    """The first visit registers the worker, which claims the page; from the next page on it answers every
    navigation."""
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function(CONTROLLED)


def test_a_phone_gets_everything_it_needs_to_install_the_app(new_context, live_server):
    workplace = WorkplaceFactory(name="Akutberedskabet Nord")
    employee = member(workplace, Role.EMPLOYEE).user
    page = phone(new_context)
    log_in(page, employee)

    # The manifest, as the page links it and as Chromium reads it.
    href = page.locator("link[rel=manifest]").get_attribute("href")
    manifest = page.evaluate("(href) => fetch(href, {credentials: 'include'}).then((r) => r.json())", href)
    assert manifest["name"] == "Frontløber" and manifest["display"] == "standalone"
    assert manifest["start_url"] == "/start/" and manifest["scope"] == "/"
    assert {"192x192", "512x512"} <= {icon["sizes"] for icon in manifest["icons"]}
    assert "maskable" in {icon["purpose"] for icon in manifest["icons"]}
    cdp = page.context.new_cdp_session(page)
    parsed = cdp.send("Page.getAppManifest")
    assert parsed["url"] == live_server.url + "/manifest.webmanifest"
    assert parsed["errors"] == [], parsed["errors"]
    assert json.loads(parsed["data"])["short_name"] == "Frontløber"

    controlled_by_the_service_worker(page)
    # Chromium's own verdict. A Playwright context is a private window, where Chromium never installs, so
    # that one reason is all it may give.
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert {error["errorId"] for error in errors} <= {"in-incognito"}, errors

    # The installed app opens at the person's board.
    page.goto(manifest["start_url"])
    expect(page).to_have_url(
        live_server.url + reverse("ideas:board", kwargs={"workplace_slug": workplace.slug})
    )


def test_any_page_opened_offline_shows_the_offline_page(new_context, live_server):
    workplace = WorkplaceFactory(name="Børnehuset Solsikken")
    employee = member(workplace, Role.EMPLOYEE, full_name="Karen Nattevagt").user
    page = phone(new_context)
    log_in(page, employee)
    controlled_by_the_service_worker(page)

    # Playwright's offline emulation reaches the service worker's own fetches in Chromium too (checked: the
    # worker's fetch fails and it answers with the kept page), so no routing trick is needed.
    page.context.set_offline(True)
    board = reverse("ideas:board", kwargs={"workplace_slug": workplace.slug})
    page.goto(board)

    # At the address asked for, the page the service worker kept: nothing of the person in it.
    expect(page).to_have_url(live_server.url + board)
    expect(page.locator("main h1")).to_have_text(da("You are offline"))
    expect(page.locator("body")).not_to_contain_text("Karen Nattevagt")
    expect(page.locator("body")).not_to_contain_text("Børnehuset Solsikken")
    expect(page.get_by_role("link", name=da("Write an idea"), exact=True)).to_have_attribute(
        "href", "/enhed/ny-ide/"
    )
    assert_accessible(page)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]

    # The device knows the workplace whose idea form it opened last: the link goes there.
    idea_form = reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug})
    page.evaluate(
        "(value) => localStorage.setItem('fl:last-idea-form', value)",
        json.dumps({"url": idea_form, "name": workplace.name}),
    )
    page.reload()
    link = page.get_by_role("link", name=da("Write an idea for %(name)s", name=workplace.name))
    expect(link).to_have_attribute("href", idea_form)

    # Back online, "Prøv igen" brings the page itself.
    page.context.set_offline(False)
    page.get_by_role("link", name=da("Try again")).click()
    expect(page.locator("main h1")).not_to_have_text(da("You are offline"))
    expect(page).to_have_url(live_server.url + board)


def test_the_service_worker_keeps_no_personal_page(new_context, live_server):
    workplace = WorkplaceFactory()
    page = phone(new_context)
    log_in(page, member(workplace, Role.LEADER).user)
    controlled_by_the_service_worker(page)
    page.goto(reverse("ideas:board", kwargs={"workplace_slug": workplace.slug}))
    kept = page.evaluate(
        """async () => {
            const urls = [];
            for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
            }
            return urls;
        }"""
    )
    assert "/enhed/offline/" in kept and "/static/frontloeber/app.css" in kept
    assert [url for url in kept if not url.startswith("/static/")] in (
        ["/enhed/offline/", "/enhed/ny-ide/"],
        ["/enhed/ny-ide/", "/enhed/offline/"],
    ), kept


def test_a_new_version_is_offered_quietly_and_taken_on_reload(new_context, live_server, tmp_path):
    page = phone(new_context)
    page.goto(reverse("accounts:login"))
    controlled_by_the_service_worker(page)
    first = page.evaluate(CACHES)
    assert len(first) == 1 and first[0].startswith("fl-shell-")
    expect(page.locator("#fl-update")).to_have_count(0)

    # A deploy that brings a new static file: a new version of the worker.
    (tmp_path / "new-in-this-release.css").write_text("p {}")
    with override_settings(STATICFILES_DIRS=[*settings.STATICFILES_DIRS, tmp_path]):
        page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => r.update())")
        notice = page.locator("#fl-update")
        expect(notice).to_be_visible()
        expect(notice).to_have_attribute("role", "status")
        expect(notice).to_contain_text(da("A new version of Frontløber is ready."))
        assert_accessible(page)
        waiting = page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => !!r.waiting)")
        assert waiting
        with page.expect_navigation():
            notice.get_by_role("button", name=da("Reload")).click()
        page.wait_for_function(CONTROLLED)
        expect(page.locator("#fl-update")).to_have_count(0)
        assert page.evaluate("() => navigator.serviceWorker.getRegistration().then((r) => !r.waiting)")
        # The new worker threw the old version's files away.
        now = page.evaluate(CACHES)
    assert len(now) == 1 and now != first
