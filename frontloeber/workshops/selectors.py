"""Reads for the workshop library, sessions and their live board, and what the posts became."""

from collections import defaultdict

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from frontloeber.core.access import one_or_404
from frontloeber.core.text import first_line, whole_number
from frontloeber.ideas.models import TITLE_MAX

from .models import (
    CODE_LENGTH,
    SUGGESTED_OUTPUT,
    OutputKind,
    Post,
    SessionOutput,
    SessionState,
    Vote,
    WorkshopFormat,
    WorkshopSession,
    WorkshopStep,
)


def format_list(*, practice=None):
    formats = WorkshopFormat.objects.order_by("number")
    if practice:
        formats = formats.filter(practice=practice)
    return formats


def access_format(*, slug):
    """A format with its steps."""
    formats = WorkshopFormat.objects.prefetch_related(
        Prefetch("steps", queryset=WorkshopStep.objects.order_by("position"))
    )
    return one_or_404(formats.filter(slug=slug), _("No such workshop in the library."))


def formats_by_practice():
    """{practice code: [formats]}, in one query: the reflection report suggests them for weak practices."""
    grouped = defaultdict(list)
    for workshop in WorkshopFormat.objects.order_by("number"):
        grouped[workshop.practice].append(workshop)
    return grouped


# --- Sessions ---------------------------------------------------------------------------------------


def workplace_sessions(*, workplace):
    return (
        WorkshopSession.objects.of(workplace)
        .select_related("format", "facilitator", "workplace")
        .order_by("-starts_at", "-pk")
    )


def access_session(*, workplace, session_id):
    """The workplace's session (404 for a missing one and another workplace's alike)."""
    sessions = (
        WorkshopSession.objects.select_related(
            "format",
            "facilitator",
            "workplace",
            "challenge",
            "idea",
            "experiment__idea",
            "adoption_plan__idea",
        )
        .of(workplace)
        .filter(pk=session_id)
    )
    return one_or_404(sessions, _("No such workshop in this workplace."))


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
    if model is None or whole_number(pk) is None:
        raise ValueError(value)
    found = model.objects.of(workplace).filter(pk=pk).first()
    if found is None:
        raise ValueError(value)
    return found


# --- Running live ------------------------------------------------------------------------------------


def normalise_code(code):
    """The code as stored: upper case, without the spaces and dashes people type."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def session_find_by_code(*, code):
    """The live or ended session a join code names, or None."""
    normalised = normalise_code(code)
    if len(normalised) != CODE_LENGTH:
        return None
    return (
        WorkshopSession.objects.select_related("format", "workplace")
        .filter(join_code=normalised, state__in=[SessionState.LIVE, SessionState.ENDED])
        .first()
    )


def participant_for(*, session, user, guest_ids):
    """Who this browser is in the session: the member's participant, else the guest its session holds."""
    if user.is_authenticated:
        found = session.participants.filter(user=user).first()
        if found is not None:
            return found
    guest_id = guest_ids.get(str(session.pk))
    if guest_id is None:
        return None
    return session.participants.filter(pk=guest_id, user__isnull=True, removed_at__isnull=True).first()


def guest_was_removed(*, session, guest_ids):
    """Whether the guest this browser was in the session has been removed by the facilitator."""
    guest_id = guest_ids.get(str(session.pk))
    if not str(guest_id).isdigit():
        return False
    return session.participants.filter(pk=int(guest_id), user__isnull=True, removed_at__isnull=False).exists()


# Where a browser session keeps the guest participations it holds: session id → participant id.
GUESTS_KEY = "workshop_guests"


def guest_ids_of(browser_session):
    return browser_session.get(GUESTS_KEY) or {}


def guest_rooms(*, guest_ids):
    """The running sessions this browser is a guest in, for a guest who wanders onto a member's page."""
    pairs = Q()
    for session_id, participant_id in guest_ids.items():
        if str(session_id).isdigit() and str(participant_id).isdigit():
            pairs |= Q(
                pk=int(session_id),
                participants__pk=int(participant_id),
                participants__user__isnull=True,
                participants__removed_at__isnull=True,
            )
    if not pairs:
        return []
    return list(
        WorkshopSession.objects.filter(pairs, state=SessionState.LIVE)
        .select_related("format")
        .order_by("-pk")
    )


