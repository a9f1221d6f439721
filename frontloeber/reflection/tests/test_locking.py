"""An answer and the round's closing lock the round and the invitation in the same order: the round first.

Closing locks the round's row and then, sealing it, clears every invitation's link; an answer locked its
invitation first and then the round (and the shared question-bank version and the workplace besides). An
answer sent the moment an admin closed the round could each wait for the other: PostgreSQL's deadlock
detector failed one of them. Interleaved here in that order with two connections (tests/concurrency.py).
PostgreSQL only: SQLite has no row locks, and CI runs the suite on PostgreSQL as well.
"""

import pytest
from django.core.exceptions import PermissionDenied

from frontloeber.organisations.models import Role
from frontloeber.reflection import services
from frontloeber.reflection.models import Response
from tests.concurrency import interleave, succeeded
from tests.factories import (
    OrganisationAdminFactory,
    WorkplaceFactory,
    member,
    open_round,
    restore_content,
    survey_answers,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # Row locks are PostgreSQL's; the tests' in-memory SQLite refuses a second writer at once.
    pytest.mark.postgresql,
]


def test_an_answer_sent_while_an_admin_closes_the_round_waits_and_is_refused():
    restore_content()
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    people = [member(workplace).user for _ in range(5)]
    round_ = open_round(workplace, leader=leader)
    secret = services.answer_link_issue(user=people[0], round_=round_)
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user

    closed, answered = interleave(
        holds=[("reflection_round", round_.pk, "UPDATE")],  # closing's first step: the round's row lock
        write=lambda: services.round_close(actor=admin, round_=round_),
        service=lambda: services.response_submit(
            user=people[0], workplace=workplace, secret=secret, answers=survey_answers(round_)
        ),
    )
    assert succeeded(closed).sealed_at is not None
    # The answer waited for the closing, and then found its link gone with the round's close.
    assert isinstance(answered, PermissionDenied), answered
    assert not Response.objects.exists()
