"""The feeds for Excel and Power BI: CSV as Danish Excel opens it, XLSX through openpyxl, a feed token in the
address for its feed only, an API token in the header, tenancy, updated_since, ETags, constant queries."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from frontloeber.api import feeds, figures, services
from frontloeber.api.schemas import pseudonym
from tests.factories import WorkplaceFactory, make_idea

pytestmark = pytest.mark.django_db

IDEAS_CSV = "/api/v1/feeds/ideas.csv"
IDEAS_XLSX = "/api/v1/feeds/ideas.xlsx"
INDICATORS_CSV = "/api/v1/feeds/indicators.csv"


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_csv(response):
    raw = body(response)
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark, for Excel"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def feed_token(world, feed, *, personal=False, **kwargs):
    if personal:
        return services.personal_token_create(
            actor=world.employee,
            organisation=world.organisation,
            name="Excel",
            scopes=[],
            feed=feed,
            **kwargs,
        )
    return services.organisation_token_create(
        actor=world.admin, organisation=world.organisation, name="Excel", scopes=[], feed=feed, **kwargs
    )


def test_the_ideas_csv_for_an_organisation_token_is_every_idea_without_titles(world, api_client):
    response = api_client(world.org_secret).get(IDEAS_CSV)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="frontloeber-ideas.csv"' in response["Content-Disposition"]
    header, rows = read_csv(response)
    assert header == feeds.idea_columns(with_text=False)
    assert "title" not in header
    assert {int(row["id"]) for row in rows} == {idea.pk for idea in world.ideas}
    first = next(row for row in rows if int(row["id"]) == world.ideas[0].pk)
    assert first["workplace"] == world.workplace.name
    assert first["author"] == pseudonym(world.organisation.pk, world.employee.pk)
    assert first["value_citizens"] == "2" and first["ready_to_test"] == "0"
    # A time in Danish time, as Danish Excel reads it: no zone, no "T".
    local = timezone.localtime(world.ideas[0].created_at)
    assert first["created_at"] == local.strftime("%Y-%m-%d %H:%M:%S")
    text = body(api_client(world.org_secret).get(IDEAS_CSV)).decode("utf-8-sig")
    assert world.employee.email not in text and "Idé 0" not in text


def test_a_personal_token_reads_its_persons_workplaces_with_titles(world, api_client):
    header, rows = read_csv(api_client(world.personal_secret).get(IDEAS_CSV))
    assert header == feeds.idea_columns(with_text=True)
    assert {row["title"] for row in rows} == {"Idé 0", "Idé 1", "Idé 2"}


def test_another_organisations_rows_never_appear(world, api_client):
    stranger = make_idea(WorkplaceFactory(), title="Hemmelig")
    for secret in (world.org_secret, world.personal_secret):
        _header, rows = read_csv(api_client(secret).get(IDEAS_CSV))
        assert stranger.pk not in {int(row["id"]) for row in rows}
    _t, secret = feed_token(world, "ideas")
    _header, rows = read_csv(api_client().get(IDEAS_CSV, {"token": secret}))
    assert stranger.pk not in {int(row["id"]) for row in rows} and len(rows) == len(world.ideas)


def test_a_feed_token_in_the_address_reads_its_feed_and_nothing_else(world, api_client):
    token, secret = feed_token(world, "ideas")
    assert secret.startswith("flf_") and token.scopes == ["ideas"]
    reader = api_client()
    assert reader.get(IDEAS_CSV, {"token": secret}).status_code == 200
    assert reader.get(IDEAS_XLSX, {"token": secret}).status_code == 200
    # Not the other feed, not in a header, not the JSON API.
    assert reader.get(INDICATORS_CSV, {"token": secret}).status_code == 401
    assert api_client(secret).get(IDEAS_CSV).status_code == 401
    assert api_client(secret).get("/api/v1/ideas").status_code == 401
    assert api_client(secret).get("/api/v1/token").status_code == 401
    refused = reader.get("/api/v1/ideas", {"token": secret})
    assert refused.status_code == 400
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_an_api_token_in_the_address_is_refused_with_a_problem(world, api_client):
    response = api_client().get(IDEAS_CSV, {"token": world.org_secret})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"] == "/api/v1/problems/token-in-address"


@pytest.mark.parametrize("query", [{}, {"token": ""}, {"token": "flf_nonsense"}])
def test_without_a_valid_token_401(world, api_client, query):
    response = api_client().get(IDEAS_CSV, query)
    assert response.status_code == 401
    assert response.json()["type"] == "/api/v1/problems/unauthorised"
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_or_expired_feed_token_is_refused(world, api_client):
    token, secret = feed_token(world, "ideas")
    services.token_revoke(actor=world.admin, token=token)
    assert api_client().get(IDEAS_CSV, {"token": secret}).status_code == 401
    token, secret = feed_token(world, "ideas", valid_days=1)
    token.expires_at = timezone.now() - timedelta(seconds=1)
    token.save(update_fields=["expires_at"])
    assert api_client().get(IDEAS_CSV, {"token": secret}).status_code == 401


def test_an_api_token_without_the_feeds_scope_gets_403(world, api_client):
    _t, secret = services.organisation_token_create(
        actor=world.admin, organisation=world.organisation, name="Kun indsigt", scopes=["insights"]
    )
    response = api_client(secret).get(IDEAS_CSV)
    assert response.status_code == 403
    assert response.json()["type"] == "/api/v1/problems/out-of-scope"


def test_the_xlsx_opens_with_real_numbers_and_times(world, api_client):
    response = api_client(world.personal_secret).get(IDEAS_XLSX)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(body(response)), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == feeds.idea_columns(with_text=True)
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert {r["id"] for r in records} == {i.pk for i in world.ideas[:3]}
    assert all(isinstance(r["support_count"], int) for r in records)
    assert all(r["created_at"].tzinfo is None and r["created_at"].year >= 2020 for r in records)


def test_a_title_like_a_formula_stays_text(world, api_client):
    make_idea(world.workplace, author=world.employee, title='=HYPERLINK("http://evil","x")')
    _header, rows = read_csv(api_client(world.personal_secret).get(IDEAS_CSV))
    assert '\'=HYPERLINK("http://evil","x")' in {row["title"] for row in rows}
    sheet = load_workbook(io.BytesIO(body(api_client(world.personal_secret).get(IDEAS_XLSX)))).active
    cells = [c for c in sheet.iter_rows() for c in c if c.value == '=HYPERLINK("http://evil","x")']
    assert cells and all(c.data_type == "s" for c in cells)


def test_updated_since_narrows_the_feed(world, api_client):
    reader = api_client(world.org_secret)
    later = timezone.now()
    changed = world.ideas[1]
    changed.save()
    _header, rows = read_csv(reader.get(IDEAS_CSV, {"updated_since": later.isoformat()}))
    assert [int(row["id"]) for row in rows] == [changed.pk]
    bad = reader.get(IDEAS_CSV, {"updated_since": "i morgen"})
    assert bad.status_code == 400
    assert [e["name"] for e in bad.json()["errors"]] == ["updated_since"]


def test_an_unchanged_feed_costs_a_304(world, api_client):
    reader = api_client(world.org_secret)
    first = reader.get(IDEAS_CSV)
    assert first["ETag"]
    again = reader.get(IDEAS_CSV, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert reader.get(IDEAS_XLSX, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
    world.ideas[2].save()
    assert reader.get(IDEAS_CSV, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_the_feeds_queries_are_the_same_for_many_rows(
    world, api_client, django_assert_num_queries, monkeypatch
):
    """Rows are read in chunks (here of 2, so several): the queries stay the token, the ids of the workplaces
    it reads (an organisation token) or its person's memberships (a personal one), the workplaces' names, the
    ETag's figures and the rows, however many there are."""
    monkeypatch.setattr(feeds, "CHUNK", 2)
    reader = api_client(world.org_secret)
    reader.get(IDEAS_CSV)  # the token's "last used" is written now, not in the counted requests
    for fmt in ("csv", "xlsx"):
        url = f"/api/v1/feeds/ideas.{fmt}"
        with django_assert_num_queries(5):
            small = body(reader.get(url))
        for n in range(6):
            make_idea(world.other_workplace, title=f"Flere {n} {fmt}")
        with django_assert_num_queries(5):
            large = body(reader.get(url))
        assert len(large) > len(small)
    personal = api_client(world.personal_secret)
    personal.get(IDEAS_CSV)
    with django_assert_num_queries(5):
        body(personal.get(IDEAS_CSV))


