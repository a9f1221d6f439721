"""The reflection survey: the question bank (versioned), rounds, anonymous answers and named assessments.

A version is frozen once it is locked (when the first round opens with it): its wording is then never
changed or deleted, because answers refer to it. A new wording is a new version.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.core.bilingual import Bilingual
from frontloeber.core.choices import with_questions
from frontloeber.organisations.rows import WorkplaceRow, tenant_index


class FrozenVersionError(ValidationError):
    pass


class QuestionBankVersion(models.Model):
    number = models.PositiveIntegerField(_("version"), unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Set when the first round opens with this version; from then on nothing in it may change.
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("question bank version")
        ordering = ["-number"]

    def __str__(self):
        return f"v{self.number}"


class _Frozen(models.Model):
    """Rows of a version refuse to change once the version is locked."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None or self.version.locked_at is not None:
            self._check_unlocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_unlocked()
        return super().delete(*args, **kwargs)

    def _check_unlocked(self):
        if self.version.locked_at is not None:
            raise FrozenVersionError(
                _("This version of the questions is in use and cannot change; make a new version.")
            )


class Practice(Bilingual, _Frozen):
    version = models.ForeignKey(QuestionBankVersion, on_delete=models.PROTECT, related_name="practices")
    code = models.CharField(max_length=4)
    name_da = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="practice_unique_per_version")
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def name(self):
        return self.local("name")


class ReflectionQuestion(Bilingual, _Frozen):
    version = models.ForeignKey(QuestionBankVersion, on_delete=models.PROTECT, related_name="+")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="reflection_questions")
    text_da = models.TextField()
    text_en = models.TextField()
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["practice", "position"]

    def __str__(self):
        return self.text

    @property
    def text(self):
        return self.local("text")


class ItemKind(models.TextChoices):
    LEADER = "leader", _("About the leader")
    CLIMATE = "climate", _("About the unit")


class Item(Bilingual, _Frozen):
    """One statement, worded for each respondent group in Danish and English."""

    version = models.ForeignKey(QuestionBankVersion, on_delete=models.PROTECT, related_name="items")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="items")
    code = models.CharField(max_length=8)
    kind = models.CharField(max_length=10, choices=ItemKind.choices)
    employee_da = models.TextField()
    employee_en = models.TextField()
    leader_da = models.TextField()
    leader_en = models.TextField()
    superior_da = models.TextField()
    superior_en = models.TextField()
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["practice", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="item_unique_per_version")]

    def __str__(self):
        return self.code

    def wording(self, respondent):
        """The statement for ``respondent`` ("employee", "leader" or "superior") in the active language."""
        return self.local(respondent)


# --- Rounds and answers ------------------------------------------------------------------------------
#
# Anonymity by construction: an employee's answers (Response, Answer, PracticeComment) carry no reference
# to a person or to an invitation, no timestamp and no sequential id (random UUIDs). What the product
# knows about a person is kept apart in RoundInvitation: that they were asked and whether they have
# answered, nothing more. The two meet only through the personal link's secret, which the database never
# holds: the invitation keeps one hash of it and the response another (see reflection/tokens.py).


class Round(WorkplaceRow):
    workplace = models.ForeignKey(
        "organisations.Workplace", on_delete=models.CASCADE, related_name="reflection_rounds"
    )
    version = models.ForeignKey(QuestionBankVersion, on_delete=models.PROTECT, related_name="rounds")
    # The leader whose leadership the round is about: the one who opened it, and who self-assesses.
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("leader")
    )
    opens_on = models.DateField(_("opens"))
    closes_on = models.DateField(_("closes"))
    closed_early_on = models.DateField(_("closed early"), null=True, blank=True)
    # Kept from the organisation's setting when the round opened; the report uses the stricter of the two,
    # so lowering the setting never uncovers answers given under a higher promise.
    threshold = models.PositiveSmallIntegerField(_("anonymity threshold"))
    invited_count = models.PositiveIntegerField(default=0)
    # Kept from the organisation's setting when the round was created: how far back a membership that the
    # round's leadership made keeps the person out of the round (see eligibility.py).
    eligibility_days = models.PositiveSmallIntegerField(default=30)
    invitations_sent_at = models.DateTimeField(null=True, blank=True)
    reminded_on = models.DateField(null=True, blank=True)
    # Set when the closed round's answers were written anew in random order and their way back (the
    # locators, the link hashes) removed: from then on not even the database's own bookkeeping ties an
    # answer to the moment, or the person, it came from.
    sealed_at = models.DateTimeField(null=True, blank=True)
    # Closing before the last day needs every invited person's answer, or an organisation admin's approval
    # (someone other than the round's leader), which the leader can ask for.
    early_close_requested_at = models.DateTimeField(null=True, blank=True)
    early_close_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    early_close_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ["-opens_on", "-pk"]
        indexes = [tenant_index("-opens_on")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gt=models.F("opens_on")), name="round_closes_after_opening"
            )
        ]

    def __str__(self):
        return f"{self.workplace} {self.opens_on}"

    def get_absolute_url(self):
        return reverse(
            "reflection:round_detail", kwargs={"workplace_slug": self.workplace.slug, "round_id": self.pk}
        )

    @property
    def last_day(self):
        return self.closed_early_on or self.closes_on

    @staticmethod
    def closed_by(today):
        """The rounds ``state(today)`` calls closed, as a filter for a query."""
        return models.Q(closed_early_on__isnull=False) | models.Q(closes_on__lt=today)

    def state(self, today=None):
        today = today or timezone.localdate()
        if self.closed_early_on is not None or today > self.closes_on:
            return RoundState.CLOSED
        if today < self.opens_on:
            return RoundState.SCHEDULED
        return RoundState.OPEN

    @property
    def is_open(self):
        return self.state() == RoundState.OPEN

    @property
    def is_closed(self):
        return self.state() == RoundState.CLOSED

    @property
    def is_scheduled(self):
        return self.state() == RoundState.SCHEDULED


