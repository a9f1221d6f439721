"""The team's digital skills (practice 4): the catalogue, each person's own rating, and learning activities.

A rating belongs to the person in the organisation, not to one workplace: someone in two workplaces rates
once, and each workplace's map counts its own members. Every change of level is also logged, so the map
can show how the team's skills grew quarter by quarter.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from frontloeber.organisations.rows import OrganisationRow, WorkplaceRow, tenant_index


class SkillArea(models.TextChoices):
    DEVICES = "devices", _("Devices and apps")
    WELFARE = "welfare", _("Welfare technology")
    VIDEO = "video", _("Video and communication")
    RECORDS = "records", _("Documentation systems")
    DATA = "data", _("Data and AI tools")
    SAFETY = "safety", _("Safe and secure use")


class Level(models.IntegerChoices):
    NOT_YET = 0, _("Not yet")
    STARTING = 1, _("Getting started")
    CONFIDENT = 2, _("Use it confidently")
    TEACHES = 3, _("Can teach others")


NAME_MAX = 100
DESCRIPTION_MAX = 300


def _in_english():
    return (get_language() or "").startswith("en")


class Skill(WorkplaceRow):
    """A skill in the organisation's catalogue; with a workplace, one its leaders added for that workplace."""

    workplace = models.ForeignKey(
        "organisations.Workplace", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    area = models.CharField(_("area"), max_length=10, choices=SkillArea.choices)
    name = models.CharField(_("name"), max_length=NAME_MAX)
    description = models.CharField(_("description"), max_length=DESCRIPTION_MAX, blank=True)
    # The suggested catalogue's skills in English too (name and description above are Danish); a skill a
    # leader adds is in the language it was written in, and these stay empty.
    name_en = models.CharField(_("name in English"), max_length=NAME_MAX, blank=True, db_default="")
    description_en = models.CharField(
        _("description in English"), max_length=DESCRIPTION_MAX, blank=True, db_default=""
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # A retired skill leaves the rating form and the map; its ratings and history stay.
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("skill")
        ordering = ["area", "name"]
        indexes = [tenant_index("area")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"],
                condition=Q(workplace__isnull=True),
                name="competences_skill_unique_in_catalogue",
            ),
            models.UniqueConstraint(
                fields=["organisation", "workplace", "name"],
                condition=Q(workplace__isnull=False),
                name="competences_skill_unique_in_workplace",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def shown_name(self):
        """The name in the reader's language, where the skill has it in theirs."""
        return self.name_en if self.name_en and _in_english() else self.name

    @property
    def shown_description(self):
        return self.description_en if self.description_en and _in_english() else self.description


class SkillProfile(OrganisationRow):
    """How a person shares their ratings in the organisation. Without a row: visible, and willing to help."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    visible_to_team = models.BooleanField(
        _("my colleagues may see my ratings"),
        default=True,
        help_text=_("Your leaders always see them. If you say no, colleagues see only the team's counts."),
    )
    willing_to_help = models.BooleanField(
        _("colleagues may ask me for help with what I can teach"),
        default=True,
        help_text=_(
            "If your colleagues may see your ratings, you are then named as a helper for what you can teach."
        ),
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("skill profile")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="competences_profile_unique")
        ]

    def __str__(self):
        return f"{self.user_id} in {self.organisation_id}"


class SkillRating(OrganisationRow):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="ratings")
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    wants_to_learn = models.BooleanField(_("I want to learn this"), default=False)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("skill rating")
        indexes = [models.Index(fields=["organisation", "skill"])]
        constraints = [
            models.UniqueConstraint(fields=["user", "skill"], name="competences_rating_unique"),
            models.CheckConstraint(condition=Q(level__lte=3), name="competences_rating_level_on_scale"),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.skill_id} = {self.level}"


class SkillLevelChange(OrganisationRow):
    """A person's level of a skill from a moment on: the history behind the team's skills over time."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["organisation", "skill", "changed_at"])]

    def __str__(self):
        return f"{self.user_id}: {self.skill_id} = {self.level} from {self.changed_at:%Y-%m-%d}"


class ActivityKind(models.TextChoices):
    PLAYGROUND = "playground", _("Tech playground")
    PEER = "peer", _("Peer training")
    COURSE = "course", _("Course")


class LearningActivity(WorkplaceRow):
    """A tech playground ("legestue"), a colleague teaching colleagues, or a course: when, where, for what."""

    kind = models.CharField(_("kind"), max_length=12, choices=ActivityKind.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("description"), max_length=1000, blank=True)
    skills = models.ManyToManyField(Skill, related_name="activities", verbose_name=_("skills it builds"))
    starts_at = models.DateTimeField(_("starts"))
    minutes = models.PositiveSmallIntegerField(_("length in minutes"), default=60)
    place = models.CharField(_("place or link"), max_length=200, blank=True)
    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("host"),
    )
    seats = models.PositiveSmallIntegerField(_("seats"), null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("learning activity")
        verbose_name_plural = _("learning activities")
        ordering = ["starts_at", "pk"]
        indexes = [tenant_index("starts_at")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "competences:activity_detail",
            kwargs={"workplace_slug": self.workplace.slug, "activity_id": self.pk},
        )

    def has_started(self, now=None):
        return self.starts_at <= (now or timezone.now())


class Signup(WorkplaceRow):
    activity = models.ForeignKey(LearningActivity, on_delete=models.CASCADE, related_name="signups")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    signed_up_at = models.DateTimeField(default=timezone.now)
    # Recorded by the host or a leader after the activity: None until then.
    attended = models.BooleanField(null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("rating"), null=True, blank=True)
    feedback = models.CharField(_("a word on it"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("sign-up")
        ordering = ["signed_up_at", "pk"]
        indexes = [tenant_index("user")]
        constraints = [
            models.UniqueConstraint(fields=["activity", "user"], name="competences_signup_once"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=1, rating__lte=5),
                name="competences_signup_rating_1_to_5",
            ),
        ]

    def __str__(self):
        return f"{self.user_id} → {self.activity_id}"
