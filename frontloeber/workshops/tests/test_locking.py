"""A guest posting or voting while the facilitator moves or removes them: the two take the session's row and
the participant's in the same order, so one waits for the other instead of deadlocking (PostgreSQL)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from frontloeber.organisations.models import Role
from frontloeber.workshops import services
from frontloeber.workshops.models import Post, Vote
from tests.concurrency import interleave, succeeded
from tests.factories import WorkplaceFactory, live_session, member, restore_content

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgresql]


@pytest.fixture
def room():
    restore_content()
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    session = live_session(workplace, leader=leader)
    session = services.session_step(actor=leader, session=session, action="next")
    guest = services.participant_join(session=session, display_name="Gæst")
    return leader, session, guest


def session_row(session):
    """What the facilitator's change takes first: the session's row."""
    return ("workshops_workshopsession", session.pk, "UPDATE")


def test_a_guest_posting_while_being_removed_is_refused_and_leaves_nothing(room):
    leader, session, guest = room
    removed, posted = interleave(
        holds=[session_row(session)],
        write=lambda: services.participant_remove(actor=leader, participant=guest),
        service=lambda: services.post_create(participant=guest, text="Hej"),
    )
    assert succeeded(removed).removed_at is not None
    assert isinstance(posted, ValidationError | PermissionDenied), posted
    assert not Post.objects.filter(author=guest).exists()


def test_a_guest_posting_while_being_moved_posts_in_the_new_place(room):
    leader, session, guest = room
    moved, posted = interleave(
        holds=[session_row(session)],
        write=lambda: services.participant_move(actor=leader, participant=guest, group=None),
        service=lambda: services.post_create(participant=guest, text="Hej"),
    )
    succeeded(moved)
    assert succeeded(posted).text == "Hej"


def test_a_guest_voting_while_being_removed_is_refused_and_leaves_no_dot(room):
    leader, session, guest = room
    other = services.participant_join(session=session, display_name="Anden")
    post = services.post_create(participant=other, text="Idé")
    services.vote_open(actor=leader, session=session, dots=3)
    removed, voted = interleave(
        holds=[session_row(session)],
        write=lambda: services.participant_remove(actor=leader, participant=guest),
        service=lambda: services.vote_cast(participant=guest, post=post),
    )
    succeeded(removed)
    assert isinstance(voted, ValidationError | PermissionDenied), voted
    assert not Vote.objects.filter(participant=guest).exists()
