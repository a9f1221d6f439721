from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0008_notification_subject"),
    ]

    operations = [
        migrations.RemoveField(model_name="notification", name="idea"),
    ]
