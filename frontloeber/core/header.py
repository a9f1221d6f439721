"""The header's counts (the bell's unread notifications, a leader's inbox), all in one query.

An app above core registers a count from its ``AppConfig.ready``; the header asks for them only when its
template reads one, and then gets every count in a single SELECT of scalar subqueries.

Django took longer to build that SELECT's SQL than the database took to answer it, on every page. The SQL is
the same for everyone but for the person's and the workplace's ids, so it is built once per database, process
and set of counts that apply (core/compiled.py), and only the ids change from request to request. A count's
rows may therefore depend on the person and the workplace alone (no dates, no other values).
"""

from django.contrib.auth import get_user_model
from django.db import router
from django.db.models import F, Func, Subquery

from .compiled import fetch_with_ids
from .registry import Registry

header_counts = Registry(
    """Triples ``(name, applies, rows)``: ``applies(request)`` says whether the count is shown on this request
    (else it is 0); ``rows(user=, workplace=)`` gives the rows it counts under ``header_counts.<name>``, from
    the person and the current workplace (None outside a workplace) and nothing else."""
)


def _select(names, workplace_model, ids):
    rows = {name: rows for name, _applies, rows in header_counts if name in names}
    user = get_user_model()(pk=ids["user"])
    # The workplace's model as the request has it: core sits below the app that defines it.
    workplace = (
        workplace_model(pk=ids["workplace"], organisation_id=ids["organisation"]) if workplace_model else None
    )
    # COUNT as a plain function, not an aggregate, so the subquery stays one row without a GROUP BY.
    subqueries = {
        name: Subquery(
            rows[name](user=user, workplace=workplace)
            .order_by()
            .annotate(_n=Func(F("pk"), function="COUNT"))
            .values("_n")
        )
        for name in names
    }
    return get_user_model().objects.filter(pk=user.pk).values(**subqueries)


def counts_for(request) -> dict[str, int]:
    """Every registered count for this request, in one query (none when no count applies)."""
    counts = dict.fromkeys((name for name, _applies, _rows in header_counts), 0)
    names = tuple(name for name, applies, _rows in header_counts if applies(request))
    if not names:
        return counts
    workplace = getattr(request, "workplace", None)
    ids = {"user": request.user.pk}
    if workplace is not None:
        ids.update(workplace=workplace.pk, organisation=workplace.organisation_id)
    workplace_model = type(workplace) if workplace is not None else None
    _columns, rows = fetch_with_ids(
        ("header counts", names, workplace_model),
        lambda ids: _select(names, workplace_model, ids),
        using=router.db_for_read(get_user_model()),
        ids=ids,
    )
    counts.update(zip(names, rows[0], strict=True))
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
