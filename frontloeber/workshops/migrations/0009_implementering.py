"""The library's Danish says "implementering" (and "implementeringsplan"), as Danish workplaces do, where it
said "indførelse" (issue 17): the formats loaded by 0002 are worded as library_v1.py is now. Wording only;
nothing else of a format or step changes, so going back leaves the new words."""

import re

from django.db import migrations

# Longest first: "indførelsesplan" before "indførelse", "indførte" before "indført".
WORDS = (
    ("ndførelsesplan", "mplementeringsplan"),
    ("ndførelse", "mplementering"),
    ("ndførte", "mplementerede"),
    ("ndført", "mplementeret"),
    ("ndfører", "mplementerer"),
    ("ndføre", "mplementere"),
    ("ndfør", "mplementer"),
)
FIELDS = {
    "WorkshopFormat": ("name_da", "purpose_da", "output_da", "follow_up_da"),
    "WorkshopStep": ("title_da", "description_da", "cue_da", "prompt_da"),
}


def reword(text):
    for old, new in WORDS:
        text = re.sub(rf"([Ii]){old}", lambda m, new=new: m.group(1) + new, text)
    return text


def implementering(apps, schema_editor):
    for model_name, fields in FIELDS.items():
        model = apps.get_model("workshops", model_name)
        for row in model.objects.all():
            changed = [f for f in fields if reword(getattr(row, f)) != getattr(row, f)]
            for field in changed:
                setattr(row, field, reword(getattr(row, field)))
            if changed:
                row.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("workshops", "0008_barriers_moved")]

    operations = [migrations.RunPython(implementering, migrations.RunPython.noop)]
