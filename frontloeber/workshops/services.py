"""Writes for workshop sessions: planning, running one live, and what it produces.

A leader plans a session and the invited hear of it. The facilitator starts it, which gives it a join
code, and leads the room through the steps; members and guests post and vote from their phones. Every
change to the board bumps the session's ``revision``, which is how the polling screens learn there is
something new. The posts then become challenges, ideas, barriers, action items, draft experiments and
adoption plans.
"""

import datetime
import math
import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.models import Membership, Role
from frontloeber.organisations.permissions import require_workplace_leader
from frontloeber.organisations.selectors import workplace_contributor_ids

from .models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    ActionItem,
    ActionStatus,
    Barrier,
    BarrierKind,
    BarrierStatus,
    OutputKind,
    Participant,
    Post,
    SessionInvitation,
    SessionOutput,
    SessionState,
    StepKind,
    Theme,
    Vote,
    WorkshopSession,
    WorkshopStep,
)
from .notification_kinds import Kind
from .permissions import require_facilitator
from .selectors import access_session_by_code, idea_for_post, normalise_code

PLAN_AHEAD_DAYS = 366
ABOUT_FIELDS = ("challenge", "idea", "experiment", "adoption_plan")


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
    require_workplace_leader(user=actor, workplace=workplace)
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
    require_workplace_leader(user=actor, workplace=session.workplace)
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
    require_workplace_leader(user=actor, workplace=session.workplace)
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
    """Tell every polling screen that the board changed."""
    WorkshopSession.objects.filter(pk=session.pk).update(revision=F("revision") + 1)


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
    require_facilitator(user=actor, session=session)
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
                WorkshopSession.objects.filter(pk=session.pk).update(join_code=_new_code())
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
    require_facilitator(user=actor, session=session)
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
    require_facilitator(user=actor, session=session)
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
    session = access_session_by_code(code=code)
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


@transaction.atomic
def post_create(*, participant, text, now=None) -> Post:
    """A participant posts on the current step's board (their group's board in a group step)."""
    # The session's row first, as the facilitator's changes take it (a removal or a move then waits for
    # this post, or this post for them), then the participant fresh from the database: the facilitator may
    # have moved them to another group, or removed them, meanwhile.
    session = _locked(participant.session)
    participant = Participant.objects.select_for_update(of=("self",)).get(pk=participant.pk)
    _require_in_the_room(participant)
    _require_live(session)
    step = _step(session, session.step_position)
    if step is None or not step.posts:
        raise ValidationError(_("This step takes no posts. Wait for the facilitator to move on."))
    errors = {}
    text = clean_text(
        text,
        field="text",
        required=True,
        max_length=POST_MAX,
        errors=errors,
        required_message=_("Write something before you post."),
    )
    if errors:
        raise ValidationError(errors)
    if Post.objects.filter(author=participant).count() >= MAX_POSTS_PER_PARTICIPANT:
        raise ValidationError(_("You have posted as much as one person can in a workshop."))
    post = Post.objects.create(
        organisation_id=session.organisation_id,
        workplace_id=session.workplace_id,
        session=session,
        step_position=step.position,
        author=participant,
        group=participant.group if step.kind == StepKind.GROUPS else None,
        text=text,
        created_at=now or timezone.now(),
    )
    _bump(session)
    return post


def _require_not_made_into_anything(post):
    if SessionOutput.objects.filter(post=post).exists():
        raise ValidationError(
            _("The post has already become part of Frontløber, so it stays, linked to what it became.")
        )


def _delete_post(session, post):
    """The post goes, and its dots with it (their givers have them back); posts merged into it stand alone."""
    _require_not_made_into_anything(post)
    post.delete()
    _bump(session)


@transaction.atomic
def post_delete(*, participant, post) -> None:
    """A participant takes back their own post while the workshop is under way."""
    if post.author_id != participant.pk or post.session_id != participant.session_id:
        raise PermissionDenied(_("You can only delete your own posts."))
    # The session's row, as the facilitator's changes take it: a post is not made into a record meanwhile.
    session = _locked(participant.session)
    _require_live(session)
    _require_in_the_room(Participant.objects.get(pk=participant.pk))
    _delete_post(session, post)


@transaction.atomic
def post_remove(*, actor, post) -> None:
    """The facilitator takes a post off the board, during the workshop or when tidying up after it."""
    session = _facilitated(actor, post.session)
    _delete_post(session, post)


