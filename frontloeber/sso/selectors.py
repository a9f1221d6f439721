"""Reads for the organisation's own sign-in: which provider serves an address or a sign-in, what a provider
said about a person, what the mapping gives them, and what a changed mapping would do to today's people."""

from dataclasses import dataclass, field
from typing import NamedTuple

from allauth.socialaccount.models import SocialAccount, SocialApp
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from frontloeber.organisations.models import (
    Membership,
    OrganisationAdmin,
    OrganisationDomain,
    Role,
    Workplace,
)
from frontloeber.organisations.selectors import mapped_membership_changes
from frontloeber.organisations.services import normalise_domain

from . import registry
from .models import IdentityProvider, LinkRequest, MappingRule, Protocol, RuleKind

# Where two role rules match, the person gets the one that lets them do most.
ROLE_RANK = {Role.LEADER: 3, Role.EMPLOYEE: 2, Role.OBSERVER: 1}
ALLAUTH_PROVIDER = {Protocol.SAML: "saml", Protocol.OIDC: "openid_connect"}
PREVIEW_ROWS = 50


def identity_providers_in_use():
    return IdentityProvider.objects.filter(enabled=True).select_related("organisation")


def identity_provider_by_key(*, key):
    provider = identity_providers_in_use().filter(key=key).first()
    if provider is None or not provider.is_configured:
        raise Http404(_("No such sign-in."))
    return provider


def identity_provider_of(*, organisation):
    return IdentityProvider.objects.filter(organisation=organisation).first()


def identity_provider_by_provider_id(provider_id: str):
    protocol, _sep, key = (provider_id or "").partition("-")
    return identity_providers_in_use().filter(protocol=protocol, key=key).first()


def email_domain(email: str) -> str:
    """The address's domain as domains are kept: in DNS form, so æøå-domains match (ærø.dk → xn--r-…)."""
    return normalise_domain((email or "").rpartition("@")[2]) if "@" in (email or "") else ""


def identity_provider_for_email(email: str):
    """The provider of the organisation that owns the address's domain, if it has one in use."""
    domain = email_domain(email)
    if not domain:
        return None
    owner = OrganisationDomain.objects.filter(domain=domain).values("organisation_id")
    provider = identity_providers_in_use().filter(organisation_id__in=owner).first()
    return provider if provider is not None and provider.is_configured else None


def email_in_domains(*, provider: IdentityProvider, email: str) -> bool:
    domain = email_domain(email)
    return (
        bool(domain)
        and OrganisationDomain.objects.filter(
            organisation_id=provider.organisation_id, domain=domain
        ).exists()
    )


# --- allauth reads its apps from here ------------------------------------------------------------------


def social_app(provider: IdentityProvider) -> SocialApp:
    """allauth's app for the provider, built from the row (never saved: the row is the configuration)."""
    if provider.is_saml:
        certificates = provider.idp_certificates or []
        settings = {
            "idp": {
                "entity_id": provider.idp_entity_id,
                "sso_url": provider.idp_sso_url,
                "slo_url": provider.idp_slo_url or None,
                "x509cert": certificates[0] if certificates else "",
                # Read by providers.with_every_idp_certificate: an IdP rolling its key lists two.
                "x509cert_multi": certificates,
            },
            "attribute_mapping": {
                "email": provider.email_attribute,
                "first_name": provider.first_name_attribute,
                "last_name": provider.last_name_attribute,
            },
            "advanced": {
                "x509cert": provider.sp_certificate,
                "private_key": provider.sp_private_key,
                "x509cert_new": provider.sp_next_certificate or None,
                "authn_request_signed": True,
                "want_assertion_signed": True,
                "want_message_signed": False,
                "reject_idp_initiated_sso": True,
                "reject_deprecated_algorithm": True,
                "strict": True,
                # Only checks the form of Frontløber's own addresses: a host without a dot (a test server,
                # an intranet name) is still an address.
                "allow_single_label_domains": True,
            },
        }
        return SocialApp(
            provider="saml",
            provider_id=provider.provider_id,
            client_id=provider.key,
            name=provider.shown_name,
            settings=settings,
        )
    return SocialApp(
        provider="openid_connect",
        provider_id=provider.provider_id,
        client_id=provider.client_id,
        secret=provider.client_secret,
        name=provider.shown_name,
        settings={"server_url": provider.issuer, "oauth_pkce_enabled": True, "fetch_userinfo": True},
    )


def social_apps(*, provider=None, client_id=None) -> list[SocialApp]:
    rows = identity_providers_in_use()
    if provider in ("saml", "openid_connect"):
        rows = rows.filter(protocol=Protocol.SAML if provider == "saml" else Protocol.OIDC)
    elif provider:
        protocol, _sep, key = provider.partition("-")
        rows = rows.filter(protocol=protocol, key=key)
    apps = [social_app(row) for row in rows if row.is_configured]
    if client_id:
        apps = [app for app in apps if app.client_id == client_id]
    return apps


