"""Posts that become a draft experiment or (part of) an adoption plan (issue 6, point 5): always for an
idea, the one the post became or the one the workshop is about, through the experiments' own rules."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from frontloeber.experiments.models import AdoptionPlan, Experiment, ExperimentState
from frontloeber.workshops import services
from frontloeber.workshops.models import SessionOutput
from tests.factories import (
    CRITERIA,
    conclude_experiment,
    live_session,
    make_experiment,
    make_idea,
    member,
    run_experiment,
)

pytestmark = pytest.mark.django_db


def _posting_room(workplace, leader, slug="idevinduet", **about):
    """A live session on a posting step with two members' posts."""
    session = live_session(workplace, leader=leader, slug=slug, **about)
    while not session.format.steps.get(position=session.step_position).posts:
        session = services.session_step(actor=leader, session=session, action="next")
    people = [services.participant_join(session=session, user=member(workplace).user) for _ in range(2)]
    posts = [
        services.post_create(participant=p, text=f"Lad os prøve det i {n + 1} uger")
        for n, p in enumerate(people)
    ]
    return session, posts


def _frame(**overrides):
    today = timezone.localdate()
    return {
        "hypothesis": "Vi tror, at billeder på tablet giver tryghed.",
        "starts_on": today,
        "ends_on": today + datetime.timedelta(days=14),
        "stop_rule": "Vi stopper, hvis det tager tid fra børnene.",
        "criteria": CRITERIA,
        **overrides,
    }


def _plan(responsible, **overrides):
    return {
        "affected": "Pædagogerne på stuerne",
        "training": "",
        "communication": "",
        "go_live_on": timezone.localdate() + datetime.timedelta(days=7),
        "responsible": responsible,
        "first_checkpoint_days": 30,
        "second_checkpoint_days": 90,
        **overrides,
    }


@pytest.fixture
def adopted(workplace, leader):
    """An idea whose experiment decided to adopt it, with no adoption plan yet."""
    idea = make_idea(workplace)
    experiment = make_experiment(idea, actor=leader)
    run_experiment(experiment, leader=leader)
    conclude_experiment(experiment, leader=leader)
    idea.refresh_from_db()
    return idea


def url(name, session, **kwargs):
    return reverse(
        f"workshops:{name}",
        kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk, **kwargs},
    )


def test_the_idea_a_post_became_gets_a_draft_experiment_linked_to_the_session(workplace, leader):
    session, posts = _posting_room(workplace, leader)
    idea = services.post_to_idea(
        actor=leader, post=posts[0], title="Tablet", need="Overblik", description="D"
    )
    experiment = services.post_to_experiment(actor=leader, post=posts[0], idea=idea, **_frame())
    assert experiment.idea == idea and experiment.state == ExperimentState.PLANNED
    output = SessionOutput.objects.get(session=session, kind="experiment")
    assert (output.post, output.experiment) == (posts[0], experiment)
    with pytest.raises(ValidationError):  # once per post
        services.post_to_experiment(actor=leader, post=posts[0], idea=idea, **_frame())
    assert Experiment.objects.count() == 1


def test_an_experiment_is_only_for_the_posts_own_idea(workplace, leader):
    session, posts = _posting_room(workplace, leader)
    other = make_idea(workplace, title="En anden idé")
    with pytest.raises(ValidationError):  # the post became no idea, and the workshop is about none
        services.post_to_experiment(actor=leader, post=posts[1], idea=other, **_frame())
    services.post_to_idea(actor=leader, post=posts[1], title="Tablet", need="N", description="D")
    with pytest.raises(ValidationError):  # not the idea the post became
        services.post_to_experiment(actor=leader, post=posts[1], idea=other, **_frame())
    assert not Experiment.objects.exists() and not SessionOutput.objects.filter(kind="experiment").exists()


def test_a_bad_frame_saves_neither_experiment_nor_link(workplace, leader):
    session, posts = _posting_room(workplace, leader)
    idea = services.post_to_idea(actor=leader, post=posts[0], title="Tablet", need="N", description="D")
    with pytest.raises(ValidationError):
        services.post_to_experiment(actor=leader, post=posts[0], idea=idea, **_frame(hypothesis=""))
    assert not Experiment.objects.exists() and not SessionOutput.objects.filter(kind="experiment").exists()


def test_forandringsrejsen_makes_the_plan_and_a_second_post_changes_it(workplace, leader, adopted):
    session, posts = _posting_room(workplace, leader, slug="forandringsrejsen", about=adopted)
    plan = services.post_to_adoption_plan(actor=leader, post=posts[0], idea=adopted, **_plan(leader))
    assert plan.idea == adopted and plan.affected == "Pædagogerne på stuerne"
    again = services.post_to_adoption_plan(
        actor=leader, post=posts[1], idea=adopted, **_plan(leader, training="En legestue om appen")
    )
    assert again.pk == plan.pk and AdoptionPlan.objects.get().training == "En legestue om appen"
    assert list(
        SessionOutput.objects.filter(session=session, kind="adoption_plan").values_list(
            "adoption_plan", flat=True
        )
    ) == [plan.pk, plan.pk]


def test_an_idea_not_yet_adopted_gets_no_plan(workplace, leader):
    idea = make_idea(workplace)
    session, posts = _posting_room(workplace, leader, about=idea)
    with pytest.raises(ValidationError):
        services.post_to_adoption_plan(actor=leader, post=posts[0], idea=idea, **_plan(leader))
    assert not AdoptionPlan.objects.exists() and not SessionOutput.objects.exists()