@transaction.atomic
def vote_cast(*, participant, post, remove=False) -> int:
    """Put one dot on a post, or take one back; returns the dots the participant has left."""
    # The session's row, then the participant's, in the order the facilitator's changes take them: two quick
    # taps count one after the other, and a removal waits for the vote (or the vote for the removal).
    session = _locked(participant.session)
    participant = Participant.objects.select_for_update(of=("self",)).get(pk=participant.pk)
    _require_in_the_room(participant)
    _require_live(session)
    if not session.vote_dots:
        raise ValidationError(_("There is no vote open right now."))
    if post.session_id != session.pk or post.merged_into_id is not None:
        raise ValidationError(_("This post cannot be voted on."))
    mine = Vote.objects.filter(participant=participant, step_position=session.step_position)
    if remove:
        vote = mine.filter(post=post).order_by("-pk").first()
        if vote is None:
            raise ValidationError(_("You have no dot on this post."))
        vote.delete()
    else:
        if mine.count() >= session.vote_dots:
            raise ValidationError(
                _("You have used all your %(dots)d dots. Take one back to move it.")
                % {"dots": session.vote_dots}
            )
        Vote.objects.create(
            organisation_id=session.organisation_id,
            workplace_id=session.workplace_id,
            session=session,
            step_position=session.step_position,
            post=post,
            participant=participant,
        )
    _bump(session)
    return session.vote_dots - mine.count()


@transaction.atomic
def vote_open(*, actor, session, dots) -> WorkshopSession:
    """Start a dot vote on the current step, also on a step the library does not make a vote."""
    require_facilitator(user=actor, session=session)
    session = _locked(session)
    _require_live(session)
    if not isinstance(dots, int) or not 1 <= dots <= MAX_DOTS:
        raise ValidationError(_("Give each participant from 1 to %(most)d dots.") % {"most": MAX_DOTS})
    session.vote_dots = dots
    session.revision += 1
    session.save(update_fields=["vote_dots", "revision"])
    return session


@transaction.atomic
def vote_close(*, actor, session) -> WorkshopSession:
    require_facilitator(user=actor, session=session)
    session = _locked(session)
    _require_live(session)
    session.vote_dots = None
    session.revision += 1
    session.save(update_fields=["vote_dots", "revision"])
    return session


@transaction.atomic
def groups_split(*, actor, session, count) -> WorkshopSession:
    """Split the room at random into ``count`` groups; 0 brings everyone together again."""
    require_facilitator(user=actor, session=session)
    session = _locked(session)
    _require_live(session)
    if not isinstance(count, int) or not 0 <= count <= MAX_GROUPS:
        raise ValidationError(_("Give from 2 to %(most)d groups.") % {"most": MAX_GROUPS})
    if count == 1:
        count = 0
    _split(session, count)
    session.revision += 1
    session.save(update_fields=["group_count", "revision"])
    return session


def _check_group(session, group):
    if group is not None and not (isinstance(group, int) and 1 <= group <= session.group_count):
        raise ValidationError(_("Choose one of the groups."))


@transaction.atomic
def participant_move(*, actor, participant, group) -> Participant:
    """Move someone to another group by hand."""
    session = participant.session
    require_facilitator(user=actor, session=session)
    session = _locked(session)
    _require_live(session)
    _check_group(session, group)
    if Participant.objects.filter(pk=participant.pk, removed_at__isnull=False).exists():
        raise ValidationError(_("This guest has been removed from the workshop."))
    participant.group = group
    participant.save(update_fields=["group"])
    _bump(session)
    return participant


@transaction.atomic
def participant_remove(*, actor, participant, now=None) -> Participant:
    """The facilitator takes a guest out of the room: someone who should not be there, or a flood of them.

    Their posts go (posts merged into one stand alone again) and so do their dots, except posts that have
    already become part of Frontløber, which stay under their name. Their browser can no longer post or vote;
    joining again is a new join, counted by the join limits like any other. Members are not removed: they
    take part with their own login.
    """
    session = _facilitated(actor, participant.session)
    participant = Participant.objects.select_for_update().get(pk=participant.pk, session=session)
    if not participant.is_guest:
        raise ValidationError(_("Only guests can be removed. Colleagues take part with their own login."))
    if participant.removed_at is not None:
        return participant
    Vote.objects.filter(participant=participant).delete()
    made_into_something = SessionOutput.objects.filter(post=OuterRef("pk"))
    Post.objects.filter(author=participant).exclude(Exists(made_into_something)).delete()
    participant.removed_at = now or timezone.now()
    participant.group = None
    participant.save(update_fields=["removed_at", "group"])
    _bump(session)
    return participant


