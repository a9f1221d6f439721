"""Writes for webhooks: an organisation admin's endpoints (made with their secret shown once, changed,
deleted, sent a test event), the deliveries an event makes, and each attempt at one with its retries.

An attempt signs the stored body anew with the time it is sent, checks the address again (its DNS may have
changed), posts it without following redirects, and reads at most a few hundred bytes of the answer. A 2xx
answer delivers it; anything else (an error status, a redirect, a refused address, a timeout) tries again
after 1 minute, 5 minutes, 30 minutes, 2 hours and 12 hours, and after the sixth attempt it has failed.
"""

import logging
import uuid
from datetime import timedelta

import requests
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core import ratelimit
from frontloeber.organisations import permissions
from frontloeber.organisations.audit import audit_record
from frontloeber.organisations.models import AuditAction

from . import payloads, signing
from .addresses import AddressRefused, check_address, pinned_session
from .models import (
    ERROR_MAX,
    NAME_MAX,
    PING,
    DeliveryState,
    EndpointFormat,
    EventKind,
    WebhookDelivery,
    WebhookEndpoint,
)

logger = logging.getLogger(__name__)

# After the first attempt fails, the next ones wait this long; after the last, the delivery has failed.
RETRY_AFTER = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
    timedelta(hours=12),
)
MAX_ATTEMPTS = len(RETRY_AFTER) + 1
TIMEOUT_SECONDS = 10
# An attempt under way holds its delivery this long, so two workers never send it at once.
CLAIM_FOR = timedelta(minutes=2)
READ_AT_MOST = 200  # bytes of an answer kept to say what went wrong
KEEP_DAYS = 30
USER_AGENT = "Frontloeber-Webhooks/1"


# --- Endpoints (an organisation admin) ------------------------------------------------------------------


def _audit(endpoint, actor, action, **detail):
    """In the organisation's audit log: a webhook sends the organisation's data out, so who set one up,
    changed or removed it is kept (the log shows the name as its “value”)."""
    audit_record(
        organisation=endpoint.organisation_id,
        action=action,
        actor=actor,
        detail={"value": endpoint.name, **detail},
    )


def _clean_name(name, errors):
    name = " ".join((name or "").split())
    if not name:
        errors["name"] = _("Give the webhook a name, such as the system that receives it.")
    elif len(name) > NAME_MAX:
        errors["name"] = _("The name can be at most %(n)s characters.") % {"n": NAME_MAX}
    return name


def _clean_events(events, errors):
    events = [str(kind) for kind in (events or [])]
    if not events:
        errors["events"] = _("Choose at least one event.")
    elif any(kind not in EventKind.values for kind in events):
        errors["events"] = _("Choose the events from the list.")
    return [kind for kind in EventKind.values if kind in events]


@transaction.atomic
def webhook_endpoint_create(
    *, actor, organisation, name, url, format, events, now=None
) -> tuple[WebhookEndpoint, str]:
    """A new endpoint; returns it with its signing secret, which is shown once (it is kept encrypted)."""
    permissions.require_administer(user=actor, organisation=organisation)
    errors = {}
    name = _clean_name(name, errors)
    url = (url or "").strip()
    try:
        check_address(url)
    except AddressRefused as refused:
        errors["url"] = str(refused)
    if format not in EndpointFormat.values:
        errors["format"] = _("Choose a format: signed JSON or a Teams channel.")
    events = _clean_events(events, errors)
    if errors:
        raise ValidationError(errors)
    secret = signing.secret_new()
    endpoint = WebhookEndpoint.objects.create(
        organisation=organisation,
        name=name,
        url=url,
        format=format,
        events=events,
        secret_encrypted=signing.secret_encrypt(secret),
        created_by=actor,
        created_at=now or timezone.now(),
    )
    _audit(endpoint, actor, AuditAction.WEBHOOK_CREATED, url=url, events=events, format=format)
    return endpoint, secret


