"""The board, the idea form and the idea page on a weak line (issue 21, point 5): a 360 px phone on DevTools'
"Slow 3G" (400 kbit/s each way, 2 s round trips), first visit with nothing cached.

What a page costs is measured in the browser, from what it loaded (Resource Timing): the page's own HTML,
its CSS and script compressed as the production server sends them (whitenoise's gzip files; its brotli files
are smaller still), and its fonts. Each must stay within the budget the README states ("The app on a phone").
The time to usable (DOMContentLoaded: the page is drawn with its styles and its scripts have run, so the form
works) is measured on the same throttled line and reported, not asserted: speed targets belong in `make
bench`, where a production server is timed (benchmarks/weak_line.py).
"""

import gzip
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.ideas import services
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, make_idea, member

from .conftest import PHONE, log_in

# Bytes a page may cost on its first visit (README, "The app on a phone: light on a weak line").
BUDGET = {"html": 60_000, "css": 40_000, "script": 40_000, "fonts": 75_000}

# DevTools' "Slow 3G": bytes per second and the added round-trip time.
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}

_MEASURE = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    html: nav.decodedBodySize,
    usable: Math.round(nav.domContentLoadedEventEnd),
    resources: performance.getEntriesByType("resource").map((r) => r.name),
  };
}"""


def _compressed(url):
    """The gzip size of a static file the page loaded, as whitenoise serves it in production."""
    path = urlsplit(url).path
    assert path.startswith(settings.STATIC_URL), f"{url} is not a static file"
    found = finders.find(path.removeprefix(settings.STATIC_URL))
    with open(found, "rb") as file:
        return len(gzip.compress(file.read(), compresslevel=9))


def _font_bytes(url):
    path = urlsplit(url).path
    with open(finders.find(path.removeprefix(settings.STATIC_URL)), "rb") as file:
        return len(file.read())


@pytest.fixture
def weak_line_pages(new_context):
    """A workplace as busy as a board's first page gets (more ideas than a page shows, comments on the
    idea), and a phone signed in as one of its employees."""
    workplace = WorkplaceFactory(slug="solsikken")
    leader = member(workplace, Role.LEADER).user
    employee = member(workplace, Role.EMPLOYEE).user
    ideas = [
        make_idea(workplace, author=employee, title=f"Idé nummer {number} om tablets på stuen")
        for number in range(30)
    ]
    for text in ("Godt tænkt!", "Kan vi prøve det i næste uge?", "Vi har en tablet i forvejen."):
        services.comment_create(actor=leader, idea=ideas[0], body=text)
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(phone, employee)
    return phone, {
        "board": reverse("ideas:board", kwargs={"workplace_slug": workplace.slug}),
        "idea form": reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug}),
        "idea page": ideas[0].get_absolute_url(),
    }


def test_the_board_the_idea_form_and_an_idea_stay_within_the_budget_on_slow_3g(
    weak_line_pages, record_property
):
    phone, pages = weak_line_pages
    devtools = phone.context.new_cdp_session(phone)
    devtools.send("Network.enable")
    devtools.send("Network.emulateNetworkConditions", SLOW_3G)
    # A first visit: nothing from the browser's cache (the context has no service worker).
    devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})

    report = {}
    for name, path in pages.items():
        phone.goto(path, timeout=120_000)
        expect(phone.locator("main h1")).to_be_visible()
        measured = phone.evaluate(_MEASURE)
        static = [url for url in measured["resources"] if urlsplit(url).path.startswith(settings.STATIC_URL)]
        cost = {
            "html": measured["html"],
            "css": sum(_compressed(url) for url in static if url.endswith(".css")),
            "script": sum(_compressed(url) for url in static if url.endswith(".js")),
            "fonts": sum(_font_bytes(url) for url in static if ".woff" in url),
        }
        report[name] = {**cost, "usable_ms": measured["usable"]}
        record_property(f"{name}: time to usable on Slow 3G (ms)", measured["usable"])
        for part, limit in BUDGET.items():
            assert cost[part] <= limit, f"{name}: {part} {cost[part]} bytes, budget {limit} ({cost})"
        # Only the Latin subset of the upright faces is fetched, never dkfds' complete fonts or its script.
        assert all("/IBMPlexSans/latin/" in url for url in static if ".woff" in url), static
        assert not [url for url in static if "dkfds.min.js" in url]
    print(f"\nWeak line (Slow 3G, first visit): {report}")
