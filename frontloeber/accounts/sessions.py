"""Sessions as a public-sector system keeps them (issue 19, point 5): an idle timeout and an absolute
lifetime, sign-out everywhere, and a fresh proof of who one is before the gravest changes.

The times sit in the session itself (seconds since the epoch): when the person signed in, when they were
last seen (written at most once a minute, so an active person's requests do not each write the session) and
when they last proved who they are.
"""

import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.contrib.auth.signals import user_logged_in
from django.db.models import F
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from . import shared_device
from .models import SignIn, SignInMethod

SIGNED_IN_AT = "fl_signed_in_at"
SEEN_AT = "fl_seen_at"
PROVED_AT = "fl_proved_at"
SEEN_EVERY = 60
# Sent by pages that poll on their own (hx-headers: the live workshop boards, the staff import's progress).
POLL_HEADER = "X-Frontloeber-Poll"


def _now():
    return int(time.time())


def sign_in_method(user):
    backend = getattr(user, "backend", "") or ""
    for method in (SignInMethod.SAML, SignInMethod.OIDC):
        if method.value in backend.lower():
            return method
    return SignInMethod.PASSWORD


@receiver(user_logged_in, dispatch_uid="accounts.sessions.signed_in")
def signed_in(sender, request, user, **kwargs):
    """A sign-in starts the session's clocks and is recorded as a sign-in. It counts as a fresh proof when
    the person typed their password, or when the identity provider was asked to ask them again
    (``request.fl_proved``, set by single sign-on for ForceAuthn / prompt=login): an ordinary single sign-on
    may be answered silently from the IdP's own session, which proves nothing about who is at the screen."""
    method = sign_in_method(user)
    if request is not None and hasattr(request, "session"):
        now = _now()
        request.session[SIGNED_IN_AT] = now
        request.session[SEEN_AT] = now
        if method == SignInMethod.PASSWORD or getattr(request, "fl_proved", False):
            request.session[PROVED_AT] = now
        else:
            request.session.pop(PROVED_AT, None)
    SignIn.objects.create(user=user, method=method)


def session_expired(session, *, now=None, idle_minutes=None):
    """Why the session has ended ("idle", "lifetime") or None while it lasts. ``idle_minutes`` is a shared
    device's shorter idle time (issue 21), else the setting's."""
    now = now or _now()
    signed_in_at = session.get(SIGNED_IN_AT)
    seen_at = session.get(SEEN_AT)
    if signed_in_at is None or seen_at is None:
        return None
    if now - seen_at > (idle_minutes or settings.SESSION_IDLE_MINUTES) * 60:
        return "idle"
    if now - signed_in_at > settings.SESSION_LIFETIME_HOURS * 3600:
        return "lifetime"
    return None


class SessionLimitsMiddleware:
    """Ends a signed-in session that has been idle too long or has lived its whole lifetime, and sends the
    person to the login page with a message saying why (and back to where they were, for a page).

    On a shared device (issue 21, point 4; ``request.shared_device``) the idle time is the workplace's
    shorter one, and no answer may be kept by the browser: Back after the next person signs in must fetch
    the page again, and be sent to the login page, rather than show the previous person's page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.shared_device = shared_device.current(request)
        response = self._limit(request)
        if response is None:
            response = self.get_response(request)
        if request.shared_device is not None:
            add_never_cache_headers(response)
        return response

    def _limit(self, request):
        session = request.session
        if "_auth_user_id" in session:
            now = _now()
            idle_minutes = shared_device.idle_minutes(request)
            if session.get(SIGNED_IN_AT) is None:
                # A session from before these clocks: they start now.
                session[SIGNED_IN_AT] = now
                session[SEEN_AT] = now
            reason = session_expired(session, now=now, idle_minutes=idle_minutes)
            if reason:
                logout(request)
                if reason == "idle":
                    text = _(
                        "You were signed out after %(minutes)s minutes without activity. Sign in again."
                    ) % {"minutes": idle_minutes}
                else:
                    text = _("You were signed out after %(hours)s hours. Sign in again.") % {
                        "hours": settings.SESSION_LIFETIME_HOURS
                    }
                messages.info(request, text)
                url = reverse("accounts:login")
                htmx = request.headers.get("HX-Request") == "true"
                # On a shared device the next person to sign in is seldom the one who left: they must not be
                # sent on to the page the last one had open, nor read its address in the login page's.
                if request.method == "GET" and not htmx and request.shared_device is None:
                    url += "?" + urlencode({"next": request.get_full_path()})
                response = redirect(url)
                if htmx:
                    response["HX-Redirect"] = url
                return response
            # A board that asks for news by itself (a live workshop's, marked by POLL_HEADER) is no one at the
            # screen: on a shared device it must not keep the last person signed in.
            polled = request.headers.get(POLL_HEADER) == "1" and request.shared_device is not None
            # A short idle time needs a finer clock: at most a tenth of it may pass unrecorded.
            if not polled and now - session.get(SEEN_AT, now) >= min(SEEN_EVERY, idle_minutes * 6):
                session[SEEN_AT] = now
        return None


def proved_recently(request) -> bool:
    proved_at = request.session.get(PROVED_AT)
    return proved_at is not None and _now() - proved_at <= settings.REAUTHENTICATE_MINUTES * 60


def mark_proved(request):
    request.session[PROVED_AT] = _now()


def reauthentication_required(view):
    """Before the gravest changes (single sign-on, mappings, erasing a person): the person must have proved
    who they are within the last few minutes, else they are asked again and come back here."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not proved_recently(request):
            return reauthenticate_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper


def reauthenticate_redirect(request):
    """To the password page, and back here afterwards (a form posted here is shown again, not re-sent)."""
    target = request.get_full_path() if request.method == "GET" else request.path
    return redirect(reverse("accounts:reauthenticate") + "?" + urlencode({"next": target}))


def sign_out_everywhere(*, user):
    """Ends every session of the person, on every device, this one included."""
    get_user_model().objects.filter(pk=user.pk).update(session_epoch=F("session_epoch") + 1)
