"""The world of the provisioning tests: an organisation with its e-mail domain, an admin, a token for its
provisioning service, and a SCIM client speaking to /scim/v2/ through Django's test client."""

import json
from types import SimpleNamespace

import pytest

from frontloeber.organisations.models import OrganisationDomain, Role
from frontloeber.organisations.services import organisation_admin_add
from frontloeber.provisioning import services
from tests.factories import OrganisationFactory, UserFactory, WorkplaceFactory, member

DOMAIN = "fjordby.dk"
SCIM_JSON = "application/scim+json"


class Scim:
    """Requests to the SCIM endpoints with a bearer token (``secret``; None sends no Authorization)."""

    def __init__(self, client, secret):
        self.client = client
        self.secret = secret

    def _headers(self):
        return {"Authorization": f"Bearer {self.secret}"} if self.secret is not None else {}

    def request(self, method, path, body=None, *, raw=None, **params):
        url = "/scim/v2/" + path.lstrip("/")
        data = raw if raw is not None else (json.dumps(body) if body is not None else "")
        call = getattr(self.client, method.lower())
        if method == "GET":
            return call(url, params, headers=self._headers())
        return call(url, data, content_type=SCIM_JSON, headers=self._headers())

    def get(self, path, **params):
        return self.request("GET", path, **params)

    def post(self, path, body=None, **kwargs):
        return self.request("POST", path, body, **kwargs)

    def put(self, path, body=None, **kwargs):
        return self.request("PUT", path, body, **kwargs)

    def patch(self, path, body=None, **kwargs):
        return self.request("PATCH", path, body, **kwargs)

    def delete(self, path):
        return self.request("DELETE", path)


def patch_op(*operations):
    return {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": list(operations)}


def user_payload(email, *, given="Anna", family="Berg", external_id="entra-anna", active=True, **extra):
    """A user as Entra ID sends one (its default attribute mappings), enterprise extension included."""
    return {
        "schemas": [
            "urn:ietf:params:scim:schemas:core:2.0:User",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
        ],
        "externalId": external_id,
        "userName": email,
        "active": active,
        "displayName": f"{given} {family}",
        "emails": [{"primary": True, "type": "work", "value": email}],
        "meta": {"resourceType": "User"},
        "name": {"formatted": f"{given} {family}", "familyName": family, "givenName": given},
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Dagtilbud"},
        **extra,
    }


def group_payload(name, *, external_id="", members=()):
    payload = {
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"],
        "displayName": name,
        "members": [{"value": str(pk)} for pk in members],
    }
    if external_id:
        payload["externalId"] = external_id
    return payload


@pytest.fixture
def org():
    organisation = OrganisationFactory(name="Fjordby Kommune")
    OrganisationDomain.objects.create(organisation=organisation, domain=DOMAIN)
    admin = UserFactory(email=f"admin@{DOMAIN}")
    organisation_admin_add(organisation=organisation, user=admin)
    workplace = WorkplaceFactory(organisation=organisation, name="Børnehuset Mælkebøtten")
    leader = member(workplace, Role.LEADER, email=f"lene@{DOMAIN}", full_name="Lene Leder").user
    return SimpleNamespace(organisation=organisation, admin=admin, workplace=workplace, leader=leader)


@pytest.fixture
def token(org):
    made, secret = services.scim_token_create(actor=org.admin, organisation=org.organisation, name="Entra ID")
    made.secret = secret
    return made


@pytest.fixture
def scim(client, token):
    return Scim(client, token.secret)
