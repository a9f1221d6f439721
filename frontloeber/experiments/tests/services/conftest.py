"""Fixtures shared by the services tests (split from test_services.py)."""

import pytest

from frontloeber.ideas import services as idea_services
from frontloeber.organisations.models import Role
from tests.factories import (
    make_experiment,
    make_idea,
    member,
    run_experiment,
)


@pytest.fixture
def author(workplace):
    return member(workplace, Role.EMPLOYEE).user


@pytest.fixture
def responsible(workplace):
    return member(workplace, Role.EMPLOYEE).user


@pytest.fixture
def participant(workplace):
    return member(workplace, Role.EMPLOYEE).user


@pytest.fixture
def idea(workplace, author, leader, responsible):
    idea = make_idea(workplace, author=author, tag_names=["Tablet", "app"])
    idea_services.idea_assign(actor=leader, idea=idea, responsible=responsible)
    idea.refresh_from_db()
    return idea


@pytest.fixture
def experiment(idea, leader, participant):
    return make_experiment(idea, actor=leader, participants=[participant])


@pytest.fixture
def running(experiment, leader):
    return run_experiment(experiment, leader=leader)
