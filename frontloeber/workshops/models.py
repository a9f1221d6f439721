"""The dialogue workshop library: ten formats, two per practice, each with its steps (issue 6, point 1).

The formats are product content, the same for every organisation, loaded by a data migration from
``library_v1.py``. A session is a format planned for a workplace and run live: participants (members and
guests) post on the board, in groups, and vote with dots; the facilitator clusters posts into themes and
turns them into records elsewhere in the product (``SessionOutput``), or into the barriers and action
items kept here.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.actions.models import (  # noqa: F401 — the register's records a session's outputs point at
    ActionItem,
    ActionStatus,
    Barrier,
    BarrierKind,
    BarrierStatus,
)
from frontloeber.core.bilingual import Bilingual
from frontloeber.core.choices import with_questions
from frontloeber.core.constraints import at_most_one_of, one_named_by
from frontloeber.organisations.rows import ChangeTracked, WorkplaceRow, tenant_index


class PracticeCode(models.TextChoices):
    P1 = "P1", _("The core task")
    P2 = "P2", _("Encouraging ideas")
    P3 = "P3", _("Culture and frames")
    P4 = "P4", _("Mindset and digital skills")
    P5 = "P5", _("Leading the change")


class StepKind(models.TextChoices):
    PLENARY = "plenary", _("All together")
    INDIVIDUAL = "individual", _("On your own")
    GROUPS = "groups", _("In groups")
    VOTE = "vote", _("Vote")


class Becomes(models.TextChoices):
    CHALLENGES = "challenges", _("Challenges")
    IDEA_ASSESSMENT = "idea_assessment", _("An assessment of the idea")
    ACTION_ITEMS = "action_items", _("Action items")
    IDEAS = "ideas", _("Ideas")
    QUALIFICATION = "qualification", _("The idea's qualification")
    EXPERIMENT_DRAFT = "experiment_draft", _("A draft experiment")
    EXPERIMENT = "experiment", _("An experiment")
    BARRIERS = "barriers", _("Barriers")
    LEARNING_ACTIVITIES = "learning_activities", _("Learning activities")
    ADOPTION_PLAN = "adoption_plan", _("An adoption plan")
    FOLLOW_UP_RECORD = "follow_up_record", _("A follow-up record")
    CASE_DRAFT = "case_draft", _("A draft case")


class WorkshopFormat(Bilingual, models.Model):
    version = models.PositiveSmallIntegerField(default=1)
    number = models.PositiveSmallIntegerField()
    slug = models.SlugField(max_length=60, unique=True)
    practice = models.CharField(max_length=2, choices=PracticeCode.choices)
    name_da = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    minutes = models.PositiveSmallIntegerField()
    min_people = models.PositiveSmallIntegerField()
    max_people = models.PositiveSmallIntegerField()
    purpose_da = models.TextField()
    purpose_en = models.TextField()
    output_da = models.TextField()
    output_en = models.TextField()
    follow_up_da = models.TextField(blank=True)
    follow_up_en = models.TextField(blank=True)

    class Meta:
        verbose_name = _("workshop format")
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["version", "number"], name="workshop_format_number")]

    def __str__(self):
        return self.name_da

    def get_absolute_url(self, workplace_slug):
        return reverse(
            "workshops:format_detail", kwargs={"workplace_slug": workplace_slug, "format_slug": self.slug}
        )

    @property
    def name(self):
        return self.local("name")

    @property
    def purpose(self):
        return self.local("purpose")

    @property
    def output(self):
        return self.local("output")

    @property
    def follow_up(self):
        return self.local("follow_up")


@with_questions("kind", StepKind)
@with_questions("becomes", Becomes, prefix="becomes_")
class WorkshopStep(Bilingual, models.Model):
    format = models.ForeignKey(WorkshopFormat, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=StepKind.choices)
    minutes = models.PositiveSmallIntegerField()
    groups = models.PositiveSmallIntegerField(null=True, blank=True)
    dots = models.PositiveSmallIntegerField(null=True, blank=True)
    title_da = models.CharField(max_length=120)
    title_en = models.CharField(max_length=120)
    description_da = models.TextField()
    description_en = models.TextField()
    cue_da = models.TextField(blank=True)
    cue_en = models.TextField(blank=True)
    prompt_da = models.TextField(blank=True)
    prompt_en = models.TextField(blank=True)
    posts = models.BooleanField(default=False)
    becomes = models.CharField(max_length=20, choices=Becomes.choices, blank=True)

    class Meta:
        ordering = ["format", "position"]
        constraints = [models.UniqueConstraint(fields=["format", "position"], name="workshop_step_position")]

    def __str__(self):
        return f"{self.format_id}.{self.position}"

    @property
    def title(self):
        return self.local("title")

    @property
    def description(self):
        return self.local("description")

    @property
    def cue(self):
        return self.local("cue")

    @property
    def prompt(self):
        return self.local("prompt")


# --- Sessions: a workshop planned for a workplace (issue 6, point 2) -----------------------------------


# A join code: letters and digits that cannot be mistaken for one another when read off a projector.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


class SessionState(models.TextChoices):
    PLANNED = "planned", _("Planned")
    LIVE = "live", _("Under way")
    ENDED = "ended", _("Ended")
    CANCELLED = "cancelled", _("Cancelled")


# What a session can be about: one of these, or nothing.
ABOUT = ("challenge", "idea", "experiment", "adoption_plan")


@with_questions("state", SessionState)
class WorkshopSession(ChangeTracked, WorkplaceRow):
    workplace = models.ForeignKey(
        "organisations.Workplace", on_delete=models.CASCADE, related_name="workshop_sessions"
    )
    format = models.ForeignKey(
        WorkshopFormat, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("workshop")
    )
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place or link"), max_length=200, blank=True)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("facilitator")
    )
    # What the session is about: at most one of these, all of the same workplace.
    challenge = models.ForeignKey(
        "ideas.Challenge", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    idea = models.ForeignKey("ideas.Idea", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    experiment = models.ForeignKey(
        "experiments.Experiment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    adoption_plan = models.ForeignKey(
        "experiments.AdoptionPlan", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    state = models.CharField(max_length=12, choices=SessionState.choices, default=SessionState.PLANNED)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    # Running live: the join code, the current step and its timer, the groups and an open dot vote.
    join_code = models.CharField(max_length=8, unique=True, null=True, blank=True)
    step_position = models.PositiveSmallIntegerField(null=True, blank=True)
    # The step's countdown ends at ``step_ends_at``; while paused, the seconds left are kept instead.
    step_ends_at = models.DateTimeField(null=True, blank=True)
    paused_seconds_left = models.PositiveIntegerField(null=True, blank=True)
    group_count = models.PositiveSmallIntegerField(default=0)
    vote_dots = models.PositiveSmallIntegerField(null=True, blank=True)
    # Bumped by every change to the board, so a screen that polls learns in one query that nothing changed.
    revision = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("workshop session")
        ordering = ["-starts_at", "-pk"]
        indexes = [
            tenant_index("starts_at"),
            models.Index(fields=["organisation", "updated_at", "id"], name="workshopsession_changed"),
        ]
        constraints = [
            models.CheckConstraint(condition=at_most_one_of(*ABOUT), name="workshopsession_about_at_most_one")
        ]

    def __str__(self):
        return f"{self.format} {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self):
        return reverse(
            "workshops:session_detail", kwargs={"workplace_slug": self.workplace.slug, "session_id": self.pk}
        )

    @property
    def about(self):
        return self.challenge or self.idea or self.experiment or self.adoption_plan


class SessionInvitation(WorkplaceRow):
    session = models.ForeignKey(WorkshopSession, on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    invited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [tenant_index("session")]
        constraints = [models.UniqueConstraint(fields=["session", "user"], name="session_invitation_unique")]

    def __str__(self):
        return f"{self.session_id}: {self.user_id}"


# --- Running a session live (issue 6, points 3 and 4) ------------------------------------------------


# Names written into a room in place of a person's: an erased member's, and a guest's once the organisation's
# period for guests is over (issue 19, point 4). Their notes stay, as the room's.
FORMER_PARTICIPANT_NAME = "Tidligere medarbejder"
FORMER_GUEST_NAME = "Gæst"


class Participant(WorkplaceRow):
    """Someone in the room: a member with their login, or a guest who joined by code with a name.

    A guest has no user; their browser session holds the participant's id, and that is all it can reach.
    """

    session = models.ForeignKey(WorkshopSession, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    display_name = models.CharField(_("name"), max_length=60)
    group = models.PositiveSmallIntegerField(null=True, blank=True)
    joined_at = models.DateTimeField(default=timezone.now)
    # A guest the facilitator removed: out of the room and its lists, unable to post or vote. The row stays
    # for the posts of theirs that became part of Frontløber (the rest went with the removal).
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["display_name", "pk"]
        indexes = [tenant_index("session")]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"], condition=models.Q(user__isnull=False), name="participant_once"
            )
        ]

    def __str__(self):
        return self.display_name

    @property
    def is_guest(self):
        return self.user_id is None


class Theme(WorkplaceRow):
    session = models.ForeignKey(WorkshopSession, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("theme"), max_length=80)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        indexes = [tenant_index("session")]

    def __str__(self):
        return self.name


class Post(WorkplaceRow):
    """A sticky note: written during a step, on the whole room's board or on one group's."""

    session = models.ForeignKey(WorkshopSession, on_delete=models.CASCADE, related_name="posts")
    step_position = models.PositiveSmallIntegerField()
    author = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="posts")
    group = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(_("post"), max_length=500)
    theme = models.ForeignKey(Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="posts")
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_posts"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        indexes = [tenant_index("session", "step_position")]

    def __str__(self):
        return self.text[:40]


class Vote(WorkplaceRow):
    """One dot on a post; a participant may put several of their dots on the same post."""

    session = models.ForeignKey(WorkshopSession, on_delete=models.CASCADE, related_name="votes")
    step_position = models.PositiveSmallIntegerField()
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="votes")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [tenant_index("session", "step_position")]

    def __str__(self):
        return f"{self.participant_id} → {self.post_id}"


# --- What a session produces (issue 6, point 5) ------------------------------------------------------


class OutputKind(models.TextChoices):
    CHALLENGE = "challenge", _("Challenge")
    IDEA = "idea", _("Idea")
    BARRIER = "barrier", _("Barrier")
    ACTION_ITEM = "action_item", _("Action item")
    EXPERIMENT = "experiment", _("Draft experiment")
    ADOPTION_PLAN = "adoption_plan", _("Adoption plan")
    LEARNING_ACTIVITY = "learning_activity", _("Learning activity")


# Made for an idea: the one the post became, or the one the workshop is about.
IDEA_OUTPUTS = (OutputKind.EXPERIMENT, OutputKind.ADOPTION_PLAN)
# What a step's posts become (the format's ``becomes``), as the output the facilitator is offered first.
SUGGESTED_OUTPUT = {
    Becomes.CHALLENGES: OutputKind.CHALLENGE,
    Becomes.IDEAS: OutputKind.IDEA,
    Becomes.BARRIERS: OutputKind.BARRIER,
    Becomes.ACTION_ITEMS: OutputKind.ACTION_ITEM,
    Becomes.EXPERIMENT_DRAFT: OutputKind.EXPERIMENT,
    Becomes.EXPERIMENT: OutputKind.EXPERIMENT,
    Becomes.ADOPTION_PLAN: OutputKind.ADOPTION_PLAN,
    Becomes.LEARNING_ACTIVITIES: OutputKind.LEARNING_ACTIVITY,
}


@with_questions("kind", OutputKind)
class SessionOutput(ChangeTracked, WorkplaceRow):
    """The link from a session (and the post it came from) to a record it produced in the product."""

    session = models.ForeignKey(WorkshopSession, on_delete=models.CASCADE, related_name="outputs")
    post = models.ForeignKey(Post, on_delete=models.SET_NULL, null=True, blank=True, related_name="outputs")
    kind = models.CharField(max_length=20, choices=OutputKind.choices)
    challenge = models.ForeignKey("ideas.Challenge", on_delete=models.CASCADE, null=True, related_name="+")
    idea = models.ForeignKey("ideas.Idea", on_delete=models.CASCADE, null=True, related_name="+")
    barrier = models.ForeignKey(Barrier, on_delete=models.CASCADE, null=True, related_name="outputs")
    action_item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, null=True, related_name="outputs")
    experiment = models.ForeignKey(
        "experiments.Experiment", on_delete=models.CASCADE, null=True, related_name="+"
    )
    adoption_plan = models.ForeignKey(
        "experiments.AdoptionPlan", on_delete=models.CASCADE, null=True, related_name="+"
    )
    learning_activity = models.ForeignKey(
        "competences.LearningActivity", on_delete=models.CASCADE, null=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        indexes = [
            tenant_index("session"),
            models.Index(fields=["organisation", "updated_at", "id"], name="sessionoutput_changed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=one_named_by("kind", OutputKind.values), name="sessionoutput_one_record_of_its_kind"
            )
        ]

    def __str__(self):
        return f"{self.session_id}: {self.kind}"

    @property
    def record(self):
        return getattr(self, self.kind)
