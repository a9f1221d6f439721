"""Tenancy, tokens and scopes for every operation of the API (/api/v1/), walked from its OpenAPI schema:
an operation added to the API is covered as it comes, and one missing from ``SCOPES`` (or with a path
parameter ``IDS`` cannot fill, or a write without a body in ``BODIES``) fails the first tests here.

For each operation, with two organisations of two workplaces each (tests/api_world.py):

- the other organisation's tokens (its organisation token with every scope, its personal one) get a 404 for
  the first organisation's ids, and lists with none of its rows, pseudonyms, names or texts;
- a revoked, an expired, a feed or an unknown token gets a 401; a token in the address a 400;
- a token without the operation's scope gets a 403 of the type out-of-scope (an operation ``SCOPES`` says
  needs none is read by tokens lacking any one scope);
- a personal token of a person of the first workplace only gets a 404 for the second workplace's ids and no
  row of it in lists (where the pages show the workplace's own rows only: ``ORGANISATION_WIDE`` names lists
  a member reads across the organisation, as the pages do);

and the same for every feed in every format (/api/v1/feeds/…), with feed tokens in the address and API
tokens in the header. No request here writes anything (``nothing_written`` of tests/test_tenancy.py; the
tokens count as just used, so a request does not note its use).
"""

import csv
import io
import json
import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from frontloeber.api.api import api
from frontloeber.api.feeds import FORMATS
from frontloeber.api.models import FEED_SCOPES, READ_SCOPES, Feed, Scope
from frontloeber.api.schemas import pseudonym
from tests.api_world import make_organisation, marker
from tests.test_tenancy import nothing_written

pytestmark = pytest.mark.django_db

# The scope each operation needs (None: any valid token reads it). A new operation fails
# test_every_operation_is_known until it is named here.
SCOPES = {
    "GET /api/v1/token": None,
    "GET /api/v1/workplaces": None,
    "GET /api/v1/ideas": Scope.IDEAS,
    "POST /api/v1/workplaces/{workplace_id}/ideas": Scope.IDEAS_WRITE,
    "GET /api/v1/deletions": None,
    "GET /api/v1/experiments": Scope.EXPERIMENTS,
    "GET /api/v1/adoption-plans": Scope.EXPERIMENTS,
    "GET /api/v1/checkpoints": Scope.EXPERIMENTS,
    "GET /api/v1/cases": Scope.EXPERIMENTS,
    "GET /api/v1/case-take-ups": Scope.EXPERIMENTS,
    "GET /api/v1/skills-coverage": Scope.SKILLS,
    "GET /api/v1/indicators": Scope.INSIGHTS,
    "GET /api/v1/survey-rounds": Scope.SURVEY,
    "GET /api/v1/survey-rounds/{round_id}/figures": Scope.SURVEY,
    "GET /api/v1/workshop-sessions": Scope.WORKSHOPS,
    "GET /api/v1/workshop-outputs": Scope.WORKSHOPS,
}

# Lists whose rows a member reads across the organisation, as the pages show them (the case library is the
# organisation's): the person-without-access test does not look for the other workplace's rows in them.
ORGANISATION_WIDE = {"GET /api/v1/cases", "GET /api/v1/case-take-ups"}

# How to fill each path (and id-like query) parameter with an id of an organisation's workplace ``place``.
IDS = {
    "workplace_id": lambda place: place.workplace.pk,
    "idea_id": lambda place: place.rows["idea"].pk,
    "challenge_id": lambda place: place.rows["challenge"].pk,
    "experiment_id": lambda place: place.rows["experiment"].pk,
    "plan_id": lambda place: place.rows["plan"].pk,
    "adoption_plan_id": lambda place: place.rows["plan"].pk,
    "case_id": lambda place: place.rows["case"].pk,
    "session_id": lambda place: place.rows["session"].pk,
    "round_id": lambda place: place.rows["round"].pk,
    "skill_id": lambda place: place.rows["skill"].pk,
}

