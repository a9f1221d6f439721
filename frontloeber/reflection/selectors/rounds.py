from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.access import one_or_404

from .. import eligibility, tokens
from ..models import (
    AssessmentAnswer,
    NotAskedReason,
    Response,
    Round,
    RoundExclusion,
    RoundInvitation,
)

# --- Rounds -------------------------------------------------------------------------------------------


def effective_threshold(round_):
    """The stricter of the round's promise and the organisation's setting today."""
    return max(round_.threshold, round_.organisation.reflection_threshold)


def round_unfinished(*, workplace, today=None):
    """The workplace's round that has not closed yet (scheduled or open), if any."""
    today = today or timezone.localdate()
    return (
        Round.objects.filter(workplace=workplace, closed_early_on__isnull=True, closes_on__gte=today)
        .select_related("workplace", "leader")
        .order_by("opens_on")
        .first()
    )


def workplace_rounds(*, workplace):
    """The workplace's rounds, newest first, each with how many have answered."""
    return (
        Round.objects.of(workplace)
        .select_related("leader", "workplace")
        .annotate(answered_count=Count("invitations", filter=Q(invitations__answered=True)))
        .order_by("-opens_on", "-pk")
    )


def _round_for_report():
    return Round.objects.select_related("workplace__organisation", "organisation", "version", "leader")


def access_round(*, workplace, round_id):
    """The workplace's round (404 for a missing one and another workplace's alike)."""
    return one_or_404(
        _round_for_report().of(workplace).filter(pk=round_id), _("No such survey round in this workplace.")
    )


def access_organisation_round(*, organisation, round_id):
    """A round of any of the organisation's workplaces, for its admins."""
    return one_or_404(
        _round_for_report().filter(organisation=organisation, pk=round_id),
        _("No such survey round in this organisation."),
    )


def answered_count(*, round_):
    return RoundInvitation.objects.filter(round=round_, answered=True).count()


def survey_waiting_for(*, workplace, user, today=None):
    """The open round of the workplace that asks this person and that they have not answered, if any."""
    today = today or timezone.localdate()
    return (
        Round.objects.of(workplace)
        .filter(
            opens_on__lte=today,
            closes_on__gte=today,
            closed_early_on__isnull=True,
            invitations__user=user,
            invitations__answered=False,
        )
        .order_by("closes_on")
        .first()
    )


def workplace_home_survey(*, workplace, user):
    """The workplace home's reminder of a survey that waits for this person's answer."""
    return {"survey_waiting": survey_waiting_for(workplace=workplace, user=user)}


def my_invitation(*, round_, user):
    return RoundInvitation.objects.filter(round=round_, user=user).first()


def my_exclusion(*, round_, user):
    """Why the person was not asked in the round, if they were an employee left out when it was created."""
    return RoundExclusion.objects.filter(round=round_, user=user).first()


def round_exclusions(*, round_):
    """The employees the round did not ask, and why, by name."""
    return list(
        RoundExclusion.objects.filter(
            organisation_id=round_.organisation_id, workplace_id=round_.workplace_id, round=round_
        )
        .select_related("user")
        .order_by("reason", "user__full_name", "user__email")
    )


def round_preview(*, workplace, leader, now=None):
    """Whom a round the leader created now would ask, and who it would leave out and why (for the form)."""
    now = now or timezone.now()
    found = eligibility.survey_eligibility(
        workplace=workplace, leader=leader, at=now, days=workplace.organisation.survey_eligibility_days
    )
    users = get_user_model().objects.in_bulk(list(found.not_asked))
    left_out = sorted(
        (
            {
                "user": users[pk],
                "reason": reason,
                "recent": reason == NotAskedReason.RECENT,
                "asked_from": found.asked_from.get(pk),
            }
            for pk, reason in found.not_asked.items()
        ),
        key=lambda entry: (entry["reason"], entry["user"].full_name, entry["user"].email),
    )
    days = workplace.organisation.survey_eligibility_days
    recent = [entry["asked_from"] for entry in left_out if entry["asked_from"]]
    return {
        "asked": len(found.asked),
        "not_asked": left_out,
        "days": days,
        "reasons": {entry["reason"] for entry in left_out},
        # The first day a round would ask everyone now left out as recent, if nothing changes.
        "all_asked_from": max(recent) if recent else None,
    }


def invitation_for_link(*, workplace, user, secret):
    """The person's own invitation that this link's secret opens, or None."""
    if not tokens.looks_like_secret(secret or ""):
        return None
    return (
        RoundInvitation.objects.select_related(
            "round__version", "round__workplace__organisation", "round__leader"
        )
        .filter(workplace=workplace, user=user, token_hash=tokens.invitation_hash(secret))
        .first()
    )


def response_for_link(*, round_, secret):
    """The answers given with this link's secret, as ({item_id: value}, {practice_id: text}), or None."""
    response = Response.objects.filter(round=round_, locator=tokens.response_locator(secret)).first()
    if response is None:
        return None
    answers = dict(response.answers.values_list("item_id", "value"))
    comments = dict(response.comments.values_list("practice_id", "text"))
    return answers, comments


def assessment_values(*, round_, kind):
    """The leader's or superior's answers as {item_id: value}, or None when not given."""
    rows = list(
        AssessmentAnswer.objects.filter(assessment__round=round_, assessment__kind=kind).values_list(
            "item_id", "value"
        )
    )
    return dict(rows) if rows else None
