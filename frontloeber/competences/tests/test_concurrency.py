"""Twelve people taking the last five seats at the same moment: five get one, seven are told it is full,
and nobody gets two by tapping twice. Run with real commits, in threads on PostgreSQL (tests/concurrency.py).
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from frontloeber.competences import services
from frontloeber.competences.models import Signup, SkillLevelChange, SkillRating
from frontloeber.organisations.models import Role
from tests.concurrency import run_together
from tests.factories import WorkplaceFactory, member

SEATS = 5
PEOPLE = 12


@pytest.mark.django_db(transaction=True)
def test_the_seats_hold_when_everyone_signs_up_at_once():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    skills = services.catalogue_start(actor=leader, workplace=workplace)
    activity = services.activity_plan(
        actor=leader,
        workplace=workplace,
        kind="course",
        title="Kursus i AI-værktøjer",
        skills=[skills[9]],
        starts_at=timezone.now() + datetime.timedelta(days=3),
        host=leader,
        seats=SEATS,
    )
    people = [member(workplace).user for _ in range(PEOPLE)]
    outcomes = run_together(
        [lambda p=p: services.signup_create(actor=p, activity=activity) for p in people for _ in (1, 2)]
    )
    assert sum(isinstance(o, Signup) for o in outcomes) == SEATS
    assert sum(isinstance(o, ValidationError) for o in outcomes) == 2 * PEOPLE - SEATS
    signed = list(Signup.objects.filter(activity=activity).values_list("user", flat=True))
    assert len(signed) == len(set(signed)) == SEATS


@pytest.mark.django_db(transaction=True)
def test_a_first_rating_sent_twice_at_once_is_saved_once():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    skills = services.catalogue_start(actor=leader, workplace=workplace)
    people = [member(workplace).user for _ in range(4)]
    ratings = {skills[0].pk: (2, False), skills[1].pk: (3, True)}

    def submit(person):
        return services.skills_rate(
            actor=person,
            user=person,
            workplace=workplace,
            ratings=ratings,
            visible_to_team=True,
            willing_to_help=True,
        )

    outcomes = run_together([lambda p=p: submit(p) for p in people for _ in range(3)])
    assert sorted(outcomes) == [0] * 8 + [2] * 4  # each person's first submit made two ratings, the rest none
    assert SkillRating.objects.count() == 8
    assert SkillLevelChange.objects.count() == 8