def _facilitated(actor, session):
    """The session locked for a facilitator's change to its board: live, or ended and being tidied."""
    require_facilitator(user=actor, session=session)
    session = _locked(session)
    if session.state not in (SessionState.LIVE, SessionState.ENDED):
        raise ValidationError(_("This workshop is not under way."))
    return session


@transaction.atomic
def post_move(*, actor, post, group) -> Post:
    """Move a post to another group's board (or, with no group, to the room's)."""
    session = _facilitated(actor, post.session)
    _check_group(session, group)
    post.group = group
    post.save(update_fields=["group"])
    _bump(session)
    return post


@transaction.atomic
def post_merge(*, actor, post, into) -> Post:
    """Lay two posts that say the same on top of each other: the dots follow, the text stays readable."""
    session = _facilitated(actor, post.session)
    if into.session_id != post.session_id or into.pk == post.pk:
        raise ValidationError(_("Choose another post of this workshop."))
    if into.merged_into_id is not None or post.merged_into_id is not None:
        raise ValidationError(_("That post is already merged into another."))
    Post.objects.filter(merged_into=post).update(merged_into=into)
    Vote.objects.filter(post=post).update(post=into)
    post.merged_into = into
    post.save(update_fields=["merged_into"])
    _bump(session)
    return post


@transaction.atomic
def theme_create(*, actor, session, name) -> Theme:
    session = _facilitated(actor, session)
    errors = {}
    name = clean_text(
        name,
        field="name",
        required=True,
        max_length=THEME_MAX,
        errors=errors,
        required_message=_("Give the theme a name."),
    )
    if errors:
        raise ValidationError(errors)
    theme = Theme.objects.create(
        organisation_id=session.organisation_id, workplace_id=session.workplace_id, session=session, name=name
    )
    _bump(session)
    return theme


@transaction.atomic
def post_theme(*, actor, post, theme) -> Post:
    """Put a post under a theme, or (with None) take it out again."""
    session = _facilitated(actor, post.session)
    if theme is not None and theme.session_id != session.pk:
        raise ValidationError(_("Choose one of this workshop's themes."))
    post.theme = theme
    post.save(update_fields=["theme"])
    _bump(session)
    return post


# --- Outputs: what the posts become ---------------------------------------------------------------

WHAT_MAX = 200
BARRIER_MAX = 500
DUE_AHEAD_DAYS = 730


def _output(session, post, kind, actor, **record):
    return SessionOutput.objects.create(
        organisation_id=session.organisation_id,
        workplace_id=session.workplace_id,
        session=session,
        post=post,
        kind=kind,
        created_by=actor,
        **record,
    )


def _require_same_workplace(session, workplace):
    if session.workplace_id != workplace.pk:
        raise PermissionDenied(_("Choose something from this workplace."))


def _require_not_converted(post, kind):
    if post is not None and SessionOutput.objects.filter(post=post, kind=kind).exists():
        raise ValidationError(
            _("This post has already become a %(kind)s.") % {"kind": OutputKind(kind).label.lower()}
        )


def _is_contributor(user, workplace):
    """Whether the user may still submit ideas and own work at the workplace (not an observer)."""
    return user is not None and user.pk in workplace_contributor_ids(workplace=workplace, users=[user])


def post_agreeing(*, post):
    """The members who agree with a post: their dots are on it, or they wrote a post merged into it."""
    from django.contrib.auth import get_user_model

    voters = Vote.objects.filter(post=post, participant__user__isnull=False).values("participant__user")
    merged = Post.objects.filter(merged_into=post, author__user__isnull=False).values("author__user")
    people = get_user_model().objects.filter(Q(pk__in=voters) | Q(pk__in=merged))
    return list(people.exclude(pk=post.author.user_id or 0).order_by("pk"))


@transaction.atomic
def post_to_idea(*, actor, post, title, need, description):
    """The post becomes an idea in the pipeline, written by its author; the members who agree support it.

    A guest's post becomes the facilitator's idea, saying whose it was, as a guest cannot hold an idea.
    """
    from frontloeber.ideas import services as idea_services

    session = _facilitated(actor, post.session)
    _require_not_converted(post, OutputKind.IDEA)
    author = post.author.user if _is_contributor(post.author.user, session.workplace) else actor
    if post.author.is_guest:
        credit = _("Written by %(name)s, a guest in the workshop %(workshop)s.") % {
            "name": post.author.display_name,
            "workshop": session.format.name,
        }
        description = f"{(description or '').strip()}\n\n{credit}"
    challenge = session.challenge if session.challenge_id and session.challenge.is_open() else None
    idea = idea_services.idea_create(
        actor=author,
        workplace=session.workplace,
        title=title,
        need=need,
        description=description,
        challenge=challenge,
    )
    agreeing = [person for person in post_agreeing(post=post) if person.pk != author.pk]
    can_support = workplace_contributor_ids(workplace=session.workplace, users=agreeing)
    for person in agreeing:
        if person.pk in can_support:
            idea_services.idea_support(actor=person, idea=idea)
    _output(session, post, OutputKind.IDEA, actor, idea=idea)
    _bump(session)
    return idea


