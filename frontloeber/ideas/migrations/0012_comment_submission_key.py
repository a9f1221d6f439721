# A comment keeps the one-time key its comment box sent, unique per author like an idea's: a device's queue
# sending a comment again finds the first one however long after (the key was kept in the shared cache before,
# which may forget it). New comments only: the column is empty for those written before.

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0011_support_index_created_at"),
        ("organisations", "0015_shared_devices"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="submission_key",
            field=models.UUIDField(blank=True, null=True),
        ),
        migrations.AddConstraint(
            model_name="comment",
            constraint=models.UniqueConstraint(
                condition=models.Q(("submission_key__isnull", False)),
                fields=("author", "submission_key"),
                name="comment_unique_submission",
            ),
        ),
    ]
