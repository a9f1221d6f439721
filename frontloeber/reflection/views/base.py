import datetime

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from .. import selectors


def _round_or_404(workplace, round_id):
    return selectors.access_round(workplace=workplace, round_id=round_id)


def _cookie_name(round_):
    return f"fl_survey_{round_.pk}"


def _cookie_path(workplace):
    return reverse("reflection:home", kwargs={"workplace_slug": workplace.slug})


def _set_secret_cookie(response, name, secret, *, path, **lifetime):
    """A link's secret in a cookie only this workplace's survey pages receive, unreadable by scripts."""
    response.set_cookie(
        name,
        secret,
        path=path,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
        **lifetime,
    )


def _remember_secret(response, round_, secret):
    until = datetime.datetime.combine(round_.closes_on + datetime.timedelta(days=1), datetime.time())
    _set_secret_cookie(
        response,
        _cookie_name(round_),
        secret,
        path=_cookie_path(round_.workplace),
        expires=timezone.make_aware(until),
    )
    return response


def _answer_url(round_):
    return reverse(
        "reflection:answer", kwargs={"workplace_slug": round_.workplace.slug, "round_id": round_.pk}
    )


PENDING_COOKIE = "fl_survey_link"


def _follow_link(request, secret):
    """With the workplace resolved: remember a valid link on this device and go to the answers."""
    invitation = selectors.invitation_for_link(workplace=request.workplace, user=request.user, secret=secret)
    if invitation is None:
        return render(
            request, "reflection/link_invalid.html", {"message": selectors.LINK_NOT_VALID}, status=404
        )
    return _remember_secret(redirect(_answer_url(invitation.round)), invitation.round, secret)
