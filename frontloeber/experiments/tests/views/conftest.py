"""Fixtures shared by the views tests (split from test_views.py)."""

import pytest

from frontloeber.experiments.models import AdoptionPlan
from frontloeber.organisations.models import Role
from tests.factories import (
    WorkplaceFactory,
    adopt_idea,
    make_experiment,
    make_idea,
    member,
    png_upload,
    publish_case,
    run_experiment,
)


@pytest.fixture
def idea(workplace, leader, employee):
    """A new idea by the employee (who is not its responsible person)."""
    return make_idea(workplace, author=employee)


@pytest.fixture
def experiment(idea, leader, employee):
    """A planned experiment with the employee as participant."""
    return make_experiment(idea, actor=leader, participants=[employee])


@pytest.fixture
def running(experiment, leader):
    return run_experiment(experiment, leader=leader)


@pytest.fixture
def sister(workplace):
    """Another workplace of the same organisation."""
    return WorkplaceFactory(organisation=workplace.organisation, name="Vuggestuen Solsikken")


@pytest.fixture
def sister_leader(sister):
    return member(sister, Role.LEADER, full_name="Sara Søsterleder").user


@pytest.fixture
def adopted_idea(workplace, leader, employee):
    return make_idea(workplace, author=employee, title="Tablet til billeder af dagen", images=[png_upload()])


@pytest.fixture
def case(adopted_idea, leader):
    adopt_idea(adopted_idea, leader=leader)
    return publish_case(adopted_idea, leader=leader)


@pytest.fixture
def live_plan(idea, leader, employee):
    """A live plan with the employee responsible."""
    plan = adopt_idea(idea, leader=leader)
    AdoptionPlan.objects.filter(pk=plan.pk).update(responsible=employee)
    plan.refresh_from_db()
    return plan
