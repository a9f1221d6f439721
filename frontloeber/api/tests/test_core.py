"""The API's core: tokens, tenancy, pseudonyms, paging, ETags, problems, an idea submitted."""

import json
import uuid

import pytest
from django.utils import timezone

from frontloeber.api import services
from frontloeber.api.schemas import pseudonym
from frontloeber.ideas.models import Idea
from frontloeber.organisations.models import AuditEntry

pytestmark = pytest.mark.django_db

IDEAS = "/api/v1/ideas"


def test_an_organisation_token_reads_every_workplace_without_names_or_titles(world, api_client):
    response = api_client(world.org_secret).get(IDEAS)
    assert response.status_code == 200, response.content
    body = response.json()
    assert {i["id"] for i in body["items"]} == {i.pk for i in world.ideas}
    assert all(i["title"] is None for i in body["items"])
    text = response.content.decode()
    assert world.employee.email not in text and world.employee.full_name not in text
    assert {i["author"] for i in body["items"][:3]} == {pseudonym(world.organisation.pk, world.employee.pk)}


def test_a_personal_token_reads_its_persons_workplaces_with_titles(world, api_client):
    body = api_client(world.personal_secret).get(IDEAS).json()
    assert {i["id"] for i in body["items"]} == {i.pk for i in world.ideas[:3]}
    assert {i["title"] for i in body["items"]} == {"Idé 0", "Idé 1", "Idé 2"}
    other = api_client(world.personal_secret).get(IDEAS, {"workplace_id": world.other_workplace.pk})
    assert other.status_code == 404
    assert other["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    "headers",
    [{}, {"HTTP_AUTHORIZATION": "Bearer flo_nonsense"}, {"HTTP_AUTHORIZATION": "Basic abc"}],
)
def test_without_a_valid_token_401_as_a_problem(client, headers):
    response = client.get(IDEAS, **headers)
    assert response.status_code == 401
    assert response.json()["type"] == "/api/v1/problems/unauthorised"


def test_a_revoked_or_expired_token_is_refused(world, api_client):
    token = services.token_use(secret=world.org_secret)
    services.token_revoke(actor=world.admin, token=token)
    assert api_client(world.org_secret).get(IDEAS).status_code == 401
    _t, secret = services.organisation_token_create(
        actor=world.admin, organisation=world.organisation, name="Kort", scopes=["ideas"], valid_days=1
    )
    assert services.token_use(secret=secret, now=timezone.now() + timezone.timedelta(days=2)) is None


def test_a_token_without_the_scope_gets_403(world, api_client):
    _t, secret = services.organisation_token_create(
        actor=world.admin, organisation=world.organisation, name="Kun indsigt", scopes=["insights"]
    )
    response = api_client(secret).get(IDEAS)
    assert response.status_code == 403
    assert response.json()["type"] == "/api/v1/problems/out-of-scope"


def test_paging_is_stable_and_incremental(world, api_client):
    reader = api_client(world.org_secret)
    first = reader.get(IDEAS, {"limit": 2}).json()
    assert len(first["items"]) == 2 and first["next_cursor"]
    second = reader.get(IDEAS, {"limit": 2, "cursor": first["next_cursor"]}).json()
    assert second["next_cursor"] is None
    seen = [i["id"] for i in first["items"] + second["items"]]
    assert sorted(seen) == sorted(i.pk for i in world.ideas) and len(set(seen)) == 4
    last = max(i["updated_at"] for i in first["items"] + second["items"])
    # Nothing changed since: an empty page. One idea changed: only it.
    idea = world.ideas[0]
    idea.save()
    changed = reader.get(IDEAS, {"updated_since": last}).json()["items"]
    assert [i["id"] for i in changed] == [idea.pk] or idea.pk in [i["id"] for i in changed]


