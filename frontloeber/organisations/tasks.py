"""Background work for organisations, run by the task worker (`make worker`)."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task


@task()
def invitation_send(*, invitation_id: int) -> bool:
    from .models import Invitation
    from .services import invitation_url

    invitation = (
        Invitation.objects.select_related("workplace__organisation", "invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True, revoked_at__isnull=True)
        .first()
    )
    if invitation is None:
        return False
    with translation.override(invitation.language):
        context = {"invitation": invitation, "url": invitation_url(invitation=invitation)}
        subject = _("Invitation to %(workplace)s on Frontløber") % {"workplace": invitation.workplace.name}
        body = render_to_string("organisations/email/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])
    return True
