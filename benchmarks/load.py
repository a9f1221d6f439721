"""The key pages under load through gunicorn, on the municipality's data (issue 16): ``make bench-load``.

Starts gunicorn on loopback under production settings with 2 sync workers (``benchmarks.settings``: the
product plus the one-line view ``/bench/hello/``), then, with CONNECTIONS concurrent connections:

1. the one-line view for SECONDS: the yardstick every page's throughput is a share of;
2. each key page for SECONDS, asked in turn by every person of the busiest workplace who would open it, the
   shared cache emptied first (the "cold" column is that first answer);
3. a few of the API's lists for SECONDS each (issue 20), as a BI tool or another system reads them: with an
   organisation token of the municipality (and a leader's own token for their ideas), made for the run and
   deleted after it;
4. a morning for MORNING seconds: employees and leaders of MORNING_WORKPLACES workplaces reading their own
   boards, ideas, inboxes and the rest, in the proportions below, while some of them support ideas and
   write comments.

Per page it prints the in-process median (this process, the same settings) and the queries of one request,
then req/s, its share of the one-line view, p50/p95/p99 and errors under load; after the morning, every
worker's memory. DATABASE_URL names the database ``make bench-data`` built; BENCH_CACHE=redis runs with
Redis as the cache instead of the database cache (the default). Only 127.0.0.1 is ever sent to.
"""