def test_an_unchanged_page_costs_a_304(world, api_client):
    reader = api_client(world.org_secret)
    response = reader.get(IDEAS)
    again = reader.get(IDEAS, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""
    world.ideas[1].save()
    assert reader.get(IDEAS, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"cursor": "WyJ4IiwxXQ"}, "cursor"),
        ({"updated_since": "i går"}, "updated_since"),
        ({"updated_since": "2999-01-01"}, "updated_since"),
        ({"limit": "0"}, "limit"),
        ({"limit": "10000"}, "limit"),
        ({"status": "nonsense"}, "status"),
        ({"workplace_id": "abc"}, "workplace_id"),
        # Times whose UTC falls before year 1 or after 9999 (a 500 on SQLite: "date value out of range").
        ({"cursor": "WyIwMDAxLTAxLTAxVDAwOjAwOjAwKzA1OjAwIiwxXQ"}, "cursor"),
        ({"cursor": "WyI5OTk5LTEyLTMxVDIzOjU5OjU5LTA1OjAwIiwxXQ"}, "cursor"),
        ({"updated_since": "0001-01-01"}, "updated_since"),
        ({"updated_since": "0001-01-01T00:00:00+05:00"}, "updated_since"),
    ],
)
def test_bad_parameters_get_a_clear_problem(world, api_client, query, name):
    response = api_client(world.org_secret).get(IDEAS, query)
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["type"] == "/api/v1/problems/invalid-parameters"
    assert [e["name"] for e in body["errors"]] == [name]


def test_a_time_with_a_far_offset_is_read_in_utc(world, api_client):
    # Python takes offsets up to 23:59, PostgreSQL only up to 15:59 (a 500 there): it is sent in UTC.
    reader = api_client(world.org_secret)
    cursor = "WyIyMDI2LTAxLTAxVDAwOjAwOjAwKzIzOjU5IiwxXQ"  # ["2026-01-01T00:00:00+23:59",1]
    for query in ({"updated_since": "2026-01-01T00:00:00+23:59"}, {"cursor": cursor}):
        response = reader.get(IDEAS, query)
        assert response.status_code == 200, response.content
        assert {i["id"] for i in response.json()["items"]} == {i.pk for i in world.ideas}


def test_an_api_token_in_the_address_is_refused(world, client):
    response = client.get(IDEAS, {"token": world.org_secret})
    assert response.status_code == 400
    assert response.json()["type"] == "/api/v1/problems/token-in-address"


def test_a_personal_token_submits_an_idea_as_its_person_once(world, api_client):
    writer = api_client(world.personal_secret)
    url = f"/api/v1/workplaces/{world.workplace.pk}/ideas"
    key = str(uuid.uuid4())
    data = {"title": "Talegenkendelse", "need": "Journaler tager tid", "description": "Vi dikterer."}
    response = writer.post(url, json.dumps(data), content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)
    assert response.status_code == 201, response.content
    idea = Idea.objects.get(pk=response.json()["id"])
    assert idea.author == world.employee and idea.workplace == world.workplace
    again = writer.post(url, json.dumps(data), content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)
    assert again.json()["id"] == idea.pk
    assert AuditEntry.objects.filter(action="api_write", actor=world.employee).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"title": "x", "need": "y", "description": "z", "author": "someone"},
        {"title": "", "need": "y", "description": "z"},
        {"title": "x"},
        {"title": "x", "need": "y", "description": "z", "values": {"citizen": 3}},
        # NUL: PostgreSQL cannot store it (a 500), and a page's form never gets it past the middleware.
        {"title": "x", "need": "y", "description": "z", "tags": ["a\u0000b"]},
        {"title": "x\u0000", "need": "y", "description": "z"},
    ],
)
def test_a_bad_idea_is_refused_and_nothing_stored(world, api_client, data):
    before = Idea.objects.count()
    response = api_client(world.personal_secret).post(
        f"/api/v1/workplaces/{world.workplace.pk}/ideas", json.dumps(data), content_type="application/json"
    )
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert Idea.objects.count() == before


