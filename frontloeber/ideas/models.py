"""Challenges, ideas and everything people do around an idea: supports, comments, follows and its history."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from frontloeber.core.choices import with_questions
from frontloeber.core.markdown import render as render_markdown
from frontloeber.organisations.models import Organisation, Workplace
from frontloeber.organisations.rows import ChangeTracked, OrganisationRow, WorkplaceRow, tenant_index

TITLE_MAX = 150
NEED_MAX = 2000
DESCRIPTION_MAX = 5000
WHY_MAX = 300
COMMENT_MAX = 5000
MESSAGE_MAX = 2000
MAX_IMAGES = 5
COMMENT_EDIT_MINUTES = 15


class ValueAxis(models.TextChoices):
    """The core task's three value axes (practice 1): what technology must do for the work."""

    CITIZENS = "citizens", _("A better offer to citizens")
    QUALITY = "quality", _("Stronger professional quality")
    ROUTINES = "routines", _("Easier daily routines")


# An axis left unrated is None ("not rated"): the author did not weigh it, which is not "no value".
VALUE_WORDS = {None: _("not rated"), 0: _("none"), 1: _("a little"), 2: _("clearly"), 3: _("a lot")}
VALUE_LEVELS = [
    (0, _("0 – none")),
    (1, _("1 – a little")),
    (2, _("2 – clearly")),
    (3, _("3 – a lot")),
]


class IdeaStatus(models.TextChoices):
    NEW = "new", _("New")
    NEEDS_INFO = "needs_info", _("Needs more information")
    QUALIFYING = "qualifying", _("Qualifying")
    EXPERIMENTING = "experimenting", _("Being tried out")
    ADOPTED = "adopted", _("Adopted")
    PARKED = "parked", _("Parked")
    NOT_PURSUED = "not_pursued", _("Not pursued")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    MERGED = "merged", _("Merged into another idea")


# Where a leader may move an idea from each status. NEEDS_INFO is reached by sending the idea back with a
# question; WITHDRAWN only by the author; MERGED only by merging.
LEADER_MOVES = {
    IdeaStatus.NEW: [
        IdeaStatus.QUALIFYING,
        IdeaStatus.EXPERIMENTING,
        IdeaStatus.PARKED,
        IdeaStatus.NOT_PURSUED,
    ],
    IdeaStatus.NEEDS_INFO: [IdeaStatus.QUALIFYING, IdeaStatus.PARKED, IdeaStatus.NOT_PURSUED],
    IdeaStatus.QUALIFYING: [IdeaStatus.EXPERIMENTING, IdeaStatus.PARKED, IdeaStatus.NOT_PURSUED],
    IdeaStatus.EXPERIMENTING: [
        IdeaStatus.ADOPTED,
        IdeaStatus.QUALIFYING,
        IdeaStatus.PARKED,
        IdeaStatus.NOT_PURSUED,
    ],
    IdeaStatus.PARKED: [IdeaStatus.QUALIFYING, IdeaStatus.NOT_PURSUED],
    IdeaStatus.NOT_PURSUED: [IdeaStatus.QUALIFYING],
    IdeaStatus.ADOPTED: [],
    IdeaStatus.WITHDRAWN: [],
    IdeaStatus.MERGED: [],
}
REASON_REQUIRED = {IdeaStatus.PARKED, IdeaStatus.NOT_PURSUED}
# Statuses in which a leader can still send the idea back with a question.
QUESTION_FROM = {IdeaStatus.NEW, IdeaStatus.QUALIFYING, IdeaStatus.PARKED}
CLOSED = {IdeaStatus.ADOPTED, IdeaStatus.NOT_PURSUED, IdeaStatus.WITHDRAWN, IdeaStatus.MERGED}
# The statuses that are an outcome for the idea (it is decided, tried, adopted or set aside): its followers
# hear of these, while its author hears of every step.
OUTCOMES = {IdeaStatus.EXPERIMENTING, IdeaStatus.ADOPTED, IdeaStatus.PARKED, IdeaStatus.NOT_PURSUED}
AUTHOR_EDITABLE = {IdeaStatus.NEW, IdeaStatus.NEEDS_INFO}


