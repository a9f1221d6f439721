"""Row locks lock the row meant, and nothing that every other write in the workplace needs.

A service re-reads an idea (or an experiment) under ``SELECT … FOR UPDATE`` so two people acting on it at
once act one after the other. Without ``of``, PostgreSQL locks every row the query joins: the idea's
workplace, organisation and author too. Every insert in the workplace (an idea, a comment, a support)
takes a share lock on those rows for its foreign keys, one key after the other, so a comment and a colleague's
write could each hold what the other waited for: PostgreSQL's deadlock detector then failed one of them (a
500). Here two transactions on their own connections are interleaved in exactly that order, held in place by
events rather than timing (tests/concurrency.py):

1. A, a colleague's write, takes the foreign-key locks its insert takes first (the organisation, or the
   organisation and the workplace), as PostgreSQL's foreign-key check does;
2. B, the service under test, runs, until it has finished or waits for A;
3. A does its write (whose next foreign-key check needs the workplace or the idea).

Both must succeed. Before ``of=("self",)`` B waited for A in step 2 while holding the workplace or the idea,
and A's write in step 3 waited for B: a deadlock. PostgreSQL only: SQLite has no row locks (one writer at a
time), and CI runs the suite on PostgreSQL as well. tests/test_load.py puts the same writes under load.
"""

import pytest

from frontloeber.experiments import services as experiment_services
from frontloeber.ideas import services
from frontloeber.ideas.models import Comment, Idea, IdeaStatus, Support
from frontloeber.organisations.models import Role
from tests.concurrency import interleave, key_share, succeeded
from tests.factories import WorkplaceFactory, make_experiment, make_idea, member

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # Row locks are PostgreSQL's; the tests' in-memory SQLite refuses a second writer at once.
    pytest.mark.postgresql,
]


def organisation(workplace):
    return key_share("organisations_organisation", workplace.organisation_id)


def workplace_row(workplace):
    return key_share("organisations_workplace", workplace.pk)


@pytest.fixture
def team():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    author, colleague = member(workplace).user, member(workplace).user
    idea = make_idea(workplace, author=author)
    return workplace, leader, author, colleague, idea


def test_a_comment_and_a_new_idea_by_the_ideas_author_both_go_through(team):
    """What the load test hit most: a comment on an idea while its author submits another one."""
    workplace, _leader, author, colleague, idea = team
    new, comment = interleave(
        # An idea's first foreign key is its organisation; the next, its workplace.
        holds=[organisation(workplace)],
        write=lambda: services.idea_create(
            actor=author, workplace=workplace, title="Endnu en idé", need="Et behov", description="En idé"
        ),
        service=lambda: services.comment_create(actor=colleague, idea=idea, body="Godt tænkt"),
    )
    succeeded(new)
    succeeded(comment)
    assert Idea.objects.filter(workplace=workplace).count() == 2
    assert Comment.objects.get().body == "Godt tænkt"


def test_a_comment_and_a_support_of_the_same_idea_both_go_through(team):
    workplace, _leader, author, colleague, idea = team
    supporter = member(workplace).user
    supported, comment = interleave(
        # A support's foreign keys: the organisation, the workplace, then the idea.
        holds=[organisation(workplace), workplace_row(workplace)],
        write=lambda: services.idea_support(actor=supporter, idea=idea),
        service=lambda: services.comment_create(actor=colleague, idea=idea, body="Godt tænkt"),
    )
    assert succeeded(supported) is True
    succeeded(comment)
    idea.refresh_from_db()
    assert (idea.support_count, idea.comment_count) == (1, 1)
    assert Support.objects.get().user == supporter


def test_a_leader_answering_and_a_new_idea_both_go_through(team):
    workplace, leader, author, colleague, idea = team
    new, answered = interleave(
        holds=[organisation(workplace)],
        write=lambda: services.idea_create(
            actor=colleague, workplace=workplace, title="Endnu en idé", need="Et behov", description="En idé"
        ),
        service=lambda: services.idea_acknowledge(actor=leader, idea=idea),
    )
    succeeded(new)
    succeeded(answered)
    idea.refresh_from_db()
    assert idea.awaiting_leader_since is None
    assert Idea.objects.filter(workplace=workplace).count() == 2


def test_starting_an_experiment_and_a_comment_on_its_idea_both_go_through(team):
    """The experiments' services locked the experiment's workplace too, and the idea only after it.

    A is a comment: it has locked the idea (its first step) and goes on to insert the comment, whose foreign
    key needs the workplace. B starts the experiment of that idea, which locks the idea first now, so it
    simply waits for the comment; before, it locked the experiment and the workplace and then waited for
    the idea."""
    workplace, leader, author, colleague, idea = team
    experiment = make_experiment(idea, actor=leader)
    experiment_services.experiment_safety_update(
        actor=leader, experiment=experiment, personal_data=False, vulnerable_citizens=False, needs_it=False
    )
    experiment_services.experiment_safety_confirm(actor=leader, experiment=experiment)
    comment, started = interleave(
        holds=[("ideas_idea", idea.pk, "UPDATE")],  # the comment's row lock on the idea (of=("self",))
        write=lambda: services.comment_create(actor=colleague, idea=idea, body="Godt tænkt"),
        service=lambda: experiment_services.experiment_start(actor=leader, experiment=experiment),
    )
    succeeded(comment)
    succeeded(started)
    idea.refresh_from_db()
    assert (idea.status, idea.comment_count) == (IdeaStatus.EXPERIMENTING, 1)
