"""The token pages (the organisation admin's and a person's own) and the documentation page: a token made
with its secret shown once, revoked after a confirmation, each page behind its own check; the documentation
open to all, listing every endpoint and problem."""

import re

import pytest
from django.urls import reverse

from frontloeber.accounts.sessions import PROVED_AT
from frontloeber.api import services
from frontloeber.api.api import api
from frontloeber.api.models import ApiToken
from frontloeber.api.problems import TITLES
from frontloeber.organisations.models import AuditAction, AuditEntry
from frontloeber.sso.tests.flows import in_english
from tests.factories import MembershipFactory, OrganisationAdminFactory, UserFactory, WorkplaceFactory

pytestmark = pytest.mark.django_db

SECRET = re.compile(r"fl[opf]_[A-Za-z0-9_-]{43}")


def org_url(world):
    return reverse("api_pages:organisation_tokens", kwargs={"org_slug": world.organisation.slug})


def secrets_in(html):
    return set(SECRET.findall(html))


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.admin)
    return client


ORG_TOKEN = {
    "kind": "api",
    "token-name": "Power BI",
    "token-scopes": ["ideas", "insights"],
    "token-valid_days": "90",
}
FEED_TOKEN = {"kind": "feed", "feed-name": "Excel", "feed-feed": "ideas", "feed-valid_days": "365"}


def test_the_admin_makes_an_organisation_token_and_sees_it_once(admin_client, world, api_client):
    url = org_url(world)
    page = admin_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    # Its own tokens and its people's personal ones, none of their secrets.
    assert "Power BI" in html and "Mit script" in html and world.employee.full_name in html
    assert not secrets_in(html)
    assert 'value="ideas:write"' not in html  # an organisation token only reads

    response = admin_client.post(url, ORG_TOKEN)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    (secret,) = secrets_in(html)
    assert secret.startswith("flo_")
    assert f'curl -H "Authorization: Bearer {secret}" http://testserver/api/v1/token' in html.replace(
        "&quot;", '"'
    )
    token = ApiToken.objects.get(prefix=secret[:10])
    assert token.scopes == ["ideas", "insights"] and not token.feed
    assert 89 <= (token.expires_at - token.created_at).days <= 90
    answer = api_client(secret).get("/api/v1/token")
    assert answer.status_code == 200 and answer.json()["kind"] == "organisation"
    listed = admin_client.get(url).content.decode()
    assert secret not in listed and token.prefix in listed


def test_the_admin_makes_a_feed_token_with_its_addresses(admin_client, world, api_client):
    response = admin_client.post(org_url(world), FEED_TOKEN)
    assert response.status_code == 200
    html = response.content.decode()
    (secret,) = secrets_in(html)
    assert secret.startswith("flf_")
    assert f"http://testserver/api/v1/feeds/ideas.csv?token={secret}" in html
    assert f"http://testserver/api/v1/feeds/ideas.xlsx?token={secret}" in html
    assert "Et feed-token" in html or "feed" in html.lower()
    assert api_client().get("/api/v1/feeds/ideas.csv", {"token": secret}).status_code == 200
    assert api_client(secret).get("/api/v1/token").status_code == 401
    token = ApiToken.objects.get(prefix=secret[:10])
    assert token.feed == "ideas" and token.scopes == ["ideas"]
    assert AuditEntry.objects.filter(action=AuditAction.API_TOKEN_CREATED, actor=world.admin).exists()


