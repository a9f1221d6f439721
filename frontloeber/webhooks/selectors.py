"""Reads for webhooks: the organisation's endpoints with their last delivery, and an endpoint's deliveries."""

from django.db.models import OuterRef, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from frontloeber.core.access import one_or_404

from .models import WebhookDelivery, WebhookEndpoint


def webhook_endpoints(*, organisation):
    """The endpoints, each with ``last_state`` and ``last_at`` of its latest delivery (None without one), in
    one query."""
    latest = WebhookDelivery.objects.filter(
        organisation_id=organisation.pk, endpoint=OuterRef("pk")
    ).order_by("-created_at", "-pk")
    return WebhookEndpoint.objects.of(organisation).annotate(
        last_state=Subquery(latest.values("state")[:1]),
        last_at=Subquery(latest.values("created_at")[:1]),
    )


def access_webhook_endpoint(*, organisation, endpoint_id):
    return one_or_404(WebhookEndpoint.objects.of(organisation).filter(pk=endpoint_id))


def webhook_deliveries(*, endpoint):
    """The endpoint's deliveries, newest first (without their bodies, which no list shows)."""
    deliveries = WebhookDelivery.objects.filter(organisation_id=endpoint.organisation_id, endpoint=endpoint)
    return deliveries.defer("payload").order_by("-created_at", "-pk")


# --- What other apps ask ---------------------------------------------------------------------------------


def organisation_home_links(*, organisation):
    return [(_("Webhooks"), reverse("webhooks:endpoints", kwargs={"org_slug": organisation.slug}))]
