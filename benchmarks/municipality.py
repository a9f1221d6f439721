"""A large municipality's data on PostgreSQL, built with set-based SQL (issue 16).

On top of the demo: 1,000 more workplaces in the demo's organisation, 30,000 people (30 in each, one of them
its leader), 300,000 ideas (5,000 in the busiest workplace), five supports and about one comment per idea
(200 on one idea of the busiest workplace), tags. Around them, what a year of the rest of the product leaves:
two sealed survey rounds per workplace (12 of its 29 employees answered each, about 480,000 answers), everyone
but one per workplace has rated the skills catalogue (348,000 ratings with their history), experiments,
adoption plans and cases for some of the ideas being tried out or adopted, challenges, workshop sessions and
learning activities. Every row is made by ``INSERT … SELECT`` over ``generate_series`` in PostgreSQL, not
saved one by one: the whole set takes a few minutes on this machine.

    python -m benchmarks.municipality            # DATABASE_URL names an empty, migrated database

Each column of a table comes from the SQL given for it here, or else from the model field's own default
(NULL, the default value, or an empty text), so a column added later needs no change unless it has no
default.
"""

import contextlib
import dataclasses
import importlib
import json
import os
import time
import uuid

from django.db import connection, models
from django.db.models.fields import AutoFieldMixin
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
DOMAIN = "bench.frontloeber.dk"  # the generated people's work addresses
# The survey: two sealed rounds per workplace, half a year apart, each answered by 12 of the 29 asked.
ROUNDS_PER_WORKPLACE = 2
RESPONDENTS = 12
SCALE_SHARE = 0.5  # of the employees' answers on the 1–5 scale; the rest are "don't know"
# Ideas come in blocks of 24 (the eight statuses three times each). In every fourth block among the newest
# TRIED_WITHIN ideas, those being tried out or adopted have an experiment: about 5,000, in every workplace.
TRIED_WITHIN = int(os.environ.get("BENCH_TRIED_WITHIN", "80000"))

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
SCALE = (1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5)  # an employee's answer on the scale: most agree a little
SURVEY_COMMENTS = (
    "Vi får for lidt tid til at prøve nye ting af i hverdagen.",
    "Lederen lytter, når vi kommer med forslag, men vi hører sjældent, hvad der skete med dem.",
    "Det er uklart, hvem der beslutter, hvad vi afprøver.",
    "Mere oplæring i de nye systemer, tak.",
    "Godt at vi taler om kerneopgaven på personalemøderne.",
    "Jeg ved ikke, hvor jeg skal gå hen med en idé.",
)
LEVELS = (0, 1, 1, 1, 2, 2, 2, 2, 3, 3)  # a first rating of a skill, 0–3
CHALLENGES = (
    "Hvordan kan vi bruge mindre tid på dokumentation?",
    "Hvordan kan vi gøre det lettere for borgerne at komme i kontakt med os?",
    "Hvordan kan vi bruge teknologi til at skabe mere ro i hverdagen?",
    "Hvordan kan vi dele viden bedre fra vagt til vagt?",
    "Hvordan kan vi inddrage de pårørende mere, også digitalt?",
    "Hvordan kan vi få mere tid til kerneopgaven?",
    "Hvordan kan vi lære hinanden de nye systemer?",
)
POSTS = (
    "Vi skriver det samme tre steder",
    "Borgerne ringer, fordi de ikke kan finde svaret selv",
    "Overleveringen tager for lang tid",
    "Tablets ligger uopladte i skuffen",
    "Vi ved ikke, hvem der kan hjælpe med appen",
    "Mere tid sammen med borgerne",
    "Kortere møder, klarere beslutninger",
    "Bedre wifi i hele huset",
)
PLACES = ("Personalestuen", "Mødelokale 2", "Teams", "Kantinen", "Undervisningslokalet")
ACTIVITY_KINDS = ("playground", "peer", "course")
FEEDBACK = ("Godt og konkret.", "Gerne mere tid til at prøve selv.", "Nu tør jeg bruge den på vagten.")


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

    with connection.cursor() as cursor, bulk_loading(cursor):
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
                    "email": f"'person' || n || '@{DOMAIN}'",
                    "full_name": f"{pick(FIRST_NAMES, 'n')} || ' ' || {pick(LAST_NAMES, 'n / 16')}",
                    "password": "%s",
                    "date_joined": "now() - interval '400 days'",
                },
                [make_password(PASSWORD), people],  # in the order of the placeholders
            ),
        )
        cursor.execute(f"SELECT min(id) FROM accounts_user WHERE email LIKE '%@{DOMAIN}'")
        first_person = cursor.fetchone()[0]
        # The people's addresses are the organisation's own: the survey asks only those (eligibility.py).
        cursor.execute(
            "INSERT INTO organisations_organisationdomain (organisation_id, domain, created_at)"
            " VALUES (%s, %s, now() - interval '400 days') ON CONFLICT DO NOTHING",
            [organisation.pk, DOMAIN],
        )
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
                    # Members since they joined: before the survey rounds and ratings of the past year.
                    "created_at": "now() - interval '400 days'",
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
        # The link carries its idea's organisation and workplace where it has them (IdeaTag).
        link = Idea.tags.through
        tenant = {f.attname for f in link._meta.concrete_fields} & {"organisation_id", "workplace_id"}
        step(
            "idea tags",
            insert_select(
                cursor,
                link,
                "ideas_idea i JOIN ideas_tag t ON t.organisation_id = %s AND t.key = "
                + pick(TAGS, f"i.id - {first_idea}")  # idea k's tag, as in its search text
                + " WHERE i.id BETWEEN %s AND %s",
                {"idea_id": "i.id", "tag_id": "t.id", **{name: f"i.{name}" for name in tenant}},
                [organisation.pk, first_idea, last_idea],
            ),
        )
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
        bench = Bench(organisation, first_workplace, first_person, first_idea)
        survey(cursor, step, bench)
        skill_ratings(cursor, step, bench)
        experiments(cursor, step, bench)
        challenges_and_workshops(cursor, step, bench)
        learning(cursor, step, bench)
        cursor.execute("ANALYZE")
        step("analysed", 0)
    return counts()


