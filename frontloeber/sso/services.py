"""Writes for the organisation's own sign-in: its configuration (admins only, audited), and what a sign-in
through it does to the person (just-in-time account, name, mapped memberships, linking)."""

import dataclasses
import ipaddress
import json
import socket
import time
from urllib.parse import urlsplit

import requests
from allauth.socialaccount.models import SocialAccount
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from frontloeber.organisations import permissions
from frontloeber.organisations.audit import audit_record
from frontloeber.organisations.models import (
    AuditAction,
    Invitation,
    Membership,
    Organisation,
    OrganisationAdmin,
    Role,
    Workplace,
)
from frontloeber.organisations.services import (
    memberships_follow_identity_provider,
    organisation_password_login_set,
)

from . import registry, selectors
from .models import (
    OIOSAML_EMAIL,
    OIOSAML_FIRST_NAME,
    OIOSAML_LAST_NAME,
    OIOSAML_UNIT,
    IdentityProvider,
    LinkRequest,
    MappingRule,
    Protocol,
    RuleKind,
)
from .saml_metadata import MAX_METADATA_BYTES, MetadataError, metadata_read, sp_key_pair

FETCH_TIMEOUT = 10


class LinkNeeded(Exception):
    """The provider asserted the address of an existing account that is not linked to it yet."""

    def __init__(self, link_request):
        super().__init__("link needed")
        self.link_request = link_request


class SignInRefused(Exception):
    """A sign-in the provider vouched for that Frontløber still refuses, with the reason to show."""


# --- Configuration ----------------------------------------------------------------------------------------


def _audit(provider_or_org, actor, action, **detail):
    organisation = getattr(provider_or_org, "organisation", provider_or_org)
    audit_record(organisation=organisation, action=action, actor=actor, detail=detail)


def _unique_key(slug):
    base = slugify(slug)[:50] or "org"
    key, n = base, 1
    while IdentityProvider.objects.filter(key=key).exists():
        n += 1
        key = f"{base}-{n}"
    return key


@transaction.atomic
def identity_provider_create(*, actor, organisation: Organisation, protocol: str) -> IdentityProvider:
    permissions.require_administer(user=actor, organisation=organisation)
    if protocol not in Protocol.values:
        raise ValidationError({"protocol": _("Choose SAML 2.0 or OpenID Connect.")})
    if selectors.identity_provider_of(organisation=organisation) is not None:
        raise ValidationError(_("The organisation already has a sign-in. Change it instead."))
    provider = IdentityProvider(
        organisation=organisation, key=_unique_key(organisation.slug), protocol=protocol
    )
    if protocol == Protocol.SAML:
        provider.sp_private_key, provider.sp_certificate = sp_key_pair(
            common_name=f"Frontløber {organisation.name}"
        )
        provider.email_attribute = OIOSAML_EMAIL
        provider.first_name_attribute = OIOSAML_FIRST_NAME
        provider.last_name_attribute = OIOSAML_LAST_NAME
        provider.unit_attribute = OIOSAML_UNIT
    else:
        provider.email_attribute = "email"
        provider.first_name_attribute = "given_name"
        provider.last_name_attribute = "family_name"
        provider.unit_attribute = "groups"
    provider.save()
    _audit(provider, actor, AuditAction.SSO_CHANGED, change="created", protocol=protocol)
    return provider


def _check_address(url: str):
    """An identity provider's address Frontløber may fetch from: https, on a public address. An admin types
    it, so it must not reach into the municipality's own network or this machine (plain http and local
    addresses only with ``SSO_ALLOW_PLAIN_HTTP``, for the test IdPs and the demo)."""
    parts = urlsplit(url)
    local_ok = getattr(settings, "SSO_ALLOW_PLAIN_HTTP", False)
    if parts.scheme != "https" and not (local_ok and parts.scheme == "http"):
        raise MetadataError(_("The address must begin with https://."))
    if not parts.hostname:
        raise MetadataError(_("The address names no host."))
    try:
        found = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as error:
        raise MetadataError(_("The host %(host)s is not known.") % {"host": parts.hostname}) from error
    for *_rest, address in found:
        if not ipaddress.ip_address(address[0]).is_global and not local_ok:
            raise MetadataError(
                _(
                    "%(host)s is not on the internet (a private or local address), so Frontløber will not "
                    "fetch it."
                )
                % {"host": parts.hostname}
            )


