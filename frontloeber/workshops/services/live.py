import datetime
import math
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.organisations.models import Membership, Organisation, Role

from ..models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    FORMER_GUEST_NAME,
    Participant,
    SessionState,
    StepKind,
    WorkshopSession,
    WorkshopStep,
)
from ..permissions import require_facilitate
from ..selectors import normalise_code, session_find_by_code

# --- Running a session live ------------------------------------------------------------------------

MAX_GROUPS = 12
MAX_DOTS = 10
MAX_EXTEND_MINUTES = 30
MAX_PARTICIPANTS = 200
MAX_POSTS_PER_PARTICIPANT = 100
POST_MAX = 500
NAME_MAX = 60
THEME_MAX = 80


def _bump(session):
    """Tell every polling screen that the board changed (and the API's lists: its counts changed)."""
    WorkshopSession.objects.filter(pk=session.pk).update(
        revision=F("revision") + 1, updated_at=timezone.now()
    )


def _locked(session):
    return (
        WorkshopSession.objects.select_for_update(of=("self",))  # not the shared format, nor the workplace
        .select_related("format", "workplace")
        .get(pk=session.pk)
    )


def _steps(session):
    return list(WorkshopStep.objects.filter(format_id=session.format_id).order_by("position"))


def _step(session, position):
    if position is None:
        return None
    return WorkshopStep.objects.filter(format_id=session.format_id, position=position).first()


def _require_live(session):
    if session.state != SessionState.LIVE:
        raise ValidationError(
            _("This workshop has ended.")
            if session.state == SessionState.ENDED
            else _("This workshop is not under way.")
        )


def _default_groups(participants):
    """About four to a group, from two to six groups."""
    return max(2, min(6, math.ceil(participants / 4)))


def _in_the_room(session):
    """The session's participants, less the guests the facilitator removed."""
    return session.participants.filter(removed_at__isnull=True)


def _require_in_the_room(participant):
    if participant.removed_at is not None:
        raise PermissionDenied(_("The facilitator has removed you from this workshop."))


def _enter_step(session, step, now):
    session.step_position = step.position
    session.step_ends_at = now + datetime.timedelta(minutes=step.minutes)
    session.paused_seconds_left = None
    session.vote_dots = step.dots if step.kind == StepKind.VOTE else None
    if step.kind == StepKind.GROUPS and not session.group_count:
        count = _in_the_room(session).count()
        _split(session, step.groups or _default_groups(count))


def _split(session, count):
    people = list(_in_the_room(session))
    secrets.SystemRandom().shuffle(people)
    for index, person in enumerate(people):
        person.group = index % count + 1 if count else None
    Participant.objects.bulk_update(people, ["group"])
    session.group_count = count


def _new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _join(session, *, user=None, display_name):
    """Add someone to the room; after a split they go to the smallest group."""
    group = None
    if session.group_count:
        sizes = dict(
            _in_the_room(session)
            .filter(group__isnull=False)
            .values_list("group")
            .annotate(n=Count("pk"))
            .values_list("group", "n")
        )
        group = min(range(1, session.group_count + 1), key=lambda g: (sizes.get(g, 0), g))
    return Participant.objects.create(
        organisation_id=session.organisation_id,
        workplace_id=session.workplace_id,
        session=session,
        user=user,
        display_name=display_name[:NAME_MAX],
        group=group,
    )


@transaction.atomic
def session_start(*, actor, session, now=None) -> WorkshopSession:
    """Open the room: a join code, the first step and its countdown; the facilitator is the first in."""
    require_facilitate(user=actor, session=session)
    session = _locked(session)
    if session.state == SessionState.LIVE:
        return session
    if session.state != SessionState.PLANNED:
        raise ValidationError(_("Only a planned workshop can be started."))
    now = now or timezone.now()
    steps = _steps(session)
    for _attempt in range(10):
        try:
            with transaction.atomic():
                WorkshopSession.objects.filter(pk=session.pk).update(
                    join_code=_new_code(), updated_at=timezone.now()
                )
        except IntegrityError:
            continue
        break
    session.refresh_from_db(fields=["join_code"])
    session.state = SessionState.LIVE
    session.started_at = now
    if not session.participants.filter(user=session.facilitator).exists():
        _join(session, user=session.facilitator, display_name=session.facilitator.full_name)
    _enter_step(session, steps[0], now)
    session.revision += 1
    session.save()
    return session


STEP_ACTIONS = ("next", "previous", "pause", "resume", "extend")


