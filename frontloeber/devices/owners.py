"""Whose drafts are whose on a device (issue 21, point 2). Drafts kept in the browser carry an owner tag: an
opaque name for the person who wrote them, so that a device whose session ended without a sign-out through
the page (idle timeout, expiry, a closed browser) neither shows nor sends one person's drafts as another's."""

from django.utils.crypto import salted_hmac

# The pages kept by the service worker for whoever opens them next: they never name anyone.
KEPT_PAGES = frozenset({"devices:idea_shell", "devices:offline"})


def owner_tag(user) -> str:
    """The same for one person on every page and device, different between people, and neither the user id
    nor anything that can be worked back to it without the site's secret key."""
    return salted_hmac("frontloeber.devices.owner", str(user.pk), algorithm="sha256").hexdigest()[:24]


def page_owner(request) -> str:
    """The owner tag a page tells its scripts: the signed-in person's, or "" (signed out, or a kept page)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in KEPT_PAGES:
        return ""
    return owner_tag(user)