@pytest.mark.parametrize(
    "data",
    [
        {**ORG_TOKEN, "token-scopes": []},
        {**ORG_TOKEN, "token-scopes": ["ideas:write"]},
        {**ORG_TOKEN, "token-name": ""},
        {**ORG_TOKEN, "token-valid_days": "366"},
        {**ORG_TOKEN, "token-valid_days": "nej"},
        {**FEED_TOKEN, "feed-feed": "people"},
        {**FEED_TOKEN, "feed-name": "x" * 101},
    ],
)
def test_a_bad_token_form_is_answered_with_its_errors_and_makes_nothing(admin_client, world, data):
    before = ApiToken.objects.count()
    response = admin_client.post(org_url(world), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "error-summary" in html and not secrets_in(html)
    assert ApiToken.objects.count() == before


def test_revoking_asks_first_and_then_the_token_is_refused(admin_client, world, api_client):
    token = services.token_use(secret=world.personal_secret)
    url = reverse(
        "api_pages:organisation_token_revoke",
        kwargs={"org_slug": world.organisation.slug, "token_id": token.pk},
    )
    assert admin_client.get(url).status_code == 200
    token.refresh_from_db()
    assert token.is_usable
    response = admin_client.post(url)
    assert response.status_code == 302 and response["Location"] == org_url(world)
    token.refresh_from_db()
    assert token.is_revoked
    assert api_client(world.personal_secret).get("/api/v1/ideas").status_code == 401
    assert "Tilbagekaldt" in admin_client.get(org_url(world)).content.decode()


def test_the_organisation_page_is_its_admins_only_and_asks_for_the_password_again(client, world):
    url = org_url(world)
    for person in (world.leader, world.employee, OrganisationAdminFactory().user):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url, ORG_TOKEN).status_code == 404
    stranger = OrganisationAdminFactory()
    other_org_token, _s = services.organisation_token_create(
        actor=stranger.user, organisation=stranger.organisation, name="Fremmed", scopes=["ideas"]
    )
    client.force_login(world.admin)
    revoke = reverse(
        "api_pages:organisation_token_revoke",
        kwargs={"org_slug": world.organisation.slug, "token_id": other_org_token.pk},
    )
    assert client.get(revoke).status_code == 404
    assert client.post(revoke).status_code == 404
    other_org_token.refresh_from_db()
    assert other_org_token.is_usable
    session = client.session
    session[PROVED_AT] = 0
    session.save()
    before = ApiToken.objects.count()
    assert reverse("accounts:reauthenticate") in client.post(url, ORG_TOKEN)["Location"]
    assert ApiToken.objects.count() == before


def test_the_organisation_page_is_paged_in_constant_queries(admin_client, world, django_assert_num_queries):
    url = org_url(world)
    admin_client.get(url)
    with django_assert_num_queries(7) as few:
        admin_client.get(url)
    for n in range(55):
        services.organisation_token_create(
            actor=world.admin, organisation=world.organisation, name=f"Token {n}", scopes=["ideas"]
        )
    with django_assert_num_queries(len(few)):
        page = admin_client.get(url)
    assert page.content.decode().count("tilbagekald/") == 50
    second = admin_client.get(url, {"side": 2}).content.decode()
    assert "Token 0" in second and "Side 2 af 2" in second


def test_the_organisations_page_links_to_it(admin_client, world):
    home = admin_client.get(
        reverse("organisations:organisation_home", kwargs={"org_slug": world.organisation.slug})
    )
    assert org_url(world) in home.content.decode()


# --- A person's own tokens ---------------------------------------------------------------------------------

PERSONAL = reverse("api_pages:personal_tokens")


def test_a_person_makes_a_personal_token_that_submits_ideas_as_them(client, world, api_client):
    client.force_login(world.employee)
    page = client.get(PERSONAL).content.decode()
    assert "<bdi>Mit script</bdi>" in page
    assert "<bdi>Power BI</bdi>" not in page and "<bdi>Observatør</bdi>" not in page
    assert "Indsend idéer som mig" in page
    response = client.post(
        PERSONAL,
        {
            "kind": "api",
            "token-organisation": world.organisation.pk,
            "token-name": "Min robot",
            "token-scopes": ["ideas", "ideas:write"],
            "token-valid_days": "30",
        },
    )
    assert response.status_code == 200
    (secret,) = secrets_in(response.content.decode())
    assert secret.startswith("flp_")
    me = api_client(secret).get("/api/v1/token").json()
    assert me["kind"] == "personal" and me["scopes"] == ["ideas", "ideas:write"]
    assert secret not in client.get(PERSONAL).content.decode()


def test_a_person_makes_a_feed_token(client, world, api_client):
    client.force_login(world.employee)
    response = client.post(
        PERSONAL,
        {
            "kind": "feed",
            "feed-organisation": world.organisation.pk,
            "feed-name": "Mit regneark",
            "feed-feed": "ideas",
            "feed-valid_days": "365",
        },
    )
    (secret,) = secrets_in(response.content.decode())
    assert f"/api/v1/feeds/ideas.csv?token={secret}" in response.content.decode()
    csv = api_client().get("/api/v1/feeds/ideas.csv", {"token": secret})
    assert "Idé 0" in b"".join(csv.streaming_content).decode("utf-8-sig")


