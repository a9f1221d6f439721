"""The API's lists of workshop sessions and what their posts became (scope ``workshops``): who reads which
rows, counts without names, text only for members, paging, query counts and tombstones."""

from dataclasses import dataclass
from datetime import datetime

import pytest
from django.db import transaction

from frontloeber.api import services
from frontloeber.organisations.models import Role
from frontloeber.workshops import services as workshop_services
from frontloeber.workshops.models import SessionOutput, WorkshopSession
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, live_session, member, plan_session

pytestmark = pytest.mark.django_db

MARK = "MRKTXT"
GUEST = "Gæstenavn Hansen"
RESOURCES = {"workshop-sessions": WorkshopSession, "workshop-outputs": SessionOutput}


def url(resource):
    return f"/api/v1/{resource}"


def token(actor, organisation, scopes, *, personal=False):
    make = services.personal_token_create if personal else services.organisation_token_create
    return make(actor=actor, organisation=organisation, name="Test", scopes=scopes)[1]


def run_workshop(workplace, *, leader, posters, guest=None, place=""):
    """A session on its posting step where each of ``posters`` (and the guest) posted once; the first post
    became an idea, the second a barrier; ended. Returns the session and its posts."""
    session = live_session(workplace, leader=leader, place=place)
    session = workshop_services.session_step(actor=leader, session=session, action="next")
    people = [workshop_services.participant_join(session=session, user=user) for user in posters]
    if guest:
        people.append(workshop_services.participant_join(session=session, display_name=guest))
    posts = [
        workshop_services.post_create(participant=person, text=f"{MARK} opslag {n}")
        for n, person in enumerate(people)
    ]
    workshop_services.post_to_idea(
        actor=leader, post=posts[0], title="Fælles kalender", need="Overblik", description=posts[0].text
    )
    workshop_services.barrier_create(
        actor=leader, workplace=workplace, kind="time", description=f"{MARK} barriere", post=posts[1]
    )
    session = workshop_services.session_end(actor=leader, session=session)
    return session, posts


@dataclass
class Room:
    organisation: object
    workplace: object
    other_workplace: object
    leader: object
    employee: object
    planned: object
    ended: object
    session_b: object
    org: str
    personal: str
    observer: str
    no_scope: str
    other_org: str
    other_organisation_workplace: object


def build_room():
    """Workplace A planned one session and ran another (a member and a guest posted; two posts became an
    idea and a barrier); workplace B ran one; another organisation ran one of its own."""
    a = WorkplaceFactory()
    organisation = a.organisation
    b = WorkplaceFactory(organisation=organisation)
    leader, employee = member(a, Role.LEADER).user, member(a).user
    observer = member(a, Role.OBSERVER).user
    admin = OrganisationAdminFactory(organisation=organisation).user
    leader_b = member(b, Role.LEADER).user
    planned = plan_session(a, leader=leader, place=f"{MARK} mødelokale")
    ended, _posts = run_workshop(a, leader=leader, posters=[employee], guest=GUEST)
    session_b, _posts = run_workshop(b, leader=leader_b, posters=[leader_b, member(b).user])
    other = WorkplaceFactory()
    other_leader = member(other, Role.LEADER).user
    run_workshop(other, leader=other_leader, posters=[other_leader, member(other).user])
    other_admin = OrganisationAdminFactory(organisation=other.organisation).user
    return Room(
        organisation=organisation,
        workplace=a,
        other_workplace=b,
        leader=leader,
        employee=employee,
        planned=planned,
        ended=ended,
        session_b=session_b,
        org=token(admin, organisation, ["workshops"]),
        personal=token(employee, organisation, ["workshops"], personal=True),
        observer=token(observer, organisation, ["workshops"], personal=True),
        no_scope=token(admin, organisation, ["ideas", "experiments"]),
        other_org=token(other_admin, other.organisation, ["workshops"]),
        other_organisation_workplace=other,
    )


@pytest.fixture(scope="module")
def room(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back after its last test; each test runs in a
    savepoint of it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_room()
        transaction.set_rollback(True)


def moment(text):
    return datetime.fromisoformat(text)


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["items"]}


def of(resource, organisation, **filters):
    rows = RESOURCES[resource].objects.filter(organisation=organisation, **filters)
    return set(rows.values_list("pk", flat=True))


@pytest.mark.parametrize("resource", RESOURCES)
def test_an_organisation_token_reads_every_workplace_without_text_or_names(room, api_client, resource):
    response = api_client(room.org).get(url(resource))
    assert ids(response) == of(resource, room.organisation) != set()
    assert {row["workplace_id"] for row in response.json()["items"]} == {
        room.workplace.pk,
        room.other_workplace.pk,
    }
    body = response.content.decode()
    assert MARK not in body and GUEST not in body and room.employee.full_name not in body


@pytest.mark.parametrize("resource", RESOURCES)
def test_another_organisations_token_reads_none_of_it(room, api_client, resource):
    found = ids(api_client(room.other_org).get(url(resource)))
    assert not found & of(resource, room.organisation)
    assert found == of(resource, room.other_organisation_workplace.organisation) != set()
    foreign = api_client(room.other_org).get(url(resource), {"workplace_id": room.workplace.pk})
    assert foreign.status_code == 404


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_token_without_the_scope_gets_403(room, api_client, resource):
    response = api_client(room.no_scope).get(url(resource))
    assert response.status_code == 403
    assert response.json()["type"] == "/api/v1/problems/out-of-scope"


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("who", ["personal", "observer"])
def test_a_member_reads_their_workplaces_rows_and_nothing_of_another(room, api_client, resource, who):
    reader = api_client(getattr(room, who))
    response = reader.get(url(resource))
    assert ids(response) == of(resource, room.organisation, workplace=room.workplace) != set()
    assert GUEST not in response.content.decode()
    other = reader.get(url(resource), {"workplace_id": room.other_workplace.pk})
    assert other.status_code == 404
    assert other["Content-Type"] == "application/problem+json"