def login_page_guest_rooms(request):
    """A workshop guest has no login: the login page a member's page sent them to shows the way back."""
    return {"guest_rooms": guest_rooms(guest_ids=guest_ids_of(request.session))}


def access_post(*, session, post_id):
    return one_or_404(_posts(session).filter(pk=post_id), _("No such post in this workshop."))


def post_find(*, session, post_id):
    """A post of the session, or None (one chosen in a form, which may have gone meanwhile)."""
    return _posts(session).filter(pk=post_id).first() if post_id is not None else None


def _posts(session):
    return Post.objects.select_related("session__workplace", "author").filter(session=session)


def access_participant(*, session, participant_id):
    """Someone in the session's room (a removed guest is no longer there)."""
    return one_or_404(_in_the_room(session, participant_id), _("No such participant in this workshop."))


def participant_find(*, session, participant_id):
    """Someone in the session's room, or None."""
    return _in_the_room(session, participant_id).first()


def _in_the_room(session, participant_id):
    return session.participants.select_related("session__workplace").filter(
        pk=participant_id, removed_at__isnull=True
    )


def removed_guest(*, session, participant_id):
    """A guest of the session the facilitator has already removed, or None."""
    return session.participants.filter(pk=participant_id, removed_at__isnull=False, user__isnull=True).first()


def guest_footprint(*, participant):
    """What removing a guest takes with it, and what stays: for the confirmation page."""
    made_into_something = Exists(SessionOutput.objects.filter(post=OuterRef("pk")))
    return {
        "posts_going": participant.posts.exclude(made_into_something).count(),
        "posts_kept": participant.posts.filter(made_into_something).count(),
        "dots": participant.votes.count(),
    }


def theme_find(*, session, theme_id):
    """A theme of the session, or None (one chosen in a form, which may have gone meanwhile)."""
    return session.themes.filter(pk=theme_id).first() if theme_id is not None else None


def live_board(*, session, participant=None):
    """Everything a screen of the running session shows, in a fixed number of queries.

    The posts come with their dots (and the participant's own), what was merged into them and what they
    became; the facilitator's screen sorts them by group and theme, a phone shows its group's first.
    """
    steps = list(WorkshopStep.objects.filter(format_id=session.format_id).order_by("position"))
    step = next((s for s in steps if s.position == session.step_position), None)
    votes = (
        Vote.objects.filter(post=OuterRef("pk")).order_by().values("post").annotate(n=Count("pk")).values("n")
    )
    merged = (
        Post.objects.filter(merged_into=OuterRef("pk"))
        .order_by()
        .values("merged_into")
        .annotate(n=Count("pk"))
    ).values("n")
    posts = Post.objects.filter(session=session, merged_into__isnull=True).select_related("author", "theme")
    posts = posts.annotate(
        dots=Coalesce(Subquery(votes), 0), merged_count=Coalesce(Subquery(merged), 0)
    ).order_by("-dots" if session.vote_dots is None and session.state == SessionState.ENDED else "pk")
    if participant is not None:
        mine = (
            Vote.objects.filter(
                post=OuterRef("pk"), participant=participant, step_position=session.step_position
            )
            .order_by()
            .values("post")
            .annotate(n=Count("pk"))
            .values("n")
        )
        posts = posts.annotate(my_dots=Coalesce(Subquery(mine), 0))
    posts = list(posts)
    themes = list(session.themes.all())
    participants = list(session.participants.filter(removed_at__isnull=True))
    dots_used = sum(p.my_dots for p in posts) if participant is not None and session.vote_dots else 0
    return {
        "steps": steps,
        "step": step,
        "step_number": steps.index(step) + 1 if step else 0,
        "posts": posts,
        "themes": themes,
        "participants": participants,
        "dots_left": (session.vote_dots - dots_used) if session.vote_dots else 0,
        "groups": range(1, session.group_count + 1),
        "product_page": PRODUCT_STEPS.get((session.format.slug, step.position)) if step else None,
    }


