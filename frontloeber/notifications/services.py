"""Writes for notifications. Other apps call ``notify``; people mark theirs read and set their preferences."""

from django.db import transaction
from django.utils import timezone

from . import kinds
from .models import Notification, Preference, subject_fields


def notification_create(
    *,
    recipients,
    kind,
    workplace,
    actor=None,
    subject=None,
    detail="",
    status="",
    target_url="",
    to_organisation_admins=False,
):
    """Tell each recipient (once, and never the person who did it) that something happened. Only current
    members of the workplace hear of it: someone who has left keeps no window into it. Told to the
    organisation's admins about one of its workplaces, only current admins hear of it, member or not.
    ``subject`` is what it is about (an idea): an object of the same workplace with a ``title``."""
    from frontloeber.organisations.models import Membership, OrganisationAdmin

    kinds.require(kind)
    if subject is not None and getattr(subject, "workplace_id", workplace.pk) != workplace.pk:
        raise ValueError("A notification's subject belongs to the workplace it is told in.")
    about = subject_fields(subject)
    candidates = {user.pk for user in recipients if user is not None}
    if to_organisation_admins:
        allowed = OrganisationAdmin.objects.filter(organisation_id=workplace.organisation_id)
    else:
        allowed = Membership.objects.filter(workplace=workplace)
    members = set(allowed.filter(user_id__in=candidates).values_list("user_id", flat=True))
    seen = set()
    rows = []
    for user in recipients:
        if (
            user is None
            or user.pk in seen
            or user.pk not in members
            or (actor is not None and user.pk == actor.pk)
        ):
            continue
        seen.add(user.pk)
        rows.append(
            Notification(
                organisation_id=workplace.organisation_id,
                workplace=workplace,
                recipient=user,
                kind=kind,
                actor=actor,
                detail=detail[:200],
                status=status,
                target_url=target_url,
                for_organisation_admins=to_organisation_admins,
                **about,
            )
        )
    Notification.objects.bulk_create(rows)
    return rows


def notification_mark_read(*, user, notification_id=None):
    """Mark one of the person's notifications read, or all of them when no id is given."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_id is not None:
        unread = unread.filter(pk=notification_id)
    return unread.update(read_at=timezone.now())


def notification_mark_read_about(*, user, subject):
    """Seeing an idea's page is reading its news: its notifications leave the bell."""
    return (
        Notification.objects.about(subject)
        .filter(recipient=user, read_at__isnull=True)
        .update(read_at=timezone.now())
    )


def notification_subject_renamed(*, subject):
    """The subject's title changed: its notifications quote the new one."""
    title = subject_fields(subject)["subject_title"]
    return Notification.objects.about(subject).exclude(subject_title=title).update(subject_title=title)


def notification_subject_deleted(*, subject):
    """The subject is gone, and what told of it with it."""
    return Notification.objects.about(subject).delete()


@transaction.atomic
def preference_update(*, user, daily_digest: bool, language: str | None = None):
    preference, _created = Preference.objects.get_or_create(user=user)
    preference.daily_digest = bool(daily_digest)
    if language in dict(Preference._meta.get_field("language").choices):
        preference.language = language
    preference.save()
    return preference
