import functools

from .selectors import inbox_count


def _leader_inbox_count(request):
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_leader:
        return 0
    return inbox_count(workplace=request.workplace)


def leader_inbox(request):
    """The header's count of ideas waiting for a leader; one query, only when a template calls it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"leader_inbox_count": functools.cache(lambda: _leader_inbox_count(request))}
