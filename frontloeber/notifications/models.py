"""In-app notifications and each person's e-mail preferences."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.core.markdown import plain
from frontloeber.organisations.models import Organisation
from frontloeber.organisations.rows import WorkplaceRow, tenant_index

from . import kinds


class Notification(WorkplaceRow):
    """Something that happened which a person should know about. The text is built in their language when
    shown, from the kind and the few words stored here."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # A code some app declares in its notification_kinds.py (see kinds.py).
    kind = models.CharField(max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    idea = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # The words quoted under the sentence: a comment, a question, an answer, a leader's reason.
    detail = models.CharField(max_length=200, blank=True)
    # For a status change: the status the idea moved to.
    status = models.CharField(max_length=20, blank=True)
    # Where the notification leads, when that is not the idea's page (an experiment, a checkpoint).
    target_url = models.CharField(max_length=300, blank=True)
    # Told to the organisation's admins about one of its workplaces: shown while they are admins, whether or
    # not they belong to the workplace.
    for_organisation_admins = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the notification went out in a daily digest, so no digest repeats it.
    digested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "digested_at"]),
            tenant_index("created_at"),
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient_id}"

    def message(self):
        """The notification as a sentence in the active language, from the kind its app declared."""
        declared = kinds.get(self.kind)
        actor = self.actor.full_name if self.actor_id and self.actor else _("Someone")
        idea = self.idea.title if self.idea_id and self.idea else ""
        if declared is None:
            return _("%(actor)s did something in %(idea)s") % {"actor": actor, "idea": idea}
        status = declared.statuses.get(self.status, self.status)
        return declared.text % {"actor": actor, "idea": idea, "status": status, "detail": self.detail}

    @property
    def excerpt(self):
        """The quoted words (a comment, a question, an answer) shown under the sentence."""
        declared = kinds.get(self.kind)
        return plain(self.detail) if declared is not None and declared.quotes_detail else ""


class Preference(models.Model):
    """How a person wants to hear from Frontløber. Without a row: daily digest on, in Danish."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    daily_digest = models.BooleanField(
        _("daily e-mail digest"),
        default=True,
        help_text=_("At most one e-mail a day, and only when something happened in your workplaces."),
    )
    language = models.CharField(
        _("language of e-mails"), max_length=5, choices=settings.LANGUAGES, default="da"
    )

    class Meta:
        verbose_name = _("notification preference")

    def __str__(self):
        return str(self.user)
