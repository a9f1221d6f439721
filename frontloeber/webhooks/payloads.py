"""What a delivery says: the JSON envelope around the API's shape of the subject, or a Teams card.

JSON (``format = json``)::

    {"id": "<the delivery's UUID, as in Webhook-Id>", "type": "idea.created",
     "created_at": "2026-03-01T09:30:00Z", "organisation": "<organisation slug>",
     "data": {<the subject as the API shows it: authors only as pseudonyms>}}

Teams (``format = teams``): a message with an Adaptive Card, which Teams' incoming webhooks and the Workflows
app's "When a Teams webhook request is received" both take: one sentence in Danish and a link to the page.
"""

import datetime
import json

from django.apps import apps
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from frontloeber.api.shapes import event_shape

from .models import PING, EventKind


def subject_load(*, label: str, subject_id: int):
    """The event's subject read anew (after the commit that published it), or None if it is gone."""
    model = apps.get_model(label)
    related = ["workplace", "organisation"]
    if any(field.name == "idea" for field in model._meta.concrete_fields):
        related.append("idea")
    return model.objects.select_related(*related).filter(pk=subject_id).first()


def subject_shape(subject) -> dict:
    """The subject as the API shows it to an organisation token: people only as pseudonyms."""
    return event_shape(subject)


def _utc(moment) -> str:
    return moment.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")


def envelope(*, event_id, kind: str, organisation_slug: str, data: dict, created_at=None) -> str:
    body = {
        "id": str(event_id),
        "type": kind,
        "created_at": _utc(created_at or timezone.now()),
        "organisation": organisation_slug,
        "data": data,
    }
    return json.dumps(body, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


def ping_data() -> dict:
    return {"message": "A test event from Frontløber: the webhook works."}


# --- Teams ----------------------------------------------------------------------------------------------


def subject_url(subject) -> str:
    label = subject._meta.label_lower
    if label == "actions.barrier":
        path = reverse(
            "actions:organisation_barrier",
            kwargs={"org_slug": subject.organisation.slug, "barrier_id": subject.pk},
        )
    else:
        name, key = {
            "ideas.idea": ("ideas:idea_detail", "idea_id"),
            "experiments.experiment": ("experiments:experiment_detail", "experiment_id"),
            "experiments.adoptionplan": ("experiments:adoption_detail", "plan_id"),
            "experiments.case": ("experiments:case_detail", "case_id"),
        }[label]
        path = reverse(name, kwargs={"workplace_slug": subject.workplace.slug, key: subject.pk})
    return settings.SITE_URL.rstrip("/") + path


def sentence(kind: str, subject) -> str:
    """What happened, in one sentence (in the active language: Danish for Teams). Like the API's shapes for
    an organisation token it holds no free text (no title, no description): that stays behind the link,
    where signing in decides who reads it."""
    if subject is None:
        return _("A test message from Frontløber: the webhook works.")
    names = {"workplace": subject.workplace.name}
    if kind == EventKind.IDEA_CREATED:
        return _("New idea in %(workplace)s.") % names
    if kind == EventKind.IDEA_ANSWERED:
        return _("A leader in %(workplace)s has answered an idea.") % names
    if kind == EventKind.IDEA_DECIDED:
        return _("An idea in %(workplace)s is now: %(status)s.") % {
            **names,
            "status": str(subject.get_status_display()).lower(),
        }
    if kind == EventKind.EXPERIMENT_CONCLUDED:
        return _("An experiment in %(workplace)s is concluded: %(decision)s.") % {
            **names,
            "decision": str(subject.get_decision_display()).lower(),
        }
    if kind == EventKind.ADOPTION_PLAN_LIVE:
        return _("An idea is now in daily use in %(workplace)s: its adoption plan has gone live.") % names
    if kind == EventKind.CASE_PUBLISHED:
        return _("%(workplace)s has published a case for the whole organisation.") % names
    if kind == EventKind.BARRIER_RAISED:
        return _(
            "%(workplace)s has raised a barrier to the organisation: it needs a decision on %(kind)s."
        ) % {
            **names,
            "kind": str(subject.get_raised_kind_display()).lower(),
        }
    return _("Something happened in %(workplace)s.") % names


def teams_card(*, kind: str, subject) -> str:
    with translation.override("da"):
        text = sentence(kind, subject)
        link_text = _("Open in Frontløber")
    card = {
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": [{"type": "TextBlock", "text": text, "wrap": True}],
    }
    if subject is not None:
        card["actions"] = [{"type": "Action.OpenUrl", "title": link_text, "url": subject_url(subject)}]
    message = {
        "type": "message",
        "summary": text,
        "attachments": [
            {"contentType": "application/vnd.microsoft.card.adaptive", "contentUrl": None, "content": card}
        ],
    }
    return json.dumps(message, ensure_ascii=False, separators=(",", ":"))


def body_for(*, endpoint, kind: str, event_id, subject, data: dict, organisation_slug: str) -> str:
    if endpoint.is_format_teams:
        return teams_card(kind=kind, subject=subject if kind != PING else None)
    return envelope(event_id=event_id, kind=kind, organisation_slug=organisation_slug, data=data)
