"""Fixtures shared by the views tests (split from test_views.py)."""

import pytest

from tests.factories import make_idea


@pytest.fixture
def idea(workplace, leader, employee):
    """A new idea by the employee; the leader exists first, so they are told about it."""
    return make_idea(workplace, author=employee)
