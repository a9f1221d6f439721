"""What notifications holds about a person, for their data export."""

from .models import MutedKind, Notification, Preference


def notifications_personal_data(*, user):
    return {
        "notifikationer": list(
            Notification.objects.filter(recipient=user).values(
                "workplace__name", "kind", "subject_title", "detail", "status", "created_at", "read_at"
            )
        ),
        "notifikationsindstillinger": list(
            Preference.objects.filter(user=user).values("daily_digest", "language")
        ),
        "fravalgte_notifikationer": list(MutedKind.objects.filter(user=user).values("kind")),
    }


def notifications_erase(*, user, former, remove_contributions):
    """Where the admin chose to remove what the person wrote, their words quoted in others' notifications go
    too; the notification itself (that something happened) stays."""
    if remove_contributions:
        Notification.objects.filter(actor=user).exclude(detail="").update(detail="")