@transaction.atomic
def post_to_challenge(*, actor, post, title, description="", closes_on=None):
    """The post becomes a challenge the whole workplace can send ideas to, open from today."""
    from frontloeber.ideas import services as idea_services

    session = _facilitated(actor, post.session)
    _require_not_converted(post, OutputKind.CHALLENGE)
    challenge = idea_services.challenge_create(
        actor=actor,
        workplace=session.workplace,
        title=title,
        description=description,
        opens_on=timezone.localdate(),
        closes_on=closes_on,
    )
    _output(session, post, OutputKind.CHALLENGE, actor, challenge=challenge)
    _bump(session)
    return challenge


def _require_idea_of(session, post, idea):
    """An experiment or adoption plan is for the idea the post became, or the one the workshop is about."""
    if idea is None or idea != idea_for_post(session=session, post=post):
        raise ValidationError(
            _("Make the post an idea first, or plan the workshop about an idea, to try it out or adopt it.")
        )


@transaction.atomic
def post_to_experiment(*, actor, post, idea, **frame):
    """The post becomes a draft experiment for the idea: planned, with the safety check still to answer."""
    from frontloeber.experiments import services as experiment_services

    session = _facilitated(actor, post.session)
    _require_not_converted(post, OutputKind.EXPERIMENT)
    _require_idea_of(session, post, idea)
    experiment = experiment_services.experiment_create(actor=actor, idea=idea, **frame)
    _output(session, post, OutputKind.EXPERIMENT, actor, experiment=experiment)
    _bump(session)
    return experiment


@transaction.atomic
def post_to_adoption_plan(*, actor, post, idea, **plan):
    """The post becomes (part of) the idea's adoption plan: it makes the plan, or changes the one being made.

    Forandringsrejsen has two steps that feed the same plan, so a second post edits the plan the first made.
    """
    from frontloeber.experiments import services as experiment_services
    from frontloeber.experiments.selectors import plan_for_idea

    session = _facilitated(actor, post.session)
    _require_not_converted(post, OutputKind.ADOPTION_PLAN)
    _require_idea_of(session, post, idea)
    existing = plan_for_idea(idea=idea)
    if existing is None:
        made = experiment_services.adoption_plan_create(actor=actor, idea=idea, **plan)
    else:
        made = experiment_services.adoption_plan_update(actor=actor, plan=existing, **plan)
    _output(session, post, OutputKind.ADOPTION_PLAN, actor, adoption_plan=made)
    _bump(session)
    return made


@transaction.atomic
def learning_activity_from_session(*, actor, session=None, post=None, **activity):
    """A learning activity planned in the workshop, from one of its posts or (in Kompetencekortet's last
    step, which takes no posts) straight from the facilitator's screen; planned by a leader or a helper."""
    from frontloeber.competences import services as competence_services

    session = _facilitated(actor, post.session if post is not None else session)
    _require_not_converted(post, OutputKind.LEARNING_ACTIVITY)
    planned = competence_services.activity_plan(actor=actor, workplace=session.workplace, **activity)
    _output(session, post, OutputKind.LEARNING_ACTIVITY, actor, learning_activity=planned)
    _bump(session)
    return planned


@transaction.atomic
def barrier_create(*, actor, workplace, kind, description, session=None, post=None) -> Barrier:
    """Add a barrier to the register: time, worry or habit, and what it is."""
    if post is not None:
        session = post.session
    if session is not None:
        # What a session found is added by its facilitator; anyone who may contribute adds to the register.
        session = _facilitated(actor, session)
        _require_same_workplace(session, workplace)
        _require_not_converted(post, OutputKind.BARRIER)
    elif not _is_contributor(actor, workplace):
        raise PermissionDenied(_("Only the workplace's employees and leaders can add barriers."))
    errors = {}
    if kind not in BarrierKind.values:
        errors["kind"] = _("Choose whether it is about time, worry or habit.")
    description = clean_text(
        description,
        field="description",
        required=True,
        max_length=BARRIER_MAX,
        errors=errors,
        required_message=_("Describe the barrier."),
    )
    if errors:
        raise ValidationError(errors)
    barrier = Barrier.objects.create(
        organisation_id=workplace.organisation_id,
        workplace=workplace,
        kind=kind,
        description=description,
        created_by=actor,
    )
    if session is not None:
        _output(session, post, OutputKind.BARRIER, actor, barrier=barrier)
        _bump(session)
    return barrier


