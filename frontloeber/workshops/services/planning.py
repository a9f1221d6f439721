import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.models import Membership
from frontloeber.organisations.permissions import require_leader

from ..models import (
    ABOUT,
    SessionInvitation,
    SessionState,
    WorkshopSession,
)
from ..notification_kinds import Kind

PLAN_AHEAD_DAYS = 366
ABOUT_FIELDS = ABOUT


def _check(*, workplace, starts_at, facilitator, about, invited, place, now):
    errors = {}
    if not isinstance(starts_at, datetime.datetime):
        errors["starts_at"] = _("Give the day and time the workshop starts.")
    elif starts_at < now - datetime.timedelta(hours=1):
        errors["starts_at"] = _("A workshop cannot be planned in the past.")
    elif starts_at > now + datetime.timedelta(days=PLAN_AHEAD_DAYS):
        errors["starts_at"] = _("Plan the workshop within a year from today.")
    members = set(Membership.objects.filter(workplace=workplace).values_list("user_id", flat=True))
    if facilitator is None or facilitator.pk not in members:
        errors["facilitator"] = _("The facilitator must be a member of the workplace.")
    if any(user.pk not in members for user in invited):
        errors["invited"] = _("Only members of the workplace can be invited.")
    if about is not None and getattr(about, "workplace_id", None) != workplace.pk:
        errors["about"] = _("Choose something from this workplace.")
    place = clean_text(place, field="place", required=False, max_length=200, errors=errors)
    if errors:
        raise ValidationError(errors)
    return place


def _about_fields(about):
    fields = dict.fromkeys(ABOUT_FIELDS)
    if about is not None:
        name = {
            "Challenge": "challenge",
            "Idea": "idea",
            "Experiment": "experiment",
            "AdoptionPlan": "adoption_plan",
        }
        fields[name[type(about).__name__]] = about
    return fields


def _locked_planned(session, *, refusal):
    """The session's row, locked against a second leader's change; refused unless it is still planned."""
    locked = (
        WorkshopSession.objects.select_for_update(of=("self",))  # not the shared format, nor the workplace
        .select_related("format", "workplace")
        .get(pk=session.pk)
    )
    if locked.state != SessionState.PLANNED:
        raise ValidationError(refusal)
    return locked


def _invite(session, users, *, actor):
    already = set(session.invitations.values_list("user_id", flat=True))
    new = []
    for user in users:
        if user.pk not in already:
            already.add(user.pk)
            new.append(user)
    SessionInvitation.objects.bulk_create(
        SessionInvitation(
            organisation_id=session.organisation_id,
            workplace_id=session.workplace_id,
            session=session,
            user=user,
        )
        for user in new
    )
    notification_create(
        recipients=new,
        kind=Kind.WORKSHOP_INVITATION,
        workplace=session.workplace,
        actor=actor,
        detail=session.format.name,
        target_url=session.get_absolute_url(),
    )
    return new


@transaction.atomic
def session_plan(
    *, actor, workplace, format, starts_at, facilitator, about=None, place="", invited=(), now=None
) -> WorkshopSession:
    """A leader plans a session of ``format`` for the workplace and invites members to it."""
    require_leader(user=actor, workplace=workplace)
    now = now or timezone.now()
    invited = list(invited)
    place = _check(
        workplace=workplace,
        starts_at=starts_at,
        facilitator=facilitator,
        about=about,
        invited=invited,
        place=place,
        now=now,
    )
    session = WorkshopSession.objects.create(
        organisation_id=workplace.organisation_id,
        workplace=workplace,
        format=format,
        starts_at=starts_at,
        place=place,
        facilitator=facilitator,
        created_by=actor,
        **_about_fields(about),
    )
    _invite(session, [*invited, facilitator], actor=actor)
    return session


@transaction.atomic
def session_update(
    *, actor, session, starts_at, facilitator, about=None, place="", invited=(), now=None
) -> WorkshopSession:
    """Change a planned session; people newly invited hear of it, those taken off the list are removed."""
    require_leader(user=actor, workplace=session.workplace)
    session = _locked_planned(session, refusal=_("Only a planned workshop can be changed."))
    now = now or timezone.now()
    invited = list(invited)
    place = _check(
        workplace=session.workplace,
        starts_at=starts_at,
        facilitator=facilitator,
        about=about,
        invited=invited,
        place=place,
        now=now,
    )
    session.starts_at, session.place, session.facilitator = starts_at, place, facilitator
    for field, value in _about_fields(about).items():
        setattr(session, field, value)
    session.save()
    keep = {user.pk for user in invited} | {facilitator.pk}
    session.invitations.exclude(user_id__in=keep).delete()
    _invite(session, [*invited, facilitator], actor=actor)
    return session


@transaction.atomic
def session_cancel(*, actor, session) -> WorkshopSession:
    require_leader(user=actor, workplace=session.workplace)
    session = _locked_planned(session, refusal=_("Only a planned workshop can be cancelled."))
    session.state = SessionState.CANCELLED
    session.save(update_fields=["state"])
    notification_create(
        recipients=[invitation.user for invitation in session.invitations.select_related("user")],
        kind=Kind.WORKSHOP_CANCELLED,
        workplace=session.workplace,
        actor=actor,
        detail=session.format.name,
        target_url=session.get_absolute_url(),
    )
    return session
