"""Where a page sends the person afterwards, given in the request (``next``)."""

from django.utils.http import url_has_allowed_host_and_scheme


def local_next(request, value) -> str:
    """``value`` if it is an address on this site (a path), else "": a ``next`` can never send anyone to
    another site after a sign-in or a grave change."""
    value = value or ""
    if value.startswith("/") and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()}):
        return value
    return ""
