"""The participants' pages of a running workshop: join with the code on the shared screen, post, vote.

These pages are reached by code, not by workplace: a guest (a relative, a partner, a citizen) has no
login. A member is recognised by their login; a guest by the participant id kept in their browser
session, which opens this one session's room and nothing else.

Rate limits, counted in the cache every worker shares (core/ratelimit.py) against the client's address as
the trusted proxies report it (core/clientip.py): wrong codes per address, so codes cannot be guessed in
bulk; guests joining a room per address, so one client cannot fill it; and joins per browser session, so
a guest the facilitator removed does not simply come back again and again.
"""

import functools
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.core import ratelimit
from frontloeber.core.clientip import client_network
from frontloeber.core.forms import error_text
from frontloeber.organisations.selectors import membership_for_user

from . import selectors, services
from .models import SessionState, StepKind

# Wrong codes allowed per address in the window below before joining is refused for a while.
WRONG_CODES_ALLOWED = 10
WRONG_CODE_WINDOW = 15 * 60
# Guests joining one room from one address (settings.WORKSHOP_GUESTS_PER_ADDRESS), and joins from one
# browser session (settings.WORKSHOP_JOINS_PER_BROWSER), within these windows.
GUEST_JOIN_WINDOW = 10 * 60
BROWSER_JOIN_WINDOW = 60 * 60
JOINS_KEY = "workshop_joins"


def _wrong_code_key(request):
    return f"workshops:wrong-codes:{client_network(request)}"


def _too_many_wrong_codes(request):
    return ratelimit.count(_wrong_code_key(request)) >= WRONG_CODES_ALLOWED


def _count_wrong_code(request):
    ratelimit.hit(_wrong_code_key(request), window=WRONG_CODE_WINDOW)


def _locked_out(request):
    return render(
        request,
        "workshops/join/enter.html",
        {
            "error_message": _(
                "Too many wrong codes from this network. Wait a quarter of an hour and try again."
            ),
            "code": "",
        },
        status=429,
    )


@login_not_required
@require_GET
def enter(request):
    """Type the code from the shared screen."""
    code = request.GET.get("kode", "")
    if not code:
        return render(request, "workshops/join/enter.html", {"code": ""})
    if _too_many_wrong_codes(request):
        return _locked_out(request)
    try:
        session = services.join_code_resolve(code=code)
    except ValidationError as error:
        if selectors.session_find_by_code(code=code) is None:
            _count_wrong_code(request)
        return render(
            request,
            "workshops/join/enter.html",
            {"code": code, "error_message": error_text(error)},
            status=400,
        )
    return redirect("join:room", code=session.join_code)


def _session_or_404(request, code):
    """The session with this code. A wrong code counts against the address, as on the join page."""
    session = selectors.session_find_by_code(code=code)
    if session is None:
        _count_wrong_code(request)
        raise Http404(_("No workshop has this code. Check it on the shared screen."))
    return session


def _participant(request, session):
    return selectors.participant_for(
        session=session, user=request.user, guest_ids=selectors.guest_ids_of(request.session)
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def room(request, code):
    """The room on a phone: join first (a member with one tap, a guest with a name), then post and vote."""
    session = selectors.session_find_by_code(code=code)
    participant = _participant(request, session) if session is not None else None
    # Locked out, every code answers alike (a right one too), so the lockout tells nothing about codes;
    # only someone already in this room goes on.
    if participant is None and _too_many_wrong_codes(request):
        return _locked_out(request)
    if session is None:
        _count_wrong_code(request)
        raise Http404(_("No workshop has this code. Check it on the shared screen."))
    if session.state == SessionState.ENDED:
        return render(request, "workshops/join/ended.html", {"session": session, "participant": participant})
    if participant is None:
        return _join(request, session)
    return render(request, "workshops/join/room.html", _room_context(request, session, participant))


def _recent_joins(request):
    """When this browser session joined rooms within the last window (kept in the session itself, which
    follows the person through the new session key each join gives them)."""
    now = time.time()
    stamps = request.session.get(JOINS_KEY) or []
    return [t for t in stamps if isinstance(t, int | float) and now - t < BROWSER_JOIN_WINDOW]


def _join_refusal(request, session, *, guest):
    """Why this join is refused for now, or None. A guest's join counts against the address."""
    if len(_recent_joins(request)) >= settings.WORKSHOP_JOINS_PER_BROWSER:
        return "browser"
    if guest:
        key = f"workshops:guests:{session.pk}:{client_network(request)}"
        if ratelimit.hit(key, window=GUEST_JOIN_WINDOW) > settings.WORKSHOP_GUESTS_PER_ADDRESS:
            return "address"
    return None


def _count_join(request):
    request.session[JOINS_KEY] = [*_recent_joins(request), time.time()]


def _slow_down(request, session, reason):
    context = {"session": session, "reason": reason}
    response = render(request, "workshops/join/slow_down.html", context, status=429)
    response["Retry-After"] = str(GUEST_JOIN_WINDOW if reason == "address" else BROWSER_JOIN_WINDOW)
    return response


def _join(request, session):
    membership = membership_for_user(user=request.user, workplace_slug=session.workplace.slug)
    error_message = None
    name = request.POST.get("display_name", "")
    removed = selectors.guest_was_removed(session=session, guest_ids=selectors.guest_ids_of(request.session))
    if removed and membership is None:
        # A guest the facilitator removed does not come back from the same browser by joining again.
        return render(
            request,
            "workshops/join/join.html",
            {"session": session, "membership": None, "removed": True},
            status=403 if request.method == "POST" else 200,
        )
    if request.method == "POST":
        refusal = _join_refusal(request, session, guest=membership is None)
        if refusal:
            return _slow_down(request, session, refusal)
        try:
            participant = services.participant_join(
                session=session, user=request.user if membership else None, display_name=name
            )
        except ValidationError as error:
            error_message = error_text(error)
        else:
            _count_join(request)
            if participant.is_guest:
                guests = selectors.guest_ids_of(request.session)
                guests[str(session.pk)] = participant.pk
                request.session[selectors.GUESTS_KEY] = guests
                request.session.cycle_key()
            return redirect("join:room", code=session.join_code)
    return render(
        request,
        "workshops/join/join.html",
        {
            "session": session,
            "membership": membership,
            "error_message": error_message,
            "name": name,
            "removed": removed,
            "login_url": f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.path})}",
        },
        status=400 if error_message else 200,
    )


