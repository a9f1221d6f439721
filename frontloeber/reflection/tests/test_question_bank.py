"""The question bank: version 1 is loaded by a migration, and a version in use never changes."""

import pytest
from django.utils import translation

from frontloeber.reflection import question_bank_v1 as bank
from frontloeber.reflection import selectors, services
from frontloeber.reflection.models import FrozenVersionError, Item, Practice, ReflectionQuestion

pytestmark = pytest.mark.django_db


def test_version_1_is_loaded_with_every_wording_of_the_content_file():
    version = selectors.current_version()
    assert version.number == bank.VERSION == 1
    practices = selectors.practices_with_items(version=version)
    assert [p.code for p in practices] == ["P1", "P2", "P3", "P4", "P5"]
    for practice, spec in zip(practices, bank.PRACTICES, strict=True):
        assert practice.name_da == spec["name_da"] and practice.name_en == spec["name_en"]
        assert [q.text_da for q in practice.reflection_questions.all()] == [
            q["da"] for q in spec["reflection"]
        ]
        items = list(practice.items.all())
        assert [i.code for i in items] == [i["code"] for i in spec["items"]]
        for item, item_spec in zip(items, spec["items"], strict=True):
            for field in (
                "employee_da",
                "employee_en",
                "leader_da",
                "leader_en",
                "superior_da",
                "superior_en",
            ):
                assert getattr(item, field) == item_spec[field] and item_spec[field].strip()
    assert Item.objects.count() == 20 and ReflectionQuestion.objects.count() == 10


def test_the_wording_follows_the_respondent_and_the_language():
    item = Item.objects.get(version__number=1, code="1.1")
    with translation.override("da"):
        assert item.wording("employee").startswith("Min leder")
        assert item.wording("leader").startswith("Jeg")
    with translation.override("en"):
        assert item.wording("employee").startswith("My leader")
        assert item.wording("superior").startswith("The leader")


def test_a_version_in_use_is_frozen():
    version = selectors.current_version()
    item = Item.objects.get(version=version, code="2.3")
    item.employee_da = "Ændret efter brug"
    item.save()  # not in use yet: the wording may still be corrected
    services.question_bank_lock(version=version)
    item.refresh_from_db()
    item.employee_da = "Ændret igen"
    with pytest.raises(FrozenVersionError):
        item.save()
    with pytest.raises(FrozenVersionError):
        item.delete()
    with pytest.raises(FrozenVersionError):
        Practice(version=version, code="P6", name_da="Ny", name_en="New", position=6).save()
    assert Item.objects.get(pk=item.pk).employee_da == "Ændret efter brug"
    assert Practice.objects.filter(version=version).count() == 5


def test_the_bank_reads_in_a_fixed_number_of_queries(django_assert_num_queries):
    version = selectors.current_version()
    with django_assert_num_queries(3):
        practices = selectors.practices_with_items(version=version)
        assert sum(len(p.items.all()) + len(p.reflection_questions.all()) for p in practices) == 30
