"""A large municipality's data on PostgreSQL, built with set-based SQL (issue 16).

On top of the demo: 1,000 more workplaces in the demo's organisation, 30,000 people (30 in each, one of them
its leader), 300,000 ideas (5,000 in the busiest workplace), five supports and about one comment per idea
(200 on one idea of the busiest workplace), tags. Every row is made by ``INSERT … SELECT`` over
``generate_series`` in PostgreSQL, not saved one by one: the whole set takes a few minutes on this machine.

    python -m benchmarks.municipality            # DATABASE_URL names an empty, migrated database

Each column of a table comes from the SQL given for it here, or else from the model field's own default
(NULL, the default value, or an empty text), so a column added later needs no change unless it has no
default.
"""

import json
import os
import time
import uuid

from django.db import connection, models
from django.utils import timezone

WORKPLACES = int(os.environ.get("BENCH_WORKPLACES", "1000"))
PEOPLE_PER_WORKPLACE = 30
IDEAS = int(os.environ.get("BENCH_IDEAS", "300000"))
BUSY_IDEAS = int(os.environ.get("BENCH_BUSY_IDEAS", "5000"))
SUPPORTS_PER_IDEA = 5
RARE_WORD = "hjertestarter"  # in one idea of every 997, to search for
DISCUSSION = 200  # comments on the busiest workplace's newest idea
BUSY_SLUG = "bench-1"
PASSWORD = "bench-password-1"  # noqa: S105 — every generated person's password, for the load test's logins

WORDS = (
    "tablet app video skærm billeder forældre borgere sensorer lys signal ambulance patient journal tale "
    "tekst booking kalender robot vagtplan overlevering lyd piktogrammer kørsel rute gps kort digital post "
    "mitid venteområde skranke telefon chat kunstig intelligens data dashboard"
).split()
FIRST_NAMES = (
    "Anna Bo Camilla Dorte Emil Frida Gustav Hanne Ida Jens Karen Lars Maja Niels Olga Peter".split()
)
LAST_NAMES = "Andersen Berg Christensen Dahl Eriksen Frost Hansen Jensen Kjær Larsen Madsen Nielsen".split()
TAGS = WORDS[:24]
KINDS_OF_PLACE = ("Børnehuset", "Bostedet", "Station", "Borgerservice", "Vej og Park")
SECTORS = ("daycare", "disability", "ambulance", "citizen_service", "technical", "other")
STATUSES = ("new", "new", "qualifying", "needs_info", "experimenting", "adopted", "parked", "not_pursued")
COMMENTS = (
    "Godt! Det vil **spare** os tid på stuen.",
    "Har vi spurgt forældrene, hvad de mener?",
    "Vi prøvede noget lignende i *sidste* uge, det virkede.",
    "Hvem skal have ansvaret for at lade den op?",
)


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
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    unknown = set(columns) - {f.attname for f in fields}
    assert not unknown, f"{model.__name__} has no column {unknown}"
    names = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    values = ",\n  ".join(columns.get(f.attname) or default_sql(f) for f in fields)
    cursor.execute(f"INSERT INTO {model._meta.db_table} ({names})\nSELECT {values}\nFROM {source}", params)  # noqa: S608
    return cursor.rowcount


def array(values):
    return "ARRAY[" + ", ".join(sql_literal(v) for v in values) + "]"


def pick(values, n_sql):
    """SQL choosing one of ``values`` by the integer expression ``n_sql`` (deterministic)."""
    return f"({array(values)})[1 + mod({n_sql}, {len(values)})]"


def words(n_sql, count, offset=0):
    """SQL for ``count`` words chosen by ``n_sql``: the same n always gives the same text."""
    parts = [pick(WORDS, f"({n_sql}) * {7 + 2 * i} + {offset + i * 13}") for i in range(count)]
    return "(" + " || ' ' || ".join(parts) + ")"


