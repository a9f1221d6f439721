"""This issue's migrations keep every row of the demo, both ways (issue 15, point 3).

The demo is seeded at the newest schema, every table counted, the migrations of issue 15 rolled back and
applied again, counting after each. Runs on whichever database the suite runs on (SQLite, then PostgreSQL).
"""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from frontloeber.notifications.models import Audience, Notification
from frontloeber.organisations.models import Workplace
from tests.factories import InvitationFactory

# Each app as it was before issue 15 (see README, "Migrations and how to roll them back").
BEFORE_ISSUE_15 = [
    ("accounts", "0002_initial"),
    ("organisations", "0004_membership_origin"),
    ("notifications", "0006_survey_oversight"),
    ("workshops", "0006_participant_removed"),
    ("ideas", "0002_full_text_search"),
    ("experiments", "0002_skills_needed"),
    ("actions", None),
]
# Tables later issues' migrations make after an app's issue-15 migrations: a rollback to before issue 15 drops
# them with their rows, so they are compared only where they exist.
LATER_TABLES = {
    "notifications_mutedkind",
    "organisations_safetycontact",
    "experiments_safetyreview",
    "organisations_coretaskrevision",
    "organisations_leadergroup",
    "organisations_leadergroupmember",
    "actions_barrierchange",
    "accounts_signin",
    "organisations_auditentry",
    "organisations_staffimport",
    "sso_identityprovider",
    "sso_linkrequest",
    "sso_mappingrule",
    "organisations_domainclaim",
    "provisioning_scimtoken",
    "provisioning_scimidentity",
    "provisioning_scimgroup",
    "provisioning_scimgroupmember",
    "webhooks_webhookendpoint",
    "webhooks_webhookdelivery",
    "api_apitoken",
    "api_tombstone",
    "devices_shareddevice",
}
# Tables the migrations rename: counted under their newest name.
RENAMED = {
    "accounts_invitation": "organisations_invitation",
    "workshops_barrier": "actions_barrier",
    "workshops_actionitem": "actions_actionitem",
}


def row_counts():
    counts = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if table == "django_migrations":
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 — names from the schema
            counts[RENAMED.get(table, table)] = cursor.fetchone()[0]
    return counts


def notification_subjects():
    """(id, subject id, subject title) of every notification about an idea, however the schema says it."""
    columns = {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), "notifications_notification"
        )
    }
    with connection.cursor() as cursor:
        if "idea_id" in columns:
            cursor.execute(
                "SELECT n.id, n.idea_id, i.title FROM notifications_notification n"
                " JOIN ideas_idea i ON i.id = n.idea_id ORDER BY n.id"
            )
        else:
            cursor.execute(
                "SELECT id, subject_id, subject_title FROM notifications_notification"
                " WHERE subject_type = 'ideas.idea' ORDER BY id"
            )
        return cursor.fetchall()


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


def newest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_this_issues_migrations_keep_every_row_of_the_demo_both_ways():
    call_command("seed_demo", stdout=StringIO())
    for workplace in Workplace.objects.all()[:3]:  # the demo invites nobody; the move of this table counts
        InvitationFactory(workplace=workplace)
    # notifications 0012 turns the admins' flag into the audience and back (the reviewers' become admins').
    if not Notification.objects.filter(audience=Audience.ADMINS).exists():
        workplace = Workplace.objects.first()
        Notification.objects.create(
            workplace=workplace,
            recipient_id=workplace.memberships.first().user_id,
            kind="survey_close_request",
            audience=Audience.ADMINS,
        )
    told_admins = Notification.objects.exclude(audience=Audience.WORKPLACE).count()
    before = row_counts()
    subjects = notification_subjects()
    assert len(subjects) > 20
    assert before["ideas_idea"] > 50 and before["organisations_invitation"] > 0
    assert before["actions_barrier"] > 0 and before["actions_actionitem"] > 0
    assert sum(before.values()) > 5000

    migrate(BEFORE_ISSUE_15)
    rolled_back = row_counts()
    assert {"accounts_invitation", "workshops_barrier"} <= set(connection.introspection.table_names())
    assert rolled_back == {table: n for table, n in before.items() if table not in LATER_TABLES}
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM notifications_notification WHERE for_organisation_admins")
        assert cursor.fetchone()[0] == told_admins
    assert notification_subjects() == subjects  # the foreign key to the idea again

    migrate(newest())
    assert {t: n for t, n in row_counts().items() if t not in LATER_TABLES} == {
        t: n for t, n in before.items() if t not in LATER_TABLES
    }
    assert notification_subjects() == subjects
    assert Notification.objects.exclude(audience=Audience.WORKPLACE).count() == told_admins
    with connection.cursor() as cursor:  # ideas 0007 made every comment's HTML again
        cursor.execute("SELECT COUNT(*) FROM ideas_comment WHERE body_html = ''")
        assert cursor.fetchone()[0] == 0
        cursor.execute(  # ideas 0008 gave every idea's tag its idea's organisation and workplace
            "SELECT COUNT(*) FROM ideas_idea_tags t JOIN ideas_idea i ON i.id = t.idea_id"
            " WHERE t.organisation_id = i.organisation_id AND t.workplace_id = i.workplace_id"
        )
        assert cursor.fetchone()[0] == before["ideas_idea_tags"] > 0
    assert {"organisations_invitation", "actions_barrier"} <= set(connection.introspection.table_names())

    # reflection 0006 adds up the answers of the rounds sealed before it, as round_seal does since.
    totals = "SELECT round_id, practice_id, total, answers, most_on_one_item FROM reflection_practicetotal"
    with connection.cursor() as cursor:
        cursor.execute(totals)
        kept_by_round_seal = sorted(cursor.fetchall())
    migrate([("reflection", "0005_eligibility")])
    migrate(newest())
    with connection.cursor() as cursor:
        cursor.execute(totals)
        assert sorted(cursor.fetchall()) == kept_by_round_seal and len(kept_by_round_seal) >= 5
