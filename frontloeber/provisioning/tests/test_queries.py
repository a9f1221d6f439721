"""The lists answer in a fixed number of queries, however many people and groups there are."""

import pytest

from .conftest import DOMAIN, group_payload, user_payload

pytestmark = pytest.mark.django_db


def people(scim, first, last):
    made = []
    for n in range(first, last):
        response = scim.post("Users", user_payload(f"p{n}@{DOMAIN}", external_id=f"e{n}"))
        made.append(response.json()["id"])
    return made


def test_listing_people_takes_the_same_queries_for_few_and_many(scim, django_assert_num_queries):
    people(scim, 0, 2)
    scim.get("Users")  # the token's use is noted once a minute: not in the count below
    # The token, the count, the page.
    with django_assert_num_queries(3):
        few = scim.get("Users")
    people(scim, 2, 25)
    with django_assert_num_queries(3):
        many = scim.get("Users")
    assert few.json()["totalResults"] == 3 and many.json()["itemsPerPage"] == 26
    with django_assert_num_queries(3):
        assert scim.get("Users", filter=f'userName eq "p7@{DOMAIN}"').json()["totalResults"] == 1


def test_listing_groups_takes_the_same_queries_for_few_and_many(scim, django_assert_num_queries):
    ids = people(scim, 0, 20)
    scim.post("Groups", group_payload("A", members=ids[:2]))
    scim.get("Groups")
    # The token, the count, the page, its members with their people.
    with django_assert_num_queries(4):
        few = scim.get("Groups")
    for n in range(8):
        scim.post("Groups", group_payload(f"G{n}", members=ids[n:]))
    with django_assert_num_queries(4):
        many = scim.get("Groups")
    assert len(few.json()["Resources"]) == 1 and len(many.json()["Resources"]) == 9
    assert sum(len(g["members"]) for g in many.json()["Resources"]) == 2 + sum(20 - n for n in range(8))
    with django_assert_num_queries(3):  # Entra ID asks without the members
        scim.get("Groups", excludedAttributes="members")


def test_renaming_a_group_reads_the_same_queries_for_five_members_or_forty(scim, org):
    """Its members' memberships are weighed together: without moving anyone, a rename of a group of forty
    costs what a group of five does (it took 6 queries more per member)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from frontloeber.sso.models import MappingRule

    from .conftest import patch_op

    MappingRule.objects.create(
        organisation=org.organisation, kind="workplace", value="g-1", target_workplace=org.workplace
    )
    counts = []
    for size, first in ((5, 100), (40, 200)):
        members = people(scim, first, first + size)
        group = scim.post(
            "Groups",
            group_payload(f"Akut {size}", external_id=f"g-{size}", members=members),
        )
        scim.get("Users")  # the token's use is noted once a minute: not in the count below
        with CaptureQueriesContext(connection) as queries:
            renamed = scim.patch(
                f"Groups/{group.json()['id']}",
                patch_op({"op": "replace", "path": "displayName", "value": f"Akut {size} nord"}),
            )
        assert renamed.status_code == 200
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1], counts
