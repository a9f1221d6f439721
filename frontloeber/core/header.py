"""The header's counts (the bell's unread notifications, a leader's inbox), all in one query.

An app above core registers a count from its ``AppConfig.ready``; the header asks for them only when its
template reads one, and then gets every count in a single SELECT of scalar subqueries.
"""

from django.contrib.auth import get_user_model
from django.db.models import F, Func, Subquery

from .registry import Registry

header_counts = Registry(
    """Pairs ``(name, queryset_for)``: ``queryset_for(request)`` gives the rows the header counts under
    ``header_counts.<name>``, or None when the count does not apply to this request (it is then 0)."""
)


def counts_for(request) -> dict[str, int]:
    """Every registered count for this request, in one query (none when no count applies)."""
    querysets = {}
    for name, queryset_for in header_counts:
        queryset = queryset_for(request)
        if queryset is not None:
            querysets[name] = queryset
    counts = dict.fromkeys((name for name, _ in header_counts), 0)
    if querysets:
        # COUNT as a plain function, not an aggregate, so the subquery stays one row without a GROUP BY.
        subqueries = {
            name: Subquery(qs.order_by().annotate(_n=Func(F("pk"), function="COUNT")).values("_n"))
            for name, qs in querysets.items()
        }
        counts.update(get_user_model().objects.filter(pk=request.user.pk).values(**subqueries).get())
    return counts


class _Counts:
    """Reads the counts on first use, once per request."""

    def __init__(self, request):
        self._request = request
        self._counts = None

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if self._counts is None:
            self._counts = counts_for(self._request)
        try:
            return self._counts[name]
        except KeyError:
            raise AttributeError(name) from None


def counts(request):
    """Context processor: ``header_counts.<name>`` for a signed-in person."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"header_counts": _Counts(request)}
