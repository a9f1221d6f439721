"""Reads for the workshop library."""

from collections import defaultdict

from django.db.models import Prefetch

from .models import WorkshopFormat, WorkshopSession, WorkshopStep


def format_list(*, practice=None):
    formats = WorkshopFormat.objects.order_by("number")
    if practice:
        formats = formats.filter(practice=practice)
    return formats


def access_format(*, slug):
    """A format with its steps, or None."""
    return (
        WorkshopFormat.objects.prefetch_related(
            Prefetch("steps", queryset=WorkshopStep.objects.order_by("position"))
        )
        .filter(slug=slug)
        .first()
    )


def formats_by_practice():
    """{practice code: [formats]}, in one query: the reflection report suggests them for weak practices."""
    grouped = defaultdict(list)
    for workshop in WorkshopFormat.objects.order_by("number"):
        grouped[workshop.practice].append(workshop)
    return grouped


# --- Sessions ---------------------------------------------------------------------------------------


def workplace_sessions(*, workplace):
    return (
        WorkshopSession.objects.filter(organisation_id=workplace.organisation_id, workplace=workplace)
        .select_related("format", "facilitator", "workplace")
        .order_by("-starts_at", "-pk")
    )


def access_session(*, workplace, session_id):
    """The workplace's session, or None (missing and another workplace's alike)."""
    return (
        WorkshopSession.objects.select_related(
            "format",
            "facilitator",
            "workplace",
            "challenge",
            "idea",
            "experiment__idea",
            "adoption_plan__idea",
        )
        .filter(organisation_id=workplace.organisation_id, workplace=workplace, pk=session_id)
        .first()
    )


def session_invitees(*, session):
    return [
        invitation.user
        for invitation in session.invitations.select_related("user").order_by("user__full_name")
    ]


ABOUT_LIMIT = 100


def about_choices(*, workplace):
    """What a session can be about, newest first per kind, as {kind: [(value, label)]}; four queries."""
    from frontloeber.experiments.models import AdoptionPlan, Experiment
    from frontloeber.ideas.models import Challenge, Idea

    base = {"organisation_id": workplace.organisation_id, "workplace": workplace}
    return {
        "challenge": [
            (f"challenge:{c.pk}", c.title)
            for c in Challenge.objects.filter(**base).order_by("-pk")[:ABOUT_LIMIT]
        ],
        "idea": [
            (f"idea:{i.pk}", i.title) for i in Idea.objects.filter(**base).order_by("-pk")[:ABOUT_LIMIT]
        ],
        "experiment": [
            (f"experiment:{e.pk}", e.idea.title)
            for e in Experiment.objects.filter(**base).select_related("idea").order_by("-pk")[:ABOUT_LIMIT]
        ],
        "adoption_plan": [
            (f"adoption_plan:{p.pk}", p.idea.title)
            for p in AdoptionPlan.objects.filter(**base).select_related("idea").order_by("-pk")[:ABOUT_LIMIT]
        ],
    }


def resolve_about(*, workplace, value):
    """``"idea:12"`` → the workplace's idea 12, or None for an empty value; ValueError when not found."""
    from frontloeber.experiments.models import AdoptionPlan, Experiment
    from frontloeber.ideas.models import Challenge, Idea

    if not value:
        return None
    kind, _sep, pk = value.partition(":")
    model = {
        "challenge": Challenge,
        "idea": Idea,
        "experiment": Experiment,
        "adoption_plan": AdoptionPlan,
    }.get(kind)
    if model is None or not pk.isdigit():
        raise ValueError(value)
    found = model.objects.filter(
        organisation_id=workplace.organisation_id, workplace=workplace, pk=pk
    ).first()
    if found is None:
        raise ValueError(value)
    return found
