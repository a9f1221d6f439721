import segno
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.core.forms import error_text
from frontloeber.organisations.tenancy import workplace_view

from .. import selectors, services
from ..models import SessionState
from .base import _board_url, _facilitated_or_404, _outputs_url

# --- Running the session: the facilitator's screen ------------------------------------------------


def _join_url(request, session):
    return request.build_absolute_uri(reverse("join:room", kwargs={"code": session.join_code}))


def _live_context(request, session):
    board = selectors.live_board(session=session)
    return {"session": session, **board, "join_url": _join_url(request, session) if session.join_code else ""}


def _back_to_live(request, session):
    """After a facilitator's change: the fresh board for htmx, the whole page otherwise."""
    session.refresh_from_db()
    if request.htmx:
        return render(request, "workshops/live/_facilitator_board.html", _live_context(request, session))
    return redirect("workshops:session_live", workplace_slug=request.workplace.slug, session_id=session.pk)


def _refused(request, session, error):
    if request.htmx:
        context = {**_live_context(request, session), "error_message": error_text(error)}
        return render(request, "workshops/live/_facilitator_board.html", context)
    messages.error(request, error_text(error))
    return redirect("workshops:session_live", workplace_slug=request.workplace.slug, session_id=session.pk)


@workplace_view
@require_POST
def session_start(request, session_id):
    session = _facilitated_or_404(request, session_id)
    try:
        services.session_start(actor=request.user, session=session)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect(session.get_absolute_url())
    return redirect("workshops:session_live", workplace_slug=request.workplace.slug, session_id=session.pk)


@workplace_view
@require_GET
def session_live(request, session_id):
    session = _facilitated_or_404(request, session_id)
    if session.state != SessionState.LIVE:
        return redirect(session.get_absolute_url())
    context = _live_context(request, session)
    context["qr"] = _qr(context["join_url"])
    return render(request, "workshops/live/facilitator.html", context)


def _qr(join_url):
    return mark_safe(  # noqa: S308 - segno draws the SVG from our own URL
        segno.make(join_url, error="m").svg_inline(scale=5, title=_("QR code to join"))
    )


@workplace_view
@require_GET
def session_present(request, session_id):
    """The projector's page (issue 17, point 5): the workshop's topic and step large, the join code and QR,
    the posts without their authors' names; no personal menu, bell or inbox. It follows the controls page by
    polling: the facilitator steers from their own phone or laptop."""
    session = _facilitated_or_404(request, session_id)
    return render(request, "workshops/live/present.html", _present_context(request, session))


def _present_context(request, session):
    if session.state != SessionState.LIVE:
        return {"session": session}
    context = _live_context(request, session)
    context["qr"] = _qr(context["join_url"])
    return context


@workplace_view
@require_GET
def session_present_board(request, session_id):
    """What the projector polls: nothing (204) unless the board changed (starting and ending change it too,
    so the room sees the workshop begin and end)."""
    session = _facilitated_or_404(request, session_id)
    if request.GET.get("rev") == str(session.revision):
        return HttpResponse(status=204)
    return render(request, "workshops/live/_present_board.html", _present_context(request, session))


@workplace_view
@require_GET
def session_live_board(request, session_id):
    """What the projector polls every two seconds: nothing (204) unless the board changed."""
    session = _facilitated_or_404(request, session_id)
    if request.GET.get("rev") == str(session.revision):
        return HttpResponse(status=204)
    return render(request, "workshops/live/_facilitator_board.html", _live_context(request, session))


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@workplace_view
@require_POST
def session_control(request, session_id):
    """The facilitator's buttons: steps, countdown, vote, groups, merging two posts and the end."""
    session = _facilitated_or_404(request, session_id)
    action = request.POST.get("action", "")
    try:
        if action in services.STEP_ACTIONS:
            services.session_step(
                actor=request.user, session=session, action=action, minutes=_int(request.POST.get("minutes"))
            )
        elif action == "merge":
            post = selectors.post_find(session=session, post_id=_int(request.POST.get("post")))
            into = selectors.post_find(session=session, post_id=_int(request.POST.get("merge_into")))
            if post is None or into is None:
                raise ValidationError(_("Choose two posts of this workshop."))
            services.post_merge(actor=request.user, post=post, into=into)
        elif action == "vote_open":
            services.vote_open(actor=request.user, session=session, dots=_int(request.POST.get("dots")))
        elif action == "vote_close":
            services.vote_close(actor=request.user, session=session)
        elif action == "split":
            services.groups_split(actor=request.user, session=session, count=_int(request.POST.get("groups")))
        elif action == "theme":
            services.theme_create(actor=request.user, session=session, name=request.POST.get("name", ""))
        elif action == "end":
            services.session_end(actor=request.user, session=session)
            messages.success(request, _("The workshop has ended. Now turn the posts into what they become."))
            if request.htmx:
                response = HttpResponse(status=204)
                response["HX-Redirect"] = _outputs_url(session)
                return response
            return redirect(_outputs_url(session))
        else:
            raise ValidationError(_("Unknown step action."))
    except ValidationError as error:
        return _refused(request, session, error)
    return _back_to_live(request, session)


