"""Reads for a person's notifications."""

from django.db.models import Exists, OuterRef, Q

from .models import Audience, MutedKind, Notification, Preference

DIGEST_LIMIT = 50


def notifications_for(*, user):
    """The person's notifications from workplaces they still belong to, those told to the admins of an
    organisation they still administer, and those told to its safety reviewers while they still are."""
    return (
        Notification.objects.filter(recipient=user)
        .filter(_still_told(OuterRef("recipient")))
        .select_related("actor", "workplace")
    )


def _still_told(recipient):
    """Whether the recipient still has the place that let them hear of it: a member of the workplace, an
    admin of the organisation, or one who reviews its safety checks (named, or an admin)."""
    from frontloeber.organisations.models import Membership, OrganisationAdmin, SafetyContact

    member = Membership.objects.filter(user=recipient, workplace=OuterRef("workplace"))
    admin = OrganisationAdmin.objects.filter(user=recipient, organisation=OuterRef("organisation"))
    reviewer = SafetyContact.objects.filter(
        user=recipient, organisation=OuterRef("organisation")
    ).still_belonging()
    return (
        Q(Exists(member), audience=Audience.WORKPLACE)
        | Q(Exists(admin), audience=Audience.ADMINS)
        | Q(Exists(admin) | Exists(reviewer), audience=Audience.SAFETY_REVIEWERS)
    )


def unread(*, user):
    return notifications_for(user=user).filter(read_at__isnull=True)


def email_languages(*, user_ids):
    """{user id: the language of their e-mails} for many people in two queries, by preference_for's rule."""
    from frontloeber.organisations.models import Invitation

    chosen = dict(Preference.objects.filter(user_id__in=user_ids).values_list("user_id", "language"))
    invited_in = dict(
        Invitation.objects.filter(accepted_by_id__in=[pk for pk in user_ids if pk not in chosen])
        .order_by("accepted_at")  # the latest invitation wins
        .values_list("accepted_by_id", "language")
    )
    return {pk: chosen.get(pk) or invited_in.get(pk) or "da" for pk in user_ids}


def muted_kinds(*, user):
    """The codes of the kinds of notification the person chose not to hear about."""
    return set(MutedKind.objects.filter(user=user).values_list("kind", flat=True))


def preference_for(*, user):
    """The person's preferences. Without saved ones: the digest on, in the language they were invited in."""
    from frontloeber.organisations.models import Invitation

    preference = Preference.objects.filter(user=user).first()
    if preference is None:
        invited_in = (
            Invitation.objects.filter(accepted_by=user)
            .order_by("-accepted_at")
            .values_list("language", flat=True)
        ).first()
        preference = Preference(user=user, language=invited_in or "da")
    return preference


def digest_items(*, user):
    """What a digest would tell: unread notifications not yet sent in a digest, newest first."""
    return list(
        notifications_for(user=user).filter(read_at__isnull=True, digested_at__isnull=True)[:DIGEST_LIMIT]
    )


def digest_recipients():
    """Ids of people with something to tell and the digest switched on."""
    pending = Notification.objects.filter(read_at__isnull=True, digested_at__isnull=True).filter(
        _still_told(OuterRef("recipient"))
    )
    opted_out = Preference.objects.filter(daily_digest=False).values("user_id")
    return list(
        pending.exclude(recipient_id__in=opted_out)
        .filter(recipient__is_active=True)
        .values_list("recipient_id", flat=True)
        .distinct()
        .order_by("recipient_id")
    )
