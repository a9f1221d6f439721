import datetime

import pytest
from django.utils import timezone

from frontloeber.competences import services
from tests.factories import member


@pytest.fixture
def team(workplace):
    return [member(workplace).user for _ in range(4)]


@pytest.fixture
def skills(workplace, leader):
    return services.catalogue_start(actor=leader, workplace=workplace)


@pytest.fixture
def soon():
    return timezone.now() + datetime.timedelta(days=7)


def rate(user, workplace, levels, **kwargs):
    """Rate ``levels`` (skill → level, or skill → (level, wants to learn)) as the person themselves."""
    ratings = {
        skill.pk: value if isinstance(value, tuple) else (value, False) for skill, value in levels.items()
    }
    return services.skills_rate(
        actor=user,
        user=user,
        workplace=workplace,
        ratings=ratings,
        visible_to_team=kwargs.get("visible", True),
        willing_to_help=kwargs.get("willing", True),
        now=kwargs.get("now"),
    )