def _room_context(request, session, participant, **extra):
    board = selectors.live_board(session=session, participant=participant)
    posts = board["posts"]
    # Their own group's board only while the step is a group step; otherwise the whole room's.
    step = board["step"]
    in_groups = bool(session.group_count and participant.group and step and step.kind == StepKind.GROUPS)
    mine = [p for p in posts if p.group in (participant.group, None)] if in_groups else posts
    others = [p for p in posts if p.group not in (participant.group, None)] if in_groups else []
    return {
        "session": session,
        "participant": participant,
        **board,
        "in_groups": in_groups,
        "mine": mine,
        "others": others,
        **extra,
    }


class _Removed(Exception):
    """The guest was removed from the room while their phone still showed it."""


def _room_or_404(request, code):
    session = _session_or_404(request, code)
    participant = _participant(request, session)
    if participant is None:
        if selectors.guest_was_removed(session=session, guest_ids=selectors.guest_ids_of(request.session)):
            raise _Removed(session)
        raise Http404(_("Join the workshop first."))
    return session, participant


def _removed(request, session):
    """Back to the room, which says the facilitator removed them (a whole reload under htmx)."""
    if request.htmx:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return redirect("join:room", code=session.join_code)


def _in_the_room(view):
    """A participant's action: a removed guest is led back to the room's page instead of a 404."""

    @functools.wraps(view)
    def wrapper(request, code, *args, **kwargs):
        try:
            return view(request, code, *args, **kwargs)
        except _Removed as removed:
            return _removed(request, removed.args[0])

    return wrapper


def _back_to_room(request, session, participant, error=None):
    if request.htmx:
        session.refresh_from_db()
        context = _room_context(
            request, session, participant, error_message=error_text(error) if error else None
        )
        return render(request, "workshops/join/_room_board.html", context, status=200)
    if error is not None:
        messages.error(request, error_text(error))
    return redirect("join:room", code=session.join_code)


@login_not_required
@require_GET
def room_board(request, code):
    """What a phone polls every two seconds: nothing (204) unless something changed."""
    session = _session_or_404(request, code)
    participant = _participant(request, session)
    if participant is None:
        if selectors.guest_was_removed(session=session, guest_ids=selectors.guest_ids_of(request.session)):
            # Removed by the facilitator: the whole page reloads, into the join page that says so.
            response = HttpResponse(status=204)
            response["HX-Refresh"] = "true"
            return response
        raise Http404(_("Join the workshop first."))
    if request.GET.get("rev") == str(session.revision):
        return HttpResponse(status=204)
    if session.state == SessionState.ENDED:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render(request, "workshops/join/_room_board.html", _room_context(request, session, participant))


@login_not_required
@require_POST
@_in_the_room
def post_create(request, code):
    session, participant = _room_or_404(request, code)
    try:
        services.post_create(participant=participant, text=request.POST.get("text", ""))
    except ValidationError as error:
        return _back_to_room(request, session, participant, error)
    return _back_to_room(request, session, participant)


@login_not_required
@require_POST
@_in_the_room
def vote(request, code, post_id):
    session, participant = _room_or_404(request, code)
    post = selectors.access_post(session=session, post_id=post_id)
    try:
        services.vote_cast(participant=participant, post=post, remove=request.POST.get("remove") == "1")
    except ValidationError as error:
        return _back_to_room(request, session, participant, error)
    return _back_to_room(request, session, participant)


@login_not_required
@require_http_methods(["GET", "POST"])
@_in_the_room
def post_delete(request, code, post_id):
    """A participant takes back their own post, after a confirmation."""
    session, participant = _room_or_404(request, code)
    post = selectors.post_find(session=session, post_id=post_id)
    if post is None or post.author_id != participant.pk:
        raise Http404(_("No such post of yours in this workshop."))
    back = resolve_url("join:room", code=session.join_code)
    error_message = None
    if request.method == "POST":
        try:
            services.post_delete(participant=participant, post=post)
        except ValidationError as error:
            error_message = error_text(error)
        else:
            messages.success(request, _("Your post is deleted."))
            return redirect(back)
    return render(
        request,
        "workshops/post_delete.html",
        {"session": session, "post": post, "back_url": back, "own": True, "error_message": error_message},
        status=400 if error_message else 200,
    )
