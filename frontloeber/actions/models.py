"""The barrier register and action items (practice 3, "Culture and frames").

A barrier is something that keeps the team from trying new things (time, worry, habit); an action item is
somebody doing something by a date, for a barrier, an idea, or on its own. Workshops add both from their
posts (the workshop's output then points here), and the idea page lists an idea's action items. The tables
moved here from workshops (migration actions 0001).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.core.choices import with_questions
from frontloeber.organisations.rows import WorkplaceRow, tenant_index


class BarrierKind(models.TextChoices):
    TIME = "time", _("Time")
    WORRY = "worry", _("Worry")
    HABIT = "habit", _("Habit")


class BarrierStatus(models.TextChoices):
    OPEN = "open", _("Open")
    WORKING = "working", _("Being removed")
    REMOVED = "removed", _("Removed")


class Barrier(WorkplaceRow):
    """Something that keeps the team from trying new things: the barrier register (practice 3)."""

    kind = models.CharField(_("kind"), max_length=10, choices=BarrierKind.choices)
    description = models.TextField(_("description"), max_length=500)
    status = models.CharField(
        _("status"), max_length=10, choices=BarrierStatus.choices, default=BarrierStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("barrier")
        ordering = ["-pk"]
        indexes = [tenant_index("status")]

    def __str__(self):
        return self.description[:60]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("To do")
    DONE = "done", _("Done")


@with_questions("status", ActionStatus)
class ActionItem(WorkplaceRow):
    what = models.CharField(_("what"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    barrier = models.ForeignKey(
        Barrier, on_delete=models.SET_NULL, null=True, blank=True, related_name="action_items"
    )
    idea = models.ForeignKey("ideas.Idea", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_at = models.DateTimeField(null=True, blank=True)
    # The day the owner was last reminded, so the daily task reminds once when due and once when overdue.
    reminded_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("action item")
        ordering = ["due_on", "pk"]
        indexes = [tenant_index("owner", "status")]

    def __str__(self):
        return self.what

    def is_overdue(self, today=None):
        return self.status == ActionStatus.OPEN and self.due_on < (today or timezone.localdate())
