"""A notification points at what it is about by label and id instead of a foreign key to ideas (issue 15):
notifications lie below ideas in the layers. The new columns; 0009 copies every idea reference into them and
back, 0010 drops the key. Each in its own transaction: PostgreSQL refuses to alter a table in the
transaction that has just updated rows under a deferred foreign key."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0007_kind_declared_by_apps"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="subject_type",
            field=models.CharField(blank=True, max_length=40),
        ),
        migrations.AddField(
            model_name="notification",
            name="subject_id",
            field=models.PositiveBigIntegerField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="notification",
            name="subject_title",
            field=models.CharField(blank=True, max_length=200),
        ),
    ]