def test_a_feed_is_rate_limited_per_token(world, api_client, settings):
    settings.API_RATE_PER_MINUTE = 2
    _t, secret = feed_token(world, "ideas")
    reader = api_client()
    assert [reader.get(IDEAS_CSV, {"token": secret}).status_code for _n in range(3)] == [200, 200, 429]
    limited = reader.get(IDEAS_CSV, {"token": secret})
    assert limited.json()["type"] == "/api/v1/problems/too-many-requests" and limited["Retry-After"]
    assert api_client(world.org_secret).get(IDEAS_CSV).status_code == 200  # another token, its own count


def test_an_unknown_feed_or_format_is_a_404_problem(world, api_client):
    for url in ("/api/v1/feeds/people.csv", "/api/v1/feeds/ideas.json"):
        response = api_client(world.org_secret).get(url)
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


def test_the_indicators_feed_reads_the_readers_workplaces(world, api_client):
    _t, secret = feed_token(world, "indicators")
    header, rows = read_csv(api_client().get(INDICATORS_CSV, {"token": secret}))
    assert header == figures.INDICATOR_COLUMNS
    assert rows and {int(row["workplace_id"]) for row in rows} == {
        world.workplace.pk,
        world.other_workplace.pk,
    }
    # A personal token reads its person's workplace only, and not without the "insights" scope.
    _t, personal = feed_token(world, "indicators", personal=True)
    _header, rows = read_csv(api_client().get(INDICATORS_CSV, {"token": personal}))
    assert {int(row["workplace_id"]) for row in rows} == {world.workplace.pk}
    assert api_client(world.personal_secret).get(INDICATORS_CSV).status_code == 403
    sheet = load_workbook(io.BytesIO(body(api_client(world.org_secret).get("/api/v1/feeds/indicators.xlsx"))))
    assert [c.value for c in next(sheet.active.iter_rows())] == figures.INDICATOR_COLUMNS


