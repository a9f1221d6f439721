from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text

from ..models import (
    Participant,
    Post,
    SessionOutput,
    SessionState,
    StepKind,
    Theme,
    Vote,
    WorkshopSession,
)
from ..permissions import require_facilitate
from .live import (
    MAX_DOTS,
    MAX_GROUPS,
    MAX_POSTS_PER_PARTICIPANT,
    POST_MAX,
    THEME_MAX,
    _bump,
    _locked,
    _require_in_the_room,
    _require_live,
    _split,
    _step,
)


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
    require_facilitate(user=actor, session=session)
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
    require_facilitate(user=actor, session=session)
    session = _locked(session)
    _require_live(session)
    session.vote_dots = None
    session.revision += 1
    session.save(update_fields=["vote_dots", "revision"])
    return session


@transaction.atomic
def groups_split(*, actor, session, count) -> WorkshopSession:
    """Split the room at random into ``count`` groups; 0 brings everyone together again."""
    require_facilitate(user=actor, session=session)
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
    require_facilitate(user=actor, session=session)
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
    require_facilitate(user=actor, session=session)
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
