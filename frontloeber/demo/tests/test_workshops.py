"""The demo's workshops: concluded sessions of three formats with what they produced, and one planned."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from frontloeber.ideas.models import Support
from frontloeber.workshops.models import (
    ActionItem,
    ActionStatus,
    Barrier,
    BarrierKind,
    Becomes,
    OutputKind,
    Participant,
    Post,
    SessionInvitation,
    SessionOutput,
    SessionState,
    Theme,
    Vote,
    WorkshopSession,
    WorkshopStep,
)

# The demo is seeded once for the module (conftest.py); each test reads it in a savepoint of its own.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

MODELS = [
    WorkshopSession,
    SessionInvitation,
    Participant,
    Post,
    Vote,
    Theme,
    SessionOutput,
    Barrier,
    ActionItem,
]

# What each kind of output comes from in the library: a step that "becomes" it.
BECOMES = {
    OutputKind.IDEA: Becomes.IDEAS,
    OutputKind.CHALLENGE: Becomes.CHALLENGES,
    OutputKind.BARRIER: Becomes.BARRIERS,
}


def _seed():
    out = StringIO()
    call_command("seed_demo", "--quiet-logins", stdout=out)
    return out.getvalue()


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_has_concluded_workshops_of_three_formats_with_their_outputs():
    now = timezone.now()
    today = timezone.localdate()

    ended = list(WorkshopSession.objects.filter(state=SessionState.ENDED).select_related("format"))
    assert len(ended) >= 3
    assert len({session.format_id for session in ended}) >= 3
    assert len({session.workplace_id for session in ended}) >= 3
    for session in ended:
        assert session.created_at < session.starts_at == session.started_at < session.ended_at < now
        assert session.participants.count() >= session.format.min_people
        assert session.posts.exists() and session.outputs.exists(), session.format.slug
        for output in session.outputs.all():
            assert output.record is not None and output.record.workplace_id == session.workplace_id
            if output.kind in BECOMES:
                assert WorkshopStep.objects.filter(
                    format=session.format, becomes=BECOMES[output.kind]
                ).exists(), (session.format.slug, output.kind)
        # The posts the room chose have at least as many dots as any post that was not chosen.
        chosen = set(
            session.outputs.filter(kind__in=[OutputKind.IDEA, OutputKind.CHALLENGE]).values_list(
                "post", flat=True
            )
        )
        dots = dict(session.posts.annotate(n=Count("votes")).values_list("pk", "n"))
        if chosen and any(dots.values()):
            assert min(dots[pk] for pk in chosen) >= max(
                (n for pk, n in dots.items() if pk not in chosen), default=0
            )
    kinds = set(SessionOutput.objects.filter(session__in=ended).values_list("kind", flat=True))
    assert {OutputKind.IDEA, OutputKind.CHALLENGE, OutputKind.BARRIER, OutputKind.ACTION_ITEM} <= kinds

    # The idea window: a guest, merges, themes and a dot vote; its ideas are supported by those who agreed.
    window = next(s for s in ended if s.format.slug == "idevinduet")
    assert window.participants.filter(user__isnull=True).exists()
    assert window.posts.filter(merged_into__isnull=False).count() >= 2
    assert window.themes.count() == 2 and window.votes.exists()
    ideas = [o.idea for o in window.outputs.filter(kind=OutputKind.IDEA).select_related("idea")]
    assert len(ideas) == 3
    for idea in ideas:
        assert idea.support_count >= 1
        assert idea.support_count == Support.objects.filter(idea=idea).count()
        assert timezone.localdate(idea.created_at) == timezone.localdate(window.ended_at)
    assert any("Sofie (forælder)" in idea.description for idea in ideas)

    # Action items: one overdue and open (it shows on the owner's list), others due ahead.
    items = ActionItem.objects.filter(pk__in=SessionOutput.objects.values("action_item"))
    open_items = items.filter(status=ActionStatus.OPEN, owner__isnull=False)
    assert open_items.filter(due_on__lt=today).exists()
    assert open_items.filter(due_on__gt=today).exists()
    assert items.filter(status=ActionStatus.DONE, done_at__isnull=False).exists()

    # The barrier register: the three kinds, in different statuses, with action items attached.
    barriers = Barrier.objects.filter(pk__in=SessionOutput.objects.values("barrier"))
    assert barriers.count() >= 3
    assert set(barriers.values_list("kind", flat=True)) == set(BarrierKind.values)
    assert len(set(barriers.values_list("status", flat=True))) >= 3
    assert ActionItem.objects.filter(barrier__in=barriers).count() >= 2

    # And one coming up.
    planned = WorkshopSession.objects.filter(state=SessionState.PLANNED, starts_at__gt=now)
    assert planned.filter(workplace__slug="boernehuset-solsikken").exists()


def test_a_second_run_creates_no_workshops():
    before = _counts()
    assert before["WorkshopSession"] == 4
    output = _seed()
    assert _counts() == before
    assert "already in place" in output
