"""Invitation moved to organisations (its 0005 renames the table); here it only leaves the model state."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_initial'),
        ('organisations', '0005_invitation'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name='Invitation')]),
    ]
