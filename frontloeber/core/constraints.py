"""Check constraints for a set of nullable foreign keys of which a row may point along one only."""

from django.db.models import Q


def at_most_one_of(*fields):
    """A Q that holds when no more than one of ``fields`` is set."""
    none = Q(**{f"{field}__isnull": True for field in fields})
    return none | only_one_of(*fields)


def only_one_of(*fields):
    """A Q that holds when exactly one of ``fields`` is set."""
    q = Q()
    for chosen in fields:
        q |= _only(chosen, fields)
    return q


def one_named_by(kind_field, fields):
    """A Q that holds when exactly the field the row's kind names is set (kind values are field names)."""
    q = Q()
    for chosen in fields:
        q |= Q(**{kind_field: chosen}) & _only(chosen, fields)
    return q


def _only(chosen, fields):
    return Q(**{f"{chosen}__isnull": False}) & Q(**{f"{f}__isnull": True for f in fields if f != chosen})
