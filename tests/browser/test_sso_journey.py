"""Single sign-on in a real browser (issue 19, points 1 and 2), on a phone: a person signs in through the
organisation's SAML identity provider and lands in the workplace the rules give them; a changed rule moves
them at the next sign-in; the same through OpenID Connect; an address outside the organisation's domains is
refused with a clear page; the admin's settings and rules pages. axe on every page of ours.

The identity providers are the real ones of tests/idp, on 127.0.0.1; Frontløber's live server is on
localhost, another site, so the SAML answer is posted across sites as in a municipality."""

import base64
from urllib.parse import parse_qs, urlencode

import httpx
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.organisations.models import Membership
from frontloeber.sso import services
from frontloeber.sso.tests.flows import (
    EMAIL,
    FIRST,
    IDP_PASSWORD,
    LAST,
    UNIT,
    another_nonce_kept,
    organisation_with_admin,
)
from tests.factories import WorkplaceFactory

from .conftest import PHONE, assert_accessible, log_in
from .test_experiment_journey import assert_fits_the_screen

User = get_user_model()


def _phone(new_context):
    return new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()


def _sign_in_through_the_organisation(page, email, idp_fields, *, find_by_email=True):
    page.goto(reverse("accounts:login"))
    assert_accessible(page)
    page.get_by_role("button", name="Log ind med din organisation").click()
    expect(page.locator("h1")).to_have_text("Log ind med din organisation")
    assert_accessible(page)
    assert_fits_the_screen(page)
    page.get_by_label("Din e-mailadresse fra arbejdet").fill(email)
    page.get_by_role("button", name="Find min organisation").click()
    page.locator("main form button[type=submit]").first.click()
    for name, value in idp_fields.items():
        page.locator(f"input[name={name}]").fill(value)
    page.get_by_role("button", name="Sign in").click()


def test_a_person_signs_in_through_saml_and_lands_in_the_workplace_the_rules_give(
    new_context, live_server, saml_idp
):
    organisation, admin = organisation_with_admin("fjordby.dk")
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="saml")
    services.identity_provider_saml_metadata(actor=admin, provider=provider, url=saml_idp.metadata_url)
    provider.refresh_from_db()
    services.identity_provider_enable(actor=admin, provider=provider, enabled=True)
    metadata = reverse("saml_metadata", kwargs={"organization_slug": provider.key})
    saml_idp.register_sp(httpx.get(live_server.url + metadata).content)
    sunflower = WorkplaceFactory(organisation=organisation, name="Børnehuset Solsikken")
    dandelion = WorkplaceFactory(organisation=organisation, name="Vuggestuen Mælkebøtten")
    rule = services.mapping_rule_add(
        actor=admin, organisation=organisation, kind="workplace", value="U-1", workplace=sunflower
    )
    saml_idp.put_user(
        "maja",
        IDP_PASSWORD,
        {EMAIL: ["maja@fjordby.dk"], FIRST: ["Maja"], LAST: ["Kirkegaard"], UNIT: ["U-1", "U-2"]},
        name_id="maja-1",
    )

    page = _phone(new_context)
    _sign_in_through_the_organisation(page, "maja@fjordby.dk", {"username": "maja", "password": IDP_PASSWORD})
    expect(page.locator("h1")).to_contain_text("Børnehuset Solsikken")
    expect(page.locator("#user-menu")).to_contain_text("Maja Kirkegaard")
    assert_accessible(page)

    # The admin moves the unit to the other workplace; at Maja's next sign-in she follows.
    services.mapping_rule_remove(actor=admin, rule=rule)
    services.mapping_rule_add(
        actor=admin, organisation=organisation, kind="workplace", value="U-2", workplace=dandelion
    )
    page.context.clear_cookies()
    _sign_in_through_the_organisation(page, "maja@fjordby.dk", {"username": "maja", "password": IDP_PASSWORD})
    expect(page.locator("h1")).to_contain_text("Vuggestuen Mælkebøtten")
    assert list(
        Membership.objects.filter(user__email="maja@fjordby.dk").values_list("workplace__name", flat=True)
    ) == ["Vuggestuen Mælkebøtten"]

    # Someone whose address is not the organisation's: a clear page, nobody signed in.
    saml_idp.put_user("ext", IDP_PASSWORD, {EMAIL: ["ext@gmail.com"], UNIT: ["U-1"]}, name_id="ext-1")
    page.context.clear_cookies()
    _sign_in_through_the_organisation(page, "maja@fjordby.dk", {"username": "ext", "password": IDP_PASSWORD})
    expect(page.locator("h1")).to_have_text("Login afvist")
    expect(page.locator("main")).to_contain_text("ext@gmail.com")
    assert_accessible(page)
    assert_fits_the_screen(page)


