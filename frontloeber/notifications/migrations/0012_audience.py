"""Who a notification was told to becomes one field, ``audience`` (the workplace's members, the organisation's
admins, or the reviewers of its safety checks), in place of the ``for_organisation_admins`` flag. Nothing is
lost either way: going back, a notification to the admins or the reviewers is one to the admins again."""

from django.db import migrations, models


def to_audience(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    Notification.objects.filter(for_organisation_admins=True).update(audience="admins")


def to_flag(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    Notification.objects.exclude(audience="workplace").update(for_organisation_admins=True)


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0011_grouping_and_muting"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="audience",
            field=models.CharField(
                choices=[
                    ("workplace", "The workplace's members"),
                    ("admins", "The organisation's admins"),
                    ("safety_reviewers", "The reviewers of the organisation's safety checks"),
                ],
                default="workplace",
                max_length=20,
            ),
        ),
        migrations.RunPython(to_audience, to_flag),
        migrations.RemoveField(model_name="notification", name="for_organisation_admins"),
    ]