class Challenge(WorkplaceRow):
    """A question a leader asks the team, phrased from the core task ("Hvordan kan vi …?")."""

    workplace = models.ForeignKey(
        Workplace, on_delete=models.CASCADE, related_name="challenges", verbose_name=_("workplace")
    )
    title = models.CharField(_("challenge"), max_length=TITLE_MAX)
    description = models.TextField(_("description"), blank=True, max_length=NEED_MAX)
    opens_on = models.DateField(_("open from"))
    closes_on = models.DateField(_("open until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        ordering = ["-opens_on", "-pk"]
        indexes = [tenant_index("closes_on")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "ideas:challenge_detail", kwargs={"workplace_slug": self.workplace.slug, "challenge_id": self.pk}
        )

    def is_open(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.opens_on <= today <= self.closes_on


class Tag(OrganisationRow):
    """A technology tag, shared across the organisation so workplaces suggest each other's words."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("tag"), max_length=40)
    key = models.CharField(max_length=40, help_text="The name in lower case, for uniqueness.")

    class Meta:
        verbose_name = _("technology tag")
        verbose_name_plural = _("technology tags")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "key"], name="tag_unique_per_organisation")
        ]

    def __str__(self):
        return self.name


@with_questions("status", IdeaStatus)
class Idea(ChangeTracked, WorkplaceRow):
    workplace = models.ForeignKey(
        Workplace, on_delete=models.CASCADE, related_name="ideas", verbose_name=_("workplace")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="ideas", verbose_name=_("author")
    )
    challenge = models.ForeignKey(
        Challenge,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas",
        verbose_name=_("challenge"),
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    need = models.TextField(_("the need or problem"), max_length=NEED_MAX)
    description = models.TextField(_("the idea"), max_length=DESCRIPTION_MAX)
    tags = models.ManyToManyField(
        Tag, through="IdeaTag", blank=True, related_name="ideas", verbose_name=_("technology")
    )
    value_citizens = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(3)]
    )
    value_citizens_why = models.CharField(max_length=WHY_MAX, blank=True)
    value_quality = models.PositiveSmallIntegerField(null=True, blank=True, validators=[MaxValueValidator(3)])
    value_quality_why = models.CharField(max_length=WHY_MAX, blank=True)
    value_routines = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(3)]
    )
    value_routines_why = models.CharField(max_length=WHY_MAX, blank=True)
    concerns = models.TextField(_("concerns and risks"), blank=True, max_length=NEED_MAX)

    status = models.CharField(
        _("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.NEW, db_index=False
    )
    # The status to return to when the author answers a leader's question.
    status_before_question = models.CharField(max_length=20, choices=IdeaStatus.choices, blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ideas_responsible_for",
        verbose_name=_("responsible"),
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_ideas"
    )

    # Qualification (modning): the four guiding questions the author and leader answer together.
    qualification_benefit = models.TextField(_("Who benefits, and how?"), blank=True, max_length=NEED_MAX)
    qualification_requirements = models.TextField(
        _("What does it take (time, money, equipment, skills)?"), blank=True, max_length=NEED_MAX
    )
    qualification_risks = models.TextField(_("What could go wrong?"), blank=True, max_length=NEED_MAX)
    qualification_measures = models.TextField(
        _("How will we know it works?"), blank=True, max_length=NEED_MAX
    )
    ready_to_test = models.BooleanField(_("ready to test"), default=False)

    # Counters kept by the services, so the board sorts and shows them without counting rows.
    support_count = models.PositiveIntegerField(default=0)
    comment_count = models.PositiveIntegerField(default=0)

    created_at = models.DateTimeField(_("submitted"), default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    # Set while the idea waits for its leader (new, or the author has answered a question).
    awaiting_leader_since = models.DateTimeField(null=True, blank=True)
    first_response_at = models.DateTimeField(null=True, blank=True)
    # The form's one-time key: a second submit of the same form finds the idea the first one made.
    submission_key = models.UUIDField(null=True, blank=True)
    # Title, need, idea and tags in one column: what full-text search indexes.
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")
        ordering = ["-created_at", "-pk"]
        indexes = [
            tenant_index("status", "created_at"),
            # The board's default order, newest first: read backwards, the first page without a sort.
            tenant_index("created_at", "id"),
            tenant_index("last_activity_at"),
            tenant_index("support_count"),
            tenant_index("awaiting_leader_since"),
            # The API's incremental loads (issue 20): the whole organisation's, or a few workplaces'.
            models.Index(fields=["organisation", "updated_at", "id"], name="idea_changed"),
            tenant_index("updated_at", "id", name="idea_workplace_changed"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                name="idea_unique_submission",
                condition=models.Q(submission_key__isnull=False),
            ),
            models.CheckConstraint(
                condition=models.Q(value_citizens__lte=3, value_quality__lte=3, value_routines__lte=3),
                name="idea_values_on_scale",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "ideas:idea_detail", kwargs={"workplace_slug": self.workplace.slug, "idea_id": self.pk}
        )

    def set_tags(self, tags):
        """Gives the idea exactly ``tags``; each link carries the idea's organisation and workplace."""
        tenant = {"organisation_id": self.organisation_id, "workplace_id": self.workplace_id}
        self.tags.set(tags, through_defaults=tenant)

    set_tags.alters_data = True

    @property
    def values(self):
        """The three value axes as (axis, label, score, why), in the axes' order."""
        return [
            (axis, axis.label, getattr(self, f"value_{axis.value}"), getattr(self, f"value_{axis.value}_why"))
            for axis in ValueAxis
        ]

    @property
    def is_closed(self):
        """Adopted, not pursued, withdrawn or merged: the idea's course is over."""
        return self.status in CLOSED

    @property
    def waits_for_its_test(self):
        """Marked ready to test and not tried out yet: once an experiment runs, or the idea is adopted, parked
        or closed, its state says where it stands and "ready to test" beside it would say something else."""
        return self.ready_to_test and self.status in (
            IdeaStatus.NEW,
            IdeaStatus.NEEDS_INFO,
            IdeaStatus.QUALIFYING,
        )

    @property
    def has_qualification(self):
        return any(
            (
                self.qualification_benefit,
                self.qualification_requirements,
                self.qualification_risks,
                self.qualification_measures,
            )
        )

    @property
    def response_time(self):
        if self.first_response_at is None:
            return None
        return self.first_response_at - self.created_at


def idea_image_path(instance, filename):
    # Never the uploader's file name: it can carry personal data, and the extension is set by content.
    return f"ideas/{instance.organisation_id}/{instance.workplace_id}/{instance.idea_id}/{filename}"


class IdeaTag(WorkplaceRow):
    """An idea's technology tag. It carries the idea's workplace so that the board's filter finds the tags
    used in one workplace with one index probe per tag, not by visiting the workplace's ideas."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE)

    class Meta:
        db_table = "ideas_idea_tags"  # the table the many-to-many field made before it had this model
        unique_together = [("idea", "tag")]
        indexes = [tenant_index("tag")]

    def __str__(self):
        return f"{self.idea} · {self.tag}"


class IdeaImage(WorkplaceRow):
    """A picture on an idea. Served only to members of the workplace, never as a public media file."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="images")
    image = models.ImageField(upload_to=idea_image_path, width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    content_type = models.CharField(max_length=40)
    description = models.CharField(_("image description"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        indexes = [tenant_index("idea")]

    def __str__(self):
        return self.description or self.image.name

    def get_absolute_url(self):
        return reverse(
            "ideas:idea_image",
            kwargs={"workplace_slug": self.workplace.slug, "idea_id": self.idea_id, "image_id": self.pk},
        )


class Support(WorkplaceRow):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="support_one_per_person")]
        # With created_at, who supported ideas in a quarter (the practice indicators' "people involved",
        # the busiest workplace's 25,000 supports a quarter) is read from the index alone.
        indexes = [tenant_index("user", "created_at")]

    def __str__(self):
        return f"{self.user} → {self.idea}"


class Follow(WorkplaceRow):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["idea", "user"], name="follow_one_per_person")]
        indexes = [tenant_index("user")]

    def __str__(self):
        return f"{self.user} → {self.idea}"


class Comment(WorkplaceRow):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(_("comment"), max_length=COMMENT_MAX)
    # The body as sanitised HTML, made when it is written: turning 200 comments from Markdown into HTML on
    # every view of a long discussion cost more than the rest of the idea page.
    body_html = models.TextField(blank=True, editable=False)
    # Whether the author was the workplace's leader when writing: the mark stays if the role changes.
    by_leader = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    # The comment box's one-time key: a device's queue sending again finds the comment the first send made.
    submission_key = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [tenant_index("idea", "created_at")]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                name="comment_unique_submission",
                condition=models.Q(submission_key__isnull=False),
            ),
        ]

    def __str__(self):
        return self.body[:60]

    def save(self, *args, update_fields=None, **kwargs):
        if update_fields is None or "body" in update_fields:
            self.body_html = render_markdown(self.body)
            if update_fields is not None:
                update_fields = {*update_fields, "body_html"}
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def html(self):
        """The body as sanitised HTML: as stored, or made now for a row written without ``save``."""
        return mark_safe(self.body_html) if self.body_html else render_markdown(self.body)  # noqa: S308 — sanitised when stored

    def editable_until(self):
        return self.created_at + datetime.timedelta(minutes=COMMENT_EDIT_MINUTES)


class EventKind(models.TextChoices):
    SUBMITTED = "submitted", _("submitted the idea")
    EDITED = "edited", _("edited the idea")
    ACKNOWLEDGED = "acknowledged", _("acknowledged the idea")
    MOVED = "moved", _("changed the status")
    ASKED = "asked", _("sent the idea back with a question")
    ANSWERED = "answered", _("answered the question")
    ASSIGNED = "assigned", _("assigned a responsible person")
    QUALIFIED = "qualified", _("updated the qualification")
    READY = "ready", _("marked the idea ready to test")
    WITHDRAWN = "withdrawn", _("withdrew the idea")
    MERGED_AWAY = "merged_away", _("merged the idea into another")
    MERGED_IN = "merged_in", _("merged another idea into this one")


@with_questions("kind", EventKind)
class IdeaEvent(WorkplaceRow):
    """One line of an idea's history: who did what, when and why."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=EventKind.choices)
    from_status = models.CharField(max_length=20, choices=IdeaStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=IdeaStatus.choices, blank=True)
    message = models.TextField(blank=True, max_length=MESSAGE_MAX)
    other_idea = models.ForeignKey(Idea, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    other_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [tenant_index("idea", "created_at")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d})"
