"""The value axes may be "not rated" (NULL): the form no longer starts them at 0.

A 0 with no reason written was the old form's preset, not the author's weighing: it becomes not rated. A 0
with a reason stays "none". Back: not rated becomes 0 again, as the old schema has no other way to say it.
"""

import django.core.validators
from django.db import migrations, models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce

AXES = ("citizens", "quality", "routines")


def _preset(axis):
    return Q(**{f"value_{axis}": 0, f"value_{axis}_why": ""})


def unset_the_presets(apps, schema_editor):
    # One UPDATE for the three axes: each rewrites the row (and its stored search vector) once, not thrice.
    Idea = apps.get_model("ideas", "Idea")
    Idea.objects.filter(_preset("citizens") | _preset("quality") | _preset("routines")).update(
        **{
            f"value_{axis}": Case(When(_preset(axis), then=Value(None)), default=F(f"value_{axis}"))
            for axis in AXES
        }
    )


def zero_the_unrated(apps, schema_editor):
    Idea = apps.get_model("ideas", "Idea")
    Idea.objects.filter(
        Q(value_citizens__isnull=True) | Q(value_quality__isnull=True) | Q(value_routines__isnull=True)
    ).update(**{f"value_{axis}": Coalesce(f"value_{axis}", 0) for axis in AXES})


def _nullable():
    return models.PositiveSmallIntegerField(
        blank=True, null=True, validators=[django.core.validators.MaxValueValidator(3)]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ideas", "0008_idea_tag_tenant_columns"),
    ]

    operations = [
        migrations.AlterField(model_name="idea", name="value_citizens", field=_nullable()),
        migrations.AlterField(model_name="idea", name="value_quality", field=_nullable()),
        migrations.AlterField(model_name="idea", name="value_routines", field=_nullable()),
        migrations.RunPython(unset_the_presets, zero_the_unrated),
    ]
