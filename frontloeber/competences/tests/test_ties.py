"""Experiments and adoption plans name the skills they need; their pages show who can help and the
learning planned for those skills (issue 7, point 5)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from frontloeber.competences import services
from frontloeber.experiments import services as experiment_services
from frontloeber.organisations.models import Role
from tests.factories import (
    CRITERIA,
    WorkplaceFactory,
    conclude_experiment,
    make_experiment,
    make_idea,
    member,
    run_experiment,
)

from .conftest import rate

pytestmark = pytest.mark.django_db


def test_an_experiment_names_the_skills_it_needs_from_the_workplace_only(workplace, leader, skills):
    experiment = make_experiment(make_idea(workplace), actor=leader, skills=[skills[4], skills[9]])
    assert set(experiment.skills.all()) == {skills[4], skills[9]}
    sister = WorkplaceFactory(organisation=workplace.organisation)
    theirs = services.skill_add(
        actor=member(sister, Role.LEADER).user, workplace=sister, area="data", name="X"
    )
    with pytest.raises(ValidationError):
        experiment_services.experiment_update(
            actor=leader,
            experiment=experiment,
            hypothesis="H",
            starts_on=experiment.starts_on,
            ends_on=experiment.ends_on,
            stop_rule="S",
            criteria=CRITERIA,
            hours=0,
            budget_dkk=0,
            equipment="",
            participants=[],
            skills=[theirs],
        )
    assert set(experiment.skills.all()) == {skills[4], skills[9]}


def test_the_experiment_form_saves_the_skills(client, workplace, leader, skills):
    idea = make_idea(workplace)
    client.force_login(leader)
    address = reverse(
        "experiments:experiment_create", kwargs={"workplace_slug": workplace.slug, "idea_id": idea.pk}
    )
    assert "Færdigheder, der skal til" in client.get(address).content.decode()
    today = timezone.localdate()
    response = client.post(
        address,
        {
            "hypothesis": "Vi tror, at videosamtaler sparer køreture.",
            "starts_on": today.isoformat(),
            "ends_on": (today + datetime.timedelta(days=14)).isoformat(),
            "hours": 0,
            "budget_dkk": 0,
            "stop_rule": "Vi stopper, hvis borgerne ikke vil.",
            "criterion_0_axis": "citizens",
            "criterion_0_description": "Færre køreture",
            "criterion_0_measure": "Kørebog",
            "skills": [skills[5].pk],
        },
    )
    assert response.status_code == 302
    assert list(idea.experiments.get().skills.all()) == [skills[5]]


def test_the_experiment_page_shows_who_can_help_and_the_learning_planned(
    client, workplace, leader, team, skills, django_assert_num_queries
):
    experiment = make_experiment(make_idea(workplace), actor=leader, skills=[skills[4], skills[9]])
    services.activity_plan(
        actor=leader,
        workplace=workplace,
        kind="playground",
        title="Legestue med videomøder",
        skills=[skills[4]],
        starts_at=timezone.now() + datetime.timedelta(days=3),
        host=leader,
    )
    client.force_login(leader)
    counts = []
    for helpers in (team[:1], team):
        for person in helpers:
            rate(person, workplace, {skills[4]: 3})
        with django_assert_num_queries(17):  # one of them the safety check's reviews (issue 17, point 6)
            page = client.get(experiment.get_absolute_url()).content.decode()
        counts.append(page)
    assert "Legestue med videomøder" in page and team[3].full_name in page
    assert "ingen her kan lære fra sig endnu" in page  # skills[9]: no helper


def test_an_adoption_plan_names_skills_and_its_page_shows_help(client, workplace, leader, team, skills):
    idea = make_idea(workplace)
    experiment = make_experiment(idea, actor=leader)
    run_experiment(experiment, leader=leader)
    conclude_experiment(experiment, leader=leader)
    plan = experiment_services.adoption_plan_create(
        actor=leader,
        idea=idea,
        affected="Alle",
        training="",
        communication="",
        go_live_on=timezone.localdate() + datetime.timedelta(days=10),
        responsible=leader,
        first_checkpoint_days=30,
        second_checkpoint_days=90,
        skills=[skills[6]],
    )
    rate(team[0], workplace, {skills[6]: 3})
    client.force_login(team[1])
    page = client.get(plan.get_absolute_url()).content.decode()
    assert skills[6].name in page and team[0].full_name in page


def test_a_running_experiment_names_its_skills_from_its_page(client, workplace, leader, team, skills):
    experiment = make_experiment(make_idea(workplace), actor=leader)
    run_experiment(experiment, leader=leader)
    client.force_login(leader)
    page = client.get(experiment.get_absolute_url()).content.decode()
    address = reverse(
        "experiments:experiment_skills",
        kwargs={"workplace_slug": workplace.slug, "experiment_id": experiment.pk},
    )
    assert address in page and "Angiv de færdigheder, der skal til" in page
    client.post(address, {"skills": [skills[9].pk]})
    assert list(experiment.skills.all()) == [skills[9]]
    gaps = client.get(reverse("competences:map", kwargs={"workplace_slug": workplace.slug})).content.decode()
    assert experiment.get_absolute_url() in gaps
    client.force_login(team[0])  # not the idea's responsible: no form, and a POST changes nothing
    assert address not in client.get(experiment.get_absolute_url()).content.decode()
    client.post(address, {"skills": [skills[4].pk]})
    assert list(experiment.skills.all()) == [skills[9]]


def test_a_leader_sees_a_helper_who_keeps_ratings_private_colleagues_do_not(
    client, workplace, leader, team, skills
):
    experiment = make_experiment(make_idea(workplace), actor=leader, skills=[skills[4]])
    rate(team[0], workplace, {skills[4]: 3}, visible=False)
    client.force_login(leader)
    assert team[0].full_name in client.get(experiment.get_absolute_url()).content.decode()
    client.force_login(team[1])
    page = client.get(experiment.get_absolute_url()).content.decode()
    assert team[0].full_name not in page and "ingen her kan lære fra sig endnu" in page