def build(stdout=print):
    """Adds the municipality to the demo (which must be there) and prints the exact counts."""
    from django.contrib.auth.hashers import make_password

    from frontloeber.accounts.models import User
    from frontloeber.core.markdown import render
    from frontloeber.ideas.models import Comment, Idea, Support, Tag
    from frontloeber.organisations.models import Membership, Organisation, Workplace

    assert connection.vendor == "postgresql", "the municipality is built with PostgreSQL's generate_series"
    organisation = Organisation.objects.order_by("pk").first()
    assert organisation is not None, "seed the demo first (manage.py seed_demo)"
    people = WORKPLACES * PEOPLE_PER_WORKPLACE
    started = time.perf_counter()

    def step(name, rows):
        stdout(f"  {name:<28} {rows:>10,} rows  {time.perf_counter() - started:6.1f} s")

    with connection.cursor() as cursor:
        cursor.execute("SELECT setseed(0.16)")
        step(
            "workplaces",
            insert_select(
                cursor,
                Workplace,
                "generate_series(1, %s) AS n",
                {
                    "organisation_id": str(organisation.pk),
                    "name": f"{pick(KINDS_OF_PLACE, 'n')} || ' ' || n",
                    "slug": "'bench-' || n",
                    "sector": pick(SECTORS, "n"),
                    "core_task": "'Vi giver borgerne den bedste hjælp, hver dag.'",
                },
                [WORKPLACES],
            ),
        )
        cursor.execute("SELECT min(id) FROM organisations_workplace WHERE slug LIKE 'bench-%'")
        first_workplace = cursor.fetchone()[0]
        step(
            "people",
            insert_select(
                cursor,
                User,
                "generate_series(1, %s) AS n",
                {
                    "email": "'person' || n || '@bench.frontloeber.dk'",
                    "full_name": f"{pick(FIRST_NAMES, 'n')} || ' ' || {pick(LAST_NAMES, 'n / 16')}",
                    "password": "%s",
                    "date_joined": "now() - interval '400 days'",
                },
                [make_password(PASSWORD), people],  # in the order of the placeholders
            ),
        )
        cursor.execute("SELECT min(id) FROM accounts_user WHERE email LIKE '%@bench.frontloeber.dk'")
        first_person = cursor.fetchone()[0]
        # Person n (from 0) works at workplace n % WORKPLACES; the first of each workplace leads it.
        step(
            "memberships",
            insert_select(
                cursor,
                Membership,
                "generate_series(0, %s - 1) AS n",
                {
                    "organisation_id": str(organisation.pk),
                    "workplace_id": f"{first_workplace} + mod(n, {WORKPLACES})",
                    "user_id": f"{first_person} + n",
                    "role": f"CASE WHEN n < {WORKPLACES} THEN 'leader' ELSE 'employee' END",
                },
                [people],
            ),
        )
        cursor.execute(
            f"INSERT INTO {Tag._meta.db_table} (organisation_id, name, key) "  # noqa: S608
            "SELECT %s, w, w FROM unnest(%s::text[]) AS w ON CONFLICT DO NOTHING",
            [organisation.pk, TAGS],
        )
        # Idea k (from 0): the first BUSY_IDEAS in the busiest workplace, the rest spread over the others;
        # its author is one of the workplace's people, its supporters five others. Newest first by k.
        workplace_of = f"(CASE WHEN k < {BUSY_IDEAS} THEN 0 ELSE 1 + mod(k, {WORKPLACES - 1}) END)"
        title, need = words("k", 6), words("k", 18, offset=5)
        step(
            "ideas",
            insert_select(
                cursor,
                Idea,
                f"(SELECT k, {workplace_of} AS w, {title} AS title,"
                f" {need} || CASE WHEN mod(k, 997) = 0 THEN ' {RARE_WORD}' ELSE '' END AS need,"
                f" {words('k', 40, offset=11)} AS description, {pick(TAGS, 'k')} AS tag"
                " FROM generate_series(0, %s - 1) AS k) AS i",
                {
                    "organisation_id": str(organisation.pk),
                    "workplace_id": f"{first_workplace} + w",
                    "author_id": f"{first_person} + w"
                    f" + {WORKPLACES} * (1 + mod(k, {PEOPLE_PER_WORKPLACE - 1}))",
                    "title": "title",
                    "need": "need",
                    "description": "description",
                    "value_citizens": "mod(k, 4)",
                    "value_quality": "mod(k / 4, 4)",
                    "value_routines": "mod(k / 16, 4)",
                    "status": pick(STATUSES, "k / 3"),
                    "support_count": str(SUPPORTS_PER_IDEA),
                    "comment_count": "1 + (mod(k, 18) = 0)::int",
                    "created_at": "now() - k * interval '7 minutes'",
                    "last_activity_at": "now() - k * interval '7 minutes'",
                    "awaiting_leader_since": "CASE WHEN mod(k, 25) = 0"
                    " THEN now() - k * interval '7 minutes' END",
                    # As ideas.search.document makes it: title, need, idea and tags.
                    "search_text": "concat_ws(E'\\n', title, need, description, tag)",
                },
                [IDEAS],
            ),
        )
        cursor.execute("SELECT min(id), max(id) FROM ideas_idea WHERE workplace_id >= %s", [first_workplace])
        first_idea, last_idea = cursor.fetchone()
        # One INSERT numbers its rows in the order of the series, so idea k has id first_idea + k.
        assert last_idea - first_idea + 1 == IDEAS
        cursor.execute(
            "INSERT INTO ideas_idea_tags (idea_id, tag_id) SELECT i.id, t.id FROM ideas_idea i"
            " JOIN ideas_tag t ON t.organisation_id = %s AND t.key = "
            + pick(TAGS, f"i.id - {first_idea}")  # idea k's tag, as in its search text
            + " WHERE i.id BETWEEN %s AND %s",
            [organisation.pk, first_idea, last_idea],
        )
        step("idea tags", cursor.rowcount)
        # The supporters of an idea are people s * 7 places after its author in the workplace (never the
        # author, all different).
        step(
            "supports",
            insert_select(
                cursor,
                Support,
                "ideas_idea i CROSS JOIN generate_series(1, %s) AS s WHERE i.id BETWEEN %s AND %s",
                {
                    "organisation_id": "i.organisation_id",
                    "workplace_id": "i.workplace_id",
                    "idea_id": "i.id",
                    "user_id": f"{first_person} + (i.workplace_id - {first_workplace}) + {WORKPLACES}"
                    f" * mod((i.author_id - {first_person}) / {WORKPLACES} + 7 * s, {PEOPLE_PER_WORKPLACE})",
                    "created_at": "i.created_at + s * interval '1 hour'",
                },
                [SUPPORTS_PER_IDEA, first_idea, last_idea],
            ),
        )
        bodies = array(COMMENTS)
        htmls = array(str(render(body)) for body in COMMENTS)  # as Comment.save() stores it
        comment = {
            "organisation_id": "i.organisation_id",
            "workplace_id": "i.workplace_id",
            "idea_id": "i.id",
            "author_id": f"{first_person} + (i.workplace_id - {first_workplace}) + {WORKPLACES} * mod(c, 30)",
            "body": f"({bodies})[1 + mod(c, {len(COMMENTS)})]",
            "body_html": f"({htmls})[1 + mod(c, {len(COMMENTS)})]",
            "by_leader": "mod(c, 30) = 0",
            "created_at": "i.created_at + c * interval '10 minutes'",
        }
        step(
            "comments",
            insert_select(
                cursor,
                Comment,
                "ideas_idea i CROSS JOIN LATERAL generate_series(1, 1 + (mod(i.id, 18) = 0)::int) AS c"
                " WHERE i.id BETWEEN %s AND %s",
                comment,
                [first_idea, last_idea],
            ),
        )
        # The busiest workplace's newest idea has a long discussion.
        cursor.execute(
            "SELECT id FROM ideas_idea WHERE workplace_id = %s ORDER BY created_at DESC, id DESC LIMIT 1",
            [first_workplace],
        )
        discussed = cursor.fetchone()[0]
        step(
            "a long discussion",
            insert_select(
                cursor,
                Comment,
                "ideas_idea i CROSS JOIN generate_series(1, %s) AS c WHERE i.id = %s",
                comment,
                [DISCUSSION, discussed],
            ),
        )
        cursor.execute(
            "UPDATE ideas_idea SET comment_count = (SELECT count(*) FROM ideas_comment WHERE idea_id = %s)"
            " WHERE id = %s",
            [discussed, discussed],
        )
        cursor.execute("ANALYZE")
        step("analysed", 0)
    return counts()


def counts():
    """The exact size of what was built (and of the demo under it)."""
    tables = {
        "workplaces": "organisations_workplace",
        "people": "accounts_user",
        "memberships": "organisations_membership",
        "ideas": "ideas_idea",
        "supports": "ideas_support",
        "comments": "ideas_comment",
    }
    with connection.cursor() as cursor:
        result = {}
        for name, table in tables.items():
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 — names from this module
            result[name] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM ideas_idea i JOIN organisations_workplace w ON w.id = i.workplace_id"
            " WHERE w.slug = %s",
            [BUSY_SLUG],
        )
        result["ideas in the busiest workplace"] = cursor.fetchone()[0]
    return result


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontloeber.settings")
    django.setup()
    for name, value in build().items():
        print(f"{name:<32} {value:>10,}")
