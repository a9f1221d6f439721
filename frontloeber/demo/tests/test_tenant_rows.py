"""No row of a workplace names another organisation than its workplace's: over every model, on the demo."""

import pytest
from django.apps import apps
from django.db.models import F

from frontloeber.ideas.models import EventKind, IdeaEvent
from frontloeber.organisations.models import Organisation, Workplace
from frontloeber.organisations.rows import WorkplaceRow
from frontloeber.workshops.models import WorkshopSession
from tests.factories import WorkplaceFactory, make_idea, member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def workplace_models():
    return [model for model in apps.get_models() if issubclass(model, WorkplaceRow)]


def test_every_workplace_row_of_the_demo_is_in_its_workplaces_organisation():
    models = workplace_models()
    assert len(models) >= 30  # every tenant model of every app, not a handful
    counted = 0
    for model in models:
        rows = model.objects.all()
        counted += rows.count()
        wrong = rows.exclude(organisation_id=F("workplace__organisation_id"))
        assert not wrong.exists(), f"{model._meta.label}: {list(wrong.values_list('pk', flat=True)[:5])}"
    assert counted > 1000


def test_saving_a_row_with_another_organisation_stores_its_workplaces():
    workplace = WorkplaceFactory()
    other = Organisation.objects.create(name="Anden Kommune", slug="anden-kommune")
    leader = member(workplace, "leader").user
    session = WorkshopSession(
        organisation=other,
        workplace=workplace,
        format=apps.get_model("workshops", "WorkshopFormat").objects.first(),
        facilitator=leader,
        starts_at="2027-01-04T09:00+01:00",
    )
    session.save()
    session.refresh_from_db()
    assert session.organisation_id == workplace.organisation_id
    # Given only the workplace's id, the same.
    second = WorkshopSession(
        organisation_id=other.pk,
        workplace_id=Workplace.objects.get(pk=workplace.pk).pk,
        format=session.format,
        facilitator=leader,
        starts_at=session.starts_at,
    )
    second.save()
    second.refresh_from_db()
    assert second.organisation_id == workplace.organisation_id


def test_a_row_made_from_its_parent_costs_no_query_for_its_organisation(django_assert_num_queries):
    """An idea's event names the idea's workplace by id; the organisation comes from the idea it belongs to,
    not from a query per event (ideas write one with every step)."""
    workplace = WorkplaceFactory()
    idea = make_idea(workplace)
    other = Organisation.objects.create(name="Tredje Kommune", slug="tredje-kommune")
    with django_assert_num_queries(1):  # the insert only
        event = IdeaEvent.objects.create(
            organisation_id=other.pk, workplace_id=idea.workplace_id, idea=idea, kind=EventKind.EDITED
        )
    event.refresh_from_db()
    assert event.organisation_id == workplace.organisation_id
