from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0009_notification_subject_from_idea"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="notification",
            index=models.Index(fields=["subject_type", "subject_id"], name="notificatio_subject_536c14_idx"),
        ),
        migrations.RemoveField(model_name="notification", name="idea"),
    ]
