"""Writes of the API app: tokens made, revoked and used, and what a client writes through the API."""

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.ideas import services as idea_services
from frontloeber.organisations import permissions
from frontloeber.organisations.audit import audit_record
from frontloeber.organisations.models import AuditAction

from . import selectors
from .models import FEED_SCOPES, READ_SCOPES, ApiToken, Feed, Scope

NAME_MAX = 100
VALID_DAYS_DEFAULT = 365
VALID_DAYS_MAX = 365
LAST_USED_EVERY = timedelta(minutes=1)
# Told apart at a glance, and by secret scanners: organisation, personal and feed tokens.
PREFIXES = {"organisation": "flo_", "personal": "flp_", "feed": "flf_"}


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _clean(name, scopes, valid_days, allowed):
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = _("Give the token a name, such as the report or system that will use it.")
    elif len(name) > NAME_MAX:
        errors["name"] = _("The name can be at most %(n)s characters.") % {"n": NAME_MAX}
    scopes = list(dict.fromkeys(scopes or ()))
    if not scopes:
        errors["scopes"] = _("Choose at least one thing the token may read.")
    elif unknown := [s for s in scopes if s not in allowed]:
        errors["scopes"] = _("This token cannot have these scopes: %(scopes)s") % {
            "scopes": ", ".join(unknown)
        }
    if valid_days is None:
        valid_days = VALID_DAYS_DEFAULT
    if not isinstance(valid_days, int) or not 1 <= valid_days <= VALID_DAYS_MAX:
        errors["valid_days"] = _("A token is valid for 1 to %(n)s days.") % {"n": VALID_DAYS_MAX}
    if errors:
        raise ValidationError(errors)
    return name, [s for s in allowed if s in scopes], valid_days


def _make(*, organisation, user, actor, name, scopes, feed, valid_days, now):
    kind = "feed" if feed else ("personal" if user is not None else "organisation")
    secret = PREFIXES[kind] + secrets.token_urlsafe(32)  # 43 characters, 256 bits
    return (
        ApiToken.objects.create(
            organisation=organisation,
            user=user,
            name=name,
            scopes=scopes,
            feed=feed,
            prefix=secret[:10],
            token_hash=token_hash(secret),
            created_by=actor,
            created_at=now,
            expires_at=now + timedelta(days=valid_days),
        ),
        secret,
    )


@transaction.atomic
def organisation_token_create(
    *, actor, organisation, name: str, scopes, feed: str = "", valid_days: int | None = None, now=None
) -> tuple[ApiToken, str]:
    """A read-only token of the organisation (made by one of its admins); with ``feed``, a feed token that
    reads that feed alone. Returns it with its secret, shown once and kept nowhere."""
    permissions.require_administer(user=actor, organisation=organisation)
    now = now or timezone.now()
    if feed:
        _check_feed(feed)
        scopes = [FEED_SCOPES[feed]]
    name, scopes, valid_days = _clean(name, scopes, valid_days, READ_SCOPES)
    token, secret = _make(
        organisation=organisation,
        user=None,
        actor=actor,
        name=name,
        scopes=scopes,
        feed=feed,
        valid_days=valid_days,
        now=now,
    )
    audit_record(
        organisation=organisation,
        action=AuditAction.API_TOKEN_CREATED,
        actor=actor,
        detail={"token": token.name, "scopes": scopes, **({"feed": feed} if feed else {})},
        now=now,
    )
    return token, secret


@transaction.atomic
def personal_token_create(
    *, actor, organisation, name: str, scopes, feed: str = "", valid_days: int | None = None, now=None
) -> tuple[ApiToken, str]:
    """A token that acts as ``actor`` in ``organisation``, where they must be a member."""
    if not selectors.person_in_organisation(user=actor, organisation=organisation):
        raise PermissionDenied(_("You are not a member of any workplace of this organisation."))
    now = now or timezone.now()
    if feed:
        _check_feed(feed)
        scopes = [FEED_SCOPES[feed]]
    name, scopes, valid_days = _clean(name, scopes, valid_days, Scope.values)
    return _make(
        organisation=organisation,
        user=actor,
        actor=actor,
        name=name,
        scopes=scopes,
        feed=feed,
        valid_days=valid_days,
        now=now,
    )


def _check_feed(feed):
    if feed not in Feed.values:
        raise ValidationError({"feed": _("Choose one of the feeds.")})


@transaction.atomic
def token_revoke(*, actor, token: ApiToken, now=None) -> ApiToken:
    """Revokes an organisation token (its admins) or a personal one (its person, or the organisation's
    admins, who may stop any token that reads the organisation)."""
    if token.user_id != actor.pk:
        permissions.require_administer(user=actor, organisation=token.organisation)
    if token.revoked_at is None:
        token.revoked_at = now or timezone.now()
        token.save(update_fields=["revoked_at"])
        if not token.is_personal:
            audit_record(
                organisation=token.organisation_id,
                action=AuditAction.API_TOKEN_REVOKED,
                actor=actor,
                detail={"token": token.name},
            )
    return token


def token_use(*, secret: str, now=None) -> ApiToken | None:
    """The usable token of ``secret``, its use noted (at most once a minute); None for any other secret."""
    now = now or timezone.now()
    token = selectors.token_find(secret_hash=token_hash(secret), now=now)
    if token is not None and (token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def _refuse_nul(values):
    """A NUL character in a text, as core.middleware.RefuseNulMiddleware refuses it in a form: the page's
    form never carries one to the service, a JSON body can (and PostgreSQL cannot store it)."""
    errors = {}
    for name in ("title", "need", "description", "concerns", "tags"):
        value = values.get(name)
        texts = value if isinstance(value, list | tuple) else [value]
        if any(isinstance(text, str) and "\x00" in text for text in texts):
            errors[name] = _("This holds a NUL character, which cannot be used; leave it out.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def api_idea_create(*, reader, workplace, values: dict, idempotency_key=None):
    """An idea submitted by another system as the person whose token it sends (the ideas app checks that
    they may submit one there), noted in the organisation's audit log."""
    reader.require(Scope.IDEAS_WRITE)
    if reader.user is None:
        raise PermissionDenied(_("Only a personal token can submit an idea: an idea needs a person."))
    _refuse_nul(values)
    started = timezone.now()
    idea = idea_services.idea_create(
        actor=reader.user,
        workplace=workplace,
        title=values.get("title", ""),
        need=values.get("need", ""),
        description=values.get("description", ""),
        concerns=values.get("concerns", ""),
        values=values.get("values"),
        tag_names=values.get("tags") or (),
        challenge=values.get("challenge"),
        submission_key=idempotency_key,
    )
    if idea.created_at < started:
        return idea  # the same request sent again (its Idempotency-Key): already recorded
    audit_record(
        organisation=workplace.organisation_id,
        action=AuditAction.API_WRITE,
        actor=reader.user,
        workplace=workplace,
        detail={"via": "API", "token": reader.token.name, "idea": idea.pk},
    )
    return idea
