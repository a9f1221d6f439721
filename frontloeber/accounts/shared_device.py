"""A shared device (issue 21, point 4): the kindergarten's iPad, marked by its workplace's leader.

The mark is a long-lived signed cookie holding the device's key and nothing else; what the key stands for
(the workplace's name, its idle time, its organisation's sign-in) is looked up through the registry
``accounts.registry.shared_devices`` each request, so a leader who forgets the device or changes the idle
time is obeyed at once. Accounts knows no workplace: the devices app registers the lookup.

On a marked device the session ends after the workplace's shorter idle time (``sessions``), every answer is
``no-store`` so Back shows nobody's page to the next person, and signing out also clears what the app kept in
the browser (``Clear-Site-Data``, in ``views.LogoutView``).
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from django.conf import settings

from . import registry

COOKIE_NAME = "fl_shared_device"
_SALT = "frontloeber.accounts.shared_device"
# Browsers cap a cookie's life at 400 days; the leader marks the device again after that.
MAX_AGE = 400 * 24 * 60 * 60

IDLE_MINUTES_DEFAULT = 10
IDLE_MINUTES_MIN = 2
IDLE_MINUTES_MAX = 60

# What the server answers a sign-out with on a shared device. "cookies" is left out on purpose: it would
# take the device's own mark with it, and the session cookie is ended by the sign-out anyway.
CLEAR_SITE_DATA = '"cache", "storage"'


@dataclass(frozen=True)
class SharedDevice:
    """What a device's mark stands for, as the registered lookup found it."""

    key: str
    workplace_name: str
    idle_minutes: int
    # The organisation's own ways to sign in, in the shape of ``registry.sign_in_options``; asked only by
    # the login page, so other requests do not look them up.
    sign_in_options: Callable[[], list[dict]] = field(default=list, compare=False)


def set_mark(response, key):
    response.set_signed_cookie(
        COOKIE_NAME,
        str(key),
        salt=_SALT,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def remove_mark(response):
    response.delete_cookie(COOKIE_NAME, samesite="Lax")


def marked_key(request):
    """The key in the device's mark, or None (no mark, or one that was changed or signed with another
    secret)."""
    return request.get_signed_cookie(COOKIE_NAME, default=None, salt=_SALT, max_age=MAX_AGE)


def current(request):
    """This request's shared device, or None: looked up once per request."""
    if not hasattr(request, "_fl_shared_device"):
        found = None
        key = marked_key(request)
        if key:
            for lookup in registry.shared_devices:
                found = lookup(key=key)
                if found is not None:
                    break
        if found is not None:
            # The site's own idle time, where it is shorter still, holds on a shared device too.
            found = replace(found, idle_minutes=min(found.idle_minutes, settings.SESSION_IDLE_MINUTES))
        request._fl_shared_device = found
    return request._fl_shared_device


def idle_minutes(request) -> int:
    """The session's idle time on this request's device."""
    device = current(request)
    return device.idle_minutes if device is not None else settings.SESSION_IDLE_MINUTES
