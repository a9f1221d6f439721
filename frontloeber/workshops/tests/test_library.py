"""The workshop library: ten formats loaded as data, a library page by practice, a page per format."""

import pytest
from django.urls import reverse
from django.utils import translation

from frontloeber.organisations.models import Role
from frontloeber.workshops import library_v1 as library
from frontloeber.workshops import selectors
from frontloeber.workshops.models import Becomes, PracticeCode, StepKind, WorkshopFormat, WorkshopStep
from tests.factories import member

pytestmark = pytest.mark.django_db


def library_url(workplace, query=""):
    return reverse("workshops:library", kwargs={"workplace_slug": workplace.slug}) + query


def format_url(workplace, slug):
    return reverse("workshops:format_detail", kwargs={"workplace_slug": workplace.slug, "format_slug": slug})


def test_the_ten_formats_are_loaded_with_every_step_in_both_languages():
    formats = list(WorkshopFormat.objects.prefetch_related("steps"))
    assert [f.number for f in formats] == list(range(1, 11))
    assert sorted(f.practice for f in formats) == sorted(PracticeCode.values * 2)
    for workshop, spec in zip(formats, library.FORMATS, strict=True):
        assert workshop.name_da == spec["name_da"] and workshop.name_en == spec["name_en"]
        steps = list(workshop.steps.all())
        assert len(steps) == len(spec["steps"]) >= 4
        for step in steps:
            assert step.kind in StepKind.values
            assert step.becomes in Becomes.values or step.becomes == ""
            assert step.title_da and step.title_en and step.description_da and step.description_en
            assert bool(step.prompt_da) == bool(step.prompt_en)
    assert WorkshopStep.objects.filter(kind=StepKind.VOTE).exists()
    assert WorkshopStep.objects.filter(becomes=Becomes.CHALLENGES).exists()


def test_loading_again_changes_nothing():
    import importlib

    from django.apps import apps

    before = WorkshopStep.objects.count()
    importlib.import_module("frontloeber.workshops.migrations.0002_library_v1").load(apps, None)
    assert WorkshopStep.objects.count() == before


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.LEADER, Role.OBSERVER])
def test_every_member_reads_the_library(client, workplace, role):
    client.force_login(member(workplace, role).user)
    response = client.get(library_url(workplace))
    assert response.status_code == 200
    page = response.content.decode()
    for workshop in WorkshopFormat.objects.all():
        assert format_url(workplace, workshop.slug) in page


def test_the_library_filters_by_practice(client, workplace):
    client.force_login(member(workplace).user)
    page = client.get(library_url(workplace, "?praksis=P3")).content.decode()
    shown = [w for w in WorkshopFormat.objects.all() if format_url(workplace, w.slug) in page]
    assert len(shown) == 2 and {w.practice for w in shown} == {"P3"}
    # An unknown practice shows them all, with no error.
    page = client.get(library_url(workplace, "?praksis=P9")).content.decode()
    assert all(format_url(workplace, w.slug) in page for w in WorkshopFormat.objects.all())


def test_a_format_page_shows_its_steps_in_the_persons_language(client, workplace):
    client.force_login(member(workplace).user)
    workshop = selectors.access_format(slug=library.FORMATS[2]["slug"])
    steps = list(workshop.steps.all())
    page = client.get(format_url(workplace, workshop.slug)).content.decode()
    assert workshop.name_da in page and workshop.purpose_da in page
    assert all(step.title_da in page for step in steps)
    client.cookies["django_language"] = "en"
    page = client.get(format_url(workplace, workshop.slug)).content.decode()
    assert workshop.name_en in page and all(step.title_en in page for step in steps)


def test_an_unknown_format_is_404(client, workplace):
    client.force_login(member(workplace).user)
    assert client.get(format_url(workplace, "no-such-workshop")).status_code == 404


def test_the_library_pages_take_a_fixed_number_of_queries(client, workplace, django_assert_num_queries):
    client.force_login(member(workplace).user)
    with django_assert_num_queries(6):
        client.get(library_url(workplace))
    with django_assert_num_queries(7):
        client.get(format_url(workplace, library.FORMATS[0]["slug"]))


def test_formats_by_practice_pairs_each_practice_with_its_two():
    with translation.override("da"):
        grouped = selectors.formats_by_practice()
    assert {code: len(found) for code, found in grouped.items()} == {code: 2 for code in PracticeCode.values}


def test_the_loaded_library_says_implementering_as_library_v1_does():
    """workshops 0009 rewords formats loaded before library_v1.py said "implementering"."""
    import importlib

    from django.apps import apps

    step = WorkshopStep.objects.filter(description_da__contains="implementeringsplan").first()
    assert step is not None
    step.description_da = step.description_da.replace("implementeringsplan", "indførelsesplan")
    step.save(update_fields=["description_da"])
    importlib.import_module("frontloeber.workshops.migrations.0009_implementering").implementering(apps, None)
    step.refresh_from_db()
    assert "implementeringsplan" in step.description_da and "indførelse" not in step.description_da
    for spec in library.FORMATS:
        texts = [spec["purpose_da"], spec["output_da"], *(s["description_da"] for s in spec["steps"])]
        assert not [text for text in texts if "ndfør" in text]
