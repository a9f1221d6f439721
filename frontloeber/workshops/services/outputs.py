from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.organisations.permissions import is_contributor
from frontloeber.organisations.selectors import workplace_contributor_ids

from ..models import (
    OutputKind,
    Post,
    SessionOutput,
    Vote,
)
from ..selectors import idea_for_post
from .live import _bump
from .room import _facilitated

# --- Outputs: what the posts become ---------------------------------------------------------------


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
    author = post.author.user if is_contributor(user=post.author.user, workplace=session.workplace) else actor
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
def posts_to_ideas(*, actor, session, post_ids):
    """Every post of ``post_ids`` that is still on the board and has become nothing yet becomes an idea, as
    drafted in the preview the facilitator saw (one action at the end of the workshop). A post added or
    converted since the preview is left as it is. Returns the ideas."""
    from ..selectors import post_idea_draft, posts_without_output

    session = _facilitated(actor, session)
    chosen = set(post_ids)
    posts = [post for post in posts_without_output(session=session) if post.pk in chosen]
    if not posts:
        raise ValidationError(_("No post is left to make into an idea: they have all become something."))
    return [
        post_to_idea(actor=actor, post=post, **post_idea_draft(post=post, session=session)) for post in posts
    ]


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