# --- What the provider said about a person --------------------------------------------------------------


@dataclass
class Asserted:
    email: str = ""
    name: str = ""
    units: list = field(default_factory=list)
    roles: list = field(default_factory=list)


def _values(data: dict, name: str) -> list[str]:
    if not name:
        return []
    value = data.get(name)
    if value is None:
        return []
    if not isinstance(value, list | tuple):
        value = [value]
    return [str(item).strip() for item in value if str(item).strip()]


def provider_data(*, provider: IdentityProvider, extra_data: dict) -> dict:
    """The attributes (SAML) or claims (OpenID Connect) allauth kept, as one flat dict."""
    if provider.is_saml:
        return dict(extra_data or {})
    data = dict((extra_data or {}).get("id_token") or {})
    data.update((extra_data or {}).get("userinfo") or {})
    return data


def asserted_identity(*, provider: IdentityProvider, extra_data: dict, fallback_email: str = "") -> Asserted:
    data = provider_data(provider=provider, extra_data=extra_data)
    email_name = provider.email_attribute or ("" if provider.is_saml else "email")
    email = next(iter(_values(data, email_name)), "") or fallback_email or ""
    first = " ".join(
        _values(data, provider.first_name_attribute or ("" if provider.is_saml else "given_name"))
    )
    last = " ".join(
        _values(data, provider.last_name_attribute or ("" if provider.is_saml else "family_name"))
    )
    name = " ".join(part for part in (first, last) if part)
    if not name and not provider.is_saml:
        name = next(iter(_values(data, "name")), "")
    return Asserted(
        email=email.strip().lower(),
        name=name[:150],
        units=_values(data, provider.unit_attribute),
        roles=_values(data, provider.role_attribute),
    )


def mapping_rules_listed(*, organisation):
    """The rules as the rules page lists them (paged: a municipality has one per unit)."""
    return MappingRule.objects.filter(organisation=organisation).select_related("target_workplace")


def more_units(*, organisation, user_ids=None) -> dict:
    """Person → the values other sources give the rules (``registry.people_units``), merged."""
    merged = {}
    for source in registry.people_units:
        for user_id, values in source(organisation=organisation, user_ids=user_ids).items():
            merged.setdefault(user_id, []).extend(values)
    return merged


def signed_in_identities(*, provider: IdentityProvider, user_ids) -> dict:
    """Person → what the provider said of them at their last sign-in, for many people in one query."""
    return {
        user_id: asserted_identity(provider=provider, extra_data=extra_data)
        for user_id, extra_data in SocialAccount.objects.filter(
            provider=provider.provider_id, user_id__in=user_ids
        ).values_list("user_id", "extra_data")
    }


def mapping_rules_for(*, organisation, asserted: "Asserted"):
    """Only the rules a sign-in's values can match: a municipality has one per unit."""
    values = {*asserted.units, *asserted.roles}
    return list(MappingRule.objects.filter(organisation=organisation, value__in=values))


def mapping_rules(*, organisation):
    return list(MappingRule.objects.filter(organisation=organisation).select_related("target_workplace"))


class RuleIndex:
    """The rules looked up by value: a municipality has a rule per unit, and the preview weighs every person
    who has signed in, so each person's values are looked up rather than every rule walked."""

    def __init__(self, rules):
        self.workplace_rules = {}
        self.role_rules = {}
        for rule in rules:
            if rule.kind == RuleKind.WORKPLACE and rule.target_workplace_id:
                self.workplace_rules.setdefault(rule.value, []).append(rule)
            elif rule.kind == RuleKind.ROLE:
                self.role_rules.setdefault(rule.value, []).append(rule)


def wanted_memberships(*, provider: IdentityProvider, rules, asserted: Asserted) -> dict:
    """Workplace id → role, from the rules (a list or a ``RuleIndex``) and what the provider said."""
    index = rules if isinstance(rules, RuleIndex) else RuleIndex(rules)
    roles = {rule.role for value in asserted.roles for rule in index.role_rules.get(value, ())}
    role = max(roles, key=ROLE_RANK.get) if roles else provider.default_role
    wanted = {}
    for value in asserted.units:
        for rule in index.workplace_rules.get(value, ()):
            chosen = rule.role or role
            held = wanted.get(rule.target_workplace_id)
            if held is None or ROLE_RANK[chosen] > ROLE_RANK[held]:
                wanted[rule.target_workplace_id] = chosen
    return wanted


@dataclass
class PreviewRow:
    person: object
    kind: str
    workplace: object
    role: str
    previous_role: str

    @property
    def joins(self):
        return self.kind == "joins"

    @property
    def changes_role(self):
        return self.kind == "role"

    @property
    def role_label(self):
        return Role(self.role).label if self.role else ""

    @property
    def previous_role_label(self):
        return Role(self.previous_role).label if self.previous_role else ""


