"""Login rate limiting: django-axes per account and address, and a throttle per address across accounts.

axes locks an (account, address) pair after AXES_FAILURE_LIMIT failures, so the account's owner can still
sign in from elsewhere while an attacker is paused. axes has one failure limit for every lockout
parameter, so adding the address alone to AXES_LOCKOUT_PARAMETERS would pause a whole office network after
five typos. The address-wide throttle is therefore a counter of its own with a higher limit
(LOGIN_FAILURES_PER_ADDRESS), kept in the cache every worker shares, and hooked into axes through its
handler: a throttled address is "locked" to axes, so the login answers with the same 429 page.

The address is the client's as the trusted proxies report it (core/clientip.py, AXES_CLIENT_IP_CALLABLE);
the throttle counts an IPv6 client by its /64.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_cool_off
from axes.signals import user_locked_out
from django.conf import settings

from frontloeber.core import ratelimit
from frontloeber.core.clientip import client_network


def login_username(request, credentials):
    """The e-mail a login attempt is counted against: trimmed and lower-case, as logins ignore case."""
    value = (credentials or {}).get("username") or request.POST.get("username", "")
    return value.strip().lower()


def _address_key(request):
    return f"login-failures:{client_network(request)}"


def _window(request):
    return int(get_cool_off(request).total_seconds())


# How long a successful login keeps its account welcome from the same address while the address is throttled.
KNOWN_HERE_SECONDS = 60 * 60 * 24 * 30


def _known_key(request, username):
    return f"login-known:{client_network(request)}:{username}"


def known_here(request, credentials) -> bool:
    """Whether this account has signed in from this address lately: a municipality's staff share one
    address behind its proxy, and someone else's failures there must not keep them out. Their own failures
    still lock the account here (per account and address, by axes)."""
    username = login_username(request, credentials)
    return bool(username) and ratelimit.count(_known_key(request, username)) > 0


def address_throttled(request, credentials=None) -> bool:
    """Whether this address has failed to log in too often lately, whichever accounts it tried, for an
    account that has not signed in from it lately."""
    throttled = ratelimit.count(_address_key(request)) >= settings.LOGIN_FAILURES_PER_ADDRESS
    if throttled and known_here(request, credentials):
        return False
    if throttled:
        request.login_address_throttled = True  # the lockout page says it is the address, not the account
    return throttled


class LoginRateLimitHandler(AxesDatabaseHandler):
    """axes' database handler, plus the address-wide throttle."""

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or address_throttled(request, credentials)

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        if request is not None:
            username = user.get_username().strip().lower()
            ratelimit.hit(_known_key(request, username), window=KNOWN_HERE_SECONDS)

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request=request, **kwargs)
        if request is None or self.is_whitelisted(request, credentials):
            return
        failures = ratelimit.hit(_address_key(request), window=_window(request))
        if failures >= settings.LOGIN_FAILURES_PER_ADDRESS:
            request.login_address_throttled = True
            if not getattr(request, "axes_locked_out", False):
                request.axes_locked_out = True
                request.axes_credentials = credentials
                user_locked_out.send(
                    "axes",
                    request=request,
                    username=get_client_username(request, credentials),
                    ip_address=request.axes_ip_address,
                )
