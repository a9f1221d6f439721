"""The demo shows experiments in every state, two adoption plans with checkpoints and five cases."""

from collections import Counter

import pytest

from frontloeber.demo.insights import history_titles
from frontloeber.experiments.models import AdoptionPlan, Case, CaseTrial, Experiment, ExperimentState
from frontloeber.organisations.models import Workplace

pytestmark = pytest.mark.django_db


def test_experiments_in_every_state_across_the_workplaces(demo):
    states = Counter(Experiment.objects.values_list("state", flat=True))
    assert set(states) == set(ExperimentState.values)
    for workplace in Workplace.objects.all():
        assert Experiment.objects.filter(workplace=workplace).exists()
    decisions = set(Experiment.objects.exclude(decision="").values_list("decision", flat=True))
    assert decisions == {"adopt", "adjust", "stop"}
    # Everything that ran had its safety check answered and confirmed.
    for experiment in Experiment.objects.exclude(state=ExperimentState.PLANNED):
        assert experiment.safety_answered and experiment.safety_confirmed_at, experiment.pk
        assert experiment.criteria.exists()
    for experiment in Experiment.objects.filter(state=ExperimentState.CONCLUDED):
        assert experiment.learnings and not experiment.criteria.filter(result="").exists()


def test_two_live_adoption_plans_with_checkpoints_and_five_cases(demo):
    """The plans and cases of the experiments' content; the six quarters of history behind the practices'
    overview add their own (demo/insights.py, tested there)."""
    history = history_titles()
    plans = AdoptionPlan.objects.exclude(idea__title__in=history)
    assert plans.count() == 2
    assert all(plan.checkpoints.count() == 2 for plan in plans)
    assert sum(plan.checkpoints.filter(recorded_at__isnull=False).count() for plan in plans) == 3
    cases = Case.objects.exclude(idea__title__in=history)
    assert cases.count() == 5
    assert set(cases.values_list("workplace", flat=True)) == set(
        Workplace.objects.values_list("pk", flat=True)
    )
    assert all(case.idea.status == "adopted" for case in cases)
    assert CaseTrial.objects.count() == 3
    assert sum(cases.values_list("trial_count", flat=True)) == 3
