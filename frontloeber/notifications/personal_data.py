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