# Steps done in the product rather than on the board: Kompetencekortet's step 2 is each member's own
# self-rating, its step 3 the team's map on the shared screen.
PRODUCT_STEPS = {("kompetencekortet", 1): "rate", ("kompetencekortet", 2): "map"}


def session_outputs(*, session):
    return list(
        SessionOutput.objects.filter(
            organisation_id=session.organisation_id, workplace_id=session.workplace_id, session=session
        ).select_related(
            "challenge",
            "idea__workplace",
            "barrier",
            "action_item__owner",
            "experiment__idea",
            "experiment__workplace",
            "adoption_plan__idea",
            "adoption_plan__workplace",
            "learning_activity__workplace",
            "post",
        )
    )


def idea_for_post(*, session, post):
    """The idea a post's experiment or adoption plan is for: the idea the post became, else the workshop's."""
    made = (
        SessionOutput.objects.filter(session=session, post=post, kind=OutputKind.IDEA)
        .select_related("idea__workplace")
        .first()
    )
    if made is not None:
        return made.idea
    return _session_idea(session)


def _session_idea(session):
    if session.idea_id:
        return session.idea
    if session.experiment_id:
        return session.experiment.idea
    if session.adoption_plan_id:
        return session.adoption_plan.idea
    return None


def output_desk(*, session):
    """The session's board for turning posts into records: each post knows what it became and which idea
    an experiment or adoption plan made from it would be for."""
    board = live_board(session=session)
    outputs = session_outputs(session=session)
    made = {}
    for output in outputs:
        made.setdefault(output.post_id, []).append(output)
    workshop_idea = _session_idea(session)
    for post in board["posts"]:
        post.made = made.get(post.pk, [])
        post.made_kinds = {o.kind for o in post.made}
        post.idea = next((o.idea for o in post.made if o.kind == OutputKind.IDEA), workshop_idea)
    remaining = [post for post in board["posts"] if not post.made]
    return {**board, "outputs": outputs, "session_idea": workshop_idea, "remaining": remaining}


def post_idea_draft(*, post, session):
    """The idea a post would become: its first line as the title, the workshop as where the need came from,
    its text and the texts merged into it as the idea."""
    merged = [other.text for other in post.merged_posts.all()]
    about = session.about
    need = (
        _("From the workshop “%(workshop)s” about “%(about)s”.")
        % {"workshop": session.format.name, "about": getattr(about, "title", None) or about}
        if about
        else _("From the workshop “%(workshop)s”.") % {"workshop": session.format.name}
    )
    return {
        "title": first_line(post.text, TITLE_MAX),
        "need": need,
        "description": "\n\n".join([post.text, *merged]),
    }


def posts_without_output(*, session):
    """The session's posts on the board that have become nothing yet, oldest first, with their drafts'
    merged texts: what "make all remaining posts into ideas" takes."""
    made = SessionOutput.objects.filter(post=OuterRef("pk"))
    return list(
        Post.objects.filter(session=session, merged_into__isnull=True)
        .filter(~Exists(made))
        .select_related("author")
        .prefetch_related("merged_posts")
        .order_by("pk")
    )


# --- The idea page ----------------------------------------------------------------------------------


def idea_workshop_links(*, idea, membership=None):
    """What the idea page shows from the workshops: the sessions it came out of."""
    outputs = SessionOutput.objects.filter(
        organisation_id=idea.organisation_id, workplace_id=idea.workplace_id, idea=idea
    ).select_related("session__format")
    return {"workshop_outputs": list(outputs)}


def suggested_output_kinds(*, steps):
    """What the format's steps say the posts become, as output kinds, each once."""
    return list(dict.fromkeys(SUGGESTED_OUTPUT[s.becomes] for s in steps if s.becomes in SUGGESTED_OUTPUT))
