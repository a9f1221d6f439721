"""Helpers shared by the views tests (split from test_views.py)."""

import datetime
import re

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from frontloeber.experiments.models import (
    Decision,
)
from tests.factories import (
    conclude_experiment,
    make_experiment,
    run_experiment,
)
from tests.pages import workplace_urls

url = workplace_urls("experiments")


def experiment_url(name, experiment, **kwargs):
    return url(name, experiment.workplace, experiment_id=experiment.pk, **kwargs)


def plan_url(name, plan, **kwargs):
    return url(name, plan.workplace, plan_id=plan.pk, **kwargs)


def case_url(name, case, workplace, **kwargs):
    """A case seen from ``workplace`` (any workplace of the case's organisation)."""
    return url(name, workplace, case_id=case.pk, **kwargs)


def html(response):
    return response.content.decode()


def has_error_summary(response):
    return 'id="error-summary"' in html(response)


def last_message(response):
    """The level of the last message the request left (earlier redirects' messages may still be queued)."""
    levels = [m.level_tag for m in get_messages(response.wsgi_request)]
    return levels[-1] if levels else None


def linked_experiment_ids(response, workplace):
    ids = []
    for found in re.findall(rf'href="/a/{workplace.slug}/afproevninger/(\d+)/"', html(response)):
        if int(found) not in ids:
            ids.append(int(found))
    return ids


def linked_case_ids(response):
    ids = []
    for found in re.findall(r'href="/a/[^/"]+/cases/(\d+)/"', html(response)):
        if int(found) not in ids:
            ids.append(int(found))
    return ids


def experiment_form_data(**overrides):
    today = timezone.localdate()
    data = {
        "hypothesis": "Vi tror, at billeder på tablet vil føre til mere tryghed hos forældrene.",
        "starts_on": today.isoformat(),
        "ends_on": (today + datetime.timedelta(days=21)).isoformat(),
        "hours": "10",
        "budget_dkk": "2500",
        "equipment": "To tablets",
        "stop_rule": "Vi stopper, hvis det tager tid fra børnene.",
        "participants": [],
        "criterion_0_axis": "citizens",
        "criterion_0_description": "Forældrene ser dagen",
        "criterion_0_measure": "Spørgeskema til forældrene",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


SAFE = {"personal_data": "no", "vulnerable_citizens": "no", "needs_it": "no"}


def conclude_data(experiment, *, decision="stop", learnings="Forældrene brugte det ikke.", result="not_met"):
    data = {"decision": decision, "learnings": learnings}
    for criterion in experiment.criteria.all():
        data[f"result_{criterion.pk}"] = result
        data[f"evidence_{criterion.pk}"] = "Svarene viser det"
    return data


def plan_data(responsible, /, **overrides):
    data = {
        "affected": "Pædagogerne på stuerne: de tager billeder i stedet for at skrive opslag.",
        "training": "En legestue",
        "communication": "Forældremøde i marts",
        "go_live_on": timezone.localdate().isoformat(),
        "responsible": str(responsible.pk),
        "first_checkpoint_days": "30",
        "second_checkpoint_days": "90",
    }
    data.update(overrides)
    return data


def checkpoint_data(**overrides):
    data = {
        "users": "8",
        "affected": "10",
        "value_citizens": "2",
        "value_quality": "1",
        "value_routines": "0",
        "notes": "Forældrene er glade",
        "adjusted": "Færre billeder om dagen",
    }
    data.update(overrides)
    return data


def case_data(contact, /, **overrides):
    data = {
        "summary": "Billeder af dagen til forældrene på en tablet.",
        "value_achieved": "Forældrene spørger mindre og ved mere.",
        "what_it_took": "To tablets og en legestue.",
        "learnings": "Start med én stue.",
        "contact": str(contact.pk),
    }
    data.update(overrides)
    return data


def concluded_adopt(idea, leader):
    experiment = make_experiment(idea, actor=leader)
    run_experiment(experiment, leader=leader)
    return conclude_experiment(experiment, leader=leader, decision=Decision.ADOPT)


def text_file(name="foto.png"):
    return SimpleUploadedFile(name, b"This is plain text, not a picture.\n" * 20, content_type="image/png")