@dataclasses.dataclass
class Bench:
    """What the new rows refer to. Workplace w (from 0) has id first_workplace + w; its person p (from 0, the
    leader first, then the employees) has id first_person + w + WORKPLACES * p; idea k has id first_idea + k.
    The helpers give these as SQL."""

    organisation: object
    first_workplace: int
    first_person: int
    first_idea: int
    skills: list = dataclasses.field(default_factory=list)  # the catalogue's skill ids, once rated

    def w(self, workplace_id):
        return f"({workplace_id} - {self.first_workplace})"

    def person(self, w, p):
        return f"({self.first_person} + {w} + {WORKPLACES} * ({p}))"

    def p(self, user_id):
        return f"(({user_id} - {self.first_person}) / {WORKPLACES})"

    def ours(self, alias):
        """SQL: the row is in one of the generated workplaces (not the demo's)."""
        return f"{alias}.workplace_id >= {self.first_workplace}"

    def skill(self, n_sql):
        """SQL: one of the catalogue's skills, chosen by ``n_sql``."""
        return pick(self.skills, n_sql)


def survey(cursor, step, b):
    """Sealed survey rounds, as round_open, response_submit, assessment_submit and round_seal leave them.

    Every employee of the workplace is asked (their addresses are in the organisation's domain and their
    memberships older than the eligibility window, so nobody is left out) and 12 answered. Each response
    answers every statement of the round's version, on the scale or "don't know"; every third has a comment
    on one practice. The leader assessed themself. Sealed the night after the last day: no locators, no link
    hashes, the answers' ids random."""
    from frontloeber.reflection.models import (
        Answer,
        Assessment,
        AssessmentAnswer,
        PracticeComment,
        Response,
        Round,
        RoundInvitation,
    )

    organisation = b.organisation
    cursor.execute("SELECT id FROM reflection_questionbankversion ORDER BY number DESC LIMIT 1")
    version = cursor.fetchone()[0]
    employees = PEOPLE_PER_WORKPLACE - 1
    # Round r belongs to workplace r / ROUNDS_PER_WORKPLACE; the first opened about a year ago, the next ones
    # at even steps since, three weeks each.
    opens = (
        f"current_date - 330 + mod(r, {ROUNDS_PER_WORKPLACE}) * {300 // ROUNDS_PER_WORKPLACE}"
        f" - mod(r / {ROUNDS_PER_WORKPLACE}, 45)"
    )
    step(
        "survey rounds",
        insert_select(
            cursor,
            Round,
            f"generate_series(0, %s - 1) AS r,"
            f" LATERAL (SELECT r / {ROUNDS_PER_WORKPLACE} AS w, {opens} AS opens) x",
            {
                "organisation_id": str(organisation.pk),
                "workplace_id": f"{b.first_workplace} + w",
                "version_id": str(version),
                "leader_id": b.person("w", 0),
                "opens_on": "opens",
                "closes_on": "opens + 21",
                "threshold": str(organisation.reflection_threshold),
                "invited_count": str(employees),
                "eligibility_days": str(organisation.survey_eligibility_days),
                "created_at": "(opens - mod(w, 7))::timestamptz + interval '6 hours 30 minutes'",
                "invitations_sent_at": "opens::timestamptz + interval '7 hours'",
                "reminded_on": "opens + 19",
                "sealed_at": "(opens + 22)::timestamptz + interval '3 hours'",
            },
            [WORKPLACES * ROUNDS_PER_WORKPLACE],
        ),
    )
    # The first round to open with a version locks it (question_bank_lock).
    cursor.execute(
        "UPDATE reflection_questionbankversion SET locked_at = least(coalesce(locked_at, now()),"
        " (SELECT min(created_at) FROM reflection_round WHERE version_id = %s)) WHERE id = %s",
        [version, version],
    )
    rounds = f"reflection_round r WHERE {b.ours('r')}"
    tenant = {"organisation_id": "r.organisation_id", "workplace_id": "r.workplace_id", "round_id": "r.id"}
    # Which 12 answered differs from round to round (7 p is a permutation modulo the 29 employees); the
    # invitation keeps only that they did.
    step(
        "survey invitations",
        insert_select(
            cursor,
            RoundInvitation,
            f"reflection_round r CROSS JOIN generate_series(1, {employees}) AS p WHERE {b.ours('r')}",
            {
                **tenant,
                "user_id": b.person(b.w("r.workplace_id"), "p"),
                "answered": f"mod(7 * p + r.id, {employees}) < {RESPONDENTS}",
            },
        ),
    )
    step(
        "survey responses",
        insert_select(
            cursor,
            Response,
            f"reflection_round r CROSS JOIN generate_series(1, {RESPONDENTS}) AS x WHERE {b.ours('r')}",
            tenant,
        ),
    )
    answered = {
        "organisation_id": "s.organisation_id",
        "workplace_id": "s.workplace_id",
        "round_id": "s.round_id",
        "response_id": "s.id",
    }
    on_scale = f"({array(SCALE)})[1 + floor(random() * {len(SCALE)})::int]"
    step(
        "survey answers",
        insert_select(
            cursor,
            Answer,
            "reflection_response s JOIN reflection_round r ON r.id = s.round_id"
            f" JOIN reflection_item i ON i.version_id = r.version_id WHERE {b.ours('s')}",
            {
                **answered,
                "item_id": "i.id",
                "value": f"CASE WHEN random() < {SCALE_SHARE} THEN {on_scale} END",
            },
        ),
    )
    # Sealed, so each round's totals per practice are kept, as round_seal keeps them: the migration's own SQL.
    fill = importlib.import_module("frontloeber.reflection.migrations.0006_practice_totals").FILL
    cursor.execute(fill)
    step("survey practice totals", cursor.rowcount)
    # c is from 0 to 14: a response with c below 5 comments on the practice in that position.
    step(
        "survey comments",
        insert_select(
            cursor,
            PracticeComment,
            "(SELECT s.*, floor(random() * 15)::int AS c FROM reflection_response s"
            f" WHERE {b.ours('s')}) AS s JOIN reflection_round r ON r.id = s.round_id"
            " JOIN (SELECT id, version_id, row_number() OVER (PARTITION BY version_id ORDER BY position) - 1"
            " AS i FROM reflection_practice) AS pr ON pr.version_id = r.version_id AND pr.i = s.c",
            {
                **answered,
                "practice_id": "pr.id",
                "text": pick(SURVEY_COMMENTS, "floor(random() * 1000)::int"),
            },
        ),
    )
    step(
        "self-assessments",
        insert_select(
            cursor,
            Assessment,
            rounds,
            {
                **tenant,
                "kind": "'leader'",
                "author_id": "r.leader_id",
                "updated_at": "r.opens_on::timestamptz + interval '2 days 15 hours'",
            },
        ),
    )
    # A leader seldom says "don't know" about themself, and rates themself from 2 to 5.
    step(
        "self-assessment answers",
        insert_select(
            cursor,
            AssessmentAnswer,
            "reflection_assessment a JOIN reflection_round r ON r.id = a.round_id"
            f" JOIN reflection_item i ON i.version_id = r.version_id WHERE {b.ours('a')}",
            {
                "assessment_id": "a.id",
                "item_id": "i.id",
                "value": "CASE WHEN random() >= 0.05 THEN 2 + floor(random() * 4)::int END",
            },
        ),
    )


