"""Full-text search: a GIN index on the Danish text vector (PostgreSQL) or an FTS5 table (SQLite).

See frontloeber/ideas/search.py for how each is queried.
"""

from django.db import migrations

POSTGRES_INDEX = "ideas_idea_search_danish"


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # The expression must be the one Django compiles SearchVector("search_text", config="danish") to.
        schema_editor.execute(
            f"CREATE INDEX {POSTGRES_INDEX} ON ideas_idea USING gin "
            "(to_tsvector('danish'::regconfig, COALESCE(search_text, '')))"
        )
    elif vendor == "sqlite":
        schema_editor.execute("CREATE VIRTUAL TABLE ideas_idea_fts USING fts5(stems, tokenize='unicode61')")


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {POSTGRES_INDEX}")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS ideas_idea_fts")


class Migration(migrations.Migration):
    dependencies = [("ideas", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
