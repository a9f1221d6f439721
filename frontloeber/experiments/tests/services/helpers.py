"""Helpers shared by the services tests (split from test_services.py)."""

import datetime

from django.utils import timezone

DAY = datetime.timedelta(days=1)


def criterion(axis="citizens", description="Forældrene ser dagen", measure="Spørgeskema"):
    return {"axis": axis, "description": description, "measure": measure}


def frame(**overrides):
    today = timezone.localdate()
    return {
        "hypothesis": "Vi tror, at billeder på tablet vil føre til mere tryghed.",
        "starts_on": today,
        "ends_on": today + 14 * DAY,
        "stop_rule": "Vi stopper, hvis det tager tid fra børnene.",
        "criteria": [criterion(), criterion("routines", "Mindre tid ved garderoben", "Vi tæller minutter")],
        "hours": 20,
        "budget_dkk": 3000,
        "equipment": "To tablets",
        "participants": [],
        **overrides,
    }


def safety(**overrides):
    return {"personal_data": False, "vulnerable_citizens": False, "needs_it": False, **overrides}


def fresh(obj):
    obj.refresh_from_db()
    return obj


def results_for(experiment, result="met", evidence="Svarene viser det"):
    return {c.pk: (result, evidence) for c in experiment.criteria.all()}


def plan_kwargs(leader, **overrides):
    return {
        "affected": "Pædagogerne på stuerne tager billeder i stedet for at skrive sedler",
        "training": "En legestue",
        "communication": "Forældremøde",
        "go_live_on": timezone.localdate(),
        "responsible": leader,
        "first_checkpoint_days": 30,
        "second_checkpoint_days": 90,
        **overrides,
    }
