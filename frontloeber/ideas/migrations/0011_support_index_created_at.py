# The index of who supported ideas in a workplace gains created_at, so the practice indicators count the
# people who supported ideas in a quarter from the index alone (benchmarks/api.py, "indicators"). The new one
# is made before the old one goes: the prefix (organisation, workplace, user) is served throughout.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0010_changed_at"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="support",
            index=models.Index(
                fields=["organisation", "workplace", "user", "created_at"],
                name="ideas_suppo_organis_57c719_idx",
            ),
        ),
        migrations.RemoveIndex(
            model_name="support",
            name="ideas_suppo_organis_048f3b_idx",
        ),
    ]
