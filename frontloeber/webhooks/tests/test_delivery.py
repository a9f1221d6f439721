"""Deliveries to a real receiver on 127.0.0.1: signed as the README documents, checked there with the
README's own function (a wrong secret and a replayed timestamp are refused), and retried with backoff until
delivered or failed."""

import json
import time
import uuid
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone, translation

from frontloeber.webhooks import services, signing
from frontloeber.webhooks.models import DeliveryState, WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


def make_endpoint(org, url, *, format="json", events=("idea.created",)):
    endpoint, secret = services.webhook_endpoint_create(
        actor=org.admin, organisation=org.organisation, name="Intranet", url=url, format=format, events=events
    )
    return endpoint, secret


def ping(org, endpoint):
    """A queued test event, not sent yet (its queuing waits for a commit that never comes in a test)."""
    return services.webhook_test_send(actor=org.admin, endpoint=endpoint)


def test_a_delivery_arrives_signed_and_the_documented_check_accepts_it(org, receiver, verify):
    endpoint, secret = make_endpoint(org, receiver.url)
    delivery = services.webhook_delivery_attempt(delivery=ping(org, endpoint))
    assert delivery.state == DeliveryState.DELIVERED and delivery.attempts == 1
    assert delivery.last_status_code == 200 and delivery.delivered_at is not None
    [got] = receiver.requests
    assert got.path == "/hook"
    assert got.headers["Content-Type"].startswith("application/json")
    assert got.headers["Webhook-Id"] == str(delivery.event_id)
    assert abs(int(got.headers["Webhook-Timestamp"]) - time.time()) < 30
    assert got.headers["Webhook-Signature"].startswith("v1=")
    assert verify(secret, got.headers, got.body)
    body = json.loads(got.body)
    assert body["id"] == str(delivery.event_id) and body["type"] == "ping"
    assert body["organisation"] == org.organisation.slug and body["created_at"].endswith("Z")
    assert body["data"] == {"message": "A test event from Frontløber: the webhook works."}


def test_a_wrong_secret_a_changed_body_and_a_replayed_timestamp_are_refused(org, receiver, verify):
    endpoint, secret = make_endpoint(org, receiver.url)
    services.webhook_delivery_attempt(delivery=ping(org, endpoint))
    [got] = receiver.requests
    sent_at = int(got.headers["Webhook-Timestamp"])
    assert verify(secret, got.headers, got.body, now=sent_at + 299)
    assert not verify(signing.secret_new(), got.headers, got.body)
    assert not verify(secret, got.headers, got.body + b" ")
    # The same request played again six minutes later: the signature is right, the timestamp too old.
    assert not verify(secret, got.headers, got.body, now=sent_at + 6 * 60)
    # A replay with a fresh timestamp put in its header no longer matches the signature.
    fresh = {"Webhook-Timestamp": str(sent_at + 360), "Webhook-Signature": got.headers["Webhook-Signature"]}
    assert not verify(secret, fresh, got.body, now=sent_at + 360)
    assert not verify(secret, {"Webhook-Signature": got.headers["Webhook-Signature"]}, got.body)


def test_the_signature_is_the_documented_hmac():
    body = '{"a":"æ"}'.encode()
    assert signing.signature(secret="whsec_x", timestamp=1700000000, body=body) == (
        "v1=" + __import__("hmac").new(b"whsec_x", b"1700000000." + body, "sha256").hexdigest()
    )


