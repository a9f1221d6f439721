"""Issue 17, point 2: one chain, carried forward. The qualification seeds the experiment plan; the experiment
seeds the adoption plan (its skills carried over, its results beside the form) and, with the plan's
checkpoints, the case; each step ends with the obvious next step; the idea page shows where it stands."""

import pytest
from django.urls import reverse
from django.utils import timezone

from frontloeber.competences import services as competence_services
from frontloeber.experiments import selectors, services
from frontloeber.experiments.models import AdoptionPlan
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import IdeaStatus
from frontloeber.organisations.models import Membership
from tests.factories import (
    adopt_idea,
    conclude_experiment,
    make_experiment,
    make_idea,
    publish_case,
    run_experiment,
)

pytestmark = pytest.mark.django_db

QUALIFICATION = {
    "benefit": "Forældrene ser, hvad børnene laver.",
    "requirements": "En tablet og en time om ugen.",
    "risks": "Billeder af børn uden samtykke.",
    "measures": "Vi spørger forældrene efter fire uger.",
}


def url(name, workplace, **kwargs):
    return reverse(f"experiments:{name}", kwargs={"workplace_slug": workplace.slug, **kwargs})


@pytest.fixture
def qualified(workplace, leader, employee):
    idea = make_idea(
        workplace,
        author=employee,
        values={"citizens": (1, "Forældrene ser dagen"), "quality": (3, "Bedre dokumentation")},
    )
    return idea_services.idea_qualify(actor=leader, idea=idea, **QUALIFICATION)


def membership(user, workplace):
    return Membership.objects.get(user=user, workplace=workplace)


# --- The seeds, through the selectors -----------------------------------------------------------------------


def test_the_experiment_plan_starts_from_the_qualification_and_the_values(qualified, employee):
    seed = selectors.experiment_plan_seed(idea=qualified)
    assert QUALIFICATION["benefit"] in seed["hypothesis"] and qualified.title in seed["hypothesis"]
    assert seed["equipment"] == QUALIFICATION["requirements"]
    assert QUALIFICATION["risks"] in seed["stop_rule"]
    # One criterion per axis rated, the strongest first, with the reason; the axis not rated is left out.
    assert [(c["axis"], c["description"]) for c in seed["criteria"]] == [
        ("quality", "Bedre dokumentation"),
        ("citizens", "Forældrene ser dagen"),
    ]
    assert {c["measure"] for c in seed["criteria"]} == {QUALIFICATION["measures"]}


def test_an_axis_rated_without_a_reason_is_a_criterion_to_fill_in_not_an_error(workplace, leader, employee):
    idea = make_idea(
        workplace, author=employee, values={"citizens": (2, "Forældrene ser dagen"), "quality": (1, "")}
    )
    idea = idea_services.idea_qualify(actor=leader, idea=idea, **QUALIFICATION)
    seed = selectors.experiment_plan_seed(idea=idea)
    assert seed["criteria"] == [
        {"axis": "citizens", "description": "Forældrene ser dagen", "measure": QUALIFICATION["measures"]},
        {"axis": "quality", "description": "", "measure": ""},
    ]
    # Saved as drafted, the second criterion (an axis alone) is left out, not refused.
    make_experiment(idea, actor=leader, criteria=seed["criteria"])
    assert [c.axis for c in idea.experiments.get().criteria.all()] == ["citizens"]
    assert seed["participants"] == [employee.pk]


def test_an_idea_without_qualification_or_values_gets_a_plain_start(workplace, employee):
    idea = make_idea(workplace, author=employee, values={})
    seed = selectors.experiment_plan_seed(idea=idea)
    assert seed["equipment"] == seed["stop_rule"] == ""
    assert seed["criteria"] == [{"axis": "citizens", "description": "", "measure": ""}]


def test_the_adoption_plan_carries_the_experiments_skills(workplace, leader, qualified):
    skills = competence_services.catalogue_start(actor=leader, workplace=workplace)[:2]
    experiment = make_experiment(qualified, actor=leader, skills=skills)
    run_experiment(experiment, leader=leader)
    conclude_experiment(experiment, leader=leader)
    seed = selectors.adoption_plan_seed(
        idea=qualified, experiment=selectors.adopting_experiment(idea=qualified)
    )
    assert sorted(seed["skills"]) == sorted(s.pk for s in skills)
    assert all(skill.shown_name in seed["training"] for skill in skills)


def test_the_case_starts_from_the_experiment_its_results_and_the_checkpoints(workplace, leader, qualified):
    plan = adopt_idea(qualified, leader=leader)
    checkpoint = plan.checkpoints.order_by("days").first()
    services.checkpoint_record(
        actor=leader,
        checkpoint=checkpoint,
        users=8,
        affected=10,
        values={"citizens": 2, "quality": 2, "routines": 1},
        adjusted="Billederne deles kun om eftermiddagen.",
    )
    seed = selectors.case_seed(
        idea=qualified, experiment=selectors.adopting_experiment(idea=qualified), plan=plan
    )
    assert "Vi tror, at billeder" in seed["summary"]  # the experiment's hypothesis
    assert "Forældrene ser dagen" in seed["value_achieved"] and "Svarene viser det" in seed["value_achieved"]
    assert "8" in seed["value_achieved"] and "10" in seed["value_achieved"]
    assert "Det virkede for de fleste." in seed["learnings"]
    assert "Billederne deles kun om eftermiddagen." in seed["learnings"]
    assert "En legestue" in seed["what_it_took"]
    assert seed["contact"] == plan.responsible_id