def skill_ratings(cursor, step, b):
    """Everyone but the last employee of each workplace has rated every skill of the organisation's catalogue,
    as skills_rate leaves it: the rating, a level change in the history for the first rating and one for each
    later change of level (a fifth of the ratings were raised since), and the person's sharing choices. An
    organisation without a catalogue gets the suggested one first, as catalogue_start gives it."""
    from frontloeber.competences.catalogue import SUGGESTED
    from frontloeber.competences.models import Skill, SkillLevelChange, SkillProfile, SkillRating

    organisation = b.organisation.pk
    catalogue = "organisation_id = %s AND workplace_id IS NULL AND retired_at IS NULL"
    cursor.execute(f"SELECT id FROM competences_skill WHERE {catalogue} ORDER BY id", [organisation])  # noqa: S608
    if not cursor.fetchall():
        areas, names, _names_en, descriptions, _descriptions_en = zip(*SUGGESTED, strict=True)
        insert_select(
            cursor,
            Skill,
            "unnest(%s::text[], %s::text[], %s::text[]) AS s(area, name, description)",
            {
                "organisation_id": str(organisation),
                "area": "s.area",
                "name": "s.name",
                "description": "s.description",
                "created_by_id": str(b.first_person),
                "created_at": "now() - interval '400 days'",
            },
            [list(areas), list(names), list(descriptions)],
        )
    cursor.execute(f"SELECT id FROM competences_skill WHERE {catalogue} ORDER BY id", [organisation])  # noqa: S608
    b.skills = [row[0] for row in cursor.fetchall()]
    people = WORKPLACES * PEOPLE_PER_WORKPLACE
    # Person n first rated 233 to 330 days ago; a rating raised since (a >= 0.1 is level 1 or more, b < 0.2)
    # was changed 20 to 120 days after that.
    first_at = "now() - (330 - mod({n}, 97)) * interval '1 day'"
    step(
        "skill ratings",
        insert_select(
            cursor,
            SkillRating,
            f"(SELECT n, sk.id AS skill, {first_at.format(n='n')} AS first_at, random() AS a, random() AS b"
            " FROM generate_series(0, %s - 1) AS n CROSS JOIN competences_skill sk"
            f" WHERE sk.id = ANY(%s) AND n / {WORKPLACES} < {PEOPLE_PER_WORKPLACE - 1}) AS r",
            {
                "organisation_id": str(organisation),
                "user_id": f"{b.first_person} + n",
                "skill_id": "skill",
                "level": f"({array(LEVELS)})[1 + floor(a * {len(LEVELS)})::int]",
                "wants_to_learn": "a < 0.4 AND b > 0.7",
                "updated_at": "first_at + CASE WHEN a >= 0.1 AND b < 0.2"
                " THEN (20 + floor(b * 500)::int) * interval '1 day' ELSE interval '0' END",
            },
            [people, b.skills],
        ),
    )
    first = first_at.format(n=f"(r.user_id - {b.first_person})")
    raised = f"r.updated_at > {first} + interval '1 day'"
    step(
        "skill level history",
        insert_select(
            cursor,
            SkillLevelChange,
            "competences_skillrating r CROSS JOIN generate_series(0, 1) AS x"
            f" WHERE r.user_id BETWEEN %s AND %s AND (x = 0 OR {raised})",
            {
                "organisation_id": "r.organisation_id",
                "user_id": "r.user_id",
                "skill_id": "r.skill_id",
                "level": f"CASE WHEN x = 0 AND {raised} THEN r.level - 1 ELSE r.level END",
                "changed_at": f"CASE WHEN x = 0 AND {raised} THEN {first} ELSE r.updated_at END",
            },
            [b.first_person, b.first_person + people - 1],
        ),
    )
    # One in ten keeps their ratings from colleagues, one in five would rather not be asked for help.
    step(
        "skill profiles",
        insert_select(
            cursor,
            SkillProfile,
            "(SELECT user_id, max(updated_at) AS at FROM competences_skillrating"
            " WHERE user_id BETWEEN %s AND %s GROUP BY user_id) AS r",
            {
                "organisation_id": str(organisation),
                "user_id": "r.user_id",
                "visible_to_team": "random() >= 0.1",
                "willing_to_help": "random() >= 0.2",
                "updated_at": "r.at",
            },
            [b.first_person, b.first_person + people - 1],
        ),
    )


