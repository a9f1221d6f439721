"""The board, the idea form and an idea page on a phone on a weak line (issue 21, point 5):
``make bench-phone``.

The production server as ``make bench`` starts it (gunicorn, production settings, whitenoise serving the
hashed and compressed static files) on the municipality's data; Debian's Chromium as a 360 px phone on
DevTools' "Slow 3G" (400 kbit/s each way, 2 s round trips), signed in as an employee of the busiest workplace.
Each page is opened BENCH_RUNS times on a first visit (no browser cache, no service worker) and as many times
on a later one (the static files kept by the service worker or the browser). Per page it prints what went
over the line (the page's own HTML, CSS, script, fonts, as transferred) and the median time to usable
(DOMContentLoaded: drawn with its styles, its scripts run, the form works), against the README's targets.
Only 127.0.0.1 is ever asked.
"""

import os
import statistics
import sys
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SLOW_3G = {"offline": False, "latency": 2000, "downloadThroughput": 50_000, "uploadThroughput": 50_000}
# Time to usable on Slow 3G (ms): a first visit, and a later one with the static files kept on the phone.
TARGET_FIRST_MS = 7000
TARGET_LATER_MS = 3500

MEASURE = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const sum = (test) => performance.getEntriesByType("resource").filter((r) => test(r.name))
    .reduce((total, r) => total + r.transferSize, 0);
  return {
    usable: nav.domContentLoadedEventEnd,
    html: nav.transferSize,
    css: sum((name) => name.endsWith(".css")),
    script: sum((name) => name.endsWith(".js")),
    fonts: sum((name) => name.includes(".woff")),
  };
}"""


def pages():
    from django.urls import reverse

    from frontloeber.ideas.models import Idea
    from frontloeber.organisations.models import Membership, Role, Workplace

    from .municipality import BUSY_SLUG

    busy = Workplace.objects.get(slug=BUSY_SLUG)
    employee = (
        Membership.objects.filter(workplace=busy, role=Role.EMPLOYEE).select_related("user").first().user
    )
    idea = Idea.objects.filter(workplace=busy).order_by("-pk").first()
    return employee, {
        "idea board": reverse("ideas:board", kwargs={"workplace_slug": busy.slug}),
        "idea form": reverse("ideas:idea_create", kwargs={"workplace_slug": busy.slug}),
        "idea page": idea.get_absolute_url(),
    }


def main():
    from playwright.sync_api import sync_playwright

    from .load import PORT, session_cookie, start_gunicorn

    employee, addresses = pages()
    base = f"http://127.0.0.1:{PORT}"
    cookies = [
        {"name": name, "value": value, "url": base}
        for name, value in (part.split("=", 1) for part in session_cookie(employee).split("; "))
    ]
    server = start_gunicorn()
    missed = []
    print(
        f"Slow 3G, a 360 px phone, median of {RUNS};"
        " bytes as transferred (gzip or brotli where whitenoise has it)"
    )
    print(f"{'page':<12} {'visit':<6} {'HTML':>7} {'CSS':>7} {'script':>7} {'fonts':>7} {'usable':>9}")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path in addresses.items():
                for visit, cold, target in (
                    ("first", True, TARGET_FIRST_MS),
                    ("later", False, TARGET_LATER_MS),
                ):
                    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="da-DK")
                    context.add_cookies(cookies)
                    page = context.new_page()
                    page.goto(base + path)  # the service worker installs, the static files are kept
                    devtools = context.new_cdp_session(page)
                    devtools.send("Network.enable")
                    devtools.send("Network.setCacheDisabled", {"cacheDisabled": cold})
                    devtools.send("Network.setBypassServiceWorker", {"bypass": cold})
                    devtools.send("Network.emulateNetworkConditions", SLOW_3G)
                    runs = []
                    for _ in range(RUNS):
                        page.goto(base + path, timeout=120_000)
                        runs.append(page.evaluate(MEASURE))
                    context.close()
                    usable = statistics.median(run["usable"] for run in runs)
                    last = runs[-1]
                    print(
                        f"{name:<12} {visit:<6} {last['html']:>7,} {last['css']:>7,} {last['script']:>7,}"
                        f" {last['fonts']:>7,} {usable:>7,.0f} ms"
                    )
                    if usable > target:
                        missed.append(f"{name}, {visit} visit: {usable:,.0f} ms > {target:,} ms")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"\nTargets (time to usable on Slow 3G <= {TARGET_FIRST_MS:,} ms on a first visit,"
        f" <= {TARGET_LATER_MS:,} ms on a later one): "
        + ("all met" if not missed else f"{len(missed)} missed")
    )
    for line in missed:
        print(f"  - {line}")


if __name__ == "__main__":
    from .load import environment

    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    main()
