"""``__any_of``: the same rows as ``__in``, with a long list sent as one parameter on PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontloeber.organisations.models import Membership, Workplace
from tests.factories import WorkplaceFactory, member


@pytest.fixture
def workplaces():
    places = [WorkplaceFactory() for _ in range(3)]
    for place in places:
        member(place)
    return places


@pytest.mark.django_db
@pytest.mark.parametrize("chosen", [[], [0], [0, 2]])
def test_any_of_finds_what_in_finds_on_a_column_and_a_foreign_key(workplaces, chosen):
    ids = [workplaces[i].pk for i in chosen]
    assert set(Workplace.objects.filter(pk__any_of=ids)) == set(Workplace.objects.filter(pk__in=ids))
    by_key = Membership.objects.filter(workplace_id__any_of=ids)
    assert set(by_key) == set(Membership.objects.filter(workplace_id__in=ids))
    assert by_key.count() == len(ids)


@pytest.mark.django_db
def test_any_of_takes_objects_and_leaves_none_out_as_in_does(workplaces):
    ids = [workplaces[1].pk, None]
    assert list(Workplace.objects.filter(pk__any_of=ids)) == list(Workplace.objects.filter(pk__in=ids))
    chosen = [workplaces[1], None]  # a foreign key takes its objects, as IN does
    assert list(Membership.objects.filter(workplace__any_of=chosen)) == list(
        Membership.objects.filter(workplace__in=chosen)
    )


@pytest.mark.django_db
def test_a_thousand_ids_are_one_parameter_on_postgresql(workplaces):
    ids = [workplaces[0].pk, *range(10**6, 10**6 + 999)]
    with CaptureQueriesContext(connection) as captured:
        assert list(Workplace.objects.filter(pk__any_of=ids)) == [workplaces[0]]
    sql = captured.captured_queries[0]["sql"]
    if connection.vendor == "postgresql":
        assert "= ANY(" in sql
        assert len(Workplace.objects.filter(pk__any_of=ids).query.sql_with_params()[1]) == 1
    else:
        assert " IN (" in sql
