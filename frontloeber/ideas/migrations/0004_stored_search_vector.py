"""PostgreSQL: the idea's text vector is a stored generated column with its own GIN index (issue 16).

Searching the expression index of 0002 made PostgreSQL compute ``to_tsvector`` for every idea of the workplace
twice (to filter and to rank) once the workplace filter was used, since the expression index is not then: a
search for a common word in a workplace of 5,000 ideas took over a second. The stored vector is computed once,
when an idea's text is written. The column is the very expression of 0002, so what matches and how it ranks
is unchanged. Not in Django's model state (SQLite keeps its FTS5 table); ``search.py`` reads it by name.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

OLD_INDEX = "ideas_idea_search_danish"
INDEX = "ideas_idea_search_vector"
COLUMN = "search_vector"


def _expression_index():
    return GinIndex(
        SearchVector("title", weight="A", config="danish") + SearchVector("search_text", weight="B", config="danish"),
        name=OLD_INDEX,
    )


def store(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE ideas_idea ADD COLUMN {COLUMN} tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('danish'::regconfig, COALESCE(title, '')), 'A') || "
        "setweight(to_tsvector('danish'::regconfig, COALESCE(search_text, '')), 'B')"
        ") STORED"
    )
    schema_editor.execute(f"CREATE INDEX {INDEX} ON ideas_idea USING gin ({COLUMN})")
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")


def compute_again(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("ideas", "Idea"), _expression_index())
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"ALTER TABLE ideas_idea DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [("ideas", "0003_tenant_rows")]

    operations = [migrations.RunPython(store, compute_again, elidable=False)]