def _fetch(url: str, *, accept: str) -> bytes:
    """The document at ``url``: no redirects followed (each would need the same checks), at most
    ``MAX_METADATA_BYTES``, within ``FETCH_TIMEOUT`` seconds in all; a failure says only that it failed, so
    the answer cannot be used to look around a network."""
    _check_address(url)
    failed = MetadataError(
        _("Frontløber could not fetch %(url)s: no document answered there within %(seconds)s seconds.")
        % {"url": url, "seconds": FETCH_TIMEOUT}
    )
    deadline = time.monotonic() + FETCH_TIMEOUT
    chunks, size = [], 0
    try:
        with requests.get(
            url, timeout=FETCH_TIMEOUT, stream=True, allow_redirects=False, headers={"Accept": accept}
        ) as response:
            if response.status_code != 200:
                raise failed
            for chunk in response.iter_content(64 * 1024):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_METADATA_BYTES or time.monotonic() > deadline:
                    break
    except requests.RequestException as error:
        raise failed from error
    if time.monotonic() > deadline:
        raise failed
    return b"".join(chunks)


@transaction.atomic
def identity_provider_saml_metadata(
    *, actor, provider: IdentityProvider, content: bytes = b"", url: str = ""
):
    """Read the IdP from its metadata, uploaded or fetched from its address; nothing changes if it fails."""
    permissions.require_administer(user=actor, organisation=provider.organisation)
    url = (url or "").strip()
    if not content and not url:
        raise ValidationError(_("Upload the metadata file or give its address."))
    try:
        read = metadata_read(content if content else _fetch(url, accept="application/samlmetadata+xml"))
    except MetadataError as error:
        raise ValidationError(str(error)) from error
    provider.metadata_url = url if not content else ""
    provider.idp_entity_id = read["entity_id"]
    provider.idp_sso_url = read["sso_url"]
    provider.idp_slo_url = read["slo_url"]
    provider.idp_certificates = read["certificates"]
    provider.metadata_valid_until = read["valid_until"]
    provider.metadata_signed = read["signed"]
    provider.metadata_read_at = provider.updated_at = timezone.now()
    provider.save()
    _audit(provider, actor, AuditAction.SSO_CHANGED, change="metadata", entity_id=read["entity_id"])
    return provider


@transaction.atomic
def identity_provider_oidc_update(
    *, actor, provider: IdentityProvider, issuer: str, client_id: str, client_secret=""
):
    """Issuer, client id and secret; the issuer's discovery document must answer and name itself."""
    permissions.require_administer(user=actor, organisation=provider.organisation)
    issuer = (issuer or "").strip().rstrip("/")
    client_id = (client_id or "").strip()
    if not issuer or not client_id or not (client_secret or provider.client_secret):
        raise ValidationError(_("Give the issuer, the client ID and the client secret."))
    try:
        discovery = json.loads(
            _fetch(issuer + "/.well-known/openid-configuration", accept="application/json")
        )
    except (MetadataError, ValueError) as error:
        raise ValidationError(
            _("The issuer's discovery document (%(url)s) could not be read: %(reason)s")
            % {"url": issuer + "/.well-known/openid-configuration", "reason": str(error)[:200]}
        ) from error
    if not isinstance(discovery, dict) or discovery.get("issuer", "").rstrip("/") != issuer:
        raise ValidationError(
            _("The discovery document names another issuer than %(issuer)s.") % {"issuer": issuer}
        )
    for endpoint in ("authorization_endpoint", "token_endpoint", "jwks_uri", "userinfo_endpoint"):
        if not isinstance(discovery.get(endpoint), str) or not discovery[endpoint]:
            raise ValidationError(_("The discovery document has no %(name)s.") % {"name": endpoint})
        # allauth fetches these itself at each sign-in: they must pass the same checks as the issuer.
        try:
            _check_address(discovery[endpoint])
        except MetadataError as error:
            raise ValidationError(f"{endpoint}: {error}") from error
    provider.issuer = issuer
    provider.client_id = client_id
    if client_secret:
        provider.client_secret = client_secret
    provider.updated_at = timezone.now()
    provider.save()
    _audit(
        provider, actor, AuditAction.SSO_CHANGED, change="openid_connect", issuer=issuer, client_id=client_id
    )
    return provider


ATTRIBUTE_FIELDS = (
    "label",
    "email_attribute",
    "first_name_attribute",
    "last_name_attribute",
    "unit_attribute",
    "role_attribute",
    "default_role",
)


