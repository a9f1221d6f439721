"""The demo shows the ideas pipeline to a new user: enough ideas, every status, a year of history."""

import datetime
from collections import Counter

import pytest
from django.utils import timezone

from frontloeber.ideas import selectors
from frontloeber.ideas.models import Challenge, Comment, IdeaEvent, IdeaStatus, Support
from frontloeber.organisations.models import Workplace

pytestmark = pytest.mark.django_db


def test_at_least_sixty_ideas_in_every_status_across_the_five_workplaces(demo):
    from frontloeber.ideas.models import Idea

    ideas = Idea.objects.all()
    assert ideas.count() >= 60
    statuses = Counter(ideas.values_list("status", flat=True))
    for status in IdeaStatus:
        assert statuses[status] >= 1, status
    for workplace in Workplace.objects.all():
        assert ideas.filter(workplace=workplace).count() >= 12
        assert Challenge.objects.filter(workplace=workplace).exists()


def test_history_spans_the_year_and_some_ideas_wait_past_the_target(demo):
    from frontloeber.ideas.models import Idea

    now = timezone.now()
    oldest = Idea.objects.order_by("created_at").first().created_at
    assert now - oldest > datetime.timedelta(days=300)
    assert Comment.objects.count() >= 60 and Support.objects.count() >= 100
    assert IdeaEvent.objects.filter(kind="moved").count() >= 40
    assert Idea.objects.exclude(qualification_benefit="").count() >= 20
    overdue = 0
    for workplace in Workplace.objects.all():
        overdue += sum(
            selectors.is_overdue(i, workplace, now) for i in selectors.leader_inbox(workplace=workplace)
        )
    assert overdue >= 5


def test_the_demo_search_finds_ideas_on_both_databases(demo):
    workplace = Workplace.objects.get(slug="boernehuset-solsikken")
    similar = selectors.similar_ideas(workplace=workplace, text="billeder af børnenes dag til forældrene")
    assert len(similar) >= 2
    # The two ideas whose titles hold all three words (a demo duplicate pair) come first.
    best = selectors.similar_ideas(workplace=workplace, text="tablet billeder forældre")[:2]
    assert {idea.title for idea in best} == {
        "Tablet til billeder af børnenes dag til forældrene",
        "Billeder fra dagen på tablet, så forældrene kan se, hvad børnene har lavet",
    }
