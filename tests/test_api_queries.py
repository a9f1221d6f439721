"""Query counts of every list of the API, pinned: a page costs the same number of queries whether the
organisation has 2 workplaces with a row of everything or 8, for an organisation token and for a personal
token that reads as much (its person leads every workplace). The lists are every GET of the OpenAPI schema
that answers with a page (``items``) and takes no path parameter, so a new list is counted as it comes."""

import json

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from frontloeber.api.api import api
from tests.api_world import make_organisation, reader_everywhere

pytestmark = pytest.mark.django_db

SCHEMA = json.loads(json.dumps(api.get_openapi_schema()))  # as served: status codes as strings
# The largest page: every row of the smaller organisation is on it, so a query made per row would show.
LIMIT = 500


def _is_page(operation):
    content = operation["responses"].get("200", {}).get("content", {})
    ref = next(iter(content.values()), {}).get("schema", {}).get("$ref", "")
    component = SCHEMA["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {})
    return "items" in component.get("properties", {})


LISTS = sorted(
    path
    for path, methods in SCHEMA["paths"].items()
    if "get" in methods and _is_page(methods["get"]) and "{" not in path
)


@pytest.fixture(scope="module")
def sizes(django_db_setup, django_db_blocker):
    """An organisation of 2 filled workplaces and one of 8, each with an organisation token and a personal
    token of a person who leads every workplace; built once, in a transaction rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        small, large = make_organisation(2), make_organisation(8)
        yield {
            name: {"organisation": org.secrets["organisation"], "personal": reader_everywhere(org)}
            for name, org in (("small", small), ("large", large))
        }
        transaction.set_rollback(True)


def test_there_are_lists_to_count():
    assert "/api/v1/ideas" in LISTS and "/api/v1/workplaces" in LISTS


def _page(path, secret):
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    client.get(path, {"limit": LIMIT})  # once first: what a process reads once (translations, caches)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, {"limit": LIMIT})
    assert response.status_code == 200, response.content[:300]
    return response.json()["items"], [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("who", ["organisation", "personal"])
@pytest.mark.parametrize("path", LISTS)
def test_a_page_costs_the_same_queries_for_2_workplaces_and_for_8(sizes, path, who):
    small_items, small_queries = _page(path, sizes["small"][who])
    large_items, large_queries = _page(path, sizes["large"][who])
    # The larger organisation's page is larger (or full): the count below compares pages of different size.
    assert len(large_items) > len(small_items) or len(large_items) == LIMIT, (len(small_items), path)
    assert len(large_queries) == len(small_queries), "\n".join(
        ["2 workplaces:", *small_queries, "8 workplaces:", *large_queries]
    )
