"""A bounded load test on loopback: twenty people writing ideas, comments and supports in one workplace at
the same moment, through the real pages of a real HTTP server (pytest-django's threaded live server), each
request in its own thread with its own database connection.

Every request must answer as it does for one person alone (a redirect), and every write must be stored
exactly once. Before the row locks were narrowed to the row meant (``select_for_update(of=("self",))``),
this load ended with 500s from PostgreSQL's deadlock detector: a comment locked the idea's workplace,
organisation and author rows too, crossing every idea, comment and support in the workplace.

PostgreSQL only. SQLite has no row locks, so this load says nothing about them there, and the tests' SQLite
database is in memory with a shared cache, where a second writer is refused at once ("database table is
locked") instead of waiting its turn as with the product's database file (WAL, BEGIN IMMEDIATE), on which the
same load passes. CI runs the suite on PostgreSQL too, where this test runs.
"""

import http.client
import logging
import threading
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit

import pytest
from django.test import Client
from django.urls import reverse

from frontloeber.ideas.models import Comment, Idea, Support
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, idea_form_data, make_idea, member

WRITERS = 20
IDEAS_EACH = 4
COMMENTS_EACH = 4
SUPPORTS_EACH = 2
SHARED = 4  # ideas everyone comments on and supports, written by the first writers
TIMEOUT = 60  # seconds: for one request, and for all writers to finish; a bound, not a measurement

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # Row locks are PostgreSQL's; the tests' in-memory SQLite refuses a second writer at once.
    pytest.mark.postgresql,
]


class _Failures(logging.Handler):
    """The server's own account of each 500 (django.request logs the exception)."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.messages = []

    def emit(self, record):
        error = record.exc_info[1] if record.exc_info else None
        self.messages.append(f"{record.getMessage()}: {type(error).__name__}: {error}".strip())


class Writer:
    """One person in their own browser: their own session cookie and CSRF cookie, one request at a time."""

    def __init__(self, base_url, user):
        client = Client()
        client.force_login(user)
        self.cookies = {"sessionid": client.cookies["sessionid"].value}
        parts = urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.statuses = []

    def request(self, method, path, data=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        try:
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
            body = None
            if data is not None:
                body = urlencode({**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")})
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            response.read()
            for value in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(value).items():
                    self.cookies[name] = morsel.value
            return response.status, response.getheader("Location", "")
        finally:
            conn.close()

    def post(self, path, data):
        status, location = self.request("POST", path, data)
        self.statuses.append((path, status, location))


def test_twenty_people_writing_at_once_get_no_errors_and_every_write_is_stored_once(live_server):
    workplace = WorkplaceFactory()
    member(workplace, Role.LEADER)
    people = [member(workplace).user for _ in range(WRITERS)]
    shared = [make_idea(workplace, author=people[i], title=f"Fælles idé {i}") for i in range(SHARED)]
    writers = [Writer(live_server.url, person) for person in people]
    new_idea = reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug})

    def idea_path(name, idea):
        return reverse(f"ideas:{name}", kwargs={"workplace_slug": workplace.slug, "idea_id": idea.pk})

    def work(k, writer):
        writer.request("GET", new_idea)  # the form sets the CSRF cookie, as in a browser
        start.wait(timeout=TIMEOUT)
        for j in range(IDEAS_EACH):
            writer.post(new_idea, idea_form_data(title=f"Idé {j} fra skribent {k}"))
            writer.post(
                idea_path("comment_create", shared[(k + j) % SHARED]),
                {"body": f"Kommentar {j} fra skribent {k}"},
            )
            if j < SUPPORTS_EACH:  # never one's own shared idea: k % SHARED differs from (k + 1 + j) % SHARED
                writer.post(idea_path("idea_support", shared[(k + 1 + j) % SHARED]), {"on": "1"})

    failures = _Failures()
    logging.getLogger("django.request").addHandler(failures)
    start = threading.Barrier(WRITERS)
    threads = [threading.Thread(target=work, args=(k, w), daemon=True) for k, w in enumerate(writers)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=TIMEOUT)
    finally:
        logging.getLogger("django.request").removeHandler(failures)
    assert not any(thread.is_alive() for thread in threads), "the writers did not finish in time"

    # Every request answered as for one person alone: a redirect to the idea, never to the login page.
    answers = [answer for writer in writers for answer in writer.statuses]
    assert len(answers) == WRITERS * (IDEAS_EACH + COMMENTS_EACH + SUPPORTS_EACH)
    errors = [answer for answer in answers if answer[1] != 302 or "/login" in answer[2]]
    assert not errors, f"{len(errors)} of {len(answers)} writes failed: {errors[:5]} {failures.messages[:5]}"

    # Every write stored exactly once.
    titles = list(Idea.objects.filter(workplace=workplace, title__startswith="Idé ").values_list("title"))
    assert len(titles) == len(set(titles)) == WRITERS * IDEAS_EACH
    bodies = list(Comment.objects.filter(workplace=workplace).values_list("author", "body"))
    assert len(bodies) == len(set(bodies)) == WRITERS * COMMENTS_EACH
    supports = list(Support.objects.filter(workplace=workplace).values_list("user", "idea"))
    assert len(supports) == len(set(supports)) == WRITERS * SUPPORTS_EACH
    for idea in Idea.objects.filter(pk__in=[i.pk for i in shared]):
        assert idea.comment_count == Comment.objects.filter(idea=idea).count()
        assert idea.support_count == Support.objects.filter(idea=idea).count()