def experiments(cursor, step, b):
    """Experiments for some of the ideas being tried out or adopted, as the experiment, adoption and case
    services leave them, each step at a share of the time from the idea to now.

    An adopted idea's experiment concluded "adopt", its adoption plan went live (checkpoints set, the due
    ones reminded and most recorded) and four in five were published as cases. An idea being tried out has
    an experiment planned (safety check not answered yet), running (answered and confirmed by the leader),
    being evaluated, or concluded "adopt" with its plan not yet live. The leader plans and decides; the
    idea's author takes part with a colleague and is responsible for the plan and the case's contact."""
    from frontloeber.experiments.models import AdoptionPlan, Case, Checkpoint, Experiment, SuccessCriterion

    phases = ("running", "running", "running", "evaluating", "planned", "adopting", "running", "evaluating")
    k = f"(i.id - {b.first_idea})"
    leader = b.person(b.w("i.workplace_id"), 0)
    # share(x): the moment x of the way from the idea's submission to now.
    ideas = (
        f"(SELECT i.*, {k}::int AS k, {leader} AS leader, CASE WHEN i.status = 'adopted' THEN 'live'"
        f" ELSE {pick(phases, f'{k} / 96')} END AS phase FROM ideas_idea i"
        f" WHERE i.id BETWEEN %s AND %s AND i.status IN ('experimenting', 'adopted')"
        f" AND mod({k} / 24, 4) = 0) AS i"
    )

    def share(x):
        return f"(i.created_at + (now() - i.created_at) * {x})"

    concluded = "i.phase IN ('adopting', 'live')"
    answered = "i.phase <> 'planned'"
    started = share(0.2)
    ends = (
        f"CASE i.phase WHEN 'planned' THEN current_date + 45 + mod(i.k, 20)"
        f" WHEN 'running' THEN current_date + 7 + mod(i.k, 30)"
        f" WHEN 'evaluating' THEN greatest({started}::date, current_date - 1 - mod(i.k, 5))"
        f" ELSE {share(0.4)}::date END"
    )
    step(
        "experiments",
        insert_select(
            cursor,
            Experiment,
            f"{ideas}, LATERAL (SELECT {ends} AS ends_on) e",
            {
                "organisation_id": "i.organisation_id",
                "workplace_id": "i.workplace_id",
                "idea_id": "i.id",
                "hypothesis": "'Vi tror, at ' || i.title || ' vil give os mere tid sammen med borgerne.'",
                "starts_on": f"CASE WHEN {answered} THEN {started}::date"
                " ELSE current_date + 3 + mod(i.k, 20) END",
                "ends_on": "e.ends_on",
                "hours": "10 + mod(i.k, 40)",
                "budget_dkk": "mod(i.k, 5) * 5000",
                "equipment": "CASE WHEN mod(i.k, 2) = 0 THEN 'To tablets og et stativ' ELSE '' END",
                "stop_rule": "'Vi stopper, hvis det tager tid fra borgerne eller gør nogen utrygge.'",
                "state": f"CASE WHEN {concluded} THEN 'concluded' ELSE i.phase END",
                "personal_data": f"CASE WHEN {answered} THEN mod(i.k, 5) = 0 END",
                "personal_data_which": f"CASE WHEN {answered} AND mod(i.k, 5) = 0"
                " THEN 'Navne og billeder af borgerne' ELSE '' END",
                "legal_basis": f"CASE WHEN {answered} AND mod(i.k, 5) = 0"
                " THEN 'Samtykke fra borgeren' ELSE '' END",
                "dpo_contact": f"CASE WHEN {answered} AND mod(i.k, 5) = 0 THEN 'dpo@{DOMAIN}' ELSE '' END",
                "vulnerable_citizens": f"CASE WHEN {answered} THEN false END",
                "needs_it": f"CASE WHEN {answered} THEN mod(i.k, 3) = 0 END",
                "it_what": f"CASE WHEN {answered} AND mod(i.k, 3) = 0"
                " THEN 'Installere appen på afdelingens tablets' ELSE '' END",
                "safety_confirmed_by_id": f"CASE WHEN {answered} THEN i.leader END",
                "safety_confirmed_at": f"CASE WHEN {answered} THEN {share(0.15)} END",
                "decision": f"CASE WHEN {concluded} THEN 'adopt' ELSE '' END",
                "learnings": f"CASE WHEN {concluded} THEN"
                " 'Det virkede, når alle på vagten kendte planen og vidste, hvem de kunne spørge.'"
                " ELSE '' END",
                "started_at": f"CASE WHEN {answered} THEN {started} END",
                "concluded_at": f"CASE WHEN {concluded} THEN {share(0.45)} END",
                # The daily task asked for the evaluation the morning after the last day.
                "evaluation_reminded_at": "CASE WHEN i.phase = 'evaluating' AND e.ends_on < current_date"
                " THEN (e.ends_on + 1)::timestamptz + interval '6 hours' END",
                "created_by_id": "i.leader",
                "created_at": f"CASE WHEN {answered} THEN {share(0.1)} ELSE {share(0.5)} END",
            },
            [b.first_idea, b.first_idea + TRIED_WITHIN - 1],
        ),
    )
    experiment = f"experiments_experiment x JOIN ideas_idea i ON i.id = x.idea_id WHERE {b.ours('x')}"
    step(
        "success criteria",
        insert_select(
            cursor,
            SuccessCriterion,
            f"experiments_experiment x CROSS JOIN generate_series(0, 1) AS c WHERE {b.ours('x')}",
            {
                "organisation_id": "x.organisation_id",
                "workplace_id": "x.workplace_id",
                "experiment_id": "x.id",
                "axis": "CASE c WHEN 0 THEN 'citizens' ELSE 'routines' END",
                "description": "CASE c WHEN 0 THEN 'Borgerne oplever, at vi har bedre tid'"
                " ELSE 'Vi bruger mindre tid på at lede efter oplysninger' END",
                "measure": "CASE c WHEN 0 THEN 'Vi spørger ti borgere før og efter'"
                " ELSE 'Vi tæller minutterne på tre vagter før og efter' END",
                "result": "CASE WHEN x.state = 'concluded' THEN CASE WHEN c = 0 OR mod(x.id, 3) > 0"
                " THEN 'met' ELSE 'partly' END ELSE '' END",
                "evidence": "CASE WHEN x.state = 'concluded' THEN 'Se læringsloggen.' ELSE '' END",
                "position": "c",
            },
        ),
    )
    colleague = b.person(
        b.w("i.workplace_id"), f"1 + mod({b.p('i.author_id')} + 6, {PEOPLE_PER_WORKPLACE - 1})"
    )
    step(
        "experiment participants",
        insert_links(
            cursor,
            Experiment.participants,
            f"SELECT x.id, i.author_id FROM {experiment}"
            f" UNION ALL SELECT x.id, {colleague} FROM {experiment}",
        ),
    )
    # The skills the work still ahead needs, so the skills map shows them.
    insert_links(
        cursor,
        Experiment.skills,
        f"SELECT x.id, {b.skill('x.idea_id')} FROM experiments_experiment x"
        f" WHERE {b.ours('x')} AND x.state IN ('planned', 'running')",
    )
    live = "i.status = 'adopted'"
    step(
        "adoption plans",
        insert_select(
            cursor,
            AdoptionPlan,
            f"{experiment} AND x.decision = 'adopt'",
            {
                "organisation_id": "x.organisation_id",
                "workplace_id": "x.workplace_id",
                "idea_id": "i.id",
                "experiment_id": "x.id",
                "affected": "'Alle på dagvagten: de bruger løsningen i stedet for papirlisten.'",
                "training": "'En times introduktion på personalemødet, og en kollega at spørge.'",
                "communication": "'Nyhed på intra og opslag i personalestuen.'",
                "go_live_on": f"CASE WHEN {live} THEN {share(0.6)}::date"
                " ELSE current_date + 14 + mod(i.id, 30)::int END",
                "responsible_id": "i.author_id",
                "state": f"CASE WHEN {live} THEN 'live' ELSE 'planned' END",
                "live_at": f"CASE WHEN {live} THEN {share(0.6)} END",
                "created_at": share(0.5),
            },
        ),
    )
    insert_links(
        cursor,
        AdoptionPlan.skills,
        f"SELECT a.id, {b.skill('a.idea_id + 1')} FROM experiments_adoptionplan a WHERE {b.ours('a')}",
    )
    # Each live plan's two checkpoints; the daily task reminded on the due day, and three in four of those
    # due were recorded two days later by the plan's responsible.
    recorded = "c.due_on < current_date - 2 AND mod(a.id, 4) > 0"
    step(
        "checkpoints",
        insert_select(
            cursor,
            Checkpoint,
            "experiments_adoptionplan a CROSS JOIN LATERAL (VALUES (a.first_checkpoint_days),"
            " (a.second_checkpoint_days)) AS d(days), LATERAL (SELECT a.go_live_on + d.days AS due_on) c"
            f" WHERE {b.ours('a')} AND a.state = 'live'",
            {
                "organisation_id": "a.organisation_id",
                "workplace_id": "a.workplace_id",
                "plan_id": "a.id",
                "days": "d.days",
                "due_on": "c.due_on",
                "users": f"CASE WHEN {recorded} THEN 8 + mod(a.id, 12) END",
                "affected": f"CASE WHEN {recorded} THEN 20 END",
                "value_citizens": f"CASE WHEN {recorded} THEN mod(a.id, 4) END",
                "value_quality": f"CASE WHEN {recorded} THEN mod(a.id / 4, 4) END",
                "value_routines": f"CASE WHEN {recorded} THEN 1 + mod(a.id, 3) END",
                "notes": f"CASE WHEN {recorded} THEN 'Bruges dagligt af de fleste på dagvagten.' ELSE '' END",
                "recorded_by_id": f"CASE WHEN {recorded} THEN a.responsible_id END",
                "recorded_at": f"CASE WHEN {recorded}"
                " THEN (c.due_on + 2)::timestamptz + interval '10 hours' END",
                "reminded_at": "CASE WHEN c.due_on <= current_date"
                " THEN c.due_on::timestamptz + interval '6 hours' END",
            },
        ),
    )
    step(
        "cases",
        insert_select(
            cursor,
            Case,
            "experiments_adoptionplan a JOIN ideas_idea i ON i.id = a.idea_id"
            f" WHERE {b.ours('a')} AND a.state = 'live' AND mod((i.id - {b.first_idea}) / 96, 5) > 0",
            {
                "organisation_id": "a.organisation_id",
                "workplace_id": "a.workplace_id",
                "idea_id": "i.id",
                "summary": "'Vi afprøvede ' || i.title || ' i seks uger, og nu er det en del af hverdagen.'",
                "value_achieved": "'Mindre dobbeltarbejde og mere ro på vagten.'",
                "what_it_took": "'To tablets, en times oplæring og en kollega, der kunne svare.'",
                "learnings": "'Start småt, og aftal på forhånd, hvordan I måler, om det virker.'",
                "contact_id": "a.responsible_id",
                "published_by_id": b.person(b.w("a.workplace_id"), 0),
                "published_at": share(0.8),
            },
        ),
    )