@transaction.atomic
def webhook_endpoint_update(*, actor, endpoint, name, events, active) -> WebhookEndpoint:
    """Change an endpoint's name, events and whether it is in use (a new address is a new endpoint)."""
    permissions.require_administer(user=actor, organisation=endpoint.organisation)
    errors = {}
    name = _clean_name(name, errors)
    events = _clean_events(events, errors)
    if errors:
        raise ValidationError(errors)
    endpoint.name, endpoint.events, endpoint.active = name, events, bool(active)
    endpoint.save(update_fields=["name", "events", "active"])
    _audit(endpoint, actor, AuditAction.WEBHOOK_CHANGED, events=events, active=endpoint.active)
    return endpoint


@transaction.atomic
def webhook_endpoint_delete(*, actor, endpoint) -> None:
    """The endpoint goes with its deliveries: nothing more is sent to it."""
    permissions.require_administer(user=actor, organisation=endpoint.organisation)
    _audit(endpoint, actor, AuditAction.WEBHOOK_DELETED, url=endpoint.url)
    endpoint.delete()


# Test events one webhook may be sent in a minute: enough to try again after mending the receiver, too few for
# the button to make Frontløber flood an address on the internet.
TESTS_PER_MINUTE = 5


@transaction.atomic
def webhook_test_send(*, actor, endpoint) -> WebhookDelivery:
    """Queue a ``ping`` to the endpoint (whether it is in use or not), to see that it arrives; at most
    ``TESTS_PER_MINUTE`` a minute to one webhook."""
    permissions.require_administer(user=actor, organisation=endpoint.organisation)
    if ratelimit.hit(f"webhooks:test:{endpoint.pk}", window=60) > TESTS_PER_MINUTE:
        raise ValidationError(
            _("%(n)s test events were sent to this webhook within a minute. Wait a minute, then send one.")
            % {"n": TESTS_PER_MINUTE}
        )
    delivery = _delivery_create(
        endpoint=endpoint,
        kind=PING,
        subject=None,
        data=payloads.ping_data(),
        organisation_slug=endpoint.organisation.slug,
    )
    transaction.on_commit(lambda: deliveries_enqueue([delivery.pk]))
    return delivery


# --- Events become deliveries ----------------------------------------------------------------------------


def _delivery_create(*, endpoint, kind, subject, data, organisation_slug) -> WebhookDelivery:
    event_id = uuid.uuid4()
    body = payloads.body_for(
        endpoint=endpoint,
        kind=kind,
        event_id=event_id,
        subject=subject,
        data=data,
        organisation_slug=organisation_slug,
    )
    return WebhookDelivery.objects.create(
        organisation_id=endpoint.organisation_id,
        endpoint=endpoint,
        event_id=event_id,
        kind=kind,
        payload=body,
    )


def event_heard(event) -> list[int]:
    """The listener of ``core.events``: a delivery to each of the organisation's endpoints in use that asked
    for the event's kind, queued. One query when none did. Returns the deliveries' ids.

    Called after the commit of the work that published the event: a failure here is logged and leaves that
    work as it is (the person who submitted an idea never sees a webhook's trouble)."""
    try:
        endpoints = [
            endpoint
            for endpoint in WebhookEndpoint.objects.filter(organisation_id=event.organisation_id, active=True)
            if endpoint.wants(event.kind)
        ]
        if not endpoints:
            return []
        subject = payloads.subject_load(label=event.subject_label, subject_id=event.subject_id)
        if subject is None:
            return []
        data = payloads.subject_shape(subject) if any(e.is_format_json for e in endpoints) else {}
        with transaction.atomic():
            ids = [
                _delivery_create(
                    endpoint=endpoint,
                    kind=event.kind,
                    subject=subject,
                    data=data,
                    organisation_slug=subject.organisation.slug,
                ).pk
                for endpoint in endpoints
            ]
            transaction.on_commit(lambda: deliveries_enqueue(ids))
        return ids
    except Exception:
        logger.exception("Webhooks: the event %s of %s was not queued", event.kind, event.subject_label)
        return []


def deliveries_enqueue(ids) -> None:
    from .tasks import webhook_deliver

    for pk in ids:
        try:
            webhook_deliver.enqueue(delivery_id=pk)
        except Exception:
            # The nightly tidy queues a delivery that was never sent.
            logger.exception("Webhooks: the delivery %s was not queued", pk)


# --- Attempts ---------------------------------------------------------------------------------------------