def test_the_outputs_page_offers_experiments_only_where_there_is_an_idea(client, workplace, leader):
    session, posts = _posting_room(workplace, leader)
    client.force_login(leader)
    page = client.get(url("session_outputs", session)).content.decode()
    assert "Gør det til: udkast til afprøvning" not in page and "gør det til en idé først" in page
    services.post_to_idea(actor=leader, post=posts[0], title="Tablet på stuen", need="N", description="D")
    page = client.get(url("session_outputs", session)).content.decode()
    assert page.count("Gør det til: udkast til afprøvning") == 1
    response = client.get(url("post_convert", session, post_id=posts[1].pk, kind="experiment"))
    assert response.status_code == 200 and "Gør opslaget til en idé først" in response.content.decode()


def test_the_experiment_form_from_a_post(client, workplace, leader):
    session, posts = _posting_room(workplace, leader)
    idea = services.post_to_idea(
        actor=leader, post=posts[0], title="Tablet på stuen", need="N", description="D"
    )
    client.force_login(leader)
    address = url("post_convert", session, post_id=posts[0].pk, kind="experiment")
    form = client.get(address).content.decode()
    assert (
        "Planlæg en afprøvning" in form and "Lad os prøve det i 1 uger" in form and "Tablet på stuen" in form
    )
    today = timezone.localdate()
    data = {
        "hypothesis": "Vi tror, at billeder giver tryghed.",
        "starts_on": today.isoformat(),
        "ends_on": (today + datetime.timedelta(days=14)).isoformat(),
        "hours": 2,
        "budget_dkk": 0,
        "stop_rule": "Vi stopper, hvis det tager tid.",
        "criterion_0_axis": "citizens",
        "criterion_0_description": "Forældrene ser dagen",
        "criterion_0_measure": "Spørgeskema",
    }
    bad = client.post(address, {**data, "ends_on": (today - datetime.timedelta(days=3)).isoformat()})
    assert bad.status_code == 200 and not Experiment.objects.exists()
    response = client.post(address, data)
    assert response.status_code == 302 and response["Location"] == url("session_outputs", session)
    experiment = Experiment.objects.get(idea=idea)
    assert experiment.hypothesis == "Vi tror, at billeder giver tryghed."
    summary = client.get(url("session_summary", session)).content.decode()
    assert "Udkast til afprøvning" in summary and experiment.get_absolute_url() in summary


def test_the_adoption_plan_form_from_a_post(client, workplace, leader, adopted):
    session, posts = _posting_room(workplace, leader, slug="forandringsrejsen", about=adopted)
    client.force_login(leader)
    address = url("post_convert", session, post_id=posts[0].pk, kind="adoption_plan")
    form = client.get(address).content.decode()
    assert "Lav en implementeringsplan" in form and "Lad os prøve det i 1 uger" in form
    data = {
        "affected": "Alle på stuerne",
        "go_live_on": (timezone.localdate() + datetime.timedelta(days=7)).isoformat(),
        "responsible": leader.pk,
        "first_checkpoint_days": 30,
        "second_checkpoint_days": 90,
    }
    assert client.post(address, {**data, "second_checkpoint_days": 10}).status_code == 200
    assert not AdoptionPlan.objects.exists()
    assert client.post(address, data).status_code == 302
    plan = AdoptionPlan.objects.get(idea=adopted)
    second = client.get(
        url("post_convert", session, post_id=posts[1].pk, kind="adoption_plan")
    ).content.decode()
    assert "Rediger implementeringsplanen" in second and "Alle på stuerne" in second
    assert SessionOutput.objects.get(kind="adoption_plan").adoption_plan == plan


def test_an_employee_facilitator_is_not_offered_experiments_or_plans(client, workplace, leader, adopted):
    employee = member(workplace).user
    session = live_session(workplace, leader=leader, facilitator=employee, about=adopted)
    session = services.session_step(actor=employee, session=session, action="next")
    post = services.post_create(
        participant=services.participant_join(session=session, user=employee), text="Ja"
    )
    client.force_login(employee)
    page = client.get(url("session_outputs", session)).content.decode()
    assert "Gør det til: idé" in page
    assert "Gør det til: udkast til afprøvning" not in page and "Gør det til: implementeringsplan" not in page
    for kind in ("experiment", "adoption_plan", "challenge"):
        assert client.get(url("post_convert", session, post_id=post.pk, kind=kind)).status_code == 404


OUTPUTS_QUERIES = 11
SUMMARY_QUERIES = 11


def test_the_outputs_and_summary_pages_cost_the_same_for_few_and_many_outputs(
    client, workplace, leader, django_assert_num_queries
):
    session = live_session(workplace, leader=leader)
    session = services.session_step(actor=leader, session=session, action="next")
    client.force_login(leader)
    made = 0
    for n in (1, 3):
        while made < n:
            author = services.participant_join(session=session, user=member(workplace).user)
            post = services.post_create(participant=author, text=f"Idé {made}")
            idea = services.post_to_idea(
                actor=leader, post=post, title=f"Idé {made}", need="N", description="D"
            )
            services.post_to_experiment(actor=leader, post=post, idea=idea, **_frame())
            made += 1
        with django_assert_num_queries(OUTPUTS_QUERIES):
            assert client.get(url("session_outputs", session)).status_code == 200
        with django_assert_num_queries(SUMMARY_QUERIES):
            assert client.get(url("session_summary", session)).status_code == 200