def test_the_indicators_feed_has_decimal_commas(world, api_client, monkeypatch):
    row = {column: None for column in figures.INDICATOR_COLUMNS}
    row.update(workplace_id=world.workplace.pk, workplace="Sted", quarter="2026-Q3", value=12.5)
    monkeypatch.setattr(figures, "indicator_rows", lambda *, reader, now=None: [row])
    _header, rows = read_csv(api_client(world.org_secret).get(INDICATORS_CSV))
    assert rows[0]["value"] == "12,5"


@pytest.mark.parametrize(
    ("value", "text"),
    [(None, ""), (True, "1"), (3, "3"), (0.25, "0,25"), (1234.5678, "1234,5678"), (2.0, "2"), ("-1", "'-1")],
)
def test_a_csv_cell_is_as_danish_excel_reads_it(value, text):
    assert feeds.csv_cell(value) == text


def test_only_the_feeds_own_scope_reads_it(world, api_client):
    _t, secret = services.personal_token_create(
        actor=world.leader, organisation=world.organisation, name="Leder", scopes=["ideas"]
    )
    assert api_client(secret).get(IDEAS_CSV).status_code == 200
    assert api_client(secret).get(INDICATORS_CSV).status_code == 403


def test_a_feed_only_reads(world, api_client):
    response = api_client(world.org_secret).post(IDEAS_CSV)
    assert response.status_code == 405
    assert response.json()["type"] == "/api/v1/problems/method-not-allowed"