def _short(text) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= ERROR_MAX else text[: ERROR_MAX - 1] + "…"


def _send(delivery) -> tuple[int | None, str]:
    """Post the delivery once: (the answer's status code or None, what went wrong or "")."""
    endpoint = delivery.endpoint
    secret = signing.secret_decrypt(endpoint.secret_encrypted)
    if secret is None:
        return None, _(
            "The signing secret can no longer be read (the site's key changed). Make a new webhook."
        )
    try:
        target = check_address(endpoint.url)
    except AddressRefused as refused:
        return None, _short(refused)
    body = delivery.payload.encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        **signing.signed_headers(secret=secret, webhook_id=str(delivery.event_id), body=body),
    }
    try:
        with (
            pinned_session(target) as session,
            session.post(
                target.url,
                data=body,
                headers=headers,
                timeout=TIMEOUT_SECONDS,
                allow_redirects=False,
                stream=True,
            ) as response,
        ):
            status = response.status_code
            if 200 <= status < 300:
                return status, ""
            if 300 <= status < 400:
                return status, _("HTTP %(status)s: a redirect, which is not followed.") % {"status": status}
            answer = response.raw.read(READ_AT_MOST, decode_content=True) or b""
            return status, _short(f"HTTP {status}: {answer.decode('utf-8', 'replace')}".strip())
    except requests.Timeout:
        return None, _("No answer within %(seconds)s seconds.") % {"seconds": TIMEOUT_SECONDS}
    except (requests.RequestException, OSError) as error:
        return None, _short(_("Could not connect: %(error)s") % {"error": type(error).__name__})


def webhook_delivery_attempt(*, delivery, now=None) -> WebhookDelivery:
    """One attempt at a pending delivery that is due (``next_attempt_at`` empty or passed at ``now``);
    returns the delivery as it is afterwards. The task worker calls it, and tests call it with ``now`` in
    the future instead of waiting for the retries."""
    now = now or timezone.now()
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery.pk).first()
    if delivery is None or not delivery.is_pending:
        return delivery
    if delivery.next_attempt_at is not None and delivery.next_attempt_at > now:
        return delivery  # not due yet, or another worker is sending it now
    claimed = WebhookDelivery.objects.filter(
        pk=delivery.pk, state=DeliveryState.PENDING, attempts=delivery.attempts
    ).update(attempts=F("attempts") + 1, next_attempt_at=now + CLAIM_FOR)
    if not claimed:
        delivery.refresh_from_db()
        return delivery
    delivery.attempts += 1
    delivery.attempted_now = True
    if not delivery.endpoint.active and delivery.kind != PING:
        status, error = None, _("The webhook was switched off before this was sent.")
        delivery.attempts = MAX_ATTEMPTS
    else:
        status, error = _send(delivery)
    delivery.last_status_code, delivery.last_error = status, error
    if status is not None and 200 <= status < 300:
        delivery.state, delivery.delivered_at, delivery.next_attempt_at = DeliveryState.DELIVERED, now, None
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.state, delivery.next_attempt_at = DeliveryState.FAILED, None
    else:
        delivery.next_attempt_at = now + RETRY_AFTER[delivery.attempts - 1]
    delivery.save(
        update_fields=[
            "attempts",
            "state",
            "next_attempt_at",
            "last_status_code",
            "last_error",
            "delivered_at",
        ]
    )
    return delivery


# --- The nightly tidy (notifications' daily jobs) -------------------------------------------------------


def webhook_deliveries_tidy(*, now=None) -> int:
    """Delete deliveries older than 30 days, and queue again any left pending well past their time (a
    worker stopped between an attempt and queuing the next). Returns how many were deleted."""
    now = now or timezone.now()
    deleted, _rows = WebhookDelivery.objects.filter(created_at__lt=now - timedelta(days=KEEP_DAYS)).delete()
    overdue = now - timedelta(hours=1)
    stuck = WebhookDelivery.objects.filter(state=DeliveryState.PENDING, created_at__lt=overdue).exclude(
        next_attempt_at__gte=overdue
    )
    deliveries_enqueue(list(stuck.values_list("pk", flat=True)[:1000]))
    return deleted
