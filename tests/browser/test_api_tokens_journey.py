"""API tokens in a real browser (issue 20): an organisation admin makes an organisation token and a feed
token, sees each secret once, the token reads the live server's API and the feed token its feed, and a token
is revoked after a confirmation; a person makes a personal token from their account page; the documentation
page and Swagger UI open without signing in, Swagger under the site's own Content Security Policy. axe on
every page, at phone and desktop sizes (FL_SCREENSHOTS=folder keeps screenshots of each)."""

from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.organisations.models import Role
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, make_idea, member

from .conftest import PHONE, log_in
from .test_experiment_journey import assert_accessible_page, at_phone_and_desktop, screenshot


def _world():
    workplace = WorkplaceFactory(name="Børnehuset Solsikken")
    organisation = workplace.organisation
    admin = OrganisationAdminFactory(organisation=organisation, user__full_name="Anne Admin").user
    employee = member(workplace, Role.EMPLOYEE, full_name="Emil Medarbejder").user
    make_idea(workplace, author=employee, title="Billeder af dagen")
    return organisation, admin, employee


def _api(page, url, secret):
    return page.request.get(url, headers={"Authorization": f"Bearer {secret}"})


def _secret(page):
    secret = page.locator("#token-secret").input_value()
    assert secret and secret == secret.strip()
    return secret


def test_an_admin_makes_tokens_sees_each_once_and_revokes_one(new_context, live_server):
    organisation, admin, _employee = _world()
    page = new_context().new_page()
    log_in(page, admin)
    url = reverse("api_pages:organisation_tokens", kwargs={"org_slug": organisation.slug})
    page.goto(reverse("organisations:organisation_home", kwargs={"org_slug": organisation.slug}))
    page.locator(f"main a[href='{url}']").click()
    expect(page.locator("h1")).to_have_text("API-nøgler og feeds")
    assert_accessible_page(page)
    at_phone_and_desktop(page, "api-organisation-tokens")

    # An organisation token: shown once, it reads the API.
    page.locator("#id_token-name").fill("Power BI: ledernes rapport")
    page.locator("#id_token-scopes_0").check()
    page.locator("#id_token-scopes_4").check()
    page.locator("form:has(input[name=kind][value=api]) button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Din nye nøgle")
    secret = _secret(page)
    assert secret.startswith("flo_")
    expect(page.locator("#token-curl")).to_have_value(
        f'curl -H "Authorization: Bearer {secret}" {live_server.url}/api/v1/token'
    )
    expect(page.locator("button.fl-copy").first).to_be_visible()
    assert_accessible_page(page)
    at_phone_and_desktop(page, "api-token-created")
    answer = _api(page, f"{live_server.url}/api/v1/token", secret)
    assert answer.status == 200 and answer.json()["kind"] == "organisation"
    assert answer.json()["scopes"] == ["ideas", "insights"]

    # A feed token: its addresses, for its feed alone.
    page.locator("main a.button", has_text="Tilbage til API-nøglerne").click()
    assert secret not in page.content()
    page.locator("#id_feed-name").fill("Excel: idéer")
    page.locator("#id_feed-feed_0").check()
    page.locator("form:has(input[name=kind][value=feed]) button[type=submit]").click()
    feed_secret = _secret(page)
    assert feed_secret.startswith("flf_")
    address = page.locator("#feed-CSV").input_value()
    assert address == f"{live_server.url}/api/v1/feeds/ideas.csv?token={feed_secret}"
    expect(page.locator(".alert-info")).to_contain_text("intet andet")
    screenshot(page, "api-feed-token-created")
    assert_accessible_page(page)
    feed = page.request.get(address)
    assert feed.status == 200 and feed.body().startswith(b"\xef\xbb\xbf")
    assert "Billeder af dagen" not in feed.body().decode("utf-8-sig")  # an organisation's feed: no titles
    refused = _api(page, f"{live_server.url}/api/v1/token", feed_secret)
    assert refused.status == 401

    # Revoked after a confirmation: refused from then on.
    page.locator("main a.button", has_text="Tilbage til API-nøglerne").click()
    page.locator("tr", has_text="Power BI: ledernes rapport").get_by_role("link", name="Tilbagekald").click()
    expect(page.locator("h1")).to_have_text("Tilbagekald nøglen")
    assert_accessible_page(page)
    screenshot(page, "api-token-revoke")
    page.get_by_role("button", name="Tilbagekald den").click()
    expect(page.locator(".fl-messages .alert-success")).to_contain_text("Power BI: ledernes rapport")
    expect(page.locator("tr", has_text="Power BI: ledernes rapport")).to_contain_text("Tilbagekaldt")
    assert_accessible_page(page)
    at_phone_and_desktop(page, "api-organisation-tokens-listed")
    again = _api(page, f"{live_server.url}/api/v1/token", secret)
    assert again.status == 401
    assert again.json()["type"] == "/api/v1/problems/unauthorised"


def test_a_person_makes_a_personal_token_on_a_phone(new_context, live_server):
    _organisation, _admin, employee = _world()
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, employee)
    page.goto(reverse("accounts:account"))
    page.get_by_role("link", name="API-nøgler").click()
    expect(page.locator("h1")).to_have_text("API-nøgler")
    assert_accessible_page(page)
    screenshot(page, "api-personal-tokens-phone")
    page.locator("#id_token-name").fill("Mit script")
    page.locator("#id_token-scopes_0").check()
    page.locator("#id_token-scopes_6").check()
    page.locator("form:has(input[name=kind][value=api]) button[type=submit]").click()
    secret = _secret(page)
    assert secret.startswith("flp_")
    assert_accessible_page(page)
    screenshot(page, "api-personal-token-created-phone")
    me = _api(page, f"{live_server.url}/api/v1/token", secret)
    assert me.json()["kind"] == "personal" and me.json()["scopes"] == ["ideas", "ideas:write"]
    ideas = _api(page, f"{live_server.url}/api/v1/ideas", secret)
    assert [i["title"] for i in ideas.json()["items"]] == ["Billeder af dagen"]


def test_the_documentation_and_swagger_open_without_signing_in(new_context, live_server):
    page = new_context().new_page()
    page.goto("/api/v1/docs")
    expect(page.locator("h1")).to_have_text("Frontløbers API")
    assert_accessible_page(page)
    at_phone_and_desktop(page, "api-docs")
    page.goto("/api/v1/problems/out-of-scope")
    assert page.url.endswith("/api/v1/docs#problem-out-of-scope")

    # Swagger UI under the site's own Content Security Policy (this context does not bypass it).
    strict = new_context(bypass_csp=False).new_page()
    blocked = []
    strict.on("console", lambda message: blocked.append(message.text))
    strict.goto("/api/v1/docs/swagger")
    expect(strict.locator(".swagger-ui .info .title")).to_contain_text("Frontløber API")
    expect(strict.locator(".opblock").first).to_be_visible()
    assert not [text for text in blocked if "Content Security Policy" in text], blocked
