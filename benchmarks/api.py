"""The API's lists timed in-process on the municipality's data (issue 20), at the end of ``make bench-pages``
(``BENCH_ONLY=api`` times them alone).

Every list of the API's OpenAPI schema (every GET that answers with a page and takes no path parameter, so a
new list is timed as it comes) is asked for with an organisation token of the municipality, made here and
rolled back with everything else this run writes:

- its first page (100 rows);
- a page deep in it: the cursor reached by walking DEEP_ROWS rows in pages of WALK_LIMIT first (not timed);
- an incremental load's page: ``updated_since`` SINCE_DAYS days back;

then the busiest workplace's ideas with its leader's personal token, and the ideas CSV feed streamed to its
last row (300,000 ideas). Each is asked for once to warm up, then RUNS times; the table gives the median,
the slowest, the queries and the database's share, and ends with the targets met or missed.
"""

import datetime
import json
import os
import statistics
import time

RUNS = int(os.environ.get("BENCH_RUNS", "7"))
FEED_RUNS = int(os.environ.get("BENCH_FEED_RUNS", "2"))
DEEP_ROWS = 10_000
WALK_LIMIT = 500  # rows a page while walking to the deep page
SINCE_DAYS = 7

# Issue 20's targets, in-process at the size of a large municipality: a page of stored rows (first, deep or
# incremental: 100 rows of JSON) within 50 ms; a page of figures counted when asked for (the lists tagged
# "Figures": the practice indicators of several workplaces over eight quarters, skills coverage, survey
# rounds) within 150 ms; a whole feed within a minute, as Excel and Power BI wait for it.
TARGET_PAGE_MS = 50
TARGET_FIGURES_MS = 150
TARGET_FEED_S = 60
FIGURES_TAG = "Figures"


def _list_operations():
    """{path: its GET operation} of every list of the API: GETs answering with a page, without path
    parameters."""
    from frontloeber.api.api import api

    schema = json.loads(json.dumps(api.get_openapi_schema()))
    components = schema["components"]["schemas"]

    def is_page(operation):
        content = operation["responses"].get("200", {}).get("content", {})
        ref = next(iter(content.values()), {}).get("schema", {}).get("$ref", "")
        return "items" in components.get(ref.rsplit("/", 1)[-1], {}).get("properties", {})

    return {
        path: methods["get"]
        for path, methods in schema["paths"].items()
        if "get" in methods and is_page(methods["get"]) and "{" not in path
    }


def lists():
    return sorted(_list_operations())


def figure_lists():
    """The lists whose pages are counted when asked for (tagged "Figures"), with their own target."""
    return sorted(path for path, op in _list_operations().items() if FIGURES_TAG in op.get("tags", ()))


def _target_ms(name, figures):
    return TARGET_FIGURES_MS if any(name.startswith(f"api {f},") for f in figures) else TARGET_PAGE_MS


def _client(secret):
    from django.test import Client

    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def _deep_cursor(client, path):
    """The cursor after the first DEEP_ROWS rows (or before the last page), walked WALK_LIMIT rows a page;
    with the number of rows before it."""
    cursor, seen = None, 0
    while seen < DEEP_ROWS:
        query = {"limit": WALK_LIMIT, **({"cursor": cursor} if cursor else {})}
        body = client.get(path, query).json()
        if not body.get("next_cursor"):
            break
        cursor, seen = body["next_cursor"], seen + len(body["items"])
    return cursor, seen


def requests(org_secret, person_secret, busy):
    """(name, client, url) of every request timed."""
    from django.utils import timezone
    from django.utils.http import urlencode

    org = _client(org_secret)
    since = (timezone.now() - datetime.timedelta(days=SINCE_DAYS)).isoformat(timespec="seconds")
    for path in lists():
        name = "api " + path.removeprefix("/api/v1/")
        yield f"{name}, first page", org, path
        cursor, seen = _deep_cursor(org, path)
        if cursor:
            yield f"{name}, after {seen:,} rows", org, f"{path}?{urlencode({'cursor': cursor})}"
        yield f"{name}, updated_since {SINCE_DAYS} d", org, f"{path}?{urlencode({'updated_since': since})}"
    yield "api ideas, a leader's own token", _client(person_secret), f"/api/v1/ideas?workplace_id={busy.pk}"


