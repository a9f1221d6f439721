"""Writes for notifications. Other apps call ``notify``; people mark theirs read and set their preferences."""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from frontloeber.organisations.models import Organisation

from . import kinds
from .models import Audience, MutedKind, Notification, Preference, subject_fields

# Happenings of one kind about one subject this close together are one notification (the latest of them,
# with how many it stands for), while the recipient has neither read it nor had it in a digest.
GROUP_WINDOW = datetime.timedelta(minutes=30)


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
    audience=Audience.WORKPLACE,
):
    """Tell each recipient (once, and never the person who did it) that something happened, if they are in
    the ``audience`` now: the workplace's current members (someone who has left keeps no window into it), or
    about one of its workplaces the organisation's current admins, or the current reviewers of its safety
    checks, member or not. ``subject`` is what it is about (an idea): an object of the same workplace with a
    ``title``."""
    declared = kinds.require(kind)
    if subject is not None and getattr(subject, "workplace_id", workplace.pk) != workplace.pk:
        raise ValueError("A notification's subject belongs to the workplace it is told in.")
    about = subject_fields(subject)
    candidates = {user.pk for user in recipients if user is not None}
    members = _in_audience(audience, workplace, candidates)
    if members and not declared.always:
        members -= set(
            MutedKind.objects.filter(user_id__in=members, kind=kind).values_list("user_id", flat=True)
        )
    if actor is not None:
        members.discard(actor.pk)
    now = timezone.now()
    if members and subject is not None and declared.groups:
        members -= _group_into_recent(
            members,
            kind=kind,
            about=about,
            actor=actor,
            detail=detail,
            status=status,
            target_url=target_url,
            now=now,
        )
    seen = set()
    rows = []
    for user in recipients:
        if user is None or user.pk in seen or user.pk not in members:
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
                audience=audience,
                created_at=now,
                **about,
            )
        )
    Notification.objects.bulk_create(rows)
    return rows


def _in_audience(audience, workplace, user_ids):
    """Which of ``user_ids`` are in the audience now."""
    from frontloeber.organisations.models import Membership, OrganisationAdmin, SafetyContact

    organisation_id = workplace.organisation_id
    admins = OrganisationAdmin.objects.filter(organisation_id=organisation_id, user_id__in=user_ids)
    if audience == Audience.ADMINS:
        groups = [admins]
    elif audience == Audience.SAFETY_REVIEWERS:
        reviewers = SafetyContact.objects.filter(organisation_id=organisation_id, user_id__in=user_ids)
        groups = [admins, reviewers.still_belonging()]
    else:
        groups = [Membership.objects.filter(workplace=workplace, user_id__in=user_ids)]
    return set().union(*(group.values_list("user_id", flat=True) for group in groups))


def _group_into_recent(user_ids, *, kind, about, actor, detail, status, target_url, now):
    """Fold this happening into each recipient's recent unread notification of the same kind about the same
    subject, which then tells the latest (its actor, words and status) and counts one more. Returns the
    recipients told that way."""
    recent = Notification.objects.filter(
        recipient_id__in=user_ids,
        kind=kind,
        subject_type=about["subject_type"],
        subject_id=about["subject_id"],
        read_at__isnull=True,
        digested_at__isnull=True,
        created_at__gte=now - GROUP_WINDOW,
    )
    # The newest per recipient (a dict keeps the last of each key).
    found = dict(recent.order_by("recipient_id", "created_at", "pk").values_list("recipient_id", "pk"))
    if found:
        Notification.objects.filter(pk__in=found.values()).update(
            actor=actor,
            detail=detail[:200],
            status=status,
            target_url=target_url,
            created_at=now,
            grouped=F("grouped") + 1,
        )
    return set(found)


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
def preference_update(*, user, daily_digest: bool, language: str | None = None, muted_kinds=None):
    """The person's e-mail digest and language, and (when given) the kinds they do not want to hear about:
    only kinds that can be muted, the rest is ignored."""
    preference, _created = Preference.objects.get_or_create(user=user)
    preference.daily_digest = bool(daily_digest)
    if language in dict(Preference._meta.get_field("language").choices):
        preference.language = language
    preference.save()
    if muted_kinds is not None:
        mutable = {kind.code for kind in kinds.mutable()}
        muted = set(muted_kinds) & mutable
        MutedKind.objects.filter(user=user).exclude(kind__in=muted).delete()
        MutedKind.objects.bulk_create(
            [MutedKind(user=user, kind=code) for code in sorted(muted)], ignore_conflicts=True
        )
    return preference


def notifications_purge(*, now=None) -> int:
    """The nightly purge of notifications older than their organisation's retention period."""
    now = now or timezone.now()
    deleted = 0
    for organisation in Organisation.objects.only("pk", "retain_notifications_days"):
        cutoff = now - datetime.timedelta(days=organisation.retain_notifications_days)
        deleted += Notification.objects.filter(organisation=organisation, created_at__lt=cutoff).delete()[0]
    return deleted
