"""Full-text search: a GIN index on the Danish text vector (PostgreSQL) or an FTS5 table (SQLite).

See frontloeber/ideas/search.py for how each is queried.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

POSTGRES_INDEX = "ideas_idea_search_danish"


def vector():
    # The same expression as search.postgres_vector(), written out so this migration never changes.
    return SearchVector("title", weight="A", config="danish") + SearchVector(
        "search_text", weight="B", config="danish"
    )


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        # Built by Django from the expression, so it is exactly what the queries compile to.
        schema_editor.add_index(apps.get_model("ideas", "Idea"), GinIndex(vector(), name=POSTGRES_INDEX))
    elif vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE ideas_idea_fts USING fts5(title, stems, tokenize='unicode61')"
        )


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {POSTGRES_INDEX}")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS ideas_idea_fts")


class Migration(migrations.Migration):
    dependencies = [("ideas", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
