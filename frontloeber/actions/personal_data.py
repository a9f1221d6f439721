"""What actions holds about a person, for their data export."""

from .models import ActionItem, Barrier


def actions_personal_data(*, user):
    return {
        "handlinger": list(
            ActionItem.objects.filter(owner=user).values(
                "workplace__name", "what", "due_on", "status", "done_at"
            )
        ),
        "barrierer_oprettet": list(
            Barrier.objects.filter(created_by=user).values(
                "workplace__name", "description", "status", "created_at"
            )
        ),
    }
