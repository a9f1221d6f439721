"""Experiments with frames, the adoption that follows, and the cases that spread what works."""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.core.choices import with_questions
from frontloeber.ideas.models import Idea, ValueAxis
from frontloeber.organisations.models import Organisation, SafetyRole, Workplace
from frontloeber.organisations.rows import ChangeTracked, WorkplaceRow, tenant_index

TEXT_MAX = 2000
MAX_CRITERIA = 4


class ExperimentState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    EVALUATING = "evaluating", _("Being evaluated")
    CONCLUDED = "concluded", _("Concluded")


class Decision(models.TextChoices):
    ADOPT = "adopt", _("Adopt it")
    ADJUST = "adjust", _("Adjust it and try again")
    STOP = "stop", _("Stop, with what we learned")


class CriterionResult(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")


@with_questions("state", ExperimentState)
class Experiment(ChangeTracked, WorkplaceRow):
    """A small, framed try-out of an idea. Stopping with a lesson learnt is a result like any other."""

    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="experiments")
    idea = models.ForeignKey(
        Idea, on_delete=models.CASCADE, related_name="experiments", verbose_name=_("idea")
    )
    follows = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="followed_by"
    )
    hypothesis = models.TextField(_("hypothesis"), max_length=TEXT_MAX)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    hours = models.PositiveIntegerField(_("hours"), default=0)
    budget_dkk = models.PositiveIntegerField(_("budget (DKK)"), default=0)
    equipment = models.TextField(_("equipment"), blank=True, max_length=TEXT_MAX)
    stop_rule = models.TextField(_("stop rule"), max_length=TEXT_MAX)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="experiments", verbose_name=_("participants")
    )
    skills = models.ManyToManyField(
        "competences.Skill", blank=True, related_name="+", verbose_name=_("skills it needs")
    )
    state = models.CharField(
        _("state"), max_length=20, choices=ExperimentState.choices, default=ExperimentState.PLANNED
    )

    # The safety check: answered before the experiment may run, and confirmed by a leader.
    personal_data = models.BooleanField(_("touches personal data"), null=True)
    personal_data_which = models.TextField(_("which personal data"), blank=True, max_length=TEXT_MAX)
    legal_basis = models.TextField(_("legal basis"), blank=True, max_length=TEXT_MAX)
    dpo_contact = models.CharField(_("data-protection contact asked"), blank=True, max_length=200)
    vulnerable_citizens = models.BooleanField(_("involves citizens who cannot easily consent"), null=True)
    consent_how = models.TextField(
        _("how relatives or guardians are informed and agree"), blank=True, max_length=TEXT_MAX
    )
    needs_it = models.BooleanField(_("needs the IT department"), null=True)
    it_what = models.TextField(_("what the IT department must do"), blank=True, max_length=TEXT_MAX)
    safety_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    safety_confirmed_at = models.DateTimeField(null=True, blank=True)
    # Counts the safety check's answers as sent for review: a review approves one version, and a change of
    # the answers or the plan asks again (issue 17, point 6).
    safety_version = models.PositiveIntegerField(default=0)

    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    learnings = models.TextField(_("what we learned"), blank=True, max_length=TEXT_MAX)
    started_at = models.DateTimeField(null=True, blank=True)
    concluded_at = models.DateTimeField(null=True, blank=True)
    # When the leader and participants were asked to evaluate, so the reminder goes once.
    evaluation_reminded_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("experiment")
        verbose_name_plural = _("experiments")
        ordering = ["-starts_on", "-pk"]
        indexes = [
            tenant_index("state", "ends_on"),
            tenant_index("concluded_at"),
            models.Index(fields=["organisation", "updated_at", "id"], name="experiment_changed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="experiment_ends_after_start"
            )
        ]

    def __str__(self):
        return self.hypothesis[:80]

    def get_absolute_url(self):
        return reverse(
            "experiments:experiment_detail",
            kwargs={"workplace_slug": self.workplace.slug, "experiment_id": self.pk},
        )

    @property
    def safety_answered(self):
        answers = (self.personal_data, self.vulnerable_citizens, self.needs_it)
        if None in answers:
            return False
        if self.personal_data and not (self.personal_data_which and self.legal_basis and self.dpo_contact):
            return False
        if self.vulnerable_citizens and not self.consent_how:
            return False
        return not (self.needs_it and not self.it_what)

    @property
    def safety_roles_needed(self):
        """Who must review the answers before it starts: the data protection adviser for personal data or
        citizens who cannot easily consent, the IT security contact for work of the IT department. None: the
        leader's confirmation is enough."""
        roles = []
        if self.personal_data or self.vulnerable_citizens:
            roles.append(SafetyRole.DPO)
        if self.needs_it:
            roles.append(SafetyRole.IT)
        return roles


class SuccessCriterion(WorkplaceRow):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="criteria")
    axis = models.CharField(_("value axis"), max_length=20, choices=ValueAxis.choices)
    description = models.CharField(_("success looks like"), max_length=300)
    measure = models.CharField(_("how we measure it"), max_length=300)
    result = models.CharField(_("result"), max_length=10, choices=CriterionResult.choices, blank=True)
    evidence = models.TextField(_("evidence"), blank=True, max_length=TEXT_MAX)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        indexes = [tenant_index("experiment")]

    def __str__(self):
        return self.description


def log_photo_path(instance, filename):
    return (
        f"experiments/{instance.organisation_id}/{instance.workplace_id}/{instance.experiment_id}/{filename}"
    )