@pytest.mark.parametrize(
    ("step", "expected"),
    [
        ("new", "idea"),
        ("qualified", "qualification"),
        ("experiment", "experiment"),
        ("adopt", "implementation"),
        ("live", "implementation"),
        ("case", "case"),
    ],
)
def test_the_idea_stands_at_one_step_of_the_chain(client, workplace, leader, employee, step, expected):
    idea = make_idea(workplace, author=employee)
    if step != "new":
        idea = idea_services.idea_qualify(actor=leader, idea=idea, **QUALIFICATION)
    if step in ("experiment", "adopt"):
        experiment = make_experiment(idea, actor=leader)
        run_experiment(experiment, leader=leader)
        if step == "adopt":
            conclude_experiment(experiment, leader=leader)
    if step in ("live", "case"):
        adopt_idea(idea, leader=leader)
    if step == "case":
        publish_case(idea, leader=leader)
    client.force_login(leader)
    page = client.get(idea.get_absolute_url())
    chain = page.context["chain"]
    assert [key for key, _label, state in chain if state == "current"] == [expected]
    keys = [key for key, _label, _state in chain]
    assert all(state == "done" for _key, _label, state in chain[: keys.index(expected)])
    assert page.content.decode().count('aria-current="step"') == 1


def test_a_closed_idea_shows_no_chain(client, workplace, leader, employee):
    idea = make_idea(workplace, author=employee)
    idea_services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.NOT_PURSUED, message="Ikke nu.")
    client.force_login(leader)
    page = client.get(idea.get_absolute_url())
    assert page.context["chain"] == [] and 'aria-current="step"' not in page.content.decode()


# --- Through the pages ------------------------------------------------------------------------------------


def test_the_plan_form_opens_drafted_and_saves_as_drafted(client, workplace, leader, employee, qualified):
    client.force_login(leader)
    page = client.get(url("experiment_create", workplace, idea_id=qualified.pk))
    form = page.context["form"]
    assert QUALIFICATION["benefit"] in form["hypothesis"].value()
    assert form["criterion_0_axis"].value() == "quality"
    assert form["criterion_1_description"].value() == "Forældrene ser dagen"
    assert str(employee.pk) in [str(v) for v in form["participants"].value()]
    data = {name: form[name].value() for name in form.fields if form[name].value() not in (None, [])}
    data["participants"] = [employee.pk]
    response = client.post(url("experiment_create", workplace, idea_id=qualified.pk), data)
    assert response.status_code == 302
    experiment = qualified.experiments.get()
    assert experiment.equipment == QUALIFICATION["requirements"]
    assert [c.axis for c in experiment.criteria.order_by("position")] == ["quality", "citizens"]


def test_each_step_ends_with_the_next_as_its_main_button(client, workplace, leader, qualified):
    experiment = make_experiment(qualified, actor=leader)
    run_experiment(experiment, leader=leader)
    conclude_experiment(experiment, leader=leader)
    client.force_login(leader)
    adoption_create = url("adoption_create", workplace, idea_id=qualified.pk)
    page = client.get(experiment.get_absolute_url()).content.decode()
    assert f'class="button button-primary" href="{adoption_create}"' in page

    form_page = client.get(adoption_create).content.decode()
    assert "Svarene viser det" in form_page  # the experiment's results beside the form
    AdoptionPlan.objects.create(
        workplace=workplace,
        idea=qualified,
        experiment=experiment,
        affected="Alle",
        go_live_on=timezone.localdate(),
        responsible=leader,
    )
    plan = services.adoption_plan_go_live(actor=leader, plan=AdoptionPlan.objects.get())
    page = client.get(experiment.get_absolute_url()).content.decode()
    assert adoption_create not in page and plan.get_absolute_url() in page

    case_publish = url("case_publish", workplace, idea_id=qualified.pk)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert f'class="button button-primary" href="{case_publish}"' in page
    form = client.get(case_publish).context["form"]
    assert "Det virkede for de fleste." in form["learnings"].value()
    publish_case(qualified, leader=leader)
    page = client.get(plan.get_absolute_url()).content.decode()
    assert case_publish not in page


def test_an_employee_sees_no_next_step_buttons(client, workplace, leader, employee, qualified):
    experiment = make_experiment(qualified, actor=leader)
    run_experiment(experiment, leader=leader)
    conclude_experiment(experiment, leader=leader)
    client.force_login(employee)
    page = client.get(experiment.get_absolute_url()).content.decode()
    assert url("adoption_create", workplace, idea_id=qualified.pk) not in page
