"""In-process timings of the key pages on the municipality's data (issue 16): ``make bench-pages``.

Each page is asked for once to warm Django up, then RUNS times by the person who would open it; the table
gives the median and the slowest time, the queries and the database's share. DATABASE_URL names the database
``make bench-data`` built (see benchmarks/municipality/).
"""

import os
import statistics
import time

RUNS = int(os.environ.get("BENCH_RUNS", "7"))


def pages():
    """(page, people, url) for each key page: the people of the busiest workplace who would open it (its
    leader, its employees) or the demo organisation's admins; the first of them is the one timed
    in-process."""
    from django.db.models import Count
    from django.urls import reverse

    from frontloeber.ideas.models import Idea, IdeaTag
    from frontloeber.organisations.models import Membership, OrganisationAdmin, Workplace

    from .municipality import BUSY_SLUG, RARE_WORD

    busy = Workplace.objects.get(slug=BUSY_SLUG)
    members = Membership.objects.filter(workplace=busy).select_related("user").order_by("pk")
    leaders = [m.user for m in members if m.role == "leader"]
    employees = [m.user for m in members if m.role == "employee"]
    admins = [
        a.user
        for a in OrganisationAdmin.objects.filter(organisation=busy.organisation)
        .select_related("user")
        .order_by("pk")
    ]
    discussed = Idea.objects.filter(workplace=busy).order_by("-comment_count", "pk").first()
    # The tag the organisation's ideas carry most, as its workplaces' boards are filtered by.
    common_tag = (
        IdeaTag.objects.filter(organisation=busy.organisation)
        .values("tag__key")
        .annotate(n=Count("pk"))
        .order_by("-n", "tag__key")[0]["tag__key"]
    )
    w = {"workplace_slug": busy.slug}
    o = {"org_slug": busy.organisation.slug}
    board = reverse("ideas:board", kwargs=w)
    return [
        ("workplace home", employees, reverse("organisations:workplace_home", kwargs=w)),
        ("idea board", employees, board),
        ("board search, a common word", employees, board + "?q=billeder"),
        ("board search, a rare word", employees, board + f"?q={RARE_WORD}"),
        ("board, its commonest tag", employees, board + f"?tag={common_tag}"),
        (
            f"idea page, {discussed.comment_count} comments",
            employees,
            reverse("ideas:idea_detail", kwargs={**w, "idea_id": discussed.pk}),
        ),
        ("leader inbox", leaders, reverse("ideas:inbox", kwargs=w)),
        ("experiment list", leaders, reverse("experiments:experiment_list", kwargs=w)),
        ("case library", employees, reverse("experiments:case_list", kwargs=w)),
        ("skills map", leaders, reverse("competences:map", kwargs=w)),
        ("learning list", employees, reverse("competences:activity_list", kwargs=w)),
        ("workshop sessions", leaders, reverse("workshops:session_list", kwargs=w)),
        ("notifications", leaders, reverse("notifications:list")),
        ("organisation home", admins, reverse("organisations:organisation_home", kwargs=o)),
        ("organisation roll-up", admins, reverse("reflection:rollup", kwargs=o)),
        ("practice overview", leaders, reverse("insights:overview", kwargs=w)),
        ("municipality view", admins, reverse("insights:organisation_overview", kwargs=o)),
        ("audit log", admins, reverse("organisations:audit_log", kwargs=o)),
        ("people not seen", admins, reverse("organisations:people_not_seen", kwargs=o)),
        ("people who left", admins, reverse("organisations:people_who_left", kwargs=o)),
    ]


def admin_pages():
    """(page, people, url or (url, data) to POST) for the pages an organisation admin opens now and then:
    timed in-process by ``make bench-pages``, not put under ``make bench``'s load with its 20 ms target."""
    from django.urls import reverse

    from frontloeber.organisations.models import OrganisationAdmin, Workplace

    from .municipality import BUSY_SLUG

    busy = Workplace.objects.select_related("organisation").get(slug=BUSY_SLUG)
    admins = [
        a.user
        for a in OrganisationAdmin.objects.filter(organisation=busy.organisation)
        .select_related("user")
        .order_by("pk")
    ]
    o = {"org_slug": busy.organisation.slug}
    return [
        ("single sign-on settings", admins, reverse("sso:settings", kwargs=o)),
        ("sign-in rules", admins, reverse("sso:mapping", kwargs=o)),
        # A rule previewed against everyone who has signed in (a POST: the preview is not saved).
        (
            "sign-in rule preview, everyone",
            admins,
            (
                reverse("sso:mapping", kwargs=o),
                {"kind": "workplace", "value": "unit-new", "workplace": str(busy.pk)},
            ),
        ),
    ]


def signed_in(clients, person):
    """A test client signed in as ``person``: one per person, kept in ``clients``."""
    from django.test import Client

    if person.pk not in clients:
        clients[person.pk] = Client()
        clients[person.pk].force_login(person)
    return clients[person.pk]


def measure(client, url):
    """``url`` is an address to GET, or (address, data) to POST."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if isinstance(url, tuple):
        address, data = url

        def ask():
            return client.post(address, data)
    else:

        def ask():
            return client.get(url)

    response = ask()
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as captured:
        ask()
    # Read now: the next request empties the connection's log.
    queries = len(captured)
    database = sum(float(q["time"]) for q in captured.captured_queries)
    if os.environ.get("BENCH_PROFILE"):  # the slowest queries of each page
        for q in sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:2]:
            print(f"    {float(q['time']) * 1000:6.1f} ms  {q['sql'][:400]}")
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        ask()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings), max(timings), queries, database


def main():
    from .municipality import counts

    print(", ".join(f"{name} {value:,}" for name, value in counts().items()))
    print(f"{'page':<34} {'median':>8} {'slowest':>8} {'queries':>8} {'in the db':>10}")
    clients = {}
    only = os.environ.get("BENCH_ONLY", "")  # e.g. "search,roll-up": the pages whose names hold one of these
    for name, people, url in [*pages(), *admin_pages()]:
        if only and not any(part.strip() in name for part in only.split(",")):
            continue
        median, slowest, queries, database = measure(signed_in(clients, people[0]), url)
        print(
            f"{name:<34} {median * 1000:6.1f} ms {slowest * 1000:5.1f} ms"
            f" {queries:>8} {database * 1000:7.1f} ms"
        )
    # The API's lists and its ideas feed (benchmarks/api.py), named "api …".
    from .api import main as api_main

    api_main(only)


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontloeber.settings")
    django.setup()
    main()
