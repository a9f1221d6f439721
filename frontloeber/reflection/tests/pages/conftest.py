"""Fixtures shared by the pages tests (split from test_pages.py)."""

import pytest

from frontloeber.organisations.models import Role
from frontloeber.reflection import services
from frontloeber.reflection.models import (
    AssessorKind,
)
from tests.factories import (
    OrganisationAdminFactory,
    close_round,
    member,
    open_round,
    survey_answers,
)

from .helpers import (
    answer_with_comments,
)


@pytest.fixture
def employees(workplace):
    return [member(workplace, Role.EMPLOYEE, full_name=f"Ansat {n}").user for n in range(6)]


@pytest.fixture
def employee(employees):
    return employees[0]


@pytest.fixture
def colleague(employees):
    return employees[1]


@pytest.fixture
def observer(workplace):
    return member(workplace, Role.OBSERVER, full_name="Ole Observatør").user


@pytest.fixture
def admin(workplace):
    return OrganisationAdminFactory(organisation=workplace.organisation).user


@pytest.fixture
def round_(workplace, leader, employees, mailoutbox):
    """An open round for the six employees; their invitations are in ``mailoutbox``."""
    return open_round(workplace, leader=leader)


@pytest.fixture
def closed_round(round_, leader, employees):
    """The round with five answers (4 to everything, a comment each), the leader's assessment (5), closed."""
    answer_with_comments(round_, employees[:5])
    services.assessment_submit(
        actor=leader, round_=round_, kind=AssessorKind.LEADER, answers=survey_answers(round_, 5)
    )
    close_round(round_)
    round_.refresh_from_db()
    return round_
