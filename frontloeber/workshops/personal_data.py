"""What workshops holds about a person: their data export, and their name in rooms when they are erased."""

from .models import FORMER_PARTICIPANT_NAME, Participant, Post, SessionInvitation, WorkshopSession


def workshops_personal_data(*, user):
    return {
        "workshops_deltaget": list(
            Participant.objects.filter(user=user).values(
                "workplace__name",
                "session__format__name_da",
                "session__starts_at",
                "display_name",
                "joined_at",
            )
        ),
        "workshops_inviteret": list(
            SessionInvitation.objects.filter(user=user).values(
                "workplace__name", "session__starts_at", "invited_at"
            )
        ),
        "workshops_faciliteret": list(
            WorkshopSession.objects.filter(facilitator=user).values("workplace__name", "starts_at", "state")
        ),
        "workshop_noter": list(
            Post.objects.filter(author__user=user).values(
                "workplace__name", "session__starts_at", "text", "created_at"
            )
        ),
    }


def workshops_erase(*, user, former, remove_contributions):
    """The name the person had in rooms goes; their notes stay, unsigned, as the room's."""
    Participant.objects.filter(user=user).update(display_name=FORMER_PARTICIPANT_NAME)
