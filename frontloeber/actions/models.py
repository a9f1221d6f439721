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


class RaisedKind(models.TextChoices):
    """What a barrier raised to the organisation needs a decision on (issue 18, point 6)."""

    IT = "it", _("IT")
    LEGAL = "legal", _("Legal")
    BUDGET = "budget", _("Budget")
    ORGANISATION = "organisation", _("Organisation")
    OTHER = "other", _("Other")


class Escalation(models.TextChoices):
    """Where a barrier raised to the leadership system stands. Blank: it stays in the workplace."""

    RAISED = "raised", _("Raised to the organisation")
    TAKEN = "taken", _("Taken up")
    RESOLVED = "resolved", _("Resolved")
    DECLINED = "declined", _("Declined")
    FORWARDED = "forwarded", _("Forwarded")


ANSWERED = {Escalation.RESOLVED, Escalation.DECLINED, Escalation.FORWARDED}
WAITING = {Escalation.RAISED, Escalation.TAKEN}  # raised, and not answered yet


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

    # Raised to the organisation when it needs a decision above the workplace (issue 18, point 6).
    escalation = models.CharField(
        _("raised to the organisation"), max_length=10, choices=Escalation.choices, blank=True
    )
    raised_kind = models.CharField(_("what it needs"), max_length=12, choices=RaisedKind.choices, blank=True)
    raised_why = models.TextField(
        _("why it needs a decision above the workplace"), blank=True, max_length=1000
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    raised_at = models.DateTimeField(null=True, blank=True)
    answerer = models.CharField(_("who answers"), max_length=200, blank=True)
    answer_due_on = models.DateField(_("answer by"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True, max_length=2000)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("barrier")
        ordering = ["-pk"]
        indexes = [
            tenant_index("status"),
            # The organisation's list of raised barriers reads across its workplaces.
            models.Index(fields=["organisation", "escalation", "raised_at"], name="barrier_raised_idx"),
        ]

    def __str__(self):
        return self.description[:60]

    @property
    def answer_promised(self):
        """Taken up by the organisation: someone is named to answer by a date."""
        return self.escalation == Escalation.TAKEN

    @property
    def answer_overdue(self):
        return (
            self.answer_promised
            and self.answer_due_on is not None
            and self.answer_due_on < timezone.localdate()
        )

    @property
    def waits_for_answer(self):
        return self.escalation in WAITING

    @property
    def can_be_raised(self):
        """Open in the register and not waiting for the organisation's answer already."""
        return self.status != BarrierStatus.REMOVED and not self.waits_for_answer


class BarrierChange(WorkplaceRow):
    """Each change of a barrier's status in the register or of its answer from the organisation, with its
    date (issue 18): how long barriers stay open is a figure of practice 3. Kept from the day this table
    came."""

    class Field(models.TextChoices):
        STATUS = "status", _("status")
        ESCALATION = "escalation", _("raised to the organisation")

    barrier = models.ForeignKey(Barrier, on_delete=models.CASCADE, related_name="changes")
    field = models.CharField(max_length=10, choices=Field.choices)
    from_value = models.CharField(max_length=12, blank=True)
    to_value = models.CharField(max_length=12)
    note = models.TextField(blank=True, max_length=2000)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [tenant_index("barrier")]

    def __str__(self):
        return f"{self.barrier_id} {self.field}: {self.from_value} → {self.to_value}"


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
