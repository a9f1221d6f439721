from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from frontloeber.accounts.models import User
from frontloeber.organisations.models import Membership, Organisation, OrganisationAdmin, Role, Workplace

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def every_row():
    return {
        model._meta.label: sorted(map(repr, model.objects.values_list()))
        for model in apps.get_models()
        if model.__module__.startswith("frontloeber.")
    }


def test_demo_has_five_workplaces_each_with_a_leader_and_six_to_twelve_employees(demo):
    organisation = Organisation.objects.get()
    workplaces = Workplace.objects.filter(organisation=organisation)
    assert workplaces.count() == 5
    assert len({w.sector for w in workplaces}) == 5
    for workplace in workplaces:
        assert len(workplace.core_task) > 80
        roles = list(Membership.objects.filter(workplace=workplace).values_list("role", flat=True))
        assert roles.count(Role.LEADER) == 1
        assert 6 <= roles.count(Role.EMPLOYEE) <= 12
        assert roles.count(Role.OBSERVER) == 1
    assert OrganisationAdmin.objects.filter(organisation=organisation).count() == 1


def test_running_twice_changes_nothing(demo):
    before = every_row()
    output = run()
    assert every_row() == before
    assert "already in place" in output


def test_printed_logins_work(client, demo):
    output = demo
    assert "frontloeber-demo" in output
    emails = [word for word in output.split() if word.endswith("@fjordby.example")]
    assert len(emails) >= 7
    for email in emails:
        assert User.objects.filter(email=email).exists()
    response = client.post(reverse("accounts:login"), {"username": emails[1], "password": "frontloeber-demo"})
    assert response.status_code == 302
    assert client.get(response["Location"], follow=True).status_code == 200


def test_refuses_to_run_in_production(settings):
    from django.core.management.base import CommandError

    settings.PRODUCTION = True
    before = every_row()
    with pytest.raises(CommandError):
        run()
    assert every_row() == before
