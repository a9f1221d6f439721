"""The table of the database cache (settings.CACHES without REDIS_URL), where every worker counts rate limits.

Created here rather than by a separate `createcachetable`, so a fresh `migrate` is all a deployment needs.
It is created whatever CACHES says at the time, so switching between Redis and the database cache later
needs no extra step.
"""

from django.core.management import call_command
from django.db import migrations

TABLE = "frontloeber_cache"


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
