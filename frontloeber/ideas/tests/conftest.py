"""The ideas services tests' author and idea (the views tests and a few modules define their own)."""

import pytest

from frontloeber.organisations.models import Role
from tests.factories import make_idea, member


@pytest.fixture
def author(workplace):
    return member(workplace, Role.EMPLOYEE).user


@pytest.fixture
def idea(workplace, author, leader):
    return make_idea(workplace, author=author, tag_names=["Tablet", "app"])
