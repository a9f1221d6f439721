from .models import Invitation


def invitations_pending(*, workplace):
    return (
        Invitation.objects.pending()
        .filter(organisation_id=workplace.organisation_id, workplace=workplace)
        .select_related("invited_by")
        .order_by("-created_at")
    )


def access_invitation(*, workplace, invitation_id):
    from django.http import Http404

    invitation = (
        Invitation.objects.filter(
            organisation_id=workplace.organisation_id, workplace=workplace, pk=invitation_id
        )
        .select_related("workplace")
        .first()
    )
    if invitation is None:
        raise Http404
    return invitation
