"""The one rule of every ``access_*`` selector: a row of this tenant, or 404.

A missing id and another workplace's (or organisation's) id answer alike, so an address tells nobody what
exists elsewhere. Selectors that may find nothing as a normal outcome (a join code typed wrong, a post
chosen to merge into) are named ``*_find`` and return None instead.
"""

from django.http import Http404


def at_most_one(queryset):
    """The row of ``queryset``, which matches one row at most (filtered by an id or another unique key), or
    None. Read without an ordering: Django weighs an ORDER BY against every selected column (~20 µs each),
    and these rows often join tens of columns, on every page."""
    found = list(queryset.order_by()[:1])
    return found[0] if found else None


def one_or_404(queryset, message=None):
    """The row of ``queryset`` (filtered to one tenant and one id), else ``Http404(message)``."""
    found = at_most_one(queryset)
    if found is None:
        raise Http404(message)
    return found