def test_a_person_signs_in_through_openid_connect(new_context, live_server, oidc_idp):
    organisation, admin = organisation_with_admin("sundby.dk")
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="oidc")
    callback = reverse("openid_connect_callback", kwargs={"provider_id": provider.provider_id})
    oidc_idp.register_client("frontloeber-browser", "secret-b", [live_server.url + callback])
    services.identity_provider_oidc_update(
        actor=admin,
        provider=provider,
        issuer=oidc_idp.issuer,
        client_id="frontloeber-browser",
        client_secret="secret-b",
    )
    services.identity_provider_enable(actor=admin, provider=provider, enabled=True)
    station = WorkplaceFactory(organisation=organisation, name="Ambulancestation Nord")
    services.mapping_rule_add(
        actor=admin, organisation=organisation, kind="workplace", value="g-nord", workplace=station
    )
    oidc_idp.put_user(
        "ali",
        IDP_PASSWORD,
        {
            "email": "ali@sundby.dk",
            "email_verified": True,
            "given_name": "Ali",
            "family_name": "Nour",
            "groups": ["g-nord"],
        },
    )

    page = _phone(new_context)
    _sign_in_through_the_organisation(page, "ali@sundby.dk", {"login": "ali", "password": IDP_PASSWORD})
    expect(page.locator("h1")).to_contain_text("Ambulancestation Nord")
    expect(page.locator("#user-menu")).to_contain_text("Ali Nour")


def test_the_admin_sets_it_up_and_previews_a_rule(new_context, live_server, saml_idp):
    organisation, admin = organisation_with_admin("fjordby.dk")
    WorkplaceFactory(organisation=organisation, name="Børnehuset Solsikken")
    page = _phone(new_context)
    log_in(page, admin)
    page.goto(reverse("sso:settings", kwargs={"org_slug": organisation.slug}))
    assert_accessible(page)
    page.get_by_label("SAML 2.0 (KOMBIT Context Handler, ADFS, Entra ID)", exact=False).check()
    page.get_by_role("button", name="Begynd opsætningen").click()
    expect(page.locator("main")).to_contain_text("/sso/saml/")
    page.locator("#id_metadata_url").fill(saml_idp.metadata_url)
    page.get_by_role("button", name="Læs metadata").click()
    expect(page.locator("main")).to_contain_text(saml_idp.metadata_url)
    assert_accessible(page)
    assert_fits_the_screen(page)
    page.get_by_role("button", name="Tag det i brug").click()
    expect(page.locator("main")).to_contain_text("I brug")

    page.goto(reverse("sso:mapping", kwargs={"org_slug": organisation.slug}))
    page.locator("#id_value").fill("U-1")
    page.locator("#id_workplace").select_option(label="Børnehuset Solsikken")
    page.get_by_role("button", name="Se, hvad den ville gøre").click()
    expect(page.locator("main [role=status]")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Gem reglen").click()
    expect(page.locator("main table")).to_contain_text("U-1")
    assert_accessible(page)
    assert_fits_the_screen(page)


def _saml_world(live_server, saml_idp, domain="fjordby.dk"):
    organisation, admin = organisation_with_admin(domain)
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="saml")
    services.identity_provider_saml_metadata(actor=admin, provider=provider, url=saml_idp.metadata_url)
    provider.refresh_from_db()
    services.identity_provider_enable(actor=admin, provider=provider, enabled=True)
    metadata = reverse("saml_metadata", kwargs={"organization_slug": provider.key})
    saml_idp.register_sp(httpx.get(live_server.url + metadata).content)
    return organisation, provider


