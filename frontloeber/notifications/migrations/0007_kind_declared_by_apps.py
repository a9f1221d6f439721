"""Notification kinds are declared by the apps that send them (notifications.kinds), not listed here."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('notifications', '0006_survey_oversight'),
    ]

    operations = [
        migrations.AlterField(
            model_name='notification',
            name='kind',
            field=models.CharField(max_length=30),
        ),
    ]
