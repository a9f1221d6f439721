from django.utils.functional import SimpleLazyObject

from . import selectors


def _mine(request):
    """The person's memberships and administered organisations, loaded once per request in one query (the
    header and the home page share them)."""
    if not hasattr(request, "_my_memberships"):
        request._my_memberships, request._my_admin_organisations = selectors.memberships_and_organisations(
            user=request.user
        )
    return request._my_memberships, request._my_admin_organisations


def my_memberships(request):
    return _mine(request)[0]


def my_admin_organisations(request):
    return _mine(request)[1]


def navigation(request):
    """The header's workplace switcher and admin links, loaded only when a template asks.

    The apps above add their own counts to the header through ``core.header``.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "my_memberships": SimpleLazyObject(lambda: my_memberships(request)),
        "my_admin_organisations": SimpleLazyObject(lambda: my_admin_organisations(request)),
    }
