"""Invitation moves from accounts to organisations (issue 15): its rows stay where they are, the table and its
index are renamed, and its content type (with the admin permissions that point at it) follows.

Rolled back with ``migrate accounts 0002`` and then ``migrate organisations 0004``: the table and the index get
their old names back.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def _move_content_type(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label=target, model="invitation").exists():
        ContentType.objects.filter(app_label=source, model="invitation").update(app_label=target)


def content_type_follows(apps, schema_editor):
    _move_content_type(apps, "accounts", "organisations")


def content_type_returns(apps, schema_editor):
    _move_content_type(apps, "organisations", "accounts")


# The model as accounts left it, table and index names included; the operations below rename both.
CREATE = migrations.CreateModel(
    name='Invitation',
    fields=[
        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
        ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
        ('role', models.CharField(choices=[('employee', 'Employee'), ('leader', 'Leader'), ('observer', 'Observer')], default='employee', max_length=20, verbose_name='role')),
        ('language', models.CharField(choices=[('da', 'Danish'), ('en', 'English')], default='da', max_length=10, verbose_name='language')),
        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
        ('expires_at', models.DateTimeField(verbose_name='expires')),
        ('accepted_at', models.DateTimeField(blank=True, null=True, verbose_name='accepted')),
        ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='withdrawn')),
        ('accepted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='accepted by')),
        ('invited_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='invitations_sent', to=settings.AUTH_USER_MODEL, verbose_name='invited by')),
        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='organisations.organisation', verbose_name='organisation')),
        ('workplace', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='organisations.workplace', verbose_name='workplace')),
    ],
    options={
        'verbose_name': 'invitation',
        'verbose_name_plural': 'invitations',
        'ordering': ['-created_at'],
        'indexes': [models.Index(fields=['organisation', 'workplace', 'email'], name='accounts_in_organis_1b2904_idx')],
        'db_table': 'accounts_invitation',
    },
)


class Migration(migrations.Migration):

    dependencies = [
        ('organisations', '0004_membership_origin'),
        ('accounts', '0002_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[CREATE]),
        migrations.AlterModelTable(name='invitation', table=None),
        migrations.RenameIndex(
            model_name='invitation', old_name='accounts_in_organis_1b2904_idx', new_name='organisatio_organis_15de49_idx'
        ),
        migrations.RunPython(content_type_follows, content_type_returns, elidable=True),
    ]
