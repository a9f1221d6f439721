from django.core.paginator import Paginator
from django.db.models import Count, F, RowRange, Window

PER_PAGE = 50


def paginate(request, queryset, *, per_page=PER_PAGE):
    """The requested page of a list; a page number off the range or not a number gives the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("side"))


class RankedList:
    """A list whose order is only known once every row is weighed (a search, best match first), for the
    paginator. A page is one query for its rows' ids with the number of all rows beside them (a window count:
    free, as every row is weighed anyway) and one for the rows themselves, where a count and a page would
    each weigh every row, and the page would read every row's columns to sort them.

    ``ordered`` is the ordered queryset that decides which rows and in what order; ``rows`` the queryset the
    page's objects are read from (with what the page shows joined), filtered by their ids. Without
    ``window_count`` the rows are counted by a query of their own (SQLite's FTS5 cannot rank in a window's
    subquery)."""

    def __init__(self, ordered, rows, *, window_count=True, first_page=PER_PAGE):
        self._window_count = window_count
        if window_count:
            # Counted in the list's own order: the database then weighs each row (its rank, say) before the
            # count and keeps only the row's id and weight beside it, instead of every column the weighing
            # reads (a search's text vectors spilled the count to disk).
            everything = RowRange(start=None, end=None)
            total = Window(Count("pk"), order_by=_ordering(ordered), frame=everything)
            self._ordered = ordered.annotate(_total=total).values_list("pk", "_total")
        else:
            self._ordered = ordered.values_list("pk", flat=True)
            self._count_query = ordered
        self._rows = rows
        self._first_page = first_page
        self._first_ids = None
        self._count = None

    def _ids(self, start, stop):
        found = list(self._ordered[start:stop])
        if not self._window_count:
            return found, None
        return [pk for pk, _total in found], (found[0][1] if found else None)

    def count(self):
        # The paginator counts before it asks for a page: the first page is read with the count, and kept.
        if self._count is None:
            self._first_ids, total = self._ids(0, self._first_page)
            if not self._window_count:
                total = self._count_query.count()
            self._count = total or 0
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop
        if start == 0 and self._first_ids is not None and stop is not None and stop <= self._first_page:
            ids = self._first_ids[:stop]
        else:
            ids, _total = self._ids(start, stop)
        return self._in_order(ids)

    def __iter__(self):
        return iter(self[0:None])

    def _in_order(self, ids):
        if not ids:
            return []
        found = {row.pk: row for row in self._rows.filter(pk__in=ids)}
        return [found[pk] for pk in ids if pk in found]


def _ordering(queryset):
    """``queryset``'s ordering (names, "-" for descending) as expressions a window can be ordered by."""
    return [F(name[1:]).desc() if name.startswith("-") else F(name).asc() for name in queryset.query.order_by]
