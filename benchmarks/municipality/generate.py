"""The people and their ideas, then the rest in order (survey.py, work.py); the counts of what is there."""

import dataclasses
import time

from django.db import connection

from . import sizes
from .sql import array, bulk_loading, insert_select, pick, words
from .survey import skill_ratings, survey
from .work import challenges_and_workshops, experiments, learning


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
    people = sizes.WORKPLACES * sizes.PEOPLE_PER_WORKPLACE
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
                    "name": f"{pick(sizes.KINDS_OF_PLACE, 'n')} || ' ' || n",
                    "slug": "'bench-' || n",
                    "sector": pick(sizes.SECTORS, "n"),
                    "core_task": "'Vi giver borgerne den bedste hjælp, hver dag.'",
                },
                [sizes.WORKPLACES],
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
                    "email": f"'person' || n || '@{sizes.DOMAIN}'",
                    "full_name": f"{pick(sizes.FIRST_NAMES, 'n')} || ' ' || "
                    f"{pick(sizes.LAST_NAMES, 'n / 16')}",
                    "password": "%s",
                    "date_joined": "now() - interval '400 days'",
                },
                [make_password(sizes.PASSWORD), people],  # in the order of the placeholders
            ),
        )
        cursor.execute(f"SELECT min(id) FROM accounts_user WHERE email LIKE '%@{sizes.DOMAIN}'")
        first_person = cursor.fetchone()[0]
        # The people's addresses are the organisation's own: the survey asks only those (eligibility.py).
        cursor.execute(
            "INSERT INTO organisations_organisationdomain (organisation_id, domain, created_at)"
            " VALUES (%s, %s, now() - interval '400 days') ON CONFLICT DO NOTHING",
            [organisation.pk, sizes.DOMAIN],
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
                    "workplace_id": f"{first_workplace} + mod(n, {sizes.WORKPLACES})",
                    "user_id": f"{first_person} + n",
                    "role": f"CASE WHEN n < {sizes.WORKPLACES} THEN 'leader' ELSE 'employee' END",
                    # Members since they joined: before the survey rounds and ratings of the past year.
                    "created_at": "now() - interval '400 days'",
                },
                [people],
            ),
        )
        cursor.execute(
            f"INSERT INTO {Tag._meta.db_table} (organisation_id, name, key) "  # noqa: S608
            "SELECT %s, w, w FROM unnest(%s::text[]) AS w ON CONFLICT DO NOTHING",
            [organisation.pk, sizes.TAGS],
        )
        # Idea k (from 0): the first BUSY_IDEAS in the busiest workplace, the rest spread over the others;
        # its author is one of the workplace's people, its supporters five others. Newest first by k.
        workplace_of = (
            f"(CASE WHEN k < {sizes.BUSY_IDEAS} THEN 0 ELSE 1 + mod(k, {sizes.WORKPLACES - 1}) END)"
        )
        title, need = words("k", 6), words("k", 18, offset=5)
        step(
            "ideas",
            insert_select(
                cursor,
                Idea,
                f"(SELECT k, {workplace_of} AS w, {title} AS title,"
                f" {need} || CASE WHEN mod(k, 997) = 0 THEN ' {sizes.RARE_WORD}' ELSE '' END AS need,"
                f" {words('k', 40, offset=11)} AS description, {pick(sizes.TAGS, 'k')} AS tag"
                " FROM generate_series(0, %s - 1) AS k) AS i",
                {
                    "organisation_id": str(organisation.pk),
                    "workplace_id": f"{first_workplace} + w",
                    "author_id": f"{first_person} + w"
                    f" + {sizes.WORKPLACES} * (1 + mod(k, {sizes.PEOPLE_PER_WORKPLACE - 1}))",
                    "title": "title",
                    "need": "need",
                    "description": "description",
                    "value_citizens": "mod(k, 4)",
                    "value_quality": "mod(k / 4, 4)",
                    "value_routines": "mod(k / 16, 4)",
                    "status": pick(sizes.STATUSES, "k / 3"),
                    "support_count": str(sizes.SUPPORTS_PER_IDEA),
                    "comment_count": "1 + (mod(k, 18) = 0)::int",
                    "created_at": "now() - k * interval '7 minutes'",
                    "last_activity_at": "now() - k * interval '7 minutes'",
                    # Last changed when last active, as the API's incremental lists (updated_since) read it.
                    "updated_at": "now() - k * interval '7 minutes'",
                    "awaiting_leader_since": "CASE WHEN mod(k, 25) = 0"
                    " THEN now() - k * interval '7 minutes' END",
                    # As ideas.search.document makes it: title, need, idea and tags.
                    "search_text": "concat_ws(E'\\n', title, need, description, tag)",
                },
                [sizes.IDEAS],
            ),
        )
        cursor.execute("SELECT min(id), max(id) FROM ideas_idea WHERE workplace_id >= %s", [first_workplace])
        first_idea, last_idea = cursor.fetchone()
        # One INSERT numbers its rows in the order of the series, so idea k has id first_idea + k.
        assert last_idea - first_idea + 1 == sizes.IDEAS
        # The link carries its idea's organisation and workplace where it has them (IdeaTag).
        link = Idea.tags.through
        tenant = {f.attname for f in link._meta.concrete_fields} & {"organisation_id", "workplace_id"}
        step(
            "idea tags",
            insert_select(
                cursor,
                link,
                "ideas_idea i JOIN ideas_tag t ON t.organisation_id = %s AND t.key = "
                + pick(sizes.TAGS, f"i.id - {first_idea}")  # idea k's tag, as in its search text
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
                    "user_id": f"{first_person} + (i.workplace_id - {first_workplace}) + {sizes.WORKPLACES}"
                    f" * mod((i.author_id - {first_person}) / {sizes.WORKPLACES} + 7 * s,"
                    f" {sizes.PEOPLE_PER_WORKPLACE})",
                    "created_at": "i.created_at + s * interval '1 hour'",
                },
                [sizes.SUPPORTS_PER_IDEA, first_idea, last_idea],
            ),
        )
        bodies = array(sizes.COMMENTS)
        htmls = array(str(render(body)) for body in sizes.COMMENTS)  # as Comment.save() stores it
        comment = {
            "organisation_id": "i.organisation_id",
            "workplace_id": "i.workplace_id",
            "idea_id": "i.id",
            "author_id": f"{first_person} + (i.workplace_id - {first_workplace})"
            f" + {sizes.WORKPLACES} * mod(c, 30)",
            "body": f"({bodies})[1 + mod(c, {len(sizes.COMMENTS)})]",
            "body_html": f"({htmls})[1 + mod(c, {len(sizes.COMMENTS)})]",
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
                [sizes.DISCUSSION, discussed],
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
        single_sign_on(cursor, step, bench)
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
        return f"({self.first_person} + {w} + {sizes.WORKPLACES} * ({p}))"

    def p(self, user_id):
        return f"(({user_id} - {self.first_person}) / {sizes.WORKPLACES})"

    def ours(self, alias):
        """SQL: the row is in one of the generated workplaces (not the demo's)."""
        return f"{alias}.workplace_id >= {self.first_workplace}"

    def skill(self, n_sql):
        """SQL: one of the catalogue's skills, chosen by ``n_sql``."""
        return pick(self.skills, n_sql)


def single_sign_on(cursor, step, b):
    """The organisation signs everyone in through its own OpenID Connect provider: a workplace rule per
    workplace (its unit id) and every person signed in once, the provider having named their unit. The rule
    preview then weighs all 30,000 (the memberships were made by hand, so it finds nothing to change)."""
    from allauth.socialaccount.models import SocialAccount

    from frontloeber.sso.models import IdentityProvider, MappingRule

    provider = IdentityProvider.objects.create(
        organisation=b.organisation,
        key="bench",
        protocol="oidc",
        enabled=True,
        issuer="https://login.microsoftonline.com/bench/v2.0",
        client_id="frontloeber-bench",
        client_secret="bench-secret",  # noqa: S106 — made up: nobody signs in through it
        email_attribute="email",
        first_name_attribute="given_name",
        last_name_attribute="family_name",
        unit_attribute="groups",
    )
    step(
        "sign-in rules",
        insert_select(
            cursor,
            MappingRule,
            "generate_series(0, %s - 1) AS n",
            {
                "organisation_id": str(b.organisation.pk),
                "kind": "'workplace'",
                "value": "'unit-' || n",
                "target_workplace_id": f"{b.first_workplace} + n",
            },
            [sizes.WORKPLACES],
        ),
    )
    people = sizes.WORKPLACES * sizes.PEOPLE_PER_WORKPLACE
    step(
        "sign-in links",
        insert_select(
            cursor,
            SocialAccount,
            "generate_series(0, %s - 1) AS n",
            {
                "user_id": f"{b.first_person} + n",
                "provider": f"'{provider.provider_id}'",
                "uid": "'bench-' || n",
                "extra_data": "jsonb_build_object('userinfo', jsonb_build_object('sub', 'bench-' || n, "
                f"'email', 'person' || (n + 1) || '@{sizes.DOMAIN}', "
                f"'groups', jsonb_build_array('unit-' || mod(n, {sizes.WORKPLACES}))))",
                "date_joined": "now() - interval '300 days'",
                "last_login": "now() - interval '3 days'",
            },
            [people],
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
        "sign-in rules": "sso_mappingrule",
        "sign-in links": "socialaccount_socialaccount",
    }
    with connection.cursor() as cursor:
        result = {}
        for name, table in tables.items():
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 — names from this module
            result[name] = cursor.fetchone()[0]
        cursor.execute(
            "SELECT count(*) FROM ideas_idea i JOIN organisations_workplace w ON w.id = i.workplace_id"
            " WHERE w.slug = %s",
            [sizes.BUSY_SLUG],
        )
        result["ideas in the busiest workplace"] = cursor.fetchone()[0]
        cursor.execute("SELECT count(value) FROM reflection_answer")
        result["survey answers on the scale"] = cursor.fetchone()[0]
    return result
