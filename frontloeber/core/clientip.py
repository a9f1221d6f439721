"""The client's address, as the rate limits see it: one function for the login lockout and the workshops.

Directly exposed (``TRUSTED_PROXY_COUNT = 0``, the default) the client is the connection's own address,
``REMOTE_ADDR``, and an ``X-Forwarded-For`` the client sends is ignored: otherwise anyone could pick a new
address for every attempt. Behind N trusted reverse proxies (the TLS proxy production assumes is one), each
proxy appends the address it saw to ``X-Forwarded-For``; the client is the N-th entry from the right, and
whatever the client itself wrote further left is not believed. django-ipware reads the header.

Set ``TRUSTED_PROXY_COUNT`` to the number of proxies that really stand in front of the app: too low and every
client shares the proxy's address (one person can lock everyone out); too high and clients choose their own.
Name the proxies in ``TRUSTED_PROXY_ADDRESSES`` too, and a client that reaches the app port past them is
known by its own connection's address whatever it forwards.
"""

import ipaddress
import logging

from django.conf import settings
from ipware import get_client_ip

logger = logging.getLogger(__name__)

_warned = False


def client_ip(request) -> str:
    """The client's IP address as text ("" if the request has none at all)."""
    cached = getattr(request, "_frontloeber_client_ip", None)
    if cached is not None:
        return cached
    proxies = settings.TRUSTED_PROXY_COUNT
    address = None
    if proxies and _from_a_trusted_proxy(request):
        # ipware's proxy_count is the number of entries to the right of the client in the header; the last
        # proxy's own address is REMOTE_ADDR, not in the header, so N proxies leave N - 1 entries after it.
        address, _routable = get_client_ip(
            request,
            proxy_order="left-most",
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
    else:
        _warn_once_about_a_proxy(request)
    if address is None:
        address, _routable = get_client_ip(request, request_header_order=["REMOTE_ADDR"], strict=False)
    result = address or request.META.get("REMOTE_ADDR", "") or ""
    request._frontloeber_client_ip = result
    return result


def _from_a_trusted_proxy(request) -> bool:
    """Whether the connection comes from one of TRUSTED_PROXY_ADDRESSES (any, when none are named)."""
    trusted = getattr(settings, "TRUSTED_PROXY_ADDRESSES", [])
    if not trusted:
        return True
    try:
        peer = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    for entry in trusted:
        try:
            if peer in ipaddress.ip_network(entry, strict=False):
                return True
        except ValueError:
            continue
    return False


def client_network(request) -> str:
    """What rate limits count: the address, or for IPv6 its /64 (one subscriber usually has a whole /64)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, 64), strict=False))
    return str(parsed)


def _warn_once_about_a_proxy(request):
    """A forwarded header with no trusted proxy configured: say once that the limits may see one address."""
    global _warned
    if not _warned and settings.PRODUCTION and request.META.get("HTTP_X_FORWARDED_FOR"):
        _warned = True
        logger.warning(
            "Requests carry X-Forwarded-For but TRUSTED_PROXY_COUNT is 0: if the app runs behind a reverse "
            "proxy, every client shares its address for the login and workshop rate limits. Set "
            "TRUSTED_PROXY_COUNT to the number of proxies in front of the app."
        )
