"""The database refuses a session about two things and an output pointing at another record than its kind."""

import pytest
from django.db import IntegrityError, transaction

from frontloeber.organisations.models import Role
from frontloeber.workshops import services
from frontloeber.workshops.models import SessionOutput, WorkshopSession
from tests.factories import WorkplaceFactory, live_session, make_challenge, make_idea, member, plan_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    return workplace, leader, make_idea(workplace, author=leader), make_challenge(workplace, leader=leader)


def test_a_session_is_about_one_thing_at_most(world):
    workplace, leader, idea, challenge = world
    session = plan_session(workplace, leader=leader, about=idea)
    with pytest.raises(IntegrityError), transaction.atomic():
        WorkshopSession.objects.filter(pk=session.pk).update(challenge=challenge)
    WorkshopSession.objects.filter(pk=session.pk).update(idea=None, challenge=challenge)
    assert WorkshopSession.objects.get(pk=session.pk).about == challenge


def test_an_output_points_at_the_one_record_its_kind_names(world):
    workplace, leader, idea, challenge = world
    session = live_session(workplace, leader=leader)
    barrier = services.barrier_create(
        actor=leader, workplace=workplace, kind="time", description="Vi mangler tid", session=session
    )
    output = SessionOutput.objects.get(session=session)
    assert (output.kind, output.barrier) == ("barrier", barrier)
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionOutput.objects.filter(pk=output.pk).update(idea=idea)
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionOutput.objects.filter(pk=output.pk).update(kind="idea")
    with pytest.raises(IntegrityError), transaction.atomic():
        SessionOutput.objects.filter(pk=output.pk).update(barrier=None)
    SessionOutput.objects.filter(pk=output.pk).update(kind="idea", barrier=None, idea=idea)
    assert SessionOutput.objects.get(pk=output.pk).record == idea