@transaction.atomic
def identity_provider_attributes(*, actor, provider: IdentityProvider, **values):
    permissions.require_administer(user=actor, organisation=provider.organisation)
    unknown = set(values) - set(ATTRIBUTE_FIELDS)
    if unknown:
        raise ValueError(f"Unknown fields {sorted(unknown)}")
    if "default_role" in values and values["default_role"] not in Role.values:
        raise ValidationError({"default_role": _("Choose a role.")})
    if not (values.get("email_attribute", provider.email_attribute) or "").strip():
        raise ValidationError(
            {"email_attribute": _("Name the attribute that holds the person's e-mail address.")}
        )
    changed = {}
    for name, value in values.items():
        value = (value or "").strip()
        if getattr(provider, name) != value:
            changed[name] = value
            setattr(provider, name, value)
    if changed:
        provider.updated_at = timezone.now()
        provider.save()
        _audit(provider, actor, AuditAction.SSO_CHANGED, change="attributes", **changed)
    return provider


@transaction.atomic
def identity_provider_enable(*, actor, provider: IdentityProvider, enabled: bool):
    permissions.require_administer(user=actor, organisation=provider.organisation)
    enabled = bool(enabled)
    if enabled and not provider.is_configured:
        raise ValidationError(_("Finish the set-up first: the identity provider is not fully described yet."))
    if enabled and not provider.organisation.domains.exists():
        raise ValidationError(
            _("Add the organisation's e-mail domains first: the sign-in only lets in addresses in them.")
        )
    if not enabled and not provider.organisation.password_login:
        raise ValidationError(_("Switch password login on first, or nobody could sign in."))
    if provider.enabled != enabled:
        provider.enabled = enabled
        provider.save(update_fields=["enabled"])
        _audit(provider, actor, AuditAction.SSO_CHANGED, change="enabled" if enabled else "disabled")
    return provider


@transaction.atomic
def password_login_set(*, actor, organisation: Organisation, allowed: bool):
    """Password login off only while the organisation's own sign-in is in use, so nobody is locked out."""
    provider = selectors.identity_provider_of(organisation=organisation)
    if not allowed and (provider is None or not provider.enabled):
        raise ValidationError(
            _("Put the organisation's own sign-in in use before switching password login off.")
        )
    return organisation_password_login_set(actor=actor, organisation=organisation, allowed=allowed)


@transaction.atomic
def sp_certificate_prepare(*, actor, provider: IdentityProvider):
    """A new key pair, published in the metadata beside the current one until the switch."""
    permissions.require_administer(user=actor, organisation=provider.organisation)
    provider.sp_next_private_key, provider.sp_next_certificate = sp_key_pair(
        common_name=f"Frontløber {provider.organisation.name}"
    )
    provider.save(update_fields=["sp_next_private_key", "sp_next_certificate"])
    _audit(provider, actor, AuditAction.SSO_CERTIFICATE, change="prepared")
    return provider


@transaction.atomic
def sp_certificate_switch(*, actor, provider: IdentityProvider):
    permissions.require_administer(user=actor, organisation=provider.organisation)
    if not provider.sp_next_certificate:
        raise ValidationError(_("Make a new certificate first, and give the IdP the metadata with it."))
    provider.sp_private_key, provider.sp_certificate = (
        provider.sp_next_private_key,
        provider.sp_next_certificate,
    )
    provider.sp_next_private_key = provider.sp_next_certificate = ""
    provider.save(
        update_fields=["sp_private_key", "sp_certificate", "sp_next_private_key", "sp_next_certificate"]
    )
    _audit(provider, actor, AuditAction.SSO_CERTIFICATE, change="switched")
    return provider


# --- The mapping ------------------------------------------------------------------------------------------


def mapping_rule_build(*, organisation, kind: str, value: str, workplace=None, role: str = "") -> MappingRule:
    """A rule checked but not saved, for the preview."""
    value = (value or "").strip()
    if kind not in RuleKind.values:
        raise ValidationError({"kind": _("Choose what the rule gives: a workplace or a role.")})
    if not value:
        raise ValidationError({"value": _("Write the value the identity provider sends.")})
    if len(value) > 300:
        raise ValidationError({"value": _("The value is longer than 300 characters.")})
    if role and role not in Role.values:
        raise ValidationError({"role": _("Choose a role.")})
    if kind == RuleKind.WORKPLACE:
        if workplace is None or workplace.organisation_id != organisation.pk:
            raise ValidationError({"workplace": _("Choose the workplace the value gives.")})
    else:
        workplace = None
        if not role:
            raise ValidationError({"role": _("Choose the role the value gives.")})
    exists = MappingRule.objects.filter(
        organisation=organisation, kind=kind, value=value, target_workplace=workplace
    )
    if exists.exists():
        raise ValidationError({"value": _("There is already such a rule.")})
    return MappingRule(
        organisation=organisation, kind=kind, value=value, target_workplace=workplace, role=role
    )


