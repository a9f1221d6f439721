"""The ideas services tests' author and idea (the views tests and a few modules define their own), and
what a service is given for a new idea."""

import pytest

from frontloeber.organisations.models import Role
from tests.factories import make_idea, member


@pytest.fixture
def author(workplace):
    return member(workplace, Role.EMPLOYEE).user


@pytest.fixture
def idea(workplace, author, leader):
    return make_idea(workplace, author=author, tag_names=["Tablet", "app"])


def idea_kwargs(**overrides):
    return {
        "title": "Tablet til billeder",
        "need": "Forældrene vil se dagen",
        "description": "Billeder på en tablet",
        "values": {"citizens": (2, "bedre indblik"), "quality": (1, ""), "routines": (0, "")},
        **overrides,
    }
