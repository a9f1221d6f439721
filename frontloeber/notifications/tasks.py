"""The daily e-mail digest, sent by the task worker (`make worker`).

``digests_daily`` queues one digest per person with news and then schedules itself for the next morning, so
a running worker sends digests every day with no cron. `make worker` starts the cycle
(`manage.py send_digests --schedule`); `manage.py send_digests` sends today's at once.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, task

from . import registry, selectors, tokens


@task()
def digest_send(*, user_id: int) -> int:
    """Send one person their digest; returns how many notifications it told (0: nothing sent)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
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
                line = {
                    "message": item.message(),
                    "excerpt": item.excerpt,
                    "url": site + reverse("notifications:open", kwargs={"notification_id": item.pk}),
                }
                for links in registry.digest_links:
                    line.update(
                        {key: site + path for key, path in links(notification=item, user=user).items()}
                    )
                lines.append(line)
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
        # RFC 8058: mail programs offer their own one-click "unsubscribe", which POSTs to this address.
        headers = {
            "List-Unsubscribe": f"<{context['digest_off_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
        EmailMessage(subject, body, None, [user.email], headers=headers).send()
    return len(items)


def digests_enqueue():
    """Queue a digest for everyone with something new; returns how many were queued."""
    ids = selectors.digest_recipients()
    for user_id in ids:
        digest_send.enqueue(user_id=user_id)
    return len(ids)


DIGEST_HOUR = 7  # local time: before the morning shift reads its mail


def next_digest_time(now=None):
    now = timezone.localtime(now)
    today = now.replace(hour=DIGEST_HOUR, minute=0, second=0, microsecond=0)
    return today if now < today else today + datetime.timedelta(days=1)


@task()
def digests_daily() -> int:
    """Run the apps' daily jobs (``registry.daily_jobs``: reminders, survey rounds that open or close),
    queue the digests that carry what they notified, then come back tomorrow morning."""
    # Tomorrow's run is queued first, so a failure today cannot end the daily cycle.
    digests_schedule()
    for job in registry.daily_jobs:
        job()
    return digests_enqueue()


def digests_schedule(now=None):
    """Make sure the next morning's ``digests_daily`` is queued (once). Returns whether it queued one.

    Only the database backend can run a task later; with any other backend this does nothing.
    """
    backend = digests_daily.get_backend()
    if not backend.supports_defer:
        return False
    from django_tasks_db.models import DBTaskResult

    path = f"{digests_daily.func.__module__}.{digests_daily.func.__qualname__}"
    if DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY).exists():
        return False
    digests_daily.using(run_after=next_digest_time(now)).enqueue()
    return True
