"""The organisation admin's tokens: made with the secret shown once, stored as a SHA-256 only, revoked
after a confirmation, behind the admin check and a fresh proof of who one is."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from frontloeber.accounts.sessions import PROVED_AT
from frontloeber.organisations.audit import audit_detail_text
from frontloeber.organisations.models import AuditAction, AuditEntry, Role
from frontloeber.provisioning import selectors, services
from frontloeber.provisioning.models import ScimToken
from tests.factories import member

from .conftest import Scim

pytestmark = pytest.mark.django_db


def test_a_token_is_stored_as_its_hash_and_valid_for_a_year(org):
    token, secret = services.scim_token_create(actor=org.admin, organisation=org.organisation, name=" Entra ")
    assert re.fullmatch(r"flscim_[A-Za-z0-9_-]{43}", secret)
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in str(ScimToken.objects.filter(pk=token.pk).values().get())
    assert token.name == "Entra" and token.is_usable
    assert timedelta(days=364) < token.expires_at - token.created_at <= timedelta(days=365)
    entry = AuditEntry.objects.get(action=AuditAction.SCIM_TOKEN_CREATED)
    assert entry.actor == org.admin and "SCIM" in audit_detail_text(entry)
    assert "Entra" in audit_detail_text(entry)


def test_only_the_organisations_admins_make_and_revoke_tokens(org, token):
    leader = org.leader
    with pytest.raises(PermissionDenied):
        services.scim_token_create(actor=leader, organisation=org.organisation, name="x")
    with pytest.raises(PermissionDenied):
        services.scim_token_revoke(actor=leader, token=token)
    with pytest.raises(ValidationError):
        services.scim_token_create(actor=org.admin, organisation=org.organisation, name="  ")


def test_last_used_is_written_at_most_once_a_minute(org, token):
    now = timezone.now()
    assert services.scim_token_use(secret=token.secret, now=now).last_used_at == now
    services.scim_token_use(secret=token.secret, now=now + timedelta(seconds=30))
    token.refresh_from_db()
    assert token.last_used_at == now
    services.scim_token_use(secret=token.secret, now=now + timedelta(seconds=61))
    token.refresh_from_db()
    assert token.last_used_at == now + timedelta(seconds=61)
    assert services.scim_token_use(secret=token.secret, now=token.expires_at) is None
    assert selectors.scim_token_find(secret="flscim_" + "a" * 43) is None


@pytest.fixture
def admin_client(client, org):
    client.force_login(org.admin)
    return client


def test_the_page_makes_a_token_and_shows_it_once(admin_client, org):
    url = reverse("provisioning:tokens", kwargs={"org_slug": org.organisation.slug})
    page = admin_client.get(url)
    assert page.status_code == 200 and "http://testserver/scim/v2/" in page.content.decode()
    response = admin_client.post(url, {"name": "Entra ID"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    secret = re.search(r"flscim_[A-Za-z0-9_-]{43}", html).group(0)
    assert "http://testserver/scim/v2/" in html
    assert Scim(admin_client, secret).get("ServiceProviderConfig").status_code == 200
    listed = admin_client.get(url).content.decode()
    assert "Entra ID" in listed and secret not in listed
    assert admin_client.post(url, {"name": ""}).status_code == 400


def test_revoking_asks_first_and_then_the_token_is_refused(admin_client, org, token):
    url = reverse(
        "provisioning:token_revoke", kwargs={"org_slug": org.organisation.slug, "token_id": token.pk}
    )
    assert admin_client.get(url).status_code == 200
    token.refresh_from_db()
    assert token.is_usable
    response = admin_client.post(url)
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.is_revoked
    assert AuditEntry.objects.filter(action=AuditAction.SCIM_TOKEN_REVOKED, actor=org.admin).exists()
    assert Scim(admin_client, token.secret).get("Users").status_code == 401


def test_the_pages_ask_for_the_password_again_and_are_the_admins_only(client, org, token):
    url = reverse("provisioning:tokens", kwargs={"org_slug": org.organisation.slug})
    client.force_login(org.admin)
    session = client.session
    session[PROVED_AT] = 0
    session.save()
    assert reverse("accounts:reauthenticate") in client.get(url)["Location"]
    assert reverse("accounts:reauthenticate") in client.post(url, {"name": "x"})["Location"]
    assert not ScimToken.objects.filter(name="x").exists()
    client.force_login(member(org.workplace, Role.EMPLOYEE).user)
    assert client.get(url).status_code == 404


def test_the_organisations_page_links_to_it(admin_client, org):
    home = admin_client.get(
        reverse("organisations:organisation_home", kwargs={"org_slug": org.organisation.slug})
    )
    assert reverse("provisioning:tokens", kwargs={"org_slug": org.organisation.slug}) in home.content.decode()