@dataclass
class Preview:
    people: int
    joins: int
    role_changes: int
    leaves: int
    rows: list

    @property
    def changes(self):
        return self.joins + self.role_changes + self.leaves


class _Held(NamedTuple):
    workplace_id: int
    origin: str
    role: str


def mapping_preview(*, provider: IdentityProvider, rules) -> Preview:
    """What these rules would do to the people who have signed in through the provider, going by what it
    said about them at their last sign-in, and to the people other sources give values for (SCIM groups).
    Memberships made by hand are never touched (shown as nothing).

    Read as plain rows, not model instances, with the rules looked up by value: 30,000 people and 1,000 rules
    take 0.5 s on SQLite here, where walking every rule for model instances took 10 s."""
    signed_in = dict(
        SocialAccount.objects.filter(provider=provider.provider_id).values_list("user_id", "extra_data")
    )
    more = more_units(organisation=provider.organisation, user_ids=None)
    people = sorted(set(signed_in) | set(more))
    held = {}
    # Every membership of the organisation (as many rows as it has members): cheaper than naming tens of
    # thousands of people in the query.
    for user_id, workplace_id, origin, role in Membership.objects.filter(
        organisation_id=provider.organisation_id
    ).values_list("user_id", "workplace_id", "origin", "role"):
        held.setdefault(user_id, []).append(_Held(workplace_id, origin, role))
    counts = {"joins": 0, "role": 0, "leaves": 0}
    shown = []
    index = RuleIndex(rules)
    for user_id in people:
        asserted = asserted_identity(provider=provider, extra_data=signed_in.get(user_id) or {})
        asserted.units = [*asserted.units, *more.get(user_id, [])]
        wanted = wanted_memberships(provider=provider, rules=index, asserted=asserted)
        for kind, workplace_id, role, previous, _membership in mapped_membership_changes(
            memberships=held.get(user_id, []), wanted=wanted
        ):
            counts[kind] += 1
            if len(shown) < PREVIEW_ROWS:
                shown.append((user_id, kind, workplace_id, role, previous))
    users = get_user_model().objects.in_bulk([row[0] for row in shown])
    workplaces = Workplace.objects.in_bulk([row[2] for row in shown])
    rows = [
        PreviewRow(users.get(user_id), kind, workplaces.get(workplace_id), role, previous)
        for user_id, kind, workplace_id, role, previous in shown
    ]
    return Preview(len(people), counts["joins"], counts["role"], counts["leaves"], rows)


def link_requests(*, organisation):
    """The links an admin may confirm: accounts that are the organisation's alone. Another organisation's
    person or an operator is never shown here, not even by name; they link with their own password."""
    elsewhere = Membership.objects.filter(user=OuterRef("user")).exclude(organisation=organisation)
    admin_elsewhere = OrganisationAdmin.objects.filter(user=OuterRef("user")).exclude(
        organisation=organisation
    )
    return (
        LinkRequest.objects.filter(organisation=organisation, user__is_staff=False, user__is_superuser=False)
        .exclude(Exists(elsewhere))
        .exclude(Exists(admin_elsewhere))
        .select_related("user")
    )


def access_link_request(*, organisation, request_id):
    link = link_requests(organisation=organisation).filter(pk=request_id).first()
    if link is None:
        raise Http404
    return link


# --- What other apps ask ---------------------------------------------------------------------------------


def sign_in_options(request, *, next_url, user=None) -> list[dict]:
    """The login page: a way to the organisation's sign-in. The re-authentication page: the provider the
    signed-in person came through, asked to sign them in again."""
    if user is None:
        if not identity_providers_in_use().exists():
            return []
        return [
            {"label": _("Log in with your organisation"), "action": reverse("sso:choose"), "by_get": True}
        ]
    linked = set(SocialAccount.objects.filter(user=user).values_list("provider", flat=True))
    return [
        {
            "label": _("Confirm with %(organisation)s") % {"organisation": provider.shown_name},
            "action": reverse("sso:start", kwargs={"key": provider.key}) + "?reauthenticate=1",
        }
        for provider in identity_providers_in_use()
        .order_by("pk")
        .filter(key__in=[provider_id.partition("-")[2] for provider_id in linked])
        if provider.provider_id in linked and provider.is_configured
    ]


def sign_in_links_personal_data(*, user) -> dict:
    return {
        "sign_in_links": [
            {
                "provider": account.provider,
                "id_at_provider": account.uid,
                "last_sign_in": account.last_login,
                "what_it_said_last": account.extra_data,
            }
            for account in SocialAccount.objects.filter(user=user).order_by("pk")
        ]
    }


def organisation_home_links(*, organisation):
    return [(_("Single sign-on"), reverse("sso:settings", kwargs={"org_slug": organisation.slug}))]