def test_a_receiver_answering_500_three_times_gets_it_on_the_fourth_attempt(org, receiver, verify):
    endpoint, secret = make_endpoint(org, receiver.url)
    receiver.answer(500, 500, 500, body=b"Internal error " * 100)
    delivery = ping(org, endpoint)
    start = timezone.now()
    delivery = services.webhook_delivery_attempt(delivery=delivery, now=start)
    assert delivery.is_pending and delivery.attempts == 1 and delivery.last_status_code == 500
    assert delivery.next_attempt_at == start + timedelta(minutes=1)
    assert len(delivery.last_error) <= 200 and delivery.last_error.startswith("HTTP 500: Internal error")
    # Not due yet: nothing is sent.
    services.webhook_delivery_attempt(delivery=delivery, now=start + timedelta(seconds=59))
    assert len(receiver.requests) == 1
    delivery = services.webhook_delivery_attempt(delivery=delivery, now=start + timedelta(minutes=1))
    assert delivery.attempts == 2 and delivery.next_attempt_at == start + timedelta(minutes=6)
    delivery = services.webhook_delivery_attempt(delivery=delivery, now=start + timedelta(minutes=6))
    assert delivery.attempts == 3 and delivery.next_attempt_at == start + timedelta(minutes=36)
    delivery = services.webhook_delivery_attempt(delivery=delivery, now=start + timedelta(minutes=36))
    assert delivery.state == DeliveryState.DELIVERED and delivery.attempts == 4
    assert delivery.last_status_code == 200 and delivery.last_error == "" and delivery.next_attempt_at is None
    # Every attempt sent the same body and id, each signed anew.
    assert len(receiver.requests) == 4
    assert {r.body for r in receiver.requests} == {receiver.requests[0].body}
    assert {r.headers["Webhook-Id"] for r in receiver.requests} == {str(delivery.event_id)}
    assert all(verify(secret, r.headers, r.body) for r in receiver.requests)
    # Delivered is final.
    services.webhook_delivery_attempt(delivery=delivery, now=start + timedelta(days=1))
    assert len(receiver.requests) == 4


def test_a_receiver_that_always_fails_leaves_the_delivery_failed_after_six_attempts(org, receiver):
    endpoint, _secret = make_endpoint(org, receiver.url)
    receiver.answer(*[500] * 10)
    delivery = ping(org, endpoint)
    now = timezone.now()
    waits = []
    for _attempt in range(services.MAX_ATTEMPTS):
        delivery = services.webhook_delivery_attempt(delivery=delivery, now=now)
        if delivery.next_attempt_at:
            waits.append(delivery.next_attempt_at - now)
            now = delivery.next_attempt_at
    assert waits == list(services.RETRY_AFTER)
    assert delivery.state == DeliveryState.FAILED and delivery.attempts == 6
    assert delivery.next_attempt_at is None and delivery.last_status_code == 500
    services.webhook_delivery_attempt(delivery=delivery, now=now + timedelta(days=1))
    assert len(receiver.requests) == 6


def test_a_redirect_is_not_followed(org, receiver):
    endpoint, _secret = make_endpoint(org, receiver.url)
    receiver.answer(302)
    delivery = services.webhook_delivery_attempt(delivery=ping(org, endpoint))
    assert delivery.is_pending and delivery.last_status_code == 302
    assert "redirect" in delivery.last_error or "omdirigering" in delivery.last_error
    assert [r.path for r in receiver.requests] == ["/hook"]


def test_nobody_listening_is_a_failed_attempt_not_an_error(org, receiver_server):
    import socket

    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        port = spare.getsockname()[1]
    endpoint, _secret = make_endpoint(org, f"http://127.0.0.1:{port}/hook")
    delivery = services.webhook_delivery_attempt(delivery=ping(org, endpoint))
    assert delivery.is_pending and delivery.attempts == 1 and delivery.last_status_code is None
    assert delivery.last_error


def test_the_address_is_checked_again_at_delivery(org, receiver, settings):
    endpoint, _secret = make_endpoint(org, receiver.url)
    delivery = ping(org, endpoint)
    settings.WEBHOOKS_ALLOW_LOOPBACK = False  # as in production: 127.0.0.1 is no longer allowed
    delivery = services.webhook_delivery_attempt(delivery=delivery)
    assert delivery.is_pending and delivery.last_status_code is None and "https" in delivery.last_error
    assert receiver.requests == []


