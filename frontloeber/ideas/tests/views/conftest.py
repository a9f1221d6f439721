"""Fixtures shared by the views tests (split from test_views.py)."""

import pytest

from frontloeber.organisations.models import Role
from tests.factories import make_idea, member


@pytest.fixture
def employee(workplace):
    return member(workplace, Role.EMPLOYEE, full_name="Erik Ansat").user


@pytest.fixture
def colleague(workplace):
    return member(workplace, Role.EMPLOYEE, full_name="Karen Kollega").user


@pytest.fixture
def observer(workplace):
    return member(workplace, Role.OBSERVER, full_name="Ole Observatør").user


@pytest.fixture
def idea(workplace, leader, employee):
    """A new idea by the employee; the leader exists first, so they are told about it."""
    return make_idea(workplace, author=employee)
