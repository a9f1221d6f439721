"""Barriers and action items move from workshops to their own app (issue 15): their rows stay where they are,
the tables and their indexes are renamed, and the content types follow.
Rolled back with ``migrate workshops 0007`` and then ``migrate actions zero``: the tables and the indexes get
their old names back.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

MOVED = ("barrier", "actionitem")


def _move_content_types(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label=target, model=model).exists():
            ContentType.objects.filter(app_label=source, model=model).update(app_label=target)


def content_types_follow(apps, schema_editor):
    _move_content_types(apps, "workshops", "actions")


def content_types_return(apps, schema_editor):
    _move_content_types(apps, "actions", "workshops")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('workshops', '0007_one_target_each'),
        ('ideas', '0003_tenant_rows'),
        ('organisations', '0005_invitation'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The models as workshops left them, table and index names included; the operations below rename both.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Barrier',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('time', 'Time'), ('worry', 'Worry'), ('habit', 'Habit')], max_length=10, verbose_name='kind')),
                        ('description', models.TextField(max_length=500, verbose_name='description')),
                        ('status', models.CharField(choices=[('open', 'Open'), ('working', 'Being removed'), ('removed', 'Removed')], default='open', max_length=10, verbose_name='status')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('updated_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organisation', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation')),
                        ('workplace', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisations.workplace')),
                    ],
                    options={
                        'db_table': 'workshops_barrier',
                        'indexes': [models.Index(fields=['organisation', 'workplace', 'status'], name='workshops_b_organis_6d98f8_idx')],
                        'verbose_name': 'barrier',
                        'ordering': ['-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ActionItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('what', models.CharField(max_length=200, verbose_name='what')),
                        ('due_on', models.DateField(verbose_name='due')),
                        ('status', models.CharField(choices=[('open', 'To do'), ('done', 'Done')], default='open', max_length=10, verbose_name='status')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('done_at', models.DateTimeField(blank=True, null=True)),
                        ('reminded_on', models.DateField(blank=True, null=True)),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('idea', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='ideas.idea')),
                        ('organisation', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='organisations.organisation')),
                        ('owner', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='owner')),
                        ('workplace', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='organisations.workplace')),
                        ('barrier', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='action_items', to='actions.barrier')),
                    ],
                    options={
                        'db_table': 'workshops_actionitem',
                        'indexes': [models.Index(fields=['organisation', 'workplace', 'owner', 'status'], name='workshops_a_organis_ee78b0_idx')],
                        'verbose_name': 'action item',
                        'ordering': ['due_on', 'pk'],
                    },
                ),
            ]
        ),
        migrations.AlterModelTable(name='barrier', table=None),
        migrations.AlterModelTable(name='actionitem', table=None),
        migrations.RenameIndex(
            model_name='barrier', old_name='workshops_b_organis_6d98f8_idx', new_name='actions_bar_organis_7b2b73_idx'
        ),
        migrations.RenameIndex(
            model_name='actionitem', old_name='workshops_a_organis_ee78b0_idx', new_name='actions_act_organis_5ccb2d_idx'
        ),
        migrations.RunPython(content_types_follow, content_types_return, elidable=True),
    ]