def measure_feed(client, url):
    """The whole feed read as a client reads it (every streamed chunk): seconds, rows and queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(FEED_RUNS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            lines = sum(chunk.count(b"\n") for chunk in response.streaming_content)
            timings.append(time.perf_counter() - start)
    return statistics.median(timings), lines - 1, len(captured)


def missed_targets(pages, feeds, figures=()):
    """What misses a target, in words: [] when every target holds. ``pages``: (name, median seconds);
    ``feeds``: (name, median seconds); ``figures``: the names (without /api/v1/) of the lists of figures."""
    missed = [
        f"{name}: {seconds * 1000:.1f} ms > {_target_ms(name, figures)} ms"
        for name, seconds in pages
        if seconds * 1000 > _target_ms(name, figures)
    ]
    missed += [
        f"{name}: {seconds:.1f} s > {TARGET_FEED_S} s" for name, seconds in feeds if seconds > TARGET_FEED_S
    ]
    return missed


def main(only=""):
    from django.db import transaction
    from django.test import override_settings

    from frontloeber.api import services
    from frontloeber.api.models import READ_SCOPES, Scope
    from frontloeber.organisations.models import Membership, OrganisationAdmin, Workplace

    from .load import machine_yardstick
    from .municipality import BUSY_SLUG
    from .pages import measure

    busy = Workplace.objects.select_related("organisation").get(slug=BUSY_SLUG)
    admin = OrganisationAdmin.objects.filter(organisation=busy.organisation).order_by("pk").first().user
    leader = Membership.objects.filter(workplace=busy, role="leader").order_by("pk").first().user
    pages, feeds = [], []
    # This machine's speed varies from hour to hour and with what else runs on it: the figures below compare
    # with another run's only through these two.
    print(
        f"\nload average {os.getloadavg()[0]:.2f}; a Python loop of 10 million additions:"
        f" {machine_yardstick():.2f} s"
    )
    print(f"{'API request':<48} {'median':>8} {'slowest':>8} {'queries':>8} {'in the db':>10}")
    # Everything this run writes (its tokens, their use, the rate limit's counts) is rolled back; a token's
    # requests are not limited here, the rate limit's count is still kept (in the database cache).
    with transaction.atomic(), override_settings(API_RATE_PER_MINUTE=10**9):
        _t, org_secret = services.organisation_token_create(
            actor=admin, organisation=busy.organisation, name="Benchmark", scopes=READ_SCOPES
        )
        _t, person_secret = services.personal_token_create(
            actor=leader, organisation=busy.organisation, name="Benchmark", scopes=Scope.values
        )
        for name, client, url in requests(org_secret, person_secret, busy):
            if only and not any(part.strip() in name for part in only.split(",")):
                continue
            median, slowest, queries, database = measure(client, url)
            pages.append((name, median))
            print(
                f"{name:<48} {median * 1000:6.1f} ms {slowest * 1000:5.1f} ms"
                f" {queries:>8} {database * 1000:7.1f} ms"
            )
        name = "api feed ideas.csv, every row"
        if not only or any(part.strip() in name for part in only.split(",")):
            seconds, rows, queries = measure_feed(_client(org_secret), "/api/v1/feeds/ideas.csv")
            feeds.append((name, seconds))
            print(f"{name:<48} {seconds:6.2f} s  {rows:,} rows {queries:>4} queries")
        transaction.set_rollback(True)
    if not pages and not feeds:
        return []
    figures = [path.removeprefix("/api/v1/") for path in figure_lists()]
    missed = missed_targets(pages, feeds, figures)
    print(
        f"\nAPI targets (in-process: a page <= {TARGET_PAGE_MS} ms, a page of figures ({', '.join(figures)})"
        f" <= {TARGET_FIGURES_MS} ms, a whole feed <= {TARGET_FEED_S} s): "
        + ("all met" if not missed else f"{len(missed)} missed")
    )
    for line in missed:
        print(f"  - {line}")
    return missed