@transaction.atomic
def session_step(*, actor, session, action, minutes=None, now=None) -> WorkshopSession:
    """Move between the steps, pause and resume the countdown, or give the step more minutes."""
    require_facilitate(user=actor, session=session)
    session = _locked(session)
    _require_live(session)
    now = now or timezone.now()
    if action in ("next", "previous"):
        steps = _steps(session)
        positions = [step.position for step in steps]
        index = positions.index(session.step_position) + (1 if action == "next" else -1)
        if not 0 <= index < len(steps):
            raise ValidationError(
                _("This is the last step: end the workshop when you are done.")
                if action == "next"
                else _("This is the first step.")
            )
        _enter_step(session, steps[index], now)
    elif action == "pause":
        if session.paused_seconds_left is None:
            left = (session.step_ends_at - now).total_seconds() if session.step_ends_at else 0
            session.paused_seconds_left = max(0, int(left))
            session.step_ends_at = None
    elif action == "resume":
        if session.paused_seconds_left is not None:
            session.step_ends_at = now + datetime.timedelta(seconds=session.paused_seconds_left)
            session.paused_seconds_left = None
    elif action == "extend":
        if not isinstance(minutes, int) or not 1 <= minutes <= MAX_EXTEND_MINUTES:
            raise ValidationError(_("Give from 1 to %(most)d extra minutes.") % {"most": MAX_EXTEND_MINUTES})
        if session.paused_seconds_left is not None:
            session.paused_seconds_left += minutes * 60
        else:
            # A countdown that already ran out starts again from now.
            session.step_ends_at = max(session.step_ends_at or now, now) + datetime.timedelta(minutes=minutes)
    else:
        raise ValidationError(_("Unknown step action."))
    session.revision += 1
    session.save()
    return session


@transaction.atomic
def session_end(*, actor, session, now=None) -> WorkshopSession:
    """Close the room. The code then answers "ended", and nobody can post or vote any more."""
    require_facilitate(user=actor, session=session)
    session = _locked(session)
    _require_live(session)
    session.state = SessionState.ENDED
    session.ended_at = now or timezone.now()
    session.vote_dots = None
    session.paused_seconds_left = None
    session.step_ends_at = None
    session.revision += 1
    session.save()
    return session


def join_code_resolve(*, code):
    """The session a code opens, or a ValidationError saying why not. Guessing is limited by the view."""
    if len(normalise_code(code)) != CODE_LENGTH:
        raise ValidationError(_("A code has %(length)d letters and digits.") % {"length": CODE_LENGTH})
    session = session_find_by_code(code=code)
    if session is None:
        raise ValidationError(_("No workshop has this code. Check it on the shared screen."))
    if session.state == SessionState.ENDED:
        raise ValidationError(_("This workshop has ended. Thank you for taking part."))
    _require_live(session)
    return session


@transaction.atomic
def participant_join(*, session, user=None, display_name="") -> Participant:
    """A member joins with their login; anyone else joins as a guest under a name they give.

    A member who joins again gets the same participant back. Observers follow along on the shared screen.
    """
    session = _locked(session)
    _require_live(session)
    membership = None
    if user is not None and user.is_authenticated:
        membership = Membership.objects.filter(workplace_id=session.workplace_id, user=user).first()
    if membership is not None:
        if membership.role == Role.OBSERVER:
            raise ValidationError(
                _("As an observer you follow the workshop on the shared screen; you cannot post or vote.")
            )
        existing = session.participants.filter(user=user).first()
        if existing is not None:
            return existing
        participant = _join(session, user=user, display_name=user.full_name or user.email)
    else:
        errors = {}
        name = clean_text(
            display_name,
            field="display_name",
            required=True,
            max_length=NAME_MAX,
            errors=errors,
            required_message=_("Give the name the others will see on your posts."),
        )
        if errors:
            raise ValidationError(errors)
        if _in_the_room(session).count() >= MAX_PARTICIPANTS:
            raise ValidationError(_("The workshop is full."))
        participant = _join(session, display_name=name)
    _bump(session)
    return participant


def guests_purge(*, now=None) -> int:
    """The nightly purge of guests' names from workshops that ended longer ago than their organisation's
    period for guests: their notes stay, as the room's, under "Gæst"."""
    now = now or timezone.now()
    renamed = 0
    for organisation in Organisation.objects.only("pk", "retain_guests_days"):
        cutoff = now - datetime.timedelta(days=organisation.retain_guests_days)
        renamed += (
            Participant.objects.alias(over_at=Coalesce("session__ended_at", "session__starts_at"))
            .filter(organisation=organisation, user__isnull=True, over_at__lt=cutoff)
            .exclude(display_name=FORMER_GUEST_NAME)
            .update(display_name=FORMER_GUEST_NAME)
        )
    return renamed