class LogEntry(WorkplaceRow):
    """A dated note in the experiment's learning log, with an optional photo."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="log_entries")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    entry_date = models.DateField(_("date"))
    text = models.TextField(_("what happened"), max_length=TEXT_MAX)
    photo = models.ImageField(upload_to=log_photo_path, blank=True)
    photo_content_type = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["entry_date", "pk"]
        indexes = [tenant_index("experiment", "entry_date")]

    def __str__(self):
        return f"{self.entry_date}: {self.text[:40]}"


class AdoptionState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    LIVE = "live", _("Live")


@with_questions("state", AdoptionState)
class AdoptionPlan(ChangeTracked, WorkplaceRow):
    """The change a leader leads after an experiment says "adopt"."""

    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="adoption_plans")
    idea = models.OneToOneField(Idea, on_delete=models.CASCADE, related_name="adoption_plan")
    experiment = models.ForeignKey(Experiment, on_delete=models.SET_NULL, null=True, related_name="+")
    affected = models.TextField(_("who is affected, and how their day changes"), max_length=TEXT_MAX)
    training = models.TextField(_("training needed"), blank=True, max_length=TEXT_MAX)
    communication = models.TextField(_("communication"), blank=True, max_length=TEXT_MAX)
    go_live_on = models.DateField(_("go-live date"))
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("responsible")
    )
    skills = models.ManyToManyField(
        "competences.Skill", blank=True, related_name="+", verbose_name=_("skills it needs")
    )
    first_checkpoint_days = models.PositiveSmallIntegerField(
        _("first checkpoint (days after go-live)"), default=30
    )
    second_checkpoint_days = models.PositiveSmallIntegerField(
        _("second checkpoint (days after go-live)"), default=90
    )
    state = models.CharField(max_length=10, choices=AdoptionState.choices, default=AdoptionState.PLANNED)
    live_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("adoption plan")
        indexes = [
            tenant_index("state"),
            models.Index(fields=["organisation", "updated_at", "id"], name="adoptionplan_changed"),
        ]

    def __str__(self):
        return str(self.idea)

    def get_absolute_url(self):
        return reverse(
            "experiments:adoption_detail", kwargs={"workplace_slug": self.workplace.slug, "plan_id": self.pk}
        )


class Checkpoint(ChangeTracked, WorkplaceRow):
    """A follow-up after go-live: how many use it, what value it gives, what was adjusted."""

    plan = models.ForeignKey(AdoptionPlan, on_delete=models.CASCADE, related_name="checkpoints")
    days = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    users = models.PositiveIntegerField(_("how many use it"), null=True, blank=True)
    affected = models.PositiveIntegerField(_("of how many affected"), null=True, blank=True)
    value_citizens = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(3)]
    )
    value_quality = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(3)])
    value_routines = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(3)]
    )
    notes = models.TextField(_("value seen"), blank=True, max_length=TEXT_MAX)
    adjusted = models.TextField(_("what was adjusted"), blank=True, max_length=TEXT_MAX)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [
            tenant_index("due_on"),
            models.Index(fields=["organisation", "updated_at", "id"], name="checkpoint_changed"),
        ]

    def __str__(self):
        return f"{self.plan} +{self.days}"


class Case(ChangeTracked, WorkplaceRow):
    """An adopted idea published to the organisation's case library, for other workplaces to take up."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cases")
    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="cases")
    idea = models.OneToOneField(Idea, on_delete=models.CASCADE, related_name="case")
    summary = models.TextField(_("summary"), max_length=TEXT_MAX)
    value_achieved = models.TextField(_("value achieved"), max_length=TEXT_MAX)
    what_it_took = models.TextField(_("what it took"), max_length=TEXT_MAX)
    learnings = models.TextField(_("learnings"), max_length=TEXT_MAX)
    contact = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("contact person")
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    published_at = models.DateTimeField(default=timezone.now)
    trial_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-published_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "published_at"]),
            tenant_index(),
            models.Index(fields=["organisation", "updated_at", "id"], name="case_changed"),
        ]

    def __str__(self):
        return str(self.idea)


class CaseTrial(ChangeTracked, WorkplaceRow):
    """A workplace taking up a case: the linked idea there shows how far it got."""

    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="case_trials")
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="trials")
    idea = models.OneToOneField(Idea, on_delete=models.CASCADE, related_name="case_trial")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "workplace"], name="case_trial_once_per_workplace")
        ]
        indexes = [
            models.Index(fields=["organisation", "case"]),
            tenant_index(),
            models.Index(fields=["organisation", "updated_at", "id"], name="casetrial_changed"),
        ]

    def __str__(self):
        return f"{self.case} → {self.workplace}"


class ReviewState(models.TextChoices):
    ASKED = "asked", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    CHANGES = "changes", _("Changes asked for")
    SUPERSEDED = "superseded", _("Replaced by a newer version")


class SafetyReview(WorkplaceRow):
    """A second pair of eyes on one version of an experiment's safety check: the data protection adviser or
    the IT security contact (or, where nobody is named, an organisation admin) approves it or asks for
    changes. ``answers`` keeps what they saw, as (question, answer) pairs, for the records system."""

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="safety_reviews")
    role = models.CharField(max_length=5, choices=SafetyRole.choices)
    version = models.PositiveIntegerField()
    answers = models.JSONField(default=list)
    state = models.CharField(max_length=10, choices=ReviewState.choices, default=ReviewState.ASKED)
    asked_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=TEXT_MAX)

    class Meta:
        ordering = ["-asked_at", "-pk"]
        indexes = [tenant_index("experiment"), models.Index(fields=["organisation", "role", "state"])]
        constraints = [
            models.UniqueConstraint(fields=["experiment", "role", "version"], name="safety_review_unique")
        ]

    def __str__(self):
        return f"{self.experiment_id} {self.role} v{self.version}: {self.state}"

    @property
    def is_waiting(self):
        return self.state == ReviewState.ASKED
