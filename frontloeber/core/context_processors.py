import functools

from django.utils.functional import SimpleLazyObject

from frontloeber.organisations import selectors


def my_memberships(request):
    """The person's memberships, loaded once per request (the header and the home page share them)."""
    if not hasattr(request, "_my_memberships"):
        request._my_memberships = list(selectors.memberships_for_user(user=request.user))
    return request._my_memberships


def my_admin_organisations(request):
    if not hasattr(request, "_my_admin_organisations"):
        request._my_admin_organisations = list(selectors.organisations_administered(user=request.user))
    return request._my_admin_organisations


def _leader_inbox_count(request):
    from frontloeber.ideas.selectors import inbox_count

    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_leader:
        return 0
    return inbox_count(workplace=request.workplace)


def _unread_notifications(request):
    from frontloeber.notifications.selectors import unread_count

    return unread_count(user=request.user)


def navigation(request):
    """The header's workplace switcher and admin links, loaded only when a template asks."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "my_memberships": SimpleLazyObject(lambda: my_memberships(request)),
        "my_admin_organisations": SimpleLazyObject(lambda: my_admin_organisations(request)),
        # Templates call these when the header shows them: one query each, counted once per request.
        "unread_notifications": functools.cache(lambda: _unread_notifications(request)),
        "leader_inbox_count": functools.cache(lambda: _leader_inbox_count(request)),
    }