def test_a_person_chooses_only_among_their_own_organisations(client, world):
    stranger = WorkplaceFactory()
    client.force_login(world.employee)
    page = client.get(PERSONAL).content.decode()
    assert stranger.organisation.name not in page
    response = client.post(
        PERSONAL,
        {
            "kind": "api",
            "token-organisation": stranger.organisation.pk,
            "token-name": "Ind ad bagdøren",
            "token-scopes": ["ideas"],
            "token-valid_days": "30",
        },
    )
    assert response.status_code == 400
    assert not ApiToken.objects.filter(name="Ind ad bagdøren").exists()


def test_a_person_revokes_their_own_token_and_no_one_elses(client, world, api_client):
    mine = services.token_use(secret=world.personal_secret)
    theirs = services.token_use(secret=world.observer_secret)
    client.force_login(world.employee)
    other = reverse("api_pages:personal_token_revoke", kwargs={"token_id": theirs.pk})
    assert client.get(other).status_code == 404
    assert client.post(other).status_code == 404
    org = reverse(
        "api_pages:personal_token_revoke", kwargs={"token_id": services.token_use(secret=world.org_secret).pk}
    )
    assert client.post(org).status_code == 404
    url = reverse("api_pages:personal_token_revoke", kwargs={"token_id": mine.pk})
    assert "Mit script" in client.get(url).content.decode()
    assert client.post(url)["Location"] == PERSONAL
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.is_revoked and theirs.is_usable
    assert api_client(world.personal_secret).get("/api/v1/token").status_code == 401


def test_a_person_in_no_workplace_is_told_what_to_do(client):
    client.force_login(UserFactory())
    page = client.get(PERSONAL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Bed din leder" in html and 'name="kind"' not in html
    assert client.post(PERSONAL, {"kind": "api", "token-name": "x"}).status_code == 400
    assert not ApiToken.objects.exists()


def test_the_personal_page_needs_a_signed_in_person(client):
    assert reverse("accounts:login") in client.get(PERSONAL)["Location"]


def test_the_account_page_links_to_it(client, world):
    client.force_login(world.employee)
    html = client.get(reverse("accounts:account")).content.decode()
    assert PERSONAL in html and "API-nøgler" in html


def test_the_personal_page_is_in_constant_queries(client, world, django_assert_num_queries):
    client.force_login(world.employee)
    client.get(PERSONAL)
    with django_assert_num_queries(7) as few:
        client.get(PERSONAL)
    for n in range(5):
        elsewhere = WorkplaceFactory()
        MembershipFactory(workplace=elsewhere, user=world.employee)
        services.personal_token_create(
            actor=world.employee, organisation=elsewhere.organisation, name=f"T{n}", scopes=["ideas"]
        )
    with django_assert_num_queries(len(few)):
        client.get(PERSONAL)


# --- Documentation ---------------------------------------------------------------------------------------


def test_the_documentation_is_open_and_lists_every_endpoint_and_problem(client):
    with in_english(client):
        response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method in operations:
            assert f"{method.upper()}</span> <code>{path}</code>" in html
    for kind in TITLES:
        assert f'id="problem-{kind}"' in html
    assert 'href="/api/v1/openapi.json"' in html and 'href="/api/v1/docs/swagger"' in html
    assert "Authorization: Bearer" in html and "updated_since" in html and "If-None-Match" in html
    danish = client.get("/api/v1/docs", HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert "Problemer" in danish or "problem" in danish


def test_a_problems_address_leads_to_its_explanation(client):
    response = client.get("/api/v1/problems/out-of-scope")
    assert response.status_code == 302
    assert response["Location"] == "/api/v1/docs#problem-out-of-scope"
    assert client.get("/api/v1/problems/nonsense").status_code == 404


def test_swagger_and_the_schema_are_served_from_here(client):
    swagger = client.get("/api/v1/docs/swagger")
    assert swagger.status_code == 200
    html = swagger.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
    assert client.get("/api/v1/openapi.json").status_code == 200
