"""Events other systems may be told of (issue 20: webhooks), published by the app where they happen.

A service that does something an outside system may want to hear of calls
``event_publish(kind="idea.created", subject=idea)`` inside its transaction; once that commits, every
registered listener is called with the event. The apps that tell the outside world (webhooks) sit above
the apps where things happen, so they register a listener from their ``AppConfig.ready`` and this module
knows none of them. The kinds are dotted codes owned by the publishing app; the subject is a tenant row
(it carries ``organisation_id``).
"""

from dataclasses import dataclass

from django.db import transaction

from .registry import Registry

listeners = Registry(
    """Callables ``(event: Event) -> None``, called after the transaction that published the event commits
    (webhooks: queue a delivery to each endpoint that asked for the kind)."""
)


@dataclass(frozen=True)
class Event:
    kind: str
    organisation_id: int
    workplace_id: int | None
    # The subject as ``app_label.model`` and its id: a listener reads it anew, after the commit.
    subject_label: str
    subject_id: int


def event_publish(*, kind: str, subject) -> None:
    event = Event(
        kind=kind,
        organisation_id=subject.organisation_id,
        workplace_id=getattr(subject, "workplace_id", None),
        subject_label=subject._meta.label_lower,
        subject_id=subject.pk,
    )
    if not len(listeners):
        return
    transaction.on_commit(lambda: [listener(event) for listener in listeners])
