from django.utils.functional import SimpleLazyObject

from . import selectors


def my_memberships(request):
    """The person's memberships, loaded once per request (the header and the home page share them)."""
    if not hasattr(request, "_my_memberships"):
        request._my_memberships = list(selectors.memberships_for_user(user=request.user))
    return request._my_memberships


def my_admin_organisations(request):
    if not hasattr(request, "_my_admin_organisations"):
        request._my_admin_organisations = list(selectors.organisations_administered(user=request.user))
    return request._my_admin_organisations


def navigation(request):
    """The header's workplace switcher and admin links, loaded only when a template asks.

    The apps above add their own counts to the header with their own context processors.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "my_memberships": SimpleLazyObject(lambda: my_memberships(request)),
        "my_admin_organisations": SimpleLazyObject(lambda: my_admin_organisations(request)),
    }
