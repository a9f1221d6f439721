"""Issue 18, point 8: the demo's overview tells each workplace's own story over the last six quarters, its
figures are what the demo's rows hold, and the organisation has a leader group of three and two barriers
raised to it, one answered."""

import pytest
from django.utils import timezone

from frontloeber.actions.models import Barrier, Escalation
from frontloeber.competences.models import LearningActivity
from frontloeber.demo.insights import GROUP, GROUP_WORKPLACES
from frontloeber.experiments.models import AdoptionPlan, Case, Experiment
from frontloeber.ideas.models import Idea
from frontloeber.insights.counting import count_work
from frontloeber.insights.periods import Quarter
from frontloeber.insights.selectors import workplace_overview
from frontloeber.organisations.models import LeaderGroup, Membership, Role, Workplace

pytestmark = pytest.mark.django_db


def in_quarter(queryset, field, quarter):
    start, end = quarter.bounds()
    return queryset.filter(**{f"{field}__gte": start, f"{field}__lt": end}).count()


def test_the_overviews_figures_are_what_the_demo_holds(demo):
    quarters = Quarter.current().back(6)
    for workplace in Workplace.objects.order_by("slug"):
        work = count_work(organisation=workplace.organisation, workplaces=[workplace], quarters=quarters)
        for quarter in quarters:
            tally = work.tally(workplace.pk, quarter)
            ours = {"workplace": workplace}
            assert tally.ideas == in_quarter(Idea.objects.filter(**ours), "created_at", quarter)
            assert tally.experiments_concluded == in_quarter(
                Experiment.objects.filter(**ours).exclude(decision=""), "concluded_at", quarter
            )
            assert tally.plans_went_live == in_quarter(
                AdoptionPlan.objects.filter(**ours), "live_at", quarter
            )
            assert tally.cases_published == in_quarter(Case.objects.filter(**ours), "published_at", quarter)
            assert tally.barriers_raised == in_quarter(Barrier.objects.filter(**ours), "created_at", quarter)
            held = LearningActivity.objects.filter(
                **ours, cancelled_at__isnull=True, starts_at__lte=timezone.now()
            )
            assert tally.activities_held == in_quarter(held, "starts_at", quarter)
        # The overview the leader opens shows the same figures.
        leader = Membership.objects.get(workplace=workplace, role=Role.LEADER)
        overview = workplace_overview(workplace=workplace, membership=leader, quarter=quarters[-1])
        p2 = next(card for card in overview.cards if card.code == "P2")
        contributors = Membership.objects.filter(
            workplace=workplace, role__in=[Role.LEADER, Role.EMPLOYEE]
        ).count()
        ideas = work.tally(workplace.pk, quarters[-1]).ideas
        assert p2.headlines[0].value == pytest.approx(10 * ideas / contributors)
        assert len(overview.quarters) == 6
        assert all(len(card.trend) == 6 for card in overview.cards)


def test_each_workplace_tells_its_own_story(demo):
    history = Quarter.current().back(6)[:-1]  # the five whole quarters before this one
    workplaces = {w.slug: w for w in Workplace.objects.all()}
    work = count_work(
        organisation=next(iter(workplaces.values())).organisation, workplaces=list(workplaces.values()),
        quarters=history,
    )  # fmt: skip

    def total(slug, attribute):
        return sum(getattr(work.tally(workplaces[slug].pk, q), attribute) for q in history)

    # The daycare brings many ideas and answers them fast, but adopts little; the ambulance station the
    # reverse.
    assert total("boernehuset-solsikken", "ideas") > 1.5 * total("praehospitalt-center", "ideas")
    assert total("praehospitalt-center", "plans_went_live") > total(
        "boernehuset-solsikken", "plans_went_live"
    )
    daycare = [work.tally(workplaces["boernehuset-solsikken"].pk, q).median_answer_days for q in history]
    ambulance = [work.tally(workplaces["praehospitalt-center"].pk, q).median_answer_days for q in history]
    assert max(d for d in daycare if d is not None) < min(a for a in ambulance if a is not None)
    # The technical unit experiments most, the autism centre learns most.
    experiments = {slug: total(slug, "experiments_concluded") for slug in workplaces}
    assert max(experiments, key=experiments.get) == "lys-og-signal"
    learning = {slug: total(slug, "activities_held") for slug in workplaces}
    assert max(learning, key=learning.get) == "autismecenter-kastanjehuset"
    assert total("lys-og-signal", "activities_held") == 0


def test_a_leader_group_of_three_and_two_barriers_raised_one_answered(demo):
    group = LeaderGroup.objects.get(name=GROUP)
    assert sorted(group.workplaces.values_list("slug", flat=True)) == sorted(GROUP_WORKPLACES)
    raised = Barrier.objects.exclude(escalation="")
    assert raised.count() == 2
    assert sorted(raised.values_list("escalation", flat=True)) == [Escalation.RESOLVED, Escalation.TAKEN]
    assert raised.get(escalation=Escalation.RESOLVED).answer