def challenges_and_workshops(cursor, step, b):
    """Three challenges per workplace (two closed, one open now), and two workshop sessions: one ended a few
    weeks ago, one planned. The leader plans and facilitates and invites nine colleagues; in the ended one
    eight were in the room and posted twice each in the first step, and in a Kerneopgave-kompasset session
    the facilitator made one post a challenge (post_to_challenge: open from that day)."""
    from frontloeber.ideas.models import Challenge
    from frontloeber.workshops.models import (
        CODE_ALPHABET,
        CODE_LENGTH,
        Participant,
        Post,
        SessionInvitation,
        SessionOutput,
        WorkshopSession,
    )

    # Challenge c opened 300, 120 or 10 days ago and was open for 45, 30 or 40 days (the last one still is).
    opens = f"current_date - {pick((300, 120, 10), 'c')} - mod(w, 10)"
    step(
        "challenges",
        insert_select(
            cursor,
            Challenge,
            "generate_series(0, %s - 1) AS w CROSS JOIN generate_series(0, 2) AS c,"
            f" LATERAL (SELECT {opens} AS opens) o",
            {
                "organisation_id": str(b.organisation.pk),
                "workplace_id": f"{b.first_workplace} + w",
                "title": pick(CHALLENGES, "w + c"),
                "description": "'Skriv jeres idé, også hvis den kun er halvt færdig.'",
                "opens_on": "o.opens",
                "closes_on": f"o.opens + {pick((45, 30, 40), 'c')}",
                "created_by_id": b.person("w", 0),
                "created_at": "(o.opens - 1)::timestamptz + interval '10 hours'",
            },
            [WORKPLACES],
        ),
    )
    # The join code: the session's number in CODE_ALPHABET's digits, so every code is different.
    base = len(CODE_ALPHABET)
    code = " || ".join(
        f"substr('{CODE_ALPHABET}', 1 + mod((n + {base ** (CODE_LENGTH - 1)}) / {base**i}, {base}), 1)"
        for i in range(CODE_LENGTH)
    )
    ended = "mod(n, 2) = 0"
    day = "date_trunc('day', now())"
    formats = (
        "JOIN workshops_workshopformat f ON f.version = (SELECT max(version) FROM workshops_workshopformat)"
        f" AND f.number = CASE WHEN {ended} THEN {pick([1, 3, 5], 'n / 2')} ELSE 1 + mod(n / 2, 10) END"
    )
    start = f"CASE WHEN {ended} THEN {day} - (20 + mod(n, 60)) * interval '1 day'"
    start += f" ELSE {day} + (10 + mod(n, 60)) * interval '1 day' END + interval '12 hours'"
    step(
        "workshop sessions",
        insert_select(
            cursor,
            WorkshopSession,
            f"generate_series(0, %s - 1) AS n {formats}, LATERAL (SELECT {start} AS starts_at) s",
            {
                "organisation_id": str(b.organisation.pk),
                "workplace_id": f"{b.first_workplace} + n / 2",
                "format_id": "f.id",
                "starts_at": "s.starts_at",
                "place": pick(PLACES, "n"),
                "facilitator_id": b.person("n / 2", 0),
                "state": f"CASE WHEN {ended} THEN 'ended' ELSE 'planned' END",
                "created_by_id": b.person("n / 2", 0),
                "created_at": "least(s.starts_at - interval '14 days', now())",
                "join_code": f"CASE WHEN {ended} THEN {code} END",
                "step_position": f"CASE WHEN {ended} THEN"
                " (SELECT max(position) FROM workshops_workshopstep WHERE format_id = f.id) END",
                "group_count": f"CASE WHEN {ended} THEN 2 + mod(n / 2, 2) ELSE 0 END",
                "revision": f"CASE WHEN {ended} THEN 40 + mod(n, 30) ELSE 0 END",
                "started_at": f"CASE WHEN {ended} THEN s.starts_at END",
                "ended_at": f"CASE WHEN {ended} THEN s.starts_at + interval '80 minutes' END",
            },
            [WORKPLACES * 2],
        ),
    )
    # Invited: the facilitator (j = 0) and nine colleagues; in the room: the first eight of them.
    w = b.w("s.workplace_id")
    colleague = f"CASE WHEN j = 0 THEN 0 ELSE 1 + mod({w} + 3 * j, {PEOPLE_PER_WORKPLACE - 1}) END"
    sessions = "workshops_workshopsession s CROSS JOIN generate_series(0, {last}) AS j"
    tenant = {"organisation_id": "s.organisation_id", "workplace_id": "s.workplace_id", "session_id": "s.id"}
    step(
        "workshop invitations",
        insert_select(
            cursor,
            SessionInvitation,
            sessions.format(last=9) + f" WHERE {b.ours('s')}",
            {**tenant, "user_id": b.person(b.w("s.workplace_id"), colleague), "invited_at": "s.created_at"},
        ),
    )
    step(
        "workshop participants",
        insert_select(
            cursor,
            Participant,
            sessions.format(last=7)
            + f" JOIN accounts_user u ON u.id = {b.person(b.w('s.workplace_id'), colleague)}"
            + f" WHERE {b.ours('s')} AND s.state = 'ended'",
            {
                **tenant,
                "user_id": "u.id",
                "display_name": "u.full_name",
                "group": "1 + mod(j, s.group_count)",
                "joined_at": "s.started_at + j * interval '1 minute'",
            },
        ),
    )
    step(
        "workshop posts",
        insert_select(
            cursor,
            Post,
            "workshops_participant pt JOIN workshops_workshopsession s ON s.id = pt.session_id"
            f" CROSS JOIN generate_series(1, 2) AS x WHERE {b.ours('s')} AND pt.user_id <> s.facilitator_id",
            {
                **tenant,
                "step_position": "1",
                "author_id": "pt.id",
                "text": pick(POSTS, "pt.id + x"),
                "created_at": "s.started_at + (10 + 3 * x) * interval '1 minute'",
            },
        ),
    )
    compass = (
        "workshops_workshopsession s JOIN workshops_workshopformat f ON f.id = s.format_id"
        f" AND f.slug = 'kerneopgave-kompasset' WHERE {b.ours('s')} AND s.state = 'ended'"
    )
    made_at = "s.ended_at - interval '5 minutes'"
    on_the_day = "(s.ended_at AT TIME ZONE 'Europe/Copenhagen')::date"
    insert_select(
        cursor,
        Challenge,
        compass,
        {
            "organisation_id": "s.organisation_id",
            "workplace_id": "s.workplace_id",
            "title": pick(CHALLENGES, f"{b.w('s.workplace_id')} + 3"),
            "opens_on": on_the_day,
            "closes_on": f"{on_the_day} + 30",
            "created_by_id": "s.facilitator_id",
            "created_at": made_at,
        },
    )
    step(
        "workshop outputs",
        insert_select(
            cursor,
            SessionOutput,
            compass.replace(
                " WHERE",
                " JOIN ideas_challenge ch ON ch.workplace_id = s.workplace_id"
                f" AND ch.created_at = {made_at} WHERE",
            ),
            {
                **tenant,
                "post_id": "(SELECT min(id) FROM workshops_post WHERE session_id = s.id)",
                "kind": "'challenge'",
                "challenge_id": "ch.id",
                "created_by_id": "s.facilitator_id",
                "created_at": made_at,
            },
        ),
    )