def test_a_switched_off_webhook_gets_no_more_events_but_a_test_event_still_goes(org, receiver):
    from frontloeber.core.events import Event

    endpoint, _secret = make_endpoint(org, receiver.url)
    idea_event = Event("idea.created", org.organisation.pk, org.workplace.pk, "organisations.workplace", 0)
    assert services.event_heard(idea_event) == []  # the subject is gone: nothing to tell
    delivery = ping(org, endpoint)
    pending = WebhookDelivery.objects.create(
        organisation=org.organisation, endpoint=endpoint, kind="idea.created", payload="{}"
    )
    services.webhook_endpoint_update(
        actor=org.admin, endpoint=endpoint, name="x", events=["idea.created"], active=False
    )
    assert services.webhook_delivery_attempt(delivery=delivery).is_delivered
    refused = services.webhook_delivery_attempt(delivery=pending)
    assert refused.is_failed and refused.last_error
    assert len(receiver.requests) == 1


def test_the_secret_is_kept_encrypted_and_survives_a_key_rotation(org, receiver, verify, settings):
    endpoint, secret = make_endpoint(org, receiver.url)
    stored = WebhookEndpoint.objects.filter(pk=endpoint.pk).values().get()
    assert secret.startswith("whsec_") and len(secret) == 49
    assert secret not in json.dumps(stored, default=str)
    old_key = settings.SECRET_KEY
    with override_settings(SECRET_KEY="a-new-key-" * 6, SECRET_KEY_FALLBACKS=[old_key]):
        services.webhook_delivery_attempt(delivery=ping(org, endpoint))
    with override_settings(SECRET_KEY="another-key-" * 6, SECRET_KEY_FALLBACKS=[]):
        lost = services.webhook_delivery_attempt(delivery=ping(org, endpoint))
    [got] = receiver.requests
    assert verify(secret, got.headers, got.body)
    assert lost.is_pending and lost.last_error and lost.last_status_code is None


def test_the_task_sends_it_and_queues_the_retry_for_later(org, receiver, settings):
    """With the database backend the task queues its next attempt at the delivery's next time."""
    from django_tasks_db.models import DBTaskResult

    from frontloeber.webhooks.tasks import webhook_deliver

    endpoint, _secret = make_endpoint(org, receiver.url)
    assert webhook_deliver.enqueue(delivery_id=ping(org, endpoint).pk).return_value == "delivered"
    receiver.answer(503)
    failing = ping(org, endpoint)
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    try:
        assert webhook_deliver.call(delivery_id=failing.pk) == "pending"
        failing.refresh_from_db()
        queued = DBTaskResult.objects.get(args_kwargs__kwargs={"delivery_id": failing.pk})
        assert queued.run_after == failing.next_attempt_at
    finally:
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert len(receiver.requests) == 2


def test_the_daily_tidy_deletes_old_deliveries_and_sends_forgotten_ones(org, receiver):
    endpoint, _secret = make_endpoint(org, receiver.url)
    old = ping(org, endpoint)
    WebhookDelivery.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    forgotten = ping(org, endpoint)
    WebhookDelivery.objects.filter(pk=forgotten.pk).update(created_at=timezone.now() - timedelta(hours=2))
    recent = ping(org, endpoint)
    assert services.webhook_deliveries_tidy() == 1
    assert not WebhookDelivery.objects.filter(pk=old.pk).exists()
    forgotten.refresh_from_db()
    recent.refresh_from_db()
    assert forgotten.is_delivered and recent.is_pending
    assert [json.loads(r.body)["id"] for r in receiver.requests] == [str(forgotten.event_id)]


def test_the_delivery_ids_are_unique_uuids(org, receiver):
    endpoint, _secret = make_endpoint(org, receiver.url)
    ids = {ping(org, endpoint).event_id for _n in range(3)}
    assert len(ids) == 3 and all(isinstance(each, uuid.UUID) for each in ids)


def test_a_webhook_is_sent_a_few_test_events_a_minute(org, receiver):
    endpoint, _secret = make_endpoint(org, receiver.url)
    for _n in range(services.TESTS_PER_MINUTE):
        ping(org, endpoint)
    with translation.override("en"), pytest.raises(ValidationError, match="Wait a minute"):
        ping(org, endpoint)
    assert WebhookDelivery.objects.filter(endpoint=endpoint).count() == services.TESTS_PER_MINUTE
