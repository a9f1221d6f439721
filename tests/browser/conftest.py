"""Browser tests: Debian's Chromium driven through Playwright's sync API, checked with axe-core.

Run them with `.venv/bin/pytest tests/browser` (or `-m browser`). Without Chromium they are skipped,
except on CI (CI=true), where a missing or broken browser fails the run instead of hiding it.
"""

import functools
import importlib.util
import os
import threading
from pathlib import Path

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.factories import PASSWORD, restore_content

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PHONE = {"width": 360, "height": 740}

HERE = Path(__file__).resolve().parent

# Playwright's own timeouts are 30 s; a local live server answers in milliseconds, so fail sooner — but not
# too soon: on a slow machine a live workshop's polling boards keep the one-at-a-time server busy, and an
# answer behind them waited past 10 s in CI (2026-12-04).
expect.set_options(timeout=20_000)


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is a browser test (`-m browser` / `-m "not browser"`)."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.browser)


def _unavailable(message: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"Browser tests cannot run on CI: {message}", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="package")
def browser():
    """One Chromium for all browser tests.

    Package scope rather than session scope, so that Chromium and Playwright stop right after the last
    test in tests/browser instead of at the very end of a full run (see below for why that matters).

    Playwright's sync API keeps an asyncio event loop running in the test thread from start() to stop(),
    and Django refuses ORM calls from a thread with a running loop. The tests only touch the database
    between browser steps, never concurrently, so DJANGO_ALLOW_ASYNC_UNSAFE is safe here; it is set only
    while Playwright runs and removed again afterwards, because an inherited DJANGO_ALLOW_ASYNC_UNSAFE makes
    `manage.py check --deploy` in subprocesses (tests/test_security.py) fail with async.E001.
    """
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium).")
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    playwright = sync_playwright().start()
    try:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception as error:  # noqa: BLE001 - any launch failure means no browser tests
            _unavailable(f"Chromium at {CHROMIUM} did not start: {error}")
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop(ASYNC_UNSAFE, None)
        else:
            os.environ[ASYNC_UNSAFE] = previous


class _OneRequestAtATime(LiveServerThread):
    """The live server answers one request after another. With SQLite the suite's database lives in memory
    and every request shares the test's one connection: two requests at once (a board's poll beside a click)
    can meet SQLite's table lock and fail. One at a time, the boards can poll as often as a room would want
    to see news without that race.

    Connections are still accepted and read in threads, as Django's threaded live server does; only the
    application runs under a lock. A server with one thread would wait on the first socket it accepted, and
    Chromium opens sockets ahead of need (preconnect) that may carry no request for seconds: a click then
    could wait behind an idle socket until its 10 s timeout (a workshop journey failed so, once)."""

    def _create_server(self, connections_override=None):
        return _SerialThreadedWSGIServer(
            (self.host, self.port),
            QuietWSGIRequestHandler,
            allow_reuse_address=False,
            connections_override=connections_override,
        )


class _SerialThreadedWSGIServer(ThreadedWSGIServer):
    _lock = threading.Lock()

    def set_app(self, application):
        def one_at_a_time(environ, start_response):
            with self._lock:
                response = application(environ, start_response)
                try:
                    # The body is read under the lock too: a streamed file reads the database as it goes.
                    return [b"".join(response)]
                finally:
                    if hasattr(response, "close"):
                        response.close()

        super().set_app(one_at_a_time)


@pytest.fixture(autouse=True)
def _boards_poll_quickly(settings):
    """A live board asks for news every second here (2 s in the product): the journeys wait for the news a
    poll brings, and the live server takes one request at a time, so no poll can race another. Half a second
    kept that server busy with five boards polling on a slow machine; a click's answer waited behind them."""
    settings.WORKSHOP_POLL_MS = 1000


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, serving one request at a time (see _OneRequestAtATime)."""
    address = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address, start=False)
    threaded = server.thread
    server.thread = _OneRequestAtATime(
        threaded.host,
        static_handler=threaded.static_handler,
        connections_override=threaded.connections_override,
        port=threaded.port,
    )
    server.thread.daemon = True
    server.start()
    yield server
    server.stop()


@pytest.fixture
def new_context(browser: Browser, live_server, transactional_db):
    """Open browser contexts against the live server; each is one person with their own cookies.

    bypass_csp=True: the site sends `Content-Security-Policy: script-src 'self'` without 'unsafe-inline',
    which would block the inline <script> that assert_accessible injects axe-core with. Bypassing it in
    the test browser changes nothing for the pages' own scripts, which all load from 'self'.
    locale da-DK: Chromium's Accept-Language would otherwise make Django answer in English.
    service_workers="block": the site's service worker (issue 21) would install in every context, fetch its
    files through the one-at-a-time server and answer the page's requests itself, out of page.route's
    reach; the tests of the app on a phone ask for it with service_workers="allow".
    """
    restore_content()
    contexts: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        options = {
            "base_url": live_server.url,
            "bypass_csp": True,
            "locale": "da-DK",
            "service_workers": "block",
            **options,
        }
        context = browser.new_context(**options)
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    """A desktop-sized page in a fresh context."""
    return new_context().new_page()


def log_in(page: Page, user, password: str = PASSWORD) -> None:
    """Log in through the login form; leaves the page where the site sends the person afterwards."""
    login_url = reverse("accounts:login")
    page.goto(login_url)
    page.locator("#id_username").fill(user.email)
    page.locator("#id_password").fill(password)
    page.locator("main button[type=submit]").click()
    expect(page.locator("#user-menu")).to_be_visible()


@functools.cache
def _axe_source() -> str:
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or spec.origin is None:
        raise RuntimeError("axe-playwright-python is not installed (pip install -e '.[dev]').")
    return (Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


_AXE_RUN = """
async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}
"""


def assert_accessible(page: Page) -> None:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is now; fail on any violation."""
    page.wait_for_load_state("load")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Inline script: allowed only because the context bypasses the site's CSP (see new_context).
        page.add_script_tag(content=_axe_source())
    violations = page.evaluate(_AXE_RUN, AXE_TAGS)
    lines = [f"axe found {len(violations)} accessibility violation(s) on {page.url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    {target}" for target in v["targets"])
    assert not violations, "\n".join(lines)
