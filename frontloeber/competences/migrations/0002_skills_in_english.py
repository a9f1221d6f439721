"""Catalogue skills in Danish and English (issue 17): the suggested skills were stored in the language of
whoever installed the catalogue, so half the readers saw them in the other one."""

from django.db import migrations, models

# The suggestions as they are when this runs: a skill is recognised by its area and its name in either language.
from frontloeber.competences.catalogue import SUGGESTED


def both_languages(apps, schema_editor):
    """Catalogue skills installed from the suggestions, in either language, get both: the Danish name and
    description in ``name`` and ``description``, the English in the new fields. A skill a person renamed is
    left as it is; so is one whose Danish name another catalogue skill of the organisation already has."""
    Skill = apps.get_model("competences", "Skill")
    by_name = {}
    for area, name_da, name_en, about_da, about_en in SUGGESTED:
        by_name[(area, name_da)] = by_name[(area, name_en)] = (name_da, name_en, about_da, about_en)
    for skill in Skill.objects.filter(workplace__isnull=True):
        found = by_name.get((skill.area, skill.name))
        if found is None:
            continue
        name_da, name_en, about_da, about_en = found
        taken = (
            Skill.objects.filter(organisation_id=skill.organisation_id, workplace__isnull=True, name=name_da)
            .exclude(pk=skill.pk)
            .exists()
        )
        if taken:
            continue
        skill.name, skill.name_en = name_da, name_en
        if skill.description in (about_da, about_en):
            skill.description, skill.description_en = about_da, about_en
        skill.save(update_fields=["name", "name_en", "description", "description_en"])


class Migration(migrations.Migration):
    dependencies = [
        ("competences", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="skill",
            name="name_en",
            field=models.CharField(blank=True, db_default="", max_length=100, verbose_name="name in English"),
        ),
        migrations.AddField(
            model_name="skill",
            name="description_en",
            field=models.CharField(
                blank=True, db_default="", max_length=300, verbose_name="description in English"
            ),
        ),
        # Back, the English columns go; the skills keep their Danish names.
        migrations.RunPython(both_languages, migrations.RunPython.noop),
    ]