def _refused(page):
    expect(page.locator("h1")).to_have_text("Login afvist")
    expect(page.locator("#user-menu")).to_have_count(0)
    assert_accessible(page)


def test_a_tampered_or_expired_saml_answer_is_refused_with_a_clear_page(new_context, live_server, saml_idp):
    _saml_world(live_server, saml_idp)
    saml_idp.put_user("eve", IDP_PASSWORD, {EMAIL: ["eve@fjordby.dk"], UNIT: ["U-1"]}, name_id="eve-1")
    page = _phone(new_context)

    def tamper(route):
        fields = parse_qs(route.request.post_data)
        answer = base64.b64decode(fields["SAMLResponse"][0]).decode()
        fields["SAMLResponse"] = [base64.b64encode(answer.replace("eve@", "kirsten@").encode()).decode()]
        route.continue_(post_data=urlencode(fields, doseq=True))

    page.route("**/sso/saml/*/acs/", tamper)
    _sign_in_through_the_organisation(page, "eve@fjordby.dk", {"username": "eve", "password": IDP_PASSWORD})
    _refused(page)
    assert not User.objects.filter(email__in=["eve@fjordby.dk", "kirsten@fjordby.dk"]).exists()

    page.unroute("**/sso/saml/*/acs/")
    page.context.clear_cookies()
    saml_idp.put_user("late", IDP_PASSWORD, {EMAIL: ["late@fjordby.dk"]}, name_id="late-1", expired=True)
    _sign_in_through_the_organisation(page, "late@fjordby.dk", {"username": "late", "password": IDP_PASSWORD})
    _refused(page)


def _oidc_world(live_server, oidc_idp, client_id):
    organisation, admin = organisation_with_admin("sundby.dk")
    provider = services.identity_provider_create(actor=admin, organisation=organisation, protocol="oidc")
    callback = reverse("openid_connect_callback", kwargs={"provider_id": provider.provider_id})
    oidc_idp.register_client(client_id, "secret-b", [live_server.url + callback])
    services.identity_provider_oidc_update(
        actor=admin, provider=provider, issuer=oidc_idp.issuer, client_id=client_id, client_secret="secret-b"
    )
    services.identity_provider_enable(actor=admin, provider=provider, enabled=True)
    return provider


def test_a_wrong_oidc_state_or_nonce_is_refused_with_a_clear_page(new_context, live_server, oidc_idp):
    _oidc_world(live_server, oidc_idp, "frontloeber-refusals")
    oidc_idp.put_user("sten", IDP_PASSWORD, {"email": "sten@sundby.dk", "email_verified": True})
    oidc_idp.put_user("nina", IDP_PASSWORD, {"email": "nina@sundby.dk", "email_verified": True})
    page = _phone(new_context)
    # The answer's address, with its code and state, as the IdP sent the browser back (a redirect, which
    # Playwright lets a listener see but not a route change).
    callbacks = []
    page.on(
        "request",
        lambda request: callbacks.append(request.url) if "/login/callback/" in request.url else None,
    )
    _sign_in_through_the_organisation(page, "sten@sundby.dk", {"login": "sten", "password": IDP_PASSWORD})
    expect(page.locator("#user-menu")).to_be_visible()
    # Another browser's state (this one never started that attempt), and the same with the state changed.
    page.context.clear_cookies()
    for url in (callbacks[-1], callbacks[-1].replace("state=", "state=x")):
        page.goto(url)
        expect(page.locator("#user-menu")).to_have_count(0)
        expect(page.locator("h1")).to_have_text("Login afvist")
        assert_accessible(page)

    # An ID token whose nonce is not the one this browser was sent (a code from another attempt).
    with another_nonce_kept():
        page.context.clear_cookies()
        _sign_in_through_the_organisation(page, "nina@sundby.dk", {"login": "nina", "password": IDP_PASSWORD})
        _refused(page)
    assert not User.objects.filter(email="nina@sundby.dk").exists()
