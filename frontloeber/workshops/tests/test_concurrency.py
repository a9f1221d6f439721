"""Thirty people posting and voting at the same moment lose nothing, and every screen sees the same board.

Run with real commits. On PostgreSQL the requests run in thirty threads, each with its own connection,
started together; SQLite takes one writer at a time, so there the same calls run one after another.
"""

import pytest
from django.core.exceptions import ValidationError

from frontloeber.organisations.models import Role
from frontloeber.workshops import selectors, services
from frontloeber.workshops.models import Post, Vote, WorkshopSession
from tests.concurrency import run_together
from tests.factories import WorkplaceFactory, live_session, member, restore_content

PEOPLE = 30


@pytest.mark.django_db(transaction=True)
def test_thirty_people_post_and_vote_at_once_and_every_screen_converges():
    restore_content()
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    session = live_session(workplace, leader=leader)
    session = services.session_step(actor=leader, session=session, action="next")
    people = [services.participant_join(session=session, user=member(workplace).user) for _ in range(PEOPLE)]
    revision = WorkshopSession.objects.get(pk=session.pk).revision

    posted = run_together(
        [lambda p=p: services.post_create(participant=p, text=f"Idé fra {p.display_name}") for p in people]
    )
    assert all(isinstance(post, Post) for post in posted), posted
    assert Post.objects.filter(session=session).count() == PEOPLE
    # Every post told the screens: no bump was lost to another.
    assert WorkshopSession.objects.get(pk=session.pk).revision == revision + PEOPLE

    # One dot each, and everyone taps twice at once: exactly one dot per person lands.
    services.vote_open(actor=leader, session=session, dots=1)
    target = posted[0]
    votes = run_together(
        [lambda p=p: services.vote_cast(participant=p, post=target) for p in people for _ in (1, 2)]
    )
    assert sum(isinstance(v, ValidationError) for v in votes) == PEOPLE
    assert Vote.objects.filter(session=session).count() == PEOPLE

    session.refresh_from_db()
    boards = [
        [(post.pk, post.dots) for post in selectors.live_board(session=session, participant=p)["posts"]]
        for p in (people[0], people[-1])
    ]
    facilitator = [(post.pk, post.dots) for post in selectors.live_board(session=session)["posts"]]
    assert boards[0] == boards[1] == facilitator
    assert len(facilitator) == PEOPLE and dict(facilitator)[target.pk] == PEOPLE
