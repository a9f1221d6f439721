from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.organisations.tenancy import workplace_view

from .. import selectors, services, tokens
from ..forms import SurveyForm
from .base import (
    PENDING_COOKIE,
    _answer_url,
    _cookie_name,
    _follow_link,
    _remember_secret,
    _round_or_404,
    _set_secret_cookie,
)

# --- The employee's side: answering with the personal link ---------------------------------------------
#
# The link's secret travels from the e-mail into a cookie on the person's own device, and the answer page
# reads it from there: so the address that is logged and shown carries no secret after the first click.


@login_not_required
def link_open(request, workplace_slug, secret):
    """The e-mailed link. Someone not logged in yet is sent to log in first, with the secret parked in a
    cookie rather than in the login page's ``next`` address (which logs and login records would keep)."""
    if not request.user.is_authenticated and request.method == "GET":
        home = reverse("reflection:home", kwargs={"workplace_slug": workplace_slug})
        response = redirect_to_login(home)
        if tokens.looks_like_secret(secret):
            _set_secret_cookie(response, PENDING_COOKIE, secret, path=home, max_age=3600)
        return response
    return _open_link(request, workplace_slug, secret)


@workplace_view
@require_GET
def _open_link(request, secret):
    return _follow_link(request, secret)


@workplace_view
@require_POST
def answer_start(request, round_id):
    round_ = _round_or_404(request.workplace, round_id)
    try:
        secret = services.answer_link_issue(user=request.user, round_=round_)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("reflection:home", workplace_slug=request.workplace.slug)
    return _remember_secret(redirect(_answer_url(round_)), round_, secret)


@workplace_view
@require_http_methods(["GET", "POST"])
def answer(request, round_id):
    round_ = _round_or_404(request.workplace, round_id)
    secret = request.COOKIES.get(_cookie_name(round_), "")
    invitation = selectors.invitation_for_link(workplace=request.workplace, user=request.user, secret=secret)
    reissued = None
    if (invitation is None or invitation.round_id != round_.pk) and request.method == "POST":
        # The link on this device was replaced (a reminder, another device) while the person was answering:
        # someone who has not answered yet may simply get a fresh one, so the answers they typed are kept.
        try:
            reissued = services.answer_link_issue(user=request.user, round_=round_)
        except (ValidationError, PermissionDenied):
            reissued = None
        if reissued is not None:
            secret = reissued
            invitation = selectors.invitation_for_link(
                workplace=request.workplace, user=request.user, secret=secret
            )
    if invitation is None or invitation.round_id != round_.pk:
        mine = selectors.my_invitation(round_=round_, user=request.user)
        return render(
            request,
            "reflection/answer_start.html",
            {"round": round_, "invitation": mine},
            status=200 if mine else 404,
        )
    saved = selectors.response_for_link(round_=round_, secret=secret)
    answers, comments = saved or ({}, {})
    practices = selectors.practices_with_items(version=round_.version)
    form = SurveyForm(
        request.POST or None, practices=practices, respondent="employee", answers=answers, comments=comments
    )
    if request.method == "POST" and form.is_valid():
        try:
            _response, first_time = services.response_submit(
                user=request.user,
                workplace=request.workplace,
                secret=secret,
                answers=form.answers(),
                comments=form.comments(),
            )
        except (ValidationError, PermissionDenied) as error:
            if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
                apply_validation_error(form, error)
            else:
                form.add_error(None, error_text(error))
        else:
            closes = formats.date_format(round_.closes_on, "DATE_FORMAT")
            if first_time:
                messages.success(
                    request,
                    _(
                        "Thank you. Your answers are saved anonymously. You can change them until %(day)s on "
                        "this device, or with the link we have e-mailed you."
                    )
                    % {"day": closes},
                )
            else:
                messages.success(request, _("Your changed answers are saved."))
            response = redirect("reflection:home", workplace_slug=request.workplace.slug)
            return _remember_secret(response, round_, secret) if reissued else response
    return render(
        request,
        "reflection/answer.html",
        {"round": round_, "form": form, "changing": saved is not None},
    )