@transaction.atomic
def mapping_rule_add(*, actor, organisation, kind, value, workplace=None, role="") -> MappingRule:
    permissions.require_administer(user=actor, organisation=organisation)
    rule = mapping_rule_build(
        organisation=organisation, kind=kind, value=value, workplace=workplace, role=role
    )
    rule.created_by = actor
    try:
        with transaction.atomic():
            rule.save()
    except IntegrityError as error:
        raise ValidationError({"value": _("There is already such a rule.")}) from error
    _audit(
        organisation,
        actor,
        AuditAction.MAPPING_CHANGED,
        change="added",
        kind=kind,
        value=rule.value,
        workplace=getattr(workplace, "name", ""),
        role=role,
    )
    return rule


@transaction.atomic
def mapping_rule_remove(*, actor, rule: MappingRule):
    permissions.require_administer(user=actor, organisation=rule.organisation)
    _audit(
        rule.organisation,
        actor,
        AuditAction.MAPPING_CHANGED,
        change="removed",
        kind=rule.kind,
        value=rule.value,
        workplace=getattr(rule.target_workplace, "name", ""),
        role=rule.role,
    )
    rule.delete()


# --- A sign-in through the provider -----------------------------------------------------------------------


def _only_this_organisations(user, organisation) -> bool:
    """The account is this organisation's alone: no place or admin role in another, and not one of the
    people running Frontløber. Only such an account may be linked on the organisation's word (its admin's
    confirmation, or its own staff list): an admin also runs the IdP and names the domains, so their word
    must never reach an account of anyone else."""
    if user.is_staff or user.is_superuser:
        return False
    if Membership.objects.filter(user=user).exclude(organisation=organisation).exists():
        return False
    return not OrganisationAdmin.objects.filter(user=user).exclude(organisation=organisation).exists()


def _linkable_without_proof(user, organisation) -> bool:
    """An account nobody has ever used (no password, never signed in) that the organisation itself made for
    this address (a staff list, an invitation, an admin): the organisation vouches for the address twice,
    and there is nothing of anyone's to take over."""
    if user.has_usable_password() or user.last_login is not None:
        return False
    if not _only_this_organisations(user, organisation):
        return False
    return (
        Membership.objects.filter(user=user, organisation=organisation).exists()
        or Invitation.objects.filter(workplace__organisation=organisation, email__iexact=user.email).exists()
    )


def sign_in_person(*, provider: IdentityProvider, uid: str, extra_data: dict, asserted, linked_user=None):
    """The account a sign-in through the provider is for: the linked one, a new one (just in time), or — for
    an address that already has an account — a ``LinkNeeded`` until the person or an admin vouches for it.
    Not one transaction: the link request must outlive the exception that reports it."""
    if not asserted.email:
        raise SignInRefused(_("The identity provider did not send an e-mail address for you."))
    if not selectors.email_in_domains(provider=provider, email=asserted.email):
        raise SignInRefused(
            _("%(email)s is not an address of %(organisation)s, so its sign-in cannot let you in.")
            % {"email": asserted.email, "organisation": provider.organisation.name}
        )
    if linked_user is not None:
        if not linked_user.is_active:
            raise SignInRefused(_("Your account is closed. Ask your organisation's admin."))
        # The account's own address must still be the organisation's: a domain moved to another
        # organisation takes its people out of reach of the old one's IdP.
        if not selectors.email_in_domains(provider=provider, email=linked_user.email):
            raise SignInRefused(
                _("%(email)s is not an address of %(organisation)s, so its sign-in cannot let you in.")
                % {"email": linked_user.email, "organisation": provider.organisation.name}
            )
        for refusal in registry.sign_in_refusal:
            reason = refusal(organisation=provider.organisation, user=linked_user)
            if reason:
                raise SignInRefused(reason)
        return linked_user
    User = get_user_model()
    existing = User.objects.filter(email__iexact=asserted.email).first()
    if existing is None:
        return User.objects.create_user(asserted.email, None, full_name=asserted.name or asserted.email)
    if not existing.is_active:
        raise SignInRefused(_("Your account is closed. Ask your organisation's admin."))
    for refusal in registry.sign_in_refusal:
        reason = refusal(organisation=provider.organisation, user=existing)
        if reason:
            raise SignInRefused(reason)
    if _linkable_without_proof(existing, provider.organisation):
        return existing
    link, _created = LinkRequest.objects.update_or_create(
        organisation=provider.organisation,
        user=existing,
        defaults={"uid": uid, "attributes": extra_data, "created_at": timezone.now()},
    )
    raise LinkNeeded(link)