# What each write sends: valid, so that a refusal is the token's, not the body's.
BODIES = {
    "POST /api/v1/workplaces/{workplace_id}/ideas": {
        "title": "Indtrængende idé",
        "need": "At se det andres",
        "description": "Skrevet med et andet organisations token",
    },
}


SCHEMA = json.loads(json.dumps(api.get_openapi_schema()))  # as served: status codes as strings
OPERATIONS = {
    f"{method.upper()} {path}": operation
    for path, methods in SCHEMA["paths"].items()
    for method, operation in methods.items()
}
ALL = sorted(OPERATIONS)


def _parameters(key, where):
    return [p["name"] for p in OPERATIONS[key].get("parameters", []) if p["in"] == where]


def _id_query_parameters(key):
    return [name for name in _parameters(key, "query") if name in IDS]


def _is_list(key):
    """A list answers with a page: its 200 schema has ``items``."""
    if not key.startswith("GET "):
        return False
    content = OPERATIONS[key]["responses"].get("200", {}).get("content", {})
    ref = next(iter(content.values()), {}).get("schema", {}).get("$ref", "")
    component = SCHEMA["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {})
    return "items" in component.get("properties", {})


def _url(key, place):
    path = key.split(" ", 1)[1]
    return re.sub(r"\{(\w+)\}", lambda m: str(IDS[m.group(1)](place)), path)


def ask(key, place, secret, *, query=None, **headers):
    """The operation ``key`` on ``place``'s ids, with ``secret`` as the bearer token (None: no header)."""
    method = key.split(" ", 1)[0]
    if secret is not None:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {secret}"
    client = Client()
    url = _url(key, place)
    if method == "GET":
        return client.get(url, query or {}, **headers)
    if query:
        url += "?" + "&".join(f"{name}={value}" for name, value in query.items())
    return client.generic(method, url, json.dumps(BODIES[key]), content_type="application/json", **headers)


def _kind(response):
    assert response["Content-Type"] == "application/problem+json", response.content[:300]
    return response.json()["type"].rsplit("/", 1)[-1]


@pytest.fixture(scope="module")
def orgs(django_db_setup, django_db_blocker):
    """Two organisations of two filled workplaces each, built once for the module inside a transaction
    rolled back after its last test; each test runs in a savepoint of it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield make_organisation(2), make_organisation(2)
        transaction.set_rollback(True)


# --- What an answer may not hold ---------------------------------------------------------------------------


def _strings_and_workplaces(value, strings, workplaces, key=""):
    if isinstance(value, dict):
        for k, v in value.items():
            _strings_and_workplaces(v, strings, workplaces, k)
    elif isinstance(value, list):
        for v in value:
            _strings_and_workplaces(v, strings, workplaces, key)
    elif isinstance(value, str):
        strings.append(value)
    elif key.endswith("workplace_id") or key == "workplace":
        workplaces.append(value)


def _identity(item):
    if isinstance(item, dict) and "id" in item:
        return (item.get("resource"), item.get("kind"), item["id"])
    return json.dumps(item, sort_keys=True)


def _workplace_of(key, item):
    """The workplace a list's row belongs to: its ``workplace_id``, or in the list of workplaces its id."""
    if "workplace_id" in item:
        return item["workplace_id"]
    assert key == "GET /api/v1/workplaces", (
        f"say in _workplace_of how to tell the workplace of a row of {key}"
    )
    return item["id"]


def _items(response):
    assert response.status_code == 200, response.content[:500]
    return [_identity(item) for item in response.json().get("items", [])]


def assert_holds_none_of(data, places, *, people, others=(), organisation=True):
    """``data`` (an answer's JSON, or a feed's rows) holds no row, text, name or pseudonym of ``places``
    (workplaces of one organisation, and its name unless ``organisation`` is false): ``people`` are theirs,
    ``others`` those the reader may see (a name two people share is not evidence)."""
    strings, workplaces = [], []
    _strings_and_workplaces(data, strings, workplaces)
    leaked_workplaces = {p.workplace.pk for p in places} & set(workplaces)
    assert not leaked_workplaces, f"rows of workplaces {leaked_workplaces}"
    marks = [marker(p.workplace) for p in places]
    visible_names = {person.full_name for person in others}
    exact = {p.workplace.name for p in places}
    if organisation:
        exact.add(places[0].workplace.organisation.name)
    for person in people:
        exact |= {person.email, pseudonym(places[0].workplace.organisation_id, person.pk)}
        if person.full_name not in visible_names:
            exact.add(person.full_name)
    leaked = [s for s in strings if s in exact or any(m in s for m in marks)]
    assert not leaked, f"texts, names or pseudonyms of another tenant: {leaked[:5]}"


def assert_found_nothing(response):
    """A filter by an id the token may not read: a 404 (a workplace's id, as on the pages), or a page
    without rows (a filter that matches none of the reader's rows)."""
    if response.status_code == 404:
        assert _kind(response) == "not-found"
    else:
        assert response.status_code == 200 and response.json()["items"] == [], response.content[:300]


# --- Every operation is known -------------------------------------------------------------------------------


def test_every_operation_is_known():
    unknown = set(OPERATIONS) - set(SCOPES)
    assert not unknown, f"name the scope of these operations in SCOPES (tests/test_api_tenancy.py): {unknown}"
    stale = set(SCOPES) - set(OPERATIONS)
    assert not stale, f"SCOPES names operations that no longer exist: {stale}"
    assert ORGANISATION_WIDE <= set(OPERATIONS), ORGANISATION_WIDE - set(OPERATIONS)
    for key in OPERATIONS:
        for name in _parameters(key, "path"):
            assert name in IDS, f"{key}: say in IDS how to fill the path parameter {name}"
        if not key.startswith("GET "):
            assert key in BODIES, f"{key}: give a valid body in BODIES"


def test_every_list_has_rows_of_each_workplace_to_keep_apart(orgs):
    """Each list is tried on rows that are there: the organisation's own token reads some of each
    workplace's (a list with nothing to leak would pass the tests below whatever it did)."""
    a, _b = orgs
    lists = [key for key in ALL if _is_list(key)]
    assert "GET /api/v1/ideas" in lists and "GET /api/v1/workplaces" in lists
    for key in lists:
        items = _items(ask(key, a.places[0], a.secrets["organisation"]))
        assert items, f"{key} lists nothing for the organisation: give tests/api_world.fill rows it reads"


# --- Another organisation ---------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["organisation", "personal"])
@pytest.mark.parametrize("key", ALL)
def test_another_organisations_token_reads_nothing_of_the_first(orgs, key, who):
    a, b = orgs
    secret = b.secrets[who]
    needs = SCOPES[key]
    with nothing_written():
        if _parameters(key, "path"):
            response = ask(key, a.places[0], secret)
            if who == "organisation" and needs is not None and needs not in READ_SCOPES:
                # An organisation token cannot hold the scope (it only reads): refused before any id.
                assert (response.status_code, _kind(response)) == (403, "out-of-scope"), key
            else:
                assert (response.status_code, _kind(response)) == (404, "not-found"), key
        else:
            response = ask(key, b.places[0], secret)
            assert response.status_code == 200, (key, response.content[:500])
            assert_holds_none_of(response.json(), a.places, people=a.people(), others=b.people())
            if _is_list(key):
                own = set(_items(ask(key, a.places[0], a.secrets["organisation"])))
                own |= set(_items(ask(key, a.places[0], a.secrets["personal"])))
                assert not own & set(_items(response)), key
        for name in _id_query_parameters(key):
            assert_found_nothing(ask(key, b.places[0], secret, query={name: IDS[name](a.places[0])}))


# --- Tokens that are no longer, or never were, good for this ------------------------------------------------


@pytest.mark.parametrize("secret", ["revoked", "expired", "feed", "personal-feed", "unknown", None])
@pytest.mark.parametrize("key", ALL)
def test_a_revoked_expired_feed_or_unknown_token_gets_401(orgs, key, secret):
    a, _b = orgs
    sent = {"unknown": "flo_" + "x" * 43, None: None}.get(secret, a.secrets.get(secret))
    with nothing_written():
        response = ask(key, a.places[0], sent)
    assert (response.status_code, _kind(response)) == (401, "unauthorised"), key
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("name", ["token", "access_token"])
@pytest.mark.parametrize("key", ALL)
def test_a_token_in_the_address_gets_400(orgs, key, name):
    a, _b = orgs
    with nothing_written():
        response = ask(key, a.places[0], None, query={name: a.secrets["organisation"]})
    assert (response.status_code, _kind(response)) == (400, "token-in-address"), key


@pytest.mark.parametrize("key", [k for k in ALL if SCOPES.get(k)])
def test_a_token_without_the_operations_scope_gets_403(orgs, key):
    a, _b = orgs
    scope = SCOPES[key]
    kinds = ["personal"] + (["organisation"] if scope in READ_SCOPES else [])
    for kind in kinds:
        with nothing_written():
            response = ask(key, a.places[0], a.secrets[f"{kind}-{scope}"])
        assert (response.status_code, _kind(response)) == (403, "out-of-scope"), (key, kind)


@pytest.mark.parametrize(
    "key", [k for k in ALL if k in SCOPES and SCOPES[k] is None and k.startswith("GET ")]
)
def test_an_operation_that_needs_no_scope_reads_with_any(orgs, key):
    """SCOPES says None only of what needs no scope: a token lacking any one scope reads it."""
    a, _b = orgs
    for scope in Scope.values:
        for kind in ["personal"] + (["organisation"] if scope in READ_SCOPES else []):
            response = ask(key, a.places[0], a.secrets[f"{kind}-{scope}"])
            assert response.status_code == 200, (key, kind, scope, response.content[:300])


# --- A person of one workplace, and another workplace of their organisation --------------------------------


@pytest.mark.parametrize("key", [k for k in ALL if k not in ORGANISATION_WIDE])
def test_a_person_of_one_workplace_reads_nothing_of_the_other(orgs, key):
    a, _b = orgs
    mine, theirs = a.places
    secret = a.secrets["personal"]  # the first workplace's leader, a member there only
    with nothing_written():
        if _parameters(key, "path"):
            response = ask(key, theirs, secret)
            assert (response.status_code, _kind(response)) == (404, "not-found"), key
        else:
            response = ask(key, mine, secret)
            assert response.status_code == 200, (key, response.content[:500])
            strangers = [theirs.leader, *theirs.employees]
            assert_holds_none_of(
                response.json(), [theirs], people=strangers, others=[mine.leader], organisation=False
            )
            if _is_list(key):
                rows = [
                    _identity(item)
                    for item in ask(key, theirs, a.secrets["organisation"]).json()["items"]
                    if _workplace_of(key, item) == theirs.workplace.pk
                ]
                assert not set(rows) & set(_items(response)), key
        for name in _id_query_parameters(key):
            assert_found_nothing(ask(key, mine, secret, query={name: IDS[name](theirs)}))


# --- The feeds (/api/v1/feeds/<feed>.<format>): every feed in every format ---------------------------------

FEEDS = [(feed, fmt) for feed in Feed.values for fmt in FORMATS]


def ask_feed(feed, fmt, *, token=None, header=None):
    """The feed with a feed token in the address (``token``) or an API token in the header (``header``)."""
    extra = {"HTTP_AUTHORIZATION": f"Bearer {header}"} if header else {}
    url = reverse("api_pages:feed", kwargs={"feed": feed, "fmt": fmt})
    return Client().get(url, {"token": token} if token else {}, **extra)


def feed_rows(response, fmt):
    """The feed's rows as dicts by column name."""
    assert response.status_code == 200, response.getvalue()[:300]
    data = response.getvalue()
    if fmt == "csv":
        table = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    else:
        sheet = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
        table = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    header, *rows = table
    return [dict(zip(header, row, strict=True)) for row in rows]


def assert_feed_holds_none_of(rows, places, *, people, others=(), organisation=True):
    assert_holds_none_of(rows, places, people=people, others=others, organisation=organisation)
    ids = {str(p.workplace.pk) for p in places}
    assert not [row for row in rows if row.get("workplace_id") in ids]


@pytest.mark.parametrize(("feed", "fmt"), FEEDS)
def test_a_feed_reads_nothing_of_another_organisation(orgs, feed, fmt):
    a, b = orgs
    assert feed_rows(ask_feed(feed, fmt, token=a.secrets[f"feed-{feed}"]), fmt), (
        "a feed with rows to keep apart"
    )
    with nothing_written():
        for response in (
            ask_feed(feed, fmt, token=b.secrets[f"feed-{feed}"]),
            ask_feed(feed, fmt, token=b.secrets[f"personal-feed-{feed}"]),
            ask_feed(feed, fmt, header=b.secrets["organisation"]),
            ask_feed(feed, fmt, header=b.secrets["personal"]),
        ):
            rows = feed_rows(response, fmt)
            assert rows, "the other organisation's feed has rows of its own"
            assert_feed_holds_none_of(rows, a.places, people=a.people(), others=b.people())


@pytest.mark.parametrize(("feed", "fmt"), FEEDS)
def test_a_person_of_one_workplace_reads_nothing_of_the_other_in_a_feed(orgs, feed, fmt):
    a, _b = orgs
    mine, theirs = a.places
    with nothing_written():
        for response in (
            ask_feed(feed, fmt, token=a.secrets[f"personal-feed-{feed}"]),
            ask_feed(feed, fmt, header=a.secrets["personal"]),
        ):
            rows = feed_rows(response, fmt)
            assert {row["workplace_id"] for row in rows} == {str(mine.workplace.pk)}
            strangers = [theirs.leader, *theirs.employees]
            assert_feed_holds_none_of(
                rows, [theirs], people=strangers, others=[mine.leader], organisation=False
            )


@pytest.mark.parametrize(("feed", "fmt"), FEEDS)
def test_a_revoked_expired_or_another_feeds_token_gets_401(orgs, feed, fmt):
    a, _b = orgs
    other = next(f for f in Feed.values if f != feed)
    with nothing_written():
        for response in (
            ask_feed(feed, fmt, token=a.secrets[f"revoked-feed-{feed}"]),
            ask_feed(feed, fmt, token=a.secrets[f"expired-feed-{feed}"]),
            ask_feed(feed, fmt, token=a.secrets[f"feed-{other}"]),
            ask_feed(feed, fmt, token="flf_" + "x" * 43),
            ask_feed(feed, fmt, header=a.secrets[f"feed-{feed}"]),  # a feed token goes in the address
            ask_feed(feed, fmt, header=a.secrets["revoked"]),
            ask_feed(feed, fmt, header=a.secrets["expired"]),
            ask_feed(feed, fmt),
        ):
            assert (response.status_code, _kind(response)) == (401, "unauthorised")


@pytest.mark.parametrize(("feed", "fmt"), FEEDS)
def test_an_api_token_in_a_feeds_address_gets_400_and_one_without_the_scope_403(orgs, feed, fmt):
    a, _b = orgs
    scope = FEED_SCOPES[feed]
    with nothing_written():
        for secret in (a.secrets["organisation"], a.secrets["personal"]):
            response = ask_feed(feed, fmt, token=secret)
            assert (response.status_code, _kind(response)) == (400, "token-in-address")
        for secret in (a.secrets[f"organisation-{scope}"], a.secrets[f"personal-{scope}"]):
            response = ask_feed(feed, fmt, header=secret)
            assert (response.status_code, _kind(response)) == (403, "out-of-scope")