def test_a_session_shows_counts_and_never_who_was_there(room, api_client):
    rows = {r["id"]: r for r in api_client(room.org).get(url("workshop-sessions")).json()["items"]}
    ended = rows[room.ended.pk]
    # The facilitator, the member and the guest; two posts, each made into something.
    assert (ended["participant_count"], ended["post_count"], ended["output_count"]) == (3, 2, 2)
    assert ended["state"] == "ended" and ended["format"] == "idevinduet" and ended["practice"]
    assert ended["facilitator"].startswith("P-") and ended["place"] is None
    planned = rows[room.planned.pk]
    assert (planned["state"], planned["participant_count"], planned["place"]) == ("planned", 0, None)
    mine = {r["id"]: r for r in api_client(room.personal).get(url("workshop-sessions")).json()["items"]}
    assert mine[room.planned.pk]["place"] == f"{MARK} mødelokale"


def test_an_output_says_what_a_post_became_with_its_id(room, api_client):
    rows = api_client(room.org).get(url("workshop-outputs"), {"session_id": room.ended.pk}).json()["items"]
    made = {row["kind"]: row for row in rows}
    outputs = {o.kind: o for o in SessionOutput.objects.filter(session=room.ended)}
    assert set(made) == {"idea", "barrier"}
    assert made["idea"]["record_id"] == outputs["idea"].idea_id
    assert made["barrier"]["record_id"] == outputs["barrier"].barrier_id
    assert all(row["post_text"] is None and row["session_id"] == room.ended.pk for row in rows)
    mine = api_client(room.personal).get(url("workshop-outputs")).json()["items"]
    assert {row["post_text"] for row in mine} == {f"{MARK} opslag 0", f"{MARK} opslag 1"}


@pytest.mark.parametrize("resource", RESOURCES)
def test_paging_by_cursor_and_updated_since(room, api_client, resource):
    reader = api_client(room.org)
    everything = ids(reader.get(url(resource)))
    seen, cursor = [], None
    while True:
        page = reader.get(url(resource), {"limit": 1, **({"cursor": cursor} if cursor else {})}).json()
        seen += [row["id"] for row in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(everything) and len(seen) == len(everything)
    rows = reader.get(url(resource)).json()["items"]
    last = max(row["updated_at"] for row in rows)
    row = RESOURCES[resource].objects.get(pk=rows[0]["id"])
    row.save()
    changed = reader.get(url(resource), {"updated_since": last}).json()["items"]
    assert [moment(r["updated_at"]) > moment(last) for r in changed if r["id"] == row.pk] == [True]


def test_a_session_whose_board_changes_is_changed(room, api_client):
    """Someone joins: the session's count changed, and an incremental load sees it."""
    reader = api_client(room.org)
    last = max(row["updated_at"] for row in reader.get(url("workshop-sessions")).json()["items"])
    session = live_session(room.workplace, leader=room.leader)
    before = ids(reader.get(url("workshop-sessions"), {"updated_since": last}))
    assert session.pk in before
    last = max(row["updated_at"] for row in reader.get(url("workshop-sessions")).json()["items"])
    workshop_services.participant_join(session=session, display_name="En til")
    (row,) = reader.get(url("workshop-sessions"), {"updated_since": last}).json()["items"]
    assert (row["id"], row["participant_count"]) == (session.pk, 2)  # the facilitator and the newcomer
    assert moment(row["updated_at"]) > moment(last)


def test_a_deleted_session_leaves_tombstones_for_the_scope_only(room, api_client):
    session = WorkshopSession.objects.get(pk=room.session_b.pk)
    outputs = set(session.outputs.values_list("pk", flat=True))
    session.delete()
    for secret, sees in ((room.org, True), (room.no_scope, False), (room.other_org, False)):
        found = {
            (t["resource"], t["id"]) for t in api_client(secret).get("/api/v1/deletions").json()["items"]
        }
        assert (("workshop-sessions", room.session_b.pk) in found) is sees
        assert ({("workshop-outputs", pk) for pk in outputs} <= found) is sees
    # A member of A reads nothing of B's, so neither of its deletions.
    found = api_client(room.personal).get("/api/v1/deletions").json()["items"]
    assert not [t for t in found if t["workplace_id"] == room.other_workplace.pk]


# --- Query counts: the same for 2 rows and for 12 -------------------------------------------------------


def _grow_sessions(world, n):
    for _ in range(n):
        plan_session(world.workplace, leader=world.leader)


def _grow_outputs(world, n):
    for _ in range(n // 2):  # two outputs each
        run_workshop(world.workplace, leader=world.leader, posters=[world.employee], guest="Gæst")


GROW = {"workshop-sessions": _grow_sessions, "workshop-outputs": _grow_outputs}
# The token, then the page; a personal token reads its memberships too.
QUERIES = {"organisation": 2, "personal": 3}


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_page_costs_the_same_queries_for_2_rows_as_for_12(
    world, api_client, django_assert_num_queries, resource
):
    readers = {
        "organisation": api_client(token(world.admin, world.organisation, ["workshops"])),
        "personal": api_client(token(world.employee, world.organisation, ["workshops"], personal=True)),
    }
    for size in (2, 12):
        GROW[resource](world, size - len(of(resource, world.organisation)))
        for kind, reader in readers.items():
            reader.get(url(resource))  # the token's first use of the minute is noted: not counted here
            with django_assert_num_queries(QUERIES[kind]):
                response = reader.get(url(resource))
            assert len(response.json()["items"]) == size
