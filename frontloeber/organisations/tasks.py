"""Background work for organisations, run by the task worker (`make worker`)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
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


WELCOME_PROGRESS_EVERY = 20


def staff_welcome_url(user) -> str:
    """The link a new person sets their password with (Django's password-reset token: single use, and no
    longer valid once they have signed in)."""
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return f"{settings.SITE_URL}{path}"


@task()
def staff_import_run(*, import_id: int) -> int:
    """Apply a staff list, then welcome the people it made, counting as it goes for the page that shows it."""
    from .models import StaffImport
    from .services import staff_import_run_rows

    staff_import = (
        StaffImport.objects.select_related("organisation", "applied_by").filter(pk=import_id).first()
    )
    if staff_import is None:
        return 0
    sent = 0
    try:
        made = staff_import_run_rows(staff_import=staff_import)
        for user in get_user_model().objects.filter(pk__in=made).order_by("pk"):
            with translation.override("da"):
                context = {
                    "user": user,
                    "organisation": staff_import.organisation,
                    "url": staff_welcome_url(user),
                    "login_url": f"{settings.SITE_URL}{reverse('accounts:login')}",
                }
                subject = _("Welcome to Frontløber at %(organisation)s") % {
                    "organisation": staff_import.organisation.name
                }
                body = render_to_string("organisations/email/welcome.txt", context)
            send_mail(subject, body, None, [user.email])
            sent += 1
            if sent % WELCOME_PROGRESS_EVERY == 0:
                StaffImport.objects.filter(pk=import_id).update(welcomes_sent=sent)
    finally:
        # Whatever happened, the list is no longer being applied: the admin sees it and can apply it again.
        StaffImport.objects.filter(pk=import_id).update(welcomes_sent=sent, finished_at=timezone.now())
    return sent