class RoundState(models.TextChoices):
    SCHEDULED = "scheduled", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class RoundInvitation(WorkplaceRow):
    """That a person was asked, and whether they have answered: never which answers are theirs."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # The hash of the newest personal link's secret (empty until the first link is sent).
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    answered = models.BooleanField(default=False)

    class Meta:
        indexes = [tenant_index("round")]
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="round_invitation_unique")]

    def __str__(self):
        return f"{self.round_id}: {self.user_id}"


class NotAskedReason(models.TextChoices):
    RECENT = "recent", _("Added, or given a new role, recently by the round's leadership")
    ADDRESS = "address", _("E-mail address outside the organisation's domains, not yet approved")


@with_questions("reason", NotAskedReason)
class RoundExclusion(WorkplaceRow):
    """An employee of the workplace who was not asked in the round, and why: decided when the round was
    created, and told to the person on the round's page."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="exclusions")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=20, choices=NotAskedReason.choices)
    # For someone left out as recent: the first day a round created then would ask them, if nothing changes.
    asked_from = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [tenant_index("round")]
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="round_exclusion_unique")]

    def __str__(self):
        return f"{self.round_id}: {self.user_id} ({self.reason})"


class AnonymousRow(WorkplaceRow):
    """A row of an employee's answers: a random id, the tenant, and nothing that points to a person, an
    invitation or a moment (test_anonymity.py holds every subclass to that)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class Response(AnonymousRow):
    """One employee's answers to a round. Found again only through the secret of their personal link."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="responses")
    # Empty once the round is sealed: nobody changes answers after the close.
    locator = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        indexes = [tenant_index("round")]

    def __str__(self):
        return str(self.pk)


class Answer(AnonymousRow):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="answers")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)  # 1–5; empty is "don't know"

    class Meta:
        indexes = [tenant_index("round", "item")]
        constraints = [
            models.UniqueConstraint(fields=["response", "item"], name="answer_unique_per_item"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=1, value__lte=5),
                name="answer_value_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.item_id}: {self.value}"


class PracticeComment(AnonymousRow):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="comments")
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="comments")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()

    class Meta:
        indexes = [tenant_index("round")]
        constraints = [
            models.UniqueConstraint(fields=["response", "practice"], name="comment_unique_per_practice")
        ]

    def __str__(self):
        return str(self.pk)


class PracticeTotal(WorkplaceRow):
    """A sealed round's answers on the scale to one practice, added up once when it was sealed: they never
    change after, and the organisation's roll-up reads a thousand rounds' means from these rows instead of
    adding up every answer. What may be shown is still decided when read (the threshold can rise)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="practice_totals")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="+")
    total = models.PositiveIntegerField()  # the sum of the values 1–5
    answers = models.PositiveIntegerField()  # how many answers on the scale
    most_on_one_item = models.PositiveIntegerField()  # the most answers on the scale any one statement got

    class Meta:
        indexes = [tenant_index("round")]
        constraints = [
            models.UniqueConstraint(fields=["round", "practice"], name="practice_total_unique_per_round")
        ]

    def __str__(self):
        return f"{self.round_id} {self.practice_id}: {self.total}/{self.answers}"


class AssessorKind(models.TextChoices):
    LEADER = "leader", _("The leader's self-assessment")
    SUPERIOR = "superior", _("The superior's assessment")


class Assessment(WorkplaceRow):
    """The leader's own answers, or their superior's: named, one of each per round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="assessments")
    kind = models.CharField(max_length=10, choices=AssessorKind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [tenant_index("round")]
        constraints = [models.UniqueConstraint(fields=["round", "kind"], name="assessment_unique_kind")]

    def __str__(self):
        return f"{self.round_id}: {self.kind}"


class AssessmentAnswer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="assessment_answer_unique_per_item"),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True) | models.Q(value__gte=1, value__lte=5),
                name="assessment_value_on_scale",
            ),
        ]

    def __str__(self):
        return f"{self.item_id}: {self.value}"


class Audience(models.TextChoices):
    """Whom a leader can share a closed round's report with. Each role of a workplace reads as one audience
    (reflection/selectors/sharing.py); the leader group's members are the leaders of the other workplaces
    of a leader group (issue 18 forms the groups)."""

    TEAM = "team", _("The team (employees)")
    MED = "med", _("The MED committee (observers)")
    LEADER_GROUP = "leader_group", _("Your leader group")


class ReportShare(WorkplaceRow):
    """A closed round's report shared by its leader with one audience. A round without any is read only by
    the workplace's leaders and the organisation's admins: this one rule decides who sees survey figures."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="shares")
    audience = models.CharField(max_length=20, choices=Audience.choices)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    shared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [tenant_index("audience", "round")]
        constraints = [
            models.UniqueConstraint(fields=["round", "audience"], name="report_share_unique_audience")
        ]

    def __str__(self):
        return f"{self.round_id}: {self.audience}"
