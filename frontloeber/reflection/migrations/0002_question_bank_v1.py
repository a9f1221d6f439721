"""Load version 1 of the question bank (frontloeber/reflection/question_bank_v1.py, which never changes)."""

from django.db import migrations


def load(apps, schema_editor):
    from frontloeber.reflection import question_bank_v1 as bank

    Version = apps.get_model("reflection", "QuestionBankVersion")
    Practice = apps.get_model("reflection", "Practice")
    Question = apps.get_model("reflection", "ReflectionQuestion")
    Item = apps.get_model("reflection", "Item")
    version, created = Version.objects.get_or_create(number=bank.VERSION)
    if not created:
        return
    for position, spec in enumerate(bank.PRACTICES):
        practice = Practice.objects.create(
            version=version, code=spec["code"], name_da=spec["name_da"], name_en=spec["name_en"], position=position
        )
        for number, question in enumerate(spec["reflection"]):
            Question.objects.create(
                version=version, practice=practice, text_da=question["da"], text_en=question["en"], position=number
            )
        for item_position, item in enumerate(spec["items"]):
            Item.objects.create(version=version, practice=practice, position=item_position, **item)


class Migration(migrations.Migration):
    dependencies = [("reflection", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
