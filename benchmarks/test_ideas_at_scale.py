"""Benchmarks (``make bench``): the ideas pages at the scale of a large municipality.

Not part of ``make test``: they build tens of thousands of rows and measure time, which tests must not.
Run on PostgreSQL for figures that mean something (``DATABASE_URL=postgres://… make bench``); SQLite works
too. Each page is requested a few times and the median printed; the assertion is a generous ceiling that
only a missing index or a query per row would break.
"""

import os
import random
import statistics
import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from frontloeber.core.markdown import render as render_markdown
from frontloeber.ideas import search
from frontloeber.ideas.models import Comment, Idea, IdeaEvent, IdeaTag, Support, Tag
from frontloeber.organisations.models import Membership, Role, Workplace
from tests.factories import OrganisationFactory, UserFactory

IDEAS = int(os.environ.get("BENCH_IDEAS", "50000"))
WORKPLACES = int(os.environ.get("BENCH_WORKPLACES", "200"))
BUSY_IDEAS = int(os.environ.get("BENCH_BUSY_IDEAS", "3000"))  # the busiest workplace's ideas
CEILING_SECONDS = 0.5

WORDS = (
    "tablet app video skærm billeder forældre borgere sensorer lys signal ambulance patient journal "
    "tale tekst booking kalender robot vagtplan overlevering lyd piktogrammer kørsel rute gps kort "
    "digital post mitid venteområde skranke telefon chat kunstig intelligens data dashboard"
).split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()


@pytest.fixture(scope="module")
def scale(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        rng = random.Random(7)
        organisation = OrganisationFactory()
        workplaces = Workplace.objects.bulk_create(
            Workplace(organisation=organisation, name=f"Arbejdsplads {i}", slug=f"bench-{i}", sector="other")
            for i in range(WORKPLACES)
        )
        busy = workplaces[0]
        leader = UserFactory()
        Membership.objects.create(organisation=organisation, workplace=busy, user=leader, role=Role.LEADER)
        authors = [UserFactory() for _ in range(30)]
        Membership.objects.bulk_create(
            Membership(organisation=organisation, workplace=busy, user=user, role=Role.EMPLOYEE)
            for user in authors
        )
        tags = Tag.objects.bulk_create(Tag(organisation=organisation, name=w, key=w) for w in WORDS[:20])
        now = timezone.now()
        statuses = ["new", "qualifying", "experimenting", "adopted", "parked", "not_pursued"]
        rows = []
        for i in range(IDEAS):
            workplace = busy if i < BUSY_IDEAS else workplaces[1 + i % (WORKPLACES - 1)]
            title, need = sentence(rng, 6), sentence(rng, 20)
            created = now - timezone.timedelta(minutes=i * 7)
            rows.append(
                Idea(
                    organisation=organisation,
                    workplace=workplace,
                    author=rng.choice(authors),
                    title=title,
                    need=need,
                    description=sentence(rng, 40),
                    status=rng.choice(statuses),
                    created_at=created,
                    last_activity_at=created,
                    awaiting_leader_since=created if i % 25 == 0 else None,
                    support_count=rng.randint(0, 12),
                    search_text=f"{title}\n{need}",
                )
            )
        ideas = Idea.objects.bulk_create(rows, batch_size=2000)
        if connection.vendor != "postgresql":
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {search.FTS_TABLE} (rowid, stems) VALUES (%s, %s)",  # noqa: S608
                    [(idea.pk, " ".join(search.terms(idea.search_text))) for idea in ideas],
                )
        IdeaTag.objects.bulk_create(
            (
                IdeaTag(
                    organisation_id=idea.organisation_id,
                    workplace_id=idea.workplace_id,
                    idea_id=idea.pk,
                    tag_id=rng.choice(tags).pk,
                )
                for idea in ideas
            ),
            batch_size=5000,
        )
        target = ideas[0]
        Comment.objects.bulk_create(
            Comment(
                organisation=organisation,
                workplace=busy,
                idea=target,
                author=rng.choice(authors),
                body="Godt! Det vil **spare** os tid på stuen.",
                body_html=str(
                    render_markdown("Godt! Det vil **spare** os tid på stuen.")
                ),  # as save() stores it
            )
            for _ in range(200)
        )
        Support.objects.bulk_create(
            Support(organisation=organisation, workplace=busy, idea=target, user=user) for user in authors
        )
        IdeaEvent.objects.bulk_create(
            IdeaEvent(organisation=organisation, workplace=busy, idea=target, actor=leader, kind="moved")
            for _ in range(50)
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    yield {"workplace": busy, "leader": leader, "idea": target}


def profile(client, url):
    """With BENCH_PROFILE=1: where one request's time goes (cProfile, the 15 costliest by cumulative time)."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    with CaptureQueriesContext(connection) as queries:
        profiler.runcall(client.get, url)
    database_ms = sum(float(q["time"]) for q in queries) * 1000
    print(f"\n  {url}: {len(queries)} queries, {database_ms:.1f} ms in the database")
    for q in sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:3]:
        print(f"    {float(q['time']) * 1000:6.1f} ms  {q['sql'][:300]}")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def measure(client, url, runs=5):
    if os.environ.get("BENCH_PROFILE"):
        profile(client, url)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, url
    return statistics.median(timings)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("board", ""),
        ("board, most supported, page 20", "?sort=supported&side=20"),
        ("board, search", "?q=billeder+forældre"),
        ("board, search a common word", "?q=billeder"),
        ("board, search a common word, by relevance", "?q=billeder&sort=relevance"),
        ("board, status and tag", "?status=qualifying&tag=tablet"),
        ("inbox", None),
        ("idea page (200 comments)", "idea"),
        ("similar ideas", "similar"),
    ],
)
def test_page_time_at_scale(client, scale, name, path):
    workplace, leader = scale["workplace"], scale["leader"]
    client.force_login(leader)
    kwargs = {"workplace_slug": workplace.slug}
    if path is None:
        url = reverse("ideas:inbox", kwargs=kwargs)
    elif path == "idea":
        url = reverse("ideas:idea_detail", kwargs={**kwargs, "idea_id": scale["idea"].pk})
    elif path == "similar":
        url = reverse("ideas:similar", kwargs=kwargs) + "?title=billeder+til+forældre&need=tablet+skærm"
    else:
        url = reverse("ideas:board", kwargs=kwargs) + path
    seconds = measure(client, url)
    print(f"\n  {name:<40} {seconds * 1000:7.1f} ms   ({IDEAS} ideas, {connection.vendor})")
    assert seconds < CEILING_SECONDS