@transaction.atomic
def sign_in_apply(*, provider: IdentityProvider, user, asserted, now=None):
    """What every sign-in through the provider does: the name as the provider has it, and the memberships
    the mapping gives (hand-made ones are never touched, so without rules nothing changes but what rules
    made before)."""
    for refusal in registry.sign_in_refusal:
        if refusal(organisation=provider.organisation, user=user):
            return []
    if asserted.name and asserted.name != user.full_name:
        user.full_name = asserted.name
        user.save(update_fields=["full_name"])
    more = selectors.more_units(organisation=provider.organisation, user_ids=[user.pk]).get(user.pk, [])
    if more:
        asserted = dataclasses.replace(asserted, units=[*asserted.units, *more])
    rules = selectors.mapping_rules_for(organisation=provider.organisation, asserted=asserted)
    wanted = selectors.wanted_memberships(provider=provider, rules=rules, asserted=asserted)
    made = memberships_follow_identity_provider(
        organisation=provider.organisation, user=user, wanted=wanted, now=now
    )
    if made:
        names = dict(Workplace.objects.filter(pk__in=[m[1] for m in made]).values_list("pk", "name"))
        audit_record(
            organisation=provider.organisation,
            action=AuditAction.MAPPED,
            subject=user,
            detail={
                "changes": [[kind, names.get(pk, ""), role, previous] for kind, pk, role, previous in made]
            },
            now=now,
        )
    return made


def _link(link: LinkRequest, provider: IdentityProvider):
    SocialAccount.objects.filter(provider=provider.provider_id, uid=link.uid).delete()
    account = SocialAccount.objects.create(
        user=link.user, provider=provider.provider_id, uid=link.uid, extra_data=link.attributes
    )
    link.delete()
    return account


@transaction.atomic
def link_prove(*, link: LinkRequest, password: str):
    """The person proves the account with its password; then it is linked to the provider."""
    provider = selectors.identity_provider_of(organisation=link.organisation)
    if provider is None or not provider.enabled:
        raise ValidationError(_("The organisation's sign-in is not in use any more."))
    if not link.user.check_password(password or ""):
        raise ValidationError({"password": _("The password is wrong. Try again.")})
    account = _link(link, provider)
    audit_record(
        organisation=link.organisation,
        action=AuditAction.ACCOUNT_LINKED,
        actor=link.user,
        subject=link.user,
        detail={"by": "password"},
    )
    return account, provider


@transaction.atomic
def link_confirm(*, actor, link: LinkRequest):
    """An admin vouches that the account is the person's: only for an account that is the organisation's
    alone (see ``_only_this_organisations``); anyone else proves it with the account's password."""
    permissions.require_administer(user=actor, organisation=link.organisation)
    provider = selectors.identity_provider_of(organisation=link.organisation)
    if provider is None:
        raise ValidationError(_("The organisation has no sign-in."))
    if not _only_this_organisations(link.user, link.organisation):
        raise ValidationError(
            _(
                "This account also belongs elsewhere in Frontløber, so only its owner can link it, with its "
                "password."
            )
        )
    account = _link(link, provider)
    audit_record(
        organisation=link.organisation,
        action=AuditAction.ACCOUNT_LINKED,
        actor=actor,
        subject=account.user,
        detail={"by": "admin"},
    )
    return account


@transaction.atomic
def link_refuse(*, actor, link: LinkRequest):
    permissions.require_administer(user=actor, organisation=link.organisation)
    audit_record(
        organisation=link.organisation,
        action=AuditAction.ACCOUNT_LINKED,
        actor=actor,
        subject=link.user,
        detail={"by": "admin", "refused": True},
    )
    link.delete()
