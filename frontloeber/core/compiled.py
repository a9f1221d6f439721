"""Queries whose SQL is built once per process, where only some ids change from one request to the next.

Django can take longer to build a query's SQL than the database takes to answer it: the header's two queries
on every page spent ~6 and ~4 ms being built for well under a millisecond each in the database. Such a query
is built once per database, process and key, with stand-in ids, and each run puts the real ids in the places
the stand-ins took. It is built a second time with other stand-ins to check that nothing but those places
changes: a query that depends on anything else (a date, a setting) is refused, as the kept SQL would give
stale or foreign rows.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import connections

# Stand-ins for the ids while the SQL is built: no real id is this large a negative number.
_FIRST_STAND_IN = -7_000_000_011
_built = {}  # (database alias, key) -> (sql, params, {position: the name of the id that goes there})


def _stand_ins(names, shift=0):
    return {name: _FIRST_STAND_IN - 10 * n - shift for n, name in enumerate(names)}


def _sql(alias, build, ids):
    return build(ids).query.get_compiler(using=alias).as_sql()


def _compile(alias, key, build, names):
    stand_ins = _stand_ins(names)
    sql, params = _sql(alias, build, stand_ins)
    which = {value: name for name, value in stand_ins.items()}
    places = {i: which[value] for i, value in enumerate(params) if type(value) is int and value in which}
    other = _stand_ins(names, shift=2)
    other_sql, other_params = _sql(alias, build, other)
    expected = [other[places[i]] if i in places else value for i, value in enumerate(params)]
    if other_sql != sql or list(other_params) != expected:
        raise ImproperlyConfigured(
            f"The query {key!r} depends on more than {', '.join(names)} (see core/compiled.py)."
        )
    return sql, list(params), places


def fetch_with_ids(key, build, *, using, ids):
    """The column names and rows of ``build(ids)``, a queryset that may depend on the ``ids`` ({name: int})
    and nothing else, its SQL built once per database, process and ``key``."""
    if (using, key) not in _built:
        _built[using, key] = _compile(using, key, build, tuple(ids))
    sql, params, places = _built[using, key]
    params = list(params)
    for place, name in places.items():
        params[place] = ids[name]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return [column[0] for column in cursor.description], cursor.fetchall()
