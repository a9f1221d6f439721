"""The demo's reflection rounds: two closed rounds each, one open round, one workplace under the threshold."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from frontloeber.organisations.models import Membership, Role, Workplace
from frontloeber.reflection import selectors
from frontloeber.reflection.models import (
    Answer,
    Assessment,
    AssessmentAnswer,
    AssessorKind,
    PracticeComment,
    Response,
    Round,
    RoundInvitation,
    RoundState,
)

# The demo is seeded once for the module (conftest.py); each test reads it in a savepoint of its own.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

MODELS = [Round, RoundInvitation, Response, Answer, PracticeComment, Assessment, AssessmentAnswer]


def _seed():
    out = StringIO()
    call_command("seed_demo", "--quiet-logins", stdout=out)
    return out.getvalue()


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_the_demo_has_rounds_with_a_trend_a_gap_an_open_round_and_one_workplace_under_the_threshold():
    today = timezone.localdate()
    workplaces = list(Workplace.objects.filter(organisation__slug="fjordby"))
    assert len(workplaces) == 5

    shown, hidden, trends, gaps = [], [], [], []
    for workplace in workplaces:
        rounds = list(Round.objects.filter(workplace=workplace).order_by("opens_on"))
        closed = [r for r in rounds if r.state(today) == RoundState.CLOSED]
        assert len(closed) == 2, workplace.slug
        employees = Membership.objects.filter(workplace=workplace, role=Role.EMPLOYEE).count()
        for round_ in rounds:
            assert round_.opens_on < round_.closes_on and round_.invitations_sent_at is not None
            assert round_.invited_count == employees == round_.invitations.count()
            assert round_.version.locked_at is not None
            answered = round_.invitations.filter(answered=True).count()
            assert answered == round_.responses.count()
            assert Answer.objects.filter(round=round_).count() == answered * 20
        for round_ in closed:
            assert round_.closes_on < today
            assert Assessment.objects.filter(round=round_, kind=AssessorKind.LEADER).exists()

        earlier, latest = (selectors.round_report(round_=r) for r in closed)
        (shown if latest.shown else hidden).append(workplace.slug)
        if earlier.shown and latest.shown:
            for before, after in zip(earlier.practices, latest.practices, strict=True):
                trends.append(abs(after.team - before.team))
                assert after.comments or before.comments
        for practice in latest.practices:
            if practice.gap is not None:
                gaps.append(abs(practice.gap))

    assert len(shown) == 4 and hidden == ["lys-og-signal"]
    assert max(trends) >= 0.4
    assert max(gaps) >= 0.5
    assert Assessment.objects.filter(kind=AssessorKind.SUPERIOR).count() == 1

    open_rounds = [r for r in Round.objects.all() if r.state(today) == RoundState.OPEN]
    assert len(open_rounds) == 1
    open_round = open_rounds[0]
    assert open_round.workplace.slug == "boernehuset-solsikken"
    answered = selectors.answered_count(round_=open_round)
    assert 0 < answered < open_round.invited_count
    assert not selectors.round_report(round_=open_round).shown


def test_a_second_run_creates_nothing():
    before = _counts()
    assert before["Round"] == 11
    output = _seed()
    assert _counts() == before
    assert "already in place" in output
