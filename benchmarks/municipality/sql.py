"""INSERT … SELECT over generate_series, with every other column from the model field's own default."""

import contextlib
import json
import uuid

from django.db import connection, models
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone

from . import sizes


def sql_literal(value):
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict | list):
        value = json.dumps(value)
    return "'" + str(value).replace("'", "''") + "'"


def default_sql(field):
    """The SQL for a column this generator does not set: what a new model instance would hold."""
    if field.has_default():
        default = field.default
        if default is timezone.now:
            return "now()"
        if default is uuid.uuid4:
            return "gen_random_uuid()"
        return sql_literal(default() if callable(default) else default)
    if field.null:
        return "NULL"
    if isinstance(field, models.CharField | models.TextField):
        return "''"
    raise ValueError(f"{field.model.__name__}.{field.name} has no default: give it a value")


def insert_select(cursor, model, source, columns, params=()):
    """INSERT INTO the model's table, every column from ``columns`` (SQL over ``source``) or its default.
    Returns the number of rows."""
    # Every column but a serial id: a random UUID id comes from its default, gen_random_uuid().
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, AutoFieldMixin)]
    unknown = set(columns) - {f.attname for f in fields}
    assert not unknown, f"{model.__name__} has no column {unknown}"
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    values = ",\n  ".join(columns.get(f.attname) or default_sql(f) for f in fields)
    cursor.execute(f"INSERT INTO {model._meta.db_table} ({names})\nSELECT {values}\nFROM {source}", params)  # noqa: S608
    rows = cursor.rowcount
    check_references(cursor, model)
    return rows


def insert_links(cursor, relation, select, params=()):
    """Rows of a many-to-many relation's table from ``select`` (the two ids, in the table's order); checked as
    insert_select's are. Returns the number of rows."""
    through = relation.through
    names = ", ".join(f.column for f in through._meta.concrete_fields if not f.primary_key)
    cursor.execute(f"INSERT INTO {through._meta.db_table} ({names}) {select}", params)  # noqa: S608
    rows = cursor.rowcount
    check_references(cursor, through)
    return rows


def check_references(cursor, model):
    """Every foreign key of the model's table points at a row, checked for the whole table in one scan of it.

    build() turns PostgreSQL's row-by-row checks off (a trigger call per key and row was two thirds of the
    time of the survey's answers); this is what makes up for them."""
    keys = [f for f in model._meta.concrete_fields if f.is_relation and f.db_constraint]
    if not keys:
        return
    joins = " ".join(
        f"LEFT JOIN {f.related_model._meta.db_table} r{n} ON r{n}.{f.target_field.column} = t.{f.column}"
        for n, f in enumerate(keys)
    )
    missing = ", ".join(
        f"count(*) FILTER (WHERE t.{f.column} IS NOT NULL AND r{n}.{f.target_field.column} IS NULL)"
        for n, f in enumerate(keys)
    )
    cursor.execute(f"SELECT {missing} FROM {model._meta.db_table} t {joins}")  # noqa: S608 — names from models
    for f, count in zip(keys, cursor.fetchone(), strict=True):
        assert not count, f"{count} rows of {model._meta.db_table} have a {f.column} that points nowhere"


@contextlib.contextmanager
def bulk_loading(cursor):
    """The session's settings while the municipality is written, put back afterwards.

    Memory for sorts and hashes (the checks' joins, the ideas' full-text index's pending list); and the
    foreign keys left to check_references where the database role may (a superuser's, as the benchmark's
    is): ``session_replication_role = replica`` skips their per-row triggers, and nothing else in this schema
    (it has no triggers of its own; unique and check constraints still hold)."""
    cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
    superuser = cursor.fetchone()[0]
    cursor.execute("SET work_mem = '256MB'")
    if superuser:
        cursor.execute("SET session_replication_role = replica")
    try:
        yield
    finally:
        cursor.execute("RESET work_mem")
        if superuser:
            cursor.execute("RESET session_replication_role")


def array(values):
    return "ARRAY[" + ", ".join(sql_literal(v) for v in values) + "]"


def pick(values, n_sql):
    """SQL choosing one of ``values`` by the integer expression ``n_sql`` (deterministic)."""
    return f"({array(values)})[1 + mod({n_sql}, {len(values)})]"


def words(n_sql, count, offset=0):
    """SQL for ``count`` words chosen by ``n_sql``: the same n always gives the same text."""
    parts = [pick(sizes.WORDS, f"({n_sql}) * {7 + 2 * i} + {offset + i * 13}") for i in range(count)]
    return "(" + " || ' ' || ".join(parts) + ")"
