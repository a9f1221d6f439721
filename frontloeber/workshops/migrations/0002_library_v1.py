"""Load version 1 of the workshop library (frontloeber/workshops/library_v1.py)."""

from django.db import migrations

FORMAT_FIELDS = (
    "number", "slug", "practice", "name_da", "name_en", "minutes", "min_people", "max_people",
    "purpose_da", "purpose_en", "output_da", "output_en", "follow_up_da", "follow_up_en",
)


def load(apps, schema_editor):
    from frontloeber.workshops import library_v1 as library

    Format = apps.get_model("workshops", "WorkshopFormat")
    Step = apps.get_model("workshops", "WorkshopStep")
    for spec in library.FORMATS:
        if Format.objects.filter(version=library.VERSION, number=spec["number"]).exists():
            continue
        workshop = Format.objects.create(version=library.VERSION, **{f: spec[f] for f in FORMAT_FIELDS})
        Step.objects.bulk_create(
            Step(format=workshop, position=position, **step) for position, step in enumerate(spec["steps"])
        )


class Migration(migrations.Migration):
    dependencies = [("workshops", "0001_library")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