def learning(cursor, step, b):
    """Two learning activities per workplace, each building one catalogue skill: one held a month or two ago
    (attendance recorded in most, some feedback), one coming, with six colleagues signed up to each. The
    leader plans; a peer training is hosted by an employee."""
    from frontloeber.competences.models import LearningActivity, Signup

    past = "mod(n, 2) = 0"
    day = "date_trunc('day', now())"
    start = f"CASE WHEN {past} THEN {day} - (30 + mod(n, 40)) * interval '1 day'"
    start += f" ELSE {day} + (7 + mod(n, 40)) * interval '1 day' END + interval '12 hours'"
    kind = pick(ACTIVITY_KINDS, "n / 2 + mod(n, 2)")
    titles = "CASE a.kind WHEN 'playground' THEN 'Legestue: ' WHEN 'peer' THEN 'Kollega lærer kollega: '"
    titles += " ELSE 'Kursus: ' END || sk.name"
    host = b.person(
        "n / 2", f"CASE WHEN a.kind = 'peer' THEN 1 + mod(n / 2, {PEOPLE_PER_WORKPLACE - 1}) ELSE 0 END"
    )
    step(
        "learning activities",
        insert_select(
            cursor,
            LearningActivity,
            f"generate_series(0, %s - 1) AS n, LATERAL (SELECT {kind} AS kind, {start} AS starts_at) a,"
            f" competences_skill sk WHERE sk.id = {b.skill('n / 2 + 5 * mod(n, 2)')}",
            {
                "organisation_id": str(b.organisation.pk),
                "workplace_id": f"{b.first_workplace} + n / 2",
                "kind": "a.kind",
                "title": titles,
                "description": "'Vi prøver det af sammen, i vores eget tempo. Tag gerne et spørgsmål med.'",
                "starts_at": "a.starts_at",
                "minutes": pick([60, 90, 120], "n"),
                "place": pick(PLACES, "n + 1"),
                "host_id": host,
                "seats": "CASE WHEN mod(n, 4) < 2 THEN 12 END",
                "created_by_id": b.person("n / 2", 0),
                "created_at": f"CASE WHEN {past} THEN a.starts_at - interval '21 days'"
                " ELSE now() - mod(n, 7) * interval '1 day' END",
            },
            [WORKPLACES * 2],
        ),
    )
    # The skill is the one its title names (the same choice from the workplace and whether it is to come).
    coming = "(a.starts_at > now())::int"
    w = b.w("a.workplace_id")
    insert_links(
        cursor,
        LearningActivity.skills,
        f"SELECT a.id, {b.skill(f'{w} + 5 * {coming}')} FROM competences_learningactivity a"
        f" WHERE {b.ours('a')}",
    )
    # Six colleagues signed up (never the peer host: 4 j + 3 is never a multiple of 29 for j up to 6); of a
    # held one, the sixth did not come, and the first three rated it.
    held = "a.starts_at < now()"
    attended = f"CASE WHEN {held} AND mod({w}, 5) > 0 THEN j <> 6 END"
    step(
        "learning sign-ups",
        insert_select(
            cursor,
            Signup,
            f"competences_learningactivity a CROSS JOIN generate_series(1, 6) AS j WHERE {b.ours('a')}",
            {
                "organisation_id": "a.organisation_id",
                "workplace_id": "a.workplace_id",
                "activity_id": "a.id",
                "user_id": b.person(w, f"1 + mod({w} + 4 * j + 3 * {coming}, {PEOPLE_PER_WORKPLACE - 1})"),
                "signed_up_at": "least(a.created_at + j * interval '1 hour', now())",
                "attended": attended,
                "rating": f"CASE WHEN {held} AND j <= 3 THEN 3 + mod({w} + j, 3) END",
                "feedback": f"CASE WHEN {held} AND j <= 3 THEN {pick(FEEDBACK, 'j')} ELSE '' END",
            },
        ),
    )


def counts():
    """The exact size of what was built (and of the demo under it)."""
    tables = {
        "workplaces": "organisations_workplace",
        "people": "accounts_user",
        "memberships": "organisations_membership",
        "ideas": "ideas_idea",
        "supports": "ideas_support",
        "comments": "ideas_comment",
        "survey rounds": "reflection_round",
        "survey invitations": "reflection_roundinvitation",
        "survey responses": "reflection_response",
        "survey answers": "reflection_answer",
        "survey comments": "reflection_practicecomment",
        "survey practice totals": "reflection_practicetotal",
        "skill ratings": "competences_skillrating",
        "skill level changes": "competences_skilllevelchange",
        "experiments": "experiments_experiment",
        "adoption plans": "experiments_adoptionplan",
        "cases": "experiments_case",
        "challenges": "ideas_challenge",
        "workshop sessions": "workshops_workshopsession",
        "learning activities": "competences_learningactivity",
        "learning sign-ups": "competences_signup",
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
        cursor.execute("SELECT count(value) FROM reflection_answer")
        result["survey answers on the scale"] = cursor.fetchone()[0]
    return result


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontloeber.settings")
    django.setup()
    for name, value in build().items():
        print(f"{name:<32} {value:>10,}")
