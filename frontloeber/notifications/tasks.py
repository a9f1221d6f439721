"""The daily e-mail digest, sent by the task worker (`make worker`); `manage.py send_digests` queues it."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from . import selectors, tokens


@task()
def digest_send(*, user_id: int) -> int:
    """Send one person their digest; returns how many notifications it told (0: nothing sent)."""
    from frontloeber.accounts.models import User

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return 0
    preference = selectors.preference_for(user=user)
    if not preference.daily_digest:
        return 0
    with transaction.atomic():
        items = selectors.digest_items(user=user)
        if not items:
            return 0
        site = settings.SITE_URL.rstrip("/")
        lines = []
        for item in items:
            with translation.override(preference.language):
                lines.append(
                    {
                        "message": item.message(),
                        "excerpt": item.excerpt,
                        "url": site + reverse("notifications:open", kwargs={"notification_id": item.pk}),
                        "unfollow_url": (
                            site
                            + reverse(
                                "notifications:unfollow",
                                kwargs={
                                    "token": tokens.unfollow_token(user_id=user.pk, idea_id=item.idea_id)
                                },
                            )
                            if item.idea_id
                            else ""
                        ),
                    }
                )
        with translation.override(preference.language):
            context = {
                "user": user,
                "lines": lines,
                "all_url": site + reverse("notifications:list"),
                "settings_url": site + reverse("notifications:preferences"),
                "digest_off_url": site
                + reverse(
                    "notifications:digest_off", kwargs={"token": tokens.digest_off_token(user_id=user.pk)}
                ),
            }
            subject = _("Frontløber: %(count)d new in your workplaces") % {"count": len(items)}
            body = render_to_string("notifications/email/digest.txt", context)
        type(items[0]).objects.filter(pk__in=[item.pk for item in items]).update(digested_at=timezone.now())
        send_mail(subject, body, None, [user.email])
    return len(items)


def digests_enqueue():
    """Queue a digest for everyone with something new; returns how many were queued."""
    ids = selectors.digest_recipients()
    for user_id in ids:
        digest_send.enqueue(user_id=user_id)
    return len(ids)
