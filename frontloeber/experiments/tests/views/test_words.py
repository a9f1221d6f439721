"""Experiments, views: words that read as Danish does (issue 17, point 10)."""

import polib
import pytest
from django.conf import settings

from frontloeber.experiments import services

from .helpers import experiment_url, html, url

pytestmark = pytest.mark.django_db


def test_a_case_no_other_workplace_has_taken_up_says_so_plainly(client, workplace, employee, case):
    client.force_login(employee)
    page = html(client.get(url("case_list", workplace)))
    assert "Endnu ikke taget op af andre arbejdspladser" in page and "Taget op af 0" not in page


def test_a_criterion_names_how_it_is_measured_without_a_capital_mid_sentence(client, running, leader):
    services.experiment_evaluate(actor=leader, experiment=running)
    client.force_login(leader)
    page = html(client.get(experiment_url("experiment_conclude", running)))
    measure = running.criteria.first().measure
    assert f"Sådan måler vi: {measure}" in page and "målt ved" not in page


def test_the_danish_words_are_implementering_and_vurder_throughout():
    """Danish workplaces say "implementering", not "indførelse"; and "vurder" is spelled one way."""
    catalogue = polib.pofile(str(settings.BASE_DIR / "locale" / "da" / "LC_MESSAGES" / "django.po"))
    texts = [t for e in catalogue if not e.obsolete for t in [e.msgstr, *e.msgstr_plural.values()]]
    assert not [t for t in texts if "ndfør" in t]
    assert not [t for t in texts if "Vurdér" in t or "vurdér" in t]
    assert any("implementeringsplan" in t for t in texts)
