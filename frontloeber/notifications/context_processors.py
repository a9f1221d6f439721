import functools

from .selectors import unread_count


def unread(request):
    """The bell's count of unread notifications; one query, only when a template calls it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": functools.cache(lambda: unread_count(user=request.user))}
