"""In-app notifications and each person's e-mail preferences."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.core.markdown import plain
from frontloeber.organisations.models import Organisation
from frontloeber.organisations.rows import WorkplaceRow, WorkplaceRowQuerySet, tenant_index

from . import kinds


class NotificationQuerySet(WorkplaceRowQuerySet):
    def about(self, subject):
        """The notifications about this object (an idea, say)."""
        return self.filter(subject_type=subject_label(subject), subject_id=subject.pk)


def subject_label(subject):
    """How a notification names the model of what it is about: "ideas.idea"."""
    return subject._meta.label_lower


def subject_fields(subject):
    """The fields of a notification about ``subject`` (an object with a ``title``), or none for no subject."""
    if subject is None:
        return {}
    return {
        "subject_type": subject_label(subject),
        "subject_id": subject.pk,
        "subject_title": subject.title[:200],
    }


class Audience(models.TextChoices):
    WORKPLACE = "workplace", _("The workplace's members")
    ADMINS = "admins", _("The organisation's admins")
    SAFETY_REVIEWERS = "safety_reviewers", _("The reviewers of the organisation's safety checks")


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
    # What it is about, named by its model's label and id ("ideas.idea", 42) with its title as the sentence
    # quotes it: no foreign key, since notifications lie below the apps whose objects they tell of. The app
    # that owns the subject keeps the title current and deletes the notifications with the subject.
    subject_type = models.CharField(max_length=40, blank=True)
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    subject_title = models.CharField(max_length=200, blank=True)
    # The words quoted under the sentence: a comment, a question, an answer, a leader's reason.
    detail = models.CharField(max_length=200, blank=True)
    # For a status change: the status the idea moved to.
    status = models.CharField(max_length=20, blank=True)
    # Where the notification leads, when that is not the idea's page (an experiment, a checkpoint).
    target_url = models.CharField(max_length=300, blank=True)
    # Who was told, and so who still sees it (selectors._still_told): the workplace's members, or, about
    # one of its workplaces, the organisation's admins or the reviewers of its safety checks, member or not.
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.WORKPLACE)
    created_at = models.DateTimeField(default=timezone.now)
    # How many happenings of this kind about the same subject, close together, this one notification tells
    # of (services.GROUP_WINDOW): four status changes in three minutes are one notification, not four.
    grouped = models.PositiveSmallIntegerField(default=1)
    read_at = models.DateTimeField(null=True, blank=True)
    # Set when the notification went out in a daily digest, so no digest repeats it.
    digested_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        indexes = [
            models.Index(fields=["subject_type", "subject_id"]),
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
        idea = self.subject_title
        if declared is None:
            return _("%(actor)s did something in %(idea)s") % {"actor": actor, "idea": idea}
        status = declared.statuses.get(self.status, self.status)
        text = declared.text % {"actor": actor, "idea": idea, "status": status, "detail": self.detail}
        if self.grouped > 1:
            text += " " + _("(%(n)d updates in all)") % {"n": self.grouped}
        return text

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


class MutedKind(models.Model):
    """A kind of notification a person chose not to hear about (kinds.py says which kinds can be muted)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="muted_kind_unique")]

    def __str__(self):
        return f"{self.user_id}: {self.kind}"
