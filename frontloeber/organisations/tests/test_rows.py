"""Every tenant model is one of the two tenant rows, with its index and its ``.of()`` (issue 15, point 3)."""

import pytest
from django.apps import apps

from frontloeber.ideas.models import Idea
from frontloeber.organisations.models import Organisation, Workplace
from frontloeber.organisations.rows import OrganisationRow, WorkplaceRow
from tests.factories import WorkplaceFactory, make_idea


def project_models():
    return [model for model in apps.get_models() if model.__module__.startswith("frontloeber.")]


def test_every_model_with_an_organisation_is_a_tenant_row():
    tenant = [
        model for model in project_models() if any(f.name == "organisation" for f in model._meta.fields)
    ]
    assert len(tenant) >= 40
    loose = [model._meta.label for model in tenant if not issubclass(model, (OrganisationRow, WorkplaceRow))]
    assert loose == []
    # A model with a workplace is a workplace row, so its organisation comes from the workplace on save.
    with_workplace = [
        model._meta.label
        for model in tenant
        if any(f.name == "workplace" for f in model._meta.fields) and not issubclass(model, WorkplaceRow)
    ]
    assert with_workplace == []


def test_every_workplace_row_has_an_index_that_begins_with_organisation_and_workplace():
    missing = [
        model._meta.label
        for model in project_models()
        if issubclass(model, WorkplaceRow)
        and not any(index.fields[:2] == ["organisation", "workplace"] for index in model._meta.indexes)
    ]
    assert missing == []


@pytest.mark.django_db
def test_of_reads_one_workplaces_rows_only():
    workplace = WorkplaceFactory()
    neighbour = WorkplaceFactory(organisation=workplace.organisation)
    mine = make_idea(workplace, title="Min idé")
    make_idea(neighbour, title="Naboens idé")
    assert list(Idea.objects.of(workplace)) == [mine]
    assert Workplace.objects.of(workplace.organisation).count() == 2
    assert not Workplace.objects.of(Organisation.objects.create(name="Tom", slug="tom")).exists()