@transaction.atomic
def barrier_update(*, actor, barrier, status) -> Barrier:
    require_workplace_leader(user=actor, workplace=barrier.workplace)
    if status not in BarrierStatus.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    barrier.status = status
    barrier.updated_at = timezone.now()
    barrier.save(update_fields=["status", "updated_at"])
    return barrier


def _clean_action(*, workplace, what, owner, due_on, today):
    errors = {}
    what = clean_text(
        what,
        field="what",
        required=True,
        max_length=WHAT_MAX,
        errors=errors,
        required_message=_("Say what is to be done."),
    )
    if not _is_contributor(owner, workplace):
        errors["owner"] = _("Choose an employee or leader of this workplace.")
    if not isinstance(due_on, datetime.date):
        errors["due_on"] = _("Give the day it is due.")
    elif due_on < today:
        errors["due_on"] = _("The due date cannot be in the past.")
    elif due_on > today + datetime.timedelta(days=DUE_AHEAD_DAYS):
        errors["due_on"] = _("Choose a date within two years from today.")
    if errors:
        raise ValidationError(errors)
    return what


@transaction.atomic
def action_item_create(
    *, actor, workplace, what, owner, due_on, barrier=None, idea=None, post=None, session=None, today=None
) -> ActionItem:
    """Somebody is to do something by a date. The owner is told, and reminded when it is due."""
    if post is not None:
        session = post.session
    if session is not None:
        session = _facilitated(actor, session)
        _require_same_workplace(session, workplace)
        _require_not_converted(post, OutputKind.ACTION_ITEM)
    else:
        require_workplace_leader(user=actor, workplace=workplace)
    for linked in (barrier, idea):
        if linked is not None and linked.workplace_id != workplace.pk:
            raise ValidationError(_("Choose something from this workplace."))
    what = _clean_action(
        workplace=workplace, what=what, owner=owner, due_on=due_on, today=today or timezone.localdate()
    )
    item = ActionItem.objects.create(
        organisation_id=workplace.organisation_id,
        workplace=workplace,
        what=what,
        owner=owner,
        due_on=due_on,
        barrier=barrier,
        idea=idea,
        created_by=actor,
    )
    if session is not None:
        _output(session, post, OutputKind.ACTION_ITEM, actor, action_item=item)
        _bump(session)
    notification_create(
        recipients=[owner],
        kind=Kind.ACTION_ITEM,
        workplace=workplace,
        actor=actor,
        detail=what,
        target_url=item_url(item),
    )
    return item


def item_url(item):
    from django.urls import reverse

    return reverse("workshops:action_items", kwargs={"workplace_slug": item.workplace.slug})


@transaction.atomic
def action_item_update(*, actor, item, status) -> ActionItem:
    """The owner or a leader marks an item done, or opens it again."""
    if actor.pk != item.owner_id:
        require_workplace_leader(user=actor, workplace=item.workplace)
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose one of the statuses.")})
    item.status = status
    item.done_at = timezone.now() if status == ActionStatus.DONE else None
    item.save(update_fields=["status", "done_at"])
    return item


def action_items_remind(*, today=None) -> int:
    """The daily reminder: once the day before an item is due, and once more when it is overdue."""
    today = today or timezone.localdate()
    due = (
        ActionItem.objects.filter(
            status=ActionStatus.OPEN, owner__isnull=False, due_on__lte=today + datetime.timedelta(days=1)
        )
        .select_related("workplace", "owner")
        .order_by("pk")
    )
    sent = 0
    for item in due:
        first = item.reminded_on is None
        overdue_again = item.reminded_on is not None and item.reminded_on <= item.due_on < today
        if not (first or overdue_again):
            continue
        with transaction.atomic():
            notification_create(
                recipients=[item.owner],
                kind=Kind.ACTION_ITEM_DUE,
                workplace=item.workplace,
                detail=item.what,
                target_url=item_url(item),
            )
            ActionItem.objects.filter(pk=item.pk).update(reminded_on=today)
        sent += 1
    return sent
