"""Barriers and action items moved to the actions app (its 0001 renames the tables); here a session's outputs
point at them there, and the models leave this app's state. Nothing changes in the database."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('actions', '0001_initial'),
        ('workshops', '0007_one_target_each'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='sessionoutput',
                    name='action_item',
                    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='outputs', to='actions.actionitem'),
                ),
                migrations.AlterField(
                    model_name='sessionoutput',
                    name='barrier',
                    field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='outputs', to='actions.barrier'),
                ),
                migrations.DeleteModel(name='ActionItem'),
                migrations.DeleteModel(name='Barrier'),
            ]
        ),
    ]