import asyncio
import datetime
import itertools
import os
import random
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
MORNING = float(os.environ.get("BENCH_MORNING", "30"))
MORNING_WORKPLACES = int(os.environ.get("BENCH_MORNING_WORKPLACES", "200"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
WORKERS = 2
ROOT = Path(__file__).resolve().parent.parent
SECRET = "bench-secret-key-" + "x" * 40  # noqa: S105 — shared by gunicorn and this process's sessions
CSRF = "benchcsrf" + "0" * 23  # a 32-character secret: the cookie and the form field carry the same

# A morning's requests: (page, weight). Writes are a few in a hundred.
MORNING_MIX = (
    ("workplace home", 14),
    ("idea board", 22),
    ("idea page", 24),
    ("board search", 4),
    ("leader inbox", 8),
    ("notifications", 5),
    ("case library", 3),
    ("learning list", 3),
    ("experiment list", 2),
    ("skills map", 2),
    ("workshop sessions", 1),
    ("organisation home", 1),
    ("organisation roll-up", 1),
    ("support (write)", 6),
    ("comment (write)", 4),
)


# The morning's reads: (address name, what it is of, who opens it).
READS = {
    "workplace home": ("organisations:workplace_home", "workplace", "employee"),
    "idea board": ("ideas:board", "workplace", "employee"),
    "idea page": ("ideas:idea_detail", "idea", "employee"),
    "board search": ("ideas:board", "workplace", "employee"),
    "leader inbox": ("ideas:inbox", "workplace", "leader"),
    "notifications": ("notifications:list", None, "anyone"),
    "case library": ("experiments:case_list", "workplace", "employee"),
    "learning list": ("competences:activity_list", "workplace", "employee"),
    "experiment list": ("experiments:experiment_list", "workplace", "leader"),
    "skills map": ("competences:map", "workplace", "leader"),
    "workshop sessions": ("workshops:session_list", "workplace", "leader"),
    "organisation home": ("organisations:organisation_home", "organisation", "admin"),
    "organisation roll-up": ("reflection:rollup", "organisation", "admin"),
}
SEARCHES = ("billeder", "tablet", "hjertestarter", "robot kalender")


def environment():
    """The environment both this process and gunicorn run under."""
    env = {
        "FRONTLOEBER_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "benchmarks.settings",
        "SECRET_KEY": SECRET,
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "EMAIL_DISABLED": "true",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
        "LOG_LEVEL": "WARNING",
    }
    if os.environ.get("BENCH_CACHE") == "redis":
        env["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
    return env


# --- The HTTP client: one connection per request, as gunicorn's sync workers close each one ---------------


async def fetch(method, path, cookie, body=b"", extra=()):
    reader, writer = await asyncio.open_connection("127.0.0.1", PORT)
    head = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", f"Cookie: {cookie}", "Connection: close", *extra]
    if method == "POST":
        head += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
    data = await reader.read()
    writer.close()
    return int(data[9:12]) if data.startswith(b"HTTP/1.") else 0


async def drive(requests, seconds):
    """CONNECTIONS loops, each sending the next request from ``requests`` until ``seconds`` are over.
    Returns [(page, seconds taken, ok)] and the wall time until the last answer."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    deadline = started + seconds
    results = []

    async def connection():
        while loop.time() < deadline:
            page, method, path, cookie, body, extra, expected = next(requests)
            begun = time.perf_counter()
            try:
                status = await fetch(method, path, cookie, body, extra)
            except OSError:
                status = 0
            results.append((page, time.perf_counter() - begun, status in expected))

    await asyncio.gather(*(connection() for _ in range(CONNECTIONS)))
    return results, loop.time() - started


def machine_yardstick():
    """Seconds for ten million additions in a Python loop: tables from different machines (or days) compare
    only through it."""
    started = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - started


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


# --- Who asks for what -----------------------------------------------------------------------------------


def session_cookie(user):
    """A logged-in session for ``user``, made as the login view would, without hashing a password."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}; {settings.CSRF_COOKIE_NAME}={CSRF}"


def get(page, path, cookie):
    return (page, "GET", path, cookie, b"", (), {200})


def morning_requests(count):
    """``count`` requests of a morning by the people of MORNING_WORKPLACES workplaces (the busiest among
    them), seeded; made before the run, as their sessions are written to the database."""
    from django.db.models import Window
    from django.db.models.functions import RowNumber
    from django.urls import reverse

    from frontloeber.ideas.models import Idea
    from frontloeber.organisations.models import Membership, OrganisationAdmin, Workplace

    from .municipality import BUSY_SLUG

    rng = random.Random(16)
    busy = Workplace.objects.get(slug=BUSY_SLUG)
    others = list(
        Workplace.objects.filter(organisation=busy.organisation, slug__startswith="bench-")
        .exclude(pk=busy.pk)
        .values_list("pk", flat=True)
    )
    chosen = [busy.pk, *rng.sample(others, min(len(others), MORNING_WORKPLACES - 1))]
    slugs = dict(Workplace.objects.filter(pk__in=chosen).values_list("pk", "slug"))
    members = {}
    for m in Membership.objects.filter(workplace_id__in=chosen).select_related("user"):
        members.setdefault((m.workplace_id, m.role), []).append(m.user)
    ideas = {}
    numbered = (
        Idea.objects.filter(workplace_id__in=chosen)
        .annotate(n=Window(RowNumber(), partition_by="workplace_id", order_by="-created_at"))
        .values_list("workplace_id", "pk", "n")
    )
    for workplace_id, idea_id, n in numbered.iterator():
        if n <= 30:
            ideas.setdefault(workplace_id, []).append(idea_id)
    admin = OrganisationAdmin.objects.filter(organisation=busy.organisation).select_related("user")[0].user
    cookies = {}

    def cookie(user):
        if user.pk not in cookies:
            cookies[user.pk] = session_cookie(user)
        return cookies[user.pk]

    org = {"org_slug": busy.organisation.slug}
    pages, weights = zip(*MORNING_MIX, strict=True)
    for page in rng.choices(pages, weights, k=count):
        workplace_id = rng.choice(chosen)
        w = {"workplace_slug": slugs[workplace_id]}
        leader = members[(workplace_id, "leader")][0]
        employee = rng.choice(members[(workplace_id, "employee")])
        idea = {**w, "idea_id": rng.choice(ideas[workplace_id])}
        reader = {"employee": employee, "leader": leader, "admin": admin}
        if page in READS:
            name, where, who = READS[page]
            if who == "anyone":
                who = rng.choice(["employee", "leader"])
            path = reverse(name, kwargs={"workplace": w, "idea": idea, "organisation": org, None: {}}[where])
            if page == "board search":
                path += "?" + urllib.parse.urlencode({"q": rng.choice(SEARCHES)})
            yield get(page, path, cookie(reader[who]))
        elif page == "support (write)":
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": CSRF, "on": rng.choice("01")}).encode()
            path = reverse("ideas:idea_support", kwargs=idea)
            yield (page, "POST", path, cookie(employee), body, ("HX-Request: true",), {200})
        else:
            body = urllib.parse.urlencode(
                {"csrfmiddlewaretoken": CSRF, "body": "Godt tænkt – lad os prøve det på næste personalemøde."}
            ).encode()
            path = reverse("ideas:comment_create", kwargs=idea)
            yield (page, "POST", path, cookie(employee), body, (), {302})


# --- The API's lists --------------------------------------------------------------------------------------


def api_tokens():
    """An organisation token of the municipality (every read scope) and its busiest workplace's leader's own
    token, as (organisation secret, personal secret, [their ids]): the caller deletes them after the run."""
    from frontloeber.api import services
    from frontloeber.api.models import READ_SCOPES, Scope
    from frontloeber.organisations.models import Membership, OrganisationAdmin, Workplace

    from .municipality import BUSY_SLUG

    busy = Workplace.objects.select_related("organisation").get(slug=BUSY_SLUG)
    admin = OrganisationAdmin.objects.filter(organisation=busy.organisation).order_by("pk").first().user
    leader = Membership.objects.filter(workplace=busy, role="leader").order_by("pk").first().user
    org_token, org_secret = services.organisation_token_create(
        actor=admin, organisation=busy.organisation, name="Benchmark (make bench)", scopes=READ_SCOPES
    )
    person_token, person_secret = services.personal_token_create(
        actor=leader, organisation=busy.organisation, name="Benchmark (make bench)", scopes=Scope.values
    )
    return org_secret, person_secret, [org_token.pk, person_token.pk]


def api_requests(org_secret, person_secret):
    """(name, secret, url, in-process target in ms) of the API's requests put under load: the ideas (the
    list a Power BI refresh pages through: its first page, a page 10,000 rows in, an incremental load's
    page), the experiments (the heaviest rows), a leader's own ideas and the practice indicators (a page of
    figures counted when asked for). The ideas feed (300,000 rows, most of a minute) is timed in-process by
    ``make bench-pages`` only: under load it would hold a worker for the whole run."""
    from django.utils import timezone
    from django.utils.http import urlencode

    from frontloeber.organisations.models import Workplace

    from . import api
    from .municipality import BUSY_SLUG

    busy = Workplace.objects.get(slug=BUSY_SLUG)
    since = (timezone.now() - datetime.timedelta(days=api.SINCE_DAYS)).isoformat(timespec="seconds")
    cursor, seen = api._deep_cursor(api._client(org_secret), "/api/v1/ideas")
    return [
        ("api ideas, first page", org_secret, "/api/v1/ideas", api.TARGET_PAGE_MS),
        (
            f"api ideas, after {seen:,} rows",
            org_secret,
            "/api/v1/ideas?" + urlencode({"cursor": cursor}),
            api.TARGET_PAGE_MS,
        ),
        (
            f"api ideas, updated_since {api.SINCE_DAYS} d",
            org_secret,
            "/api/v1/ideas?" + urlencode({"updated_since": since}),
            api.TARGET_PAGE_MS,
        ),
        ("api experiments, first page", org_secret, "/api/v1/experiments", api.TARGET_PAGE_MS),
        (
            "api ideas, a leader's own token",
            person_secret,
            f"/api/v1/ideas?workplace_id={busy.pk}",
            api.TARGET_PAGE_MS,
        ),
        ("api indicators, first page", org_secret, "/api/v1/indicators", api.TARGET_FIGURES_MS),
    ]


def api_share_target(target_ms):
    """The share of the one-line view an API request should keep under load: what a page at its in-process
    target would keep, by the key pages' own ratio (20 ms to 3 %): 1.2 % for a list, 0.4 % for figures."""
    return TARGET_SHARE * (TARGET_IN_PROCESS_MS / target_ms)


# --- The run ---------------------------------------------------------------------------------------------


def start_gunicorn():
    env = {**os.environ, **environment()}
    subprocess.run(  # noqa: S603 — our own interpreter and manage.py
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable, "-m", "gunicorn", "frontloeber.wsgi",
            "--workers", str(WORKERS), "--bind", f"127.0.0.1:{PORT}", "--timeout", "120",
            "--no-control-socket", "--config", str(ROOT / "gunicorn.conf.py"),
        ],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if asyncio.run(fetch("GET", "/healthz/", "")) == 200:
                return server
        except OSError:
            pass
        if server.poll() is not None:
            raise RuntimeError("gunicorn did not start")
        time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not answer /healthz/ within 60 s")


def worker_memory(server):
    """Resident memory in MB of each of gunicorn's workers."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sizes


def row(name, cold, inprocess, queries, results, elapsed, yardstick):
    times = [t for _, t, _ in results]
    errors = sum(1 for *_, ok in results if not ok)
    rate = len(results) / elapsed
    share = f"{100 * rate / yardstick:5.1f} %" if yardstick else "      "
    cold_ms = f"{cold * 1000:6.0f}" if cold is not None else "      "
    inproc = f"{inprocess * 1000:7.1f}" if inprocess is not None else "       "
    q = f"{queries:>4}" if queries is not None else "    "
    return (
        f"{name:<32} {cold_ms} {inproc} {q} {rate:7.1f} {share}"
        f" {percentile(times, 0.50) * 1000:6.0f} {percentile(times, 0.95) * 1000:6.0f}"
        f" {percentile(times, 0.99) * 1000:6.0f} {errors:>5}"
    )


# Issue 16's targets at the size of a large municipality on this 2-core machine.
TARGET_IN_PROCESS_MS = 20
TARGET_SHARE = 0.03  # of the one-line view's throughput in the same run
TARGET_P95_MS = 250  # every page of the mixed load
TARGET_MEMORY_MB = 300


def _errors(count):
    return f"{count} error" if count == 1 else f"{count} errors"


def missed_targets(key_pages, morning, memory, api_pages=()):
    """What misses a target, in words: [] when every target holds. ``key_pages``: (page, in-process
    seconds, share of the one-line view, errors); ``morning``: (page, p95 seconds, errors); ``api_pages``:
    (request, in-process seconds, share, errors, its in-process target in ms)."""
    missed = []
    pages = [(*page, TARGET_IN_PROCESS_MS) for page in key_pages] + list(api_pages)
    for name, inprocess, share, errors, target_ms in pages:
        if inprocess * 1000 > target_ms:
            missed.append(f"{name}: in-process {inprocess * 1000:.1f} ms > {target_ms} ms")
        floor = api_share_target(target_ms)
        if share < floor:
            missed.append(f"{name}: {100 * share:.1f} % of the one-line view < {100 * floor:g} %")
        if errors:
            missed.append(f"{name}: {_errors(errors)}")
    for name, p95, errors in morning:
        if p95 * 1000 > TARGET_P95_MS:
            missed.append(f"{name} in the morning: p95 {p95 * 1000:.0f} ms > {TARGET_P95_MS} ms")
        if errors:
            missed.append(f"{name} in the morning: {_errors(errors)}")
    missed += [f"a worker: {mb:.0f} MB > {TARGET_MEMORY_MB} MB" for mb in memory if mb > TARGET_MEMORY_MB]
    return missed


HEADER = (
    f"{'page':<32} {'cold':>6} {'in-proc':>7} {'qs':>4} {'req/s':>7} {'share':>7}"
    f" {'p50':>6} {'p95':>6} {'p99':>6} {'errors':>5}\n"
    f"{'':<32} {'ms':>6} {'ms':>7} {'':>4} {'':>7} {'':>7} {'ms':>6} {'ms':>6} {'ms':>6}"
)


def main():
    from django.core.cache import cache

    from frontloeber.api.models import ApiToken

    from . import api as bench_api
    from .municipality import counts
    from .pages import measure, pages, signed_in

    print(", ".join(f"{name} {value:,}" for name, value in counts().items()))
    cache_name = "Redis" if os.environ.get("BENCH_CACHE") == "redis" else "the database cache (the default)"
    print(
        f"gunicorn, {WORKERS} sync workers, production settings, cache: {cache_name};"
        f" {CONNECTIONS} connections, {SECONDS:g} s per page, a {MORNING:g} s morning;"
        f" load average before: {os.getloadavg()[0]:.2f}; a Python loop of 10 million additions:"
        f" {machine_yardstick():.2f} s"
    )
    org_secret, person_secret, token_ids = api_tokens()
    server = start_gunicorn()
    try:
        hello = itertools.repeat(get("one-line view", "/bench/hello/", ""))
        asyncio.run(drive(hello, 1))  # warm both workers
        results, elapsed = asyncio.run(drive(hello, SECONDS))
        yardstick = len(results) / elapsed
        print(HEADER)
        print(row("one-line view", None, None, None, results, elapsed, yardstick))
        clients = {}
        key_pages = []
        for name, people, url in pages():
            cache.clear()
            cookies = [session_cookie(person) for person in people]
            cold_started = time.perf_counter()
            asyncio.run(fetch("GET", url, cookies[0]))
            cold = time.perf_counter() - cold_started
            stream = (get(name, url, c) for c in itertools.cycle(cookies))
            results, elapsed = asyncio.run(drive(stream, SECONDS))
            inprocess, _, queries, _ = measure(signed_in(clients, people[0]), url)
            print(row(name, cold, inprocess, queries, results, elapsed, yardstick))
            errors = sum(1 for *_, ok in results if not ok)
            key_pages.append((name, inprocess, len(results) / elapsed / yardstick, errors))

        api_pages = []
        for name, secret, url, target_ms in api_requests(org_secret, person_secret):
            cache.clear()
            header = (f"Authorization: Bearer {secret}",)
            cold_started = time.perf_counter()
            asyncio.run(fetch("GET", url, "", extra=header))
            cold = time.perf_counter() - cold_started
            stream = itertools.repeat((name, "GET", url, "", b"", header, {200}))
            results, elapsed = asyncio.run(drive(stream, SECONDS))
            inprocess, _, queries, _ = measure(bench_api._client(secret), url)
            print(row(name, cold, inprocess, queries, results, elapsed, yardstick))
            errors = sum(1 for *_, ok in results if not ok)
            api_pages.append((name, inprocess, len(results) / elapsed / yardstick, errors, target_ms))

        cache.clear()
        morning = list(morning_requests(int(MORNING * 400)))  # more than the workers can answer
        results, elapsed = asyncio.run(drive(itertools.cycle(morning), MORNING))
        errors = sum(1 for *_, ok in results if not ok)
        print(
            f"\nA morning: {len(results):,} requests in {elapsed:.1f} s ({len(results) / elapsed:.1f} req/s,"
            f" {errors} errors) by the people of {MORNING_WORKPLACES} workplaces"
        )
        print(HEADER)
        by_page = {}
        for result in results:
            by_page.setdefault(result[0], []).append(result)
        morning_pages = []
        for page, _ in MORNING_MIX:
            if page in by_page:
                print(row(page, None, None, None, by_page[page], elapsed, None))
                times = [t for _, t, _ in by_page[page]]
                failed = sum(1 for *_, ok in by_page[page] if not ok)
                morning_pages.append((page, percentile(times, 0.95), failed))
        print(row("all", None, None, None, results, elapsed, None))
        memory = worker_memory(server)
        print("worker memory after the run: " + ", ".join(f"{mb:.0f} MB" for mb in memory))
        missed = missed_targets(key_pages, morning_pages, memory, api_pages)
        api_list, api_figures = bench_api.TARGET_PAGE_MS, bench_api.TARGET_FIGURES_MS
        print(
            f"\nTargets (in-process median <= {TARGET_IN_PROCESS_MS} ms, >= {100 * TARGET_SHARE:g} % of the"
            f" one-line view; the API's lists <= {api_list} ms and >= {100 * api_share_target(api_list):g} %,"
            f" its figures <= {api_figures} ms and >= {100 * api_share_target(api_figures):g} %;"
            f" p95 <= {TARGET_P95_MS} ms in the morning, workers < {TARGET_MEMORY_MB} MB,"
            " 0 errors): " + ("all met" if not missed else f"{len(missed)} missed")
        )
        for line in missed:
            print(f"  - {line}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        ApiToken.objects.filter(pk__in=token_ids).delete()


if __name__ == "__main__":
    os.environ.update(environment())
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    main()
