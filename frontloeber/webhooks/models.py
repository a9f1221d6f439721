"""Signed webhooks (issue 20, point 5): an organisation admin's endpoints and what was sent to them.

A ``WebhookEndpoint`` is an address outside Frontløber that hears of the events its admin chose (a new idea,
an experiment concluded…), as signed JSON or as a card for a Microsoft Teams channel. Its signing secret is
needed to sign every delivery, so it is kept, encrypted with a key derived from ``SECRET_KEY``
(``signing.py``); it is shown once, when the endpoint is made. A ``WebhookDelivery`` is one event sent (or
being sent) to one endpoint: its body exactly as sent, and how its attempts went. Deliveries are kept 30 days.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.core.choices import with_questions
from frontloeber.organisations.models import Organisation
from frontloeber.organisations.rows import OrganisationRow

NAME_MAX = 100
URL_MAX = 500
ERROR_MAX = 200


class EventKind(models.TextChoices):
    """The events an endpoint may ask for; the apps where they happen publish them (``core/events.py``)."""

    IDEA_CREATED = "idea.created", _("A new idea is submitted")
    IDEA_ANSWERED = "idea.answered", _("A leader answers an idea for the first time")
    IDEA_DECIDED = "idea.decided", _("An idea is decided on (tried out, adopted, parked or not pursued)")
    EXPERIMENT_CONCLUDED = "experiment.concluded", _("An experiment is concluded")
    ADOPTION_PLAN_LIVE = "adoption_plan.live", _("An adoption plan goes live")
    CASE_PUBLISHED = "case.published", _("A case is published to the organisation")
    BARRIER_RAISED = "barrier.raised", _("A barrier is raised to the organisation")


PING = "ping"  # the test event an admin sends by hand; never chosen, always sent when asked


class EndpointFormat(models.TextChoices):
    JSON = "json", _("Signed JSON (for your own systems)")
    TEAMS = "teams", _("Microsoft Teams channel (a card with a sentence and a link)")


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


@with_questions("format", EndpointFormat, prefix="is_format_")
class WebhookEndpoint(OrganisationRow):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=NAME_MAX)
    url = models.CharField(_("address"), max_length=URL_MAX)
    format = models.CharField(_("format"), max_length=10, choices=EndpointFormat.choices)
    events = models.JSONField(_("events"), default=list)
    # The signing secret, encrypted (Fernet) with a key derived from SECRET_KEY; shown once, when made.
    secret_encrypted = models.TextField()
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["organisation", "active"], name="webhook_endpoint_organisation")]

    def __str__(self):
        return self.name

    def wants(self, kind) -> bool:
        return self.active and kind in (self.events or [])

    @property
    def last_delivery_label(self):
        """The state of the latest delivery, where the list annotated it (``selectors.webhook_endpoints``)."""
        state = getattr(self, "last_state", None)
        return DeliveryState(state).label if state in DeliveryState.values else None

    @property
    def event_labels(self):
        labels = dict(EventKind.choices)
        return [labels[kind] for kind in EventKind.values if kind in (self.events or [])]


@with_questions("state", DeliveryState)
class WebhookDelivery(OrganisationRow):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    # The delivery's id as the receiver sees it (``Webhook-Id``, and ``id`` in the body): the same on every
    # attempt, so a receiver can drop a delivery it has had already.
    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("event"), max_length=40)
    payload = models.TextField()  # the body exactly as sent, the same on every attempt
    state = models.CharField(
        _("state"), max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(_("answer"), null=True, blank=True)
    last_error = models.CharField(max_length=ERROR_MAX, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "endpoint", "created_at"], name="webhook_delivery_endpoint"),
            # The nightly purge reads across organisations by age.
            models.Index(fields=["created_at"], name="webhook_delivery_age"),
        ]

    def __str__(self):
        return f"{self.kind} → {self.endpoint_id}"

    @property
    def kind_label(self):
        if self.kind == PING:
            return _("Test event")
        return dict(EventKind.choices).get(self.kind, self.kind)
