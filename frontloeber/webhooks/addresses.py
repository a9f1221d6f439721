"""Where a webhook may be sent, checked when an admin registers the address and again before each delivery
(its DNS may have changed since).

In production: https only, and every address the host name resolves to must be on the internet (global), so
an admin cannot make Frontløber knock on doors in the municipality's own network or on this machine. Outside
production (``WEBHOOKS_ALLOW_LOOPBACK``, on with DEBUG and in the tests) plain http is allowed too, to this
machine only (127.0.0.0/8, ::1); private addresses stay refused there as well.

A delivery connects to the very address that was checked (``pinned_session``): the host name is not looked
up a second time between the check and the connection, so a name that answers a public address to the check
and a private one to the connection gains nothing. TLS still checks the certificate against the host name.
Redirects are never followed, and no proxy from the environment is used.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.utils.translation import gettext as _
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util import connection

from .models import URL_MAX


class AddressRefused(ValueError):
    """The address may not be sent to; the message says why, in the person's language."""


@dataclass(frozen=True)
class Target:
    url: str
    host: str
    addresses: tuple  # the checked IP addresses, first to be used first


def loopback_allowed() -> bool:
    return bool(getattr(settings, "WEBHOOKS_ALLOW_LOOPBACK", False))


def _ip(text: str):
    ip = ipaddress.ip_address(text.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


# IPv6 addresses that carry an IPv4 address for a gateway or tunnel to deliver to: NAT64's well-known prefix
# (an IPv6-only host reaches 64:ff9b::10.0.0.1 as 10.0.0.1), SIIT's, and the old IPv4-compatible form; 6to4
# (2002::/16) carries one too (``sixtofour``). Python calls most of them global; the IPv4 inside decides.
_CARRIES_IPV4 = [ipaddress.ip_network(net) for net in ("64:ff9b::/96", "::ffff:0:0:0/96", "::/96")]
# Never a webhook's receiver, whatever Python says: NAT64 for a network's own use (RFC 8215), and IANA's
# protocol assignments (192.0.0.0/24: anycast and dummy addresses; Python 3.11 calls 192.0.0.8-.15 global).
_NOT_RECEIVERS = [ipaddress.ip_network(net) for net in ("64:ff9b:1::/48", "192.0.0.0/24")]


def _carried(ip):
    """The IPv4 address ``ip`` carries to a gateway or tunnel, or None."""
    if ip.version != 6:
        return None
    if ip.sixtofour is not None:
        return ip.sixtofour
    if any(ip in net for net in _CARRIES_IPV4):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _on_the_internet(ip) -> bool:
    if not ip.is_global or ip.is_multicast or any(ip in net for net in _NOT_RECEIVERS):
        return False
    inner = _carried(ip)
    return inner is None or _on_the_internet(inner)


def check_address(url: str) -> Target:
    """The address as a ``Target`` with its checked IP addresses, or ``AddressRefused`` saying why not."""
    url = (url or "").strip()
    if not url:
        raise AddressRefused(_("Write the address the events should be sent to."))
    if len(url) > URL_MAX:
        raise AddressRefused(_("The address can be at most %(n)s characters.") % {"n": URL_MAX})
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise AddressRefused(_("That is not a web address; it should begin with https://.")) from error
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http") or not parts.hostname:
        raise AddressRefused(_("That is not a web address; it should begin with https://."))
    if parts.username is not None or parts.password is not None:
        raise AddressRefused(_("The address may not hold a user name or password."))
    local_ok = loopback_allowed()
    if scheme == "http" and not local_ok:
        raise AddressRefused(_("The address must begin with https://."))
    try:
        found = socket.getaddrinfo(
            parts.hostname, port or (443 if scheme == "https" else 80), type=socket.SOCK_STREAM
        )
        addresses = tuple(dict.fromkeys(_ip(info[4][0]) for info in found))
    except (OSError, UnicodeError, ValueError) as error:
        raise AddressRefused(_("The host %(host)s is not known.") % {"host": parts.hostname}) from error
    for ip in addresses:
        if not _on_the_internet(ip) and not (local_ok and ip.is_loopback):
            raise AddressRefused(
                _(
                    "%(host)s is not on the internet (a private or local address), so Frontløber will not "
                    "send to it."
                )
                % {"host": parts.hostname}
            )
    if scheme == "http" and not all(ip.is_loopback for ip in addresses):
        raise AddressRefused(_("The address must begin with https://."))
    if not addresses:
        raise AddressRefused(_("The host %(host)s is not known.") % {"host": parts.hostname})
    return Target(url=url, host=parts.hostname, addresses=addresses)


def pinned_session(target: Target) -> requests.Session:
    """A session whose connections go to ``target``'s first checked address, whatever the name resolves to
    by then; the Host header, SNI and the certificate check keep the host name."""
    address = str(target.addresses[0])

    def new_conn(self):
        return connection.create_connection(
            (address, self.port),
            self.timeout,
            source_address=self.source_address,
            socket_options=self.socket_options,
        )

    http_connection = type("PinnedHTTPConnection", (HTTPConnection,), {"_new_conn": new_conn})
    https_connection = type("PinnedHTTPSConnection", (HTTPSConnection,), {"_new_conn": new_conn})
    adapter = HTTPAdapter(max_retries=0)
    adapter.poolmanager.pool_classes_by_scheme = {
        "http": type("PinnedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": http_connection}),
        "https": type("PinnedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": https_connection}),
    }
    session = requests.Session()
    session.trust_env = False  # no proxy, no .netrc: the connection goes where it was checked to go
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