def test_who_may_not_submit_may_not_submit_through_the_api(world, api_client):
    url = f"/api/v1/workplaces/{world.workplace.pk}/ideas"
    data = json.dumps({"title": "x", "need": "y", "description": "z"})
    assert (
        api_client(world.observer_secret).post(url, data, content_type="application/json").status_code == 403
    )
    assert api_client(world.org_secret).post(url, data, content_type="application/json").status_code == 403
    other = f"/api/v1/workplaces/{world.other_workplace.pk}/ideas"
    assert (
        api_client(world.personal_secret).post(other, data, content_type="application/json").status_code
        == 404
    )


def test_an_idea_sent_as_a_form_is_refused_as_not_json(world, api_client):
    # The site's NUL check reads a multipart form before the API could read the body (it was a 500).
    response = api_client(world.personal_secret).post(
        f"/api/v1/workplaces/{world.workplace.pk}/ideas", {"title": "x", "need": "y", "description": "z"}
    )
    assert response.status_code == 400, response.content
    assert response.json()["type"] == "/api/v1/problems/bad-request"
    assert not Idea.objects.filter(title="x").exists()


def test_a_body_of_50_mb_is_refused(world, api_client):
    response = api_client(world.personal_secret).post(
        f"/api/v1/workplaces/{world.workplace.pk}/ideas",
        b"x" * (50 * 1024 * 1024),
        content_type="application/json",
    )
    assert response.status_code == 413
    assert response["Content-Type"] == "application/problem+json"


def test_a_deleted_idea_leaves_a_tombstone(world, api_client):
    idea = world.ideas[0]
    idea_id = idea.pk
    idea.delete()
    body = api_client(world.org_secret).get("/api/v1/deletions").json()
    assert [(t["resource"], t["id"]) for t in body["items"]] == [("ideas", idea_id)]


def test_a_leavers_personal_token_stops_with_their_account(world, api_client):
    assert api_client(world.personal_secret).get(IDEAS).status_code == 200
    world.employee.is_active = False
    world.employee.save(update_fields=["is_active"])
    assert api_client(world.personal_secret).get(IDEAS).status_code == 401
    assert api_client(world.org_secret).get(IDEAS).status_code == 200


def test_a_persons_tokens_are_in_their_data_and_go_with_their_account(world):
    from frontloeber.accounts.personal_data import account_erase, personal_data_files
    from frontloeber.api.models import ApiToken

    files = personal_data_files(user=world.employee)
    assert [t["name"] for t in files["api_noegler"]] == ["Mit script"]
    assert "token_hash" not in files["api_noegler"][0]
    account_erase(user=world.employee)
    assert not ApiToken.objects.filter(name="Mit script").exists()


def test_the_same_idea_sent_twice_is_recorded_once(world, api_client):
    writer = api_client(world.personal_secret)
    url = f"/api/v1/workplaces/{world.workplace.pk}/ideas"
    data = json.dumps({"title": "To gange", "need": "y", "description": "z"})
    key = str(uuid.uuid4())
    for _ in range(2):
        writer.post(url, data, content_type="application/json", HTTP_IDEMPOTENCY_KEY=key)
    assert AuditEntry.objects.filter(action="api_write").count() == 1


def test_a_wrong_method_is_a_problem_not_a_page(world, api_client):
    response = api_client(world.org_secret).delete(IDEAS)
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert "GET" in response["Allow"]


def test_problems_speak_danish_unless_the_client_asks_for_english(world, api_client):
    reader = api_client(world.org_secret)
    danish = reader.get(IDEAS, {"limit": "0"}).json()
    english = reader.get(IDEAS, {"limit": "0"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["title"] == "Some parameters are not valid"
    assert danish["title"] != english["title"]


def test_the_audit_log_says_which_token_was_made_and_what_it_reads(world):
    from frontloeber.organisations.audit import audit_detail_text

    made = AuditEntry.objects.get(action="api_token_created")
    assert made.actor == world.admin
    text = audit_detail_text(made)
    assert "Power BI" in text and "ideas" in text and "insights" in text
    token = services.token_use(secret=world.org_secret)
    services.token_revoke(actor=world.admin, token=token)
    assert "Power BI" in audit_detail_text(AuditEntry.objects.get(action="api_token_revoked"))