@workplace_view
@require_POST
def post_arrange(request, session_id, post_id):
    """Put a post under a theme or move it to another group's board (merging two posts is one control for
    the whole board: ``session_control``)."""
    session = _facilitated_or_404(request, session_id)
    post = selectors.access_post(session=session, post_id=post_id)
    try:
        if "theme" in request.POST:
            theme_id = _int(request.POST["theme"])
            theme = selectors.theme_find(session=session, theme_id=theme_id) if theme_id else None
            if theme_id and theme is None:
                raise ValidationError(_("Choose one of this workshop's themes."))
            services.post_theme(actor=request.user, post=post, theme=theme)
        elif "group" in request.POST:
            services.post_move(actor=request.user, post=post, group=_int(request.POST["group"]))
        else:
            raise ValidationError(_("Choose what to do with the post."))
    except ValidationError as error:
        return _refused(request, session, error)
    return (
        _back_to_live(request, session)
        if session.state == SessionState.LIVE
        else redirect(_outputs_url(session))
    )


@workplace_view
@require_http_methods(["GET", "POST"])
def post_remove(request, session_id, post_id):
    """Take a post off the board, after a confirmation: live, or when tidying up after the workshop."""
    session = _facilitated_or_404(request, session_id)
    post = selectors.access_post(session=session, post_id=post_id)
    back = _board_url(session)
    error_message = None
    if request.method == "POST":
        try:
            services.post_remove(actor=request.user, post=post)
        except ValidationError as error:
            error_message = error_text(error)
        else:
            messages.success(request, _("The post is removed."))
            return redirect(back)
    return render(
        request,
        "workshops/post_delete.html",
        {"session": session, "post": post, "back_url": back, "own": False, "error_message": error_message},
        status=400 if error_message else 200,
    )


@workplace_view
@require_POST
def participant_group(request, session_id, participant_id):
    session = _facilitated_or_404(request, session_id)
    participant = selectors.access_participant(session=session, participant_id=participant_id)
    try:
        services.participant_move(
            actor=request.user, participant=participant, group=_int(request.POST.get("group"))
        )
    except ValidationError as error:
        return _refused(request, session, error)
    return _back_to_live(request, session)


@workplace_view
@require_http_methods(["GET", "POST"])
def participant_remove(request, session_id, participant_id):
    """Take a guest out of the room, after a confirmation that says what goes with them."""
    session = _facilitated_or_404(request, session_id)
    participant = selectors.participant_find(session=session, participant_id=participant_id)
    back = _board_url(session)
    if participant is None and selectors.removed_guest(session=session, participant_id=participant_id):
        # Clicked twice, or come back to with the browser's Back button.
        messages.info(request, _("The guest is already removed from the workshop."))
        return redirect(back)
    if participant is None or not participant.is_guest:
        raise Http404(_("No such guest in this workshop."))
    error_message = None
    if request.method == "POST":
        try:
            services.participant_remove(actor=request.user, participant=participant)
        except ValidationError as error:
            error_message = error_text(error)
        else:
            messages.success(
                request, _("%(name)s is removed from the workshop.") % {"name": participant.display_name}
            )
            return redirect(back)
    return render(
        request,
        "workshops/participant_remove.html",
        {
            "session": session,
            "participant": participant,
            **selectors.guest_footprint(participant=participant),
            "back_url": back,
            "error_message": error_message,
        },
        status=400 if error_message else 200,
    )
