"""Experiments, views: Cases, The idea page: from idea to practice, Query counts."""

import pytest
from django.utils import timezone

from frontloeber.experiments import services
from frontloeber.experiments.models import (
    Case,
    CaseTrial,
    Decision,
    Experiment,
    ExperimentState,
)
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import Idea, IdeaStatus
from frontloeber.organisations.models import Role
from tests.factories import (
    WorkplaceFactory,
    adopt_idea,
    conclude_experiment,
    make_experiment,
    make_idea,
    member,
    png_upload,
    publish_case,
    run_experiment,
)

from .helpers import (
    case_data,
    case_url,
    concluded_adopt,
    experiment_url,
    has_error_summary,
    html,
    last_message,
    linked_case_ids,
    linked_experiment_ids,
    url,
)

pytestmark = pytest.mark.django_db


# --- 6. Cases -----------------------------------------------------------------------------------------------


def test_publishing_an_adopted_idea_as_a_case(client, workplace, adopted_idea, leader, employee):
    adopt_idea(adopted_idea, leader=leader)
    client.force_login(leader)
    address = url("case_publish", workplace, idea_id=adopted_idea.pk)
    assert client.get(address).status_code == 200
    response = client.post(address, case_data(employee))
    case = Case.objects.get()
    assert response.status_code == 302
    assert response["Location"] == case_url("case_detail", case, workplace)
    assert (case.idea, case.workplace, case.contact, case.published_by) == (
        adopted_idea,
        workplace,
        employee,
        leader,
    )
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Billeder af dagen til forældrene på en tablet." in html(page)
    image = adopted_idea.images.get()
    assert case_url("case_image", case, workplace, image_id=image.pk) in html(page)
    # The source workplace does not try its own case.
    assert case_url("case_try", case, workplace) not in html(page)


def test_an_adopted_idea_shows_one_state_not_ready_to_test_beside_it(
    client, workplace, idea, leader, employee
):
    idea.ready_to_test = True
    idea.save(update_fields=["ready_to_test"])
    client.force_login(employee)
    assert "Klar til afprøvning" in html(client.get(idea.get_absolute_url()))
    adopt_idea(idea, leader=leader)
    idea.refresh_from_db()
    assert idea.ready_to_test and idea.status == IdeaStatus.ADOPTED
    page = html(client.get(idea.get_absolute_url()))
    assert "Implementeret" in page and "Klar til afprøvning" not in page


def test_publishing_an_idea_that_is_not_adopted_is_refused(client, workplace, idea, leader):
    client.force_login(leader)
    response = client.post(url("case_publish", workplace, idea_id=idea.pk), case_data(leader))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    "bad", [{"summary": ""}, {"learnings": " "}, {"contact": ""}, {"contact": "OUTSIDER"}]
)
def test_a_bad_case_is_refused_with_the_error(client, workplace, adopted_idea, leader, bad):
    adopt_idea(adopted_idea, leader=leader)
    outsider = member(WorkplaceFactory(organisation=workplace.organisation)).user
    bad = {key: (str(outsider.pk) if value == "OUTSIDER" else value) for key, value in bad.items()}
    client.force_login(leader)
    response = client.post(url("case_publish", workplace, idea_id=adopted_idea.pk), case_data(leader, **bad))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not Case.objects.exists()


def test_a_case_is_published_once(client, workplace, adopted_idea, leader, case):
    client.force_login(leader)
    response = client.post(url("case_publish", workplace, idea_id=adopted_idea.pk), case_data(leader))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert Case.objects.count() == 1


def test_an_employee_cannot_publish_a_case(client, workplace, adopted_idea, leader, employee):
    adopt_idea(adopted_idea, leader=leader)
    client.force_login(employee)
    response = client.post(url("case_publish", workplace, idea_id=adopted_idea.pk), case_data(employee))
    assert response.status_code == 403
    assert not Case.objects.exists()


@pytest.fixture
def robot_case(sister):
    """A second case in the organisation, from the sister workplace, and one in another organisation."""
    sister_lead = member(sister, Role.LEADER).user
    robot_idea = make_idea(
        sister,
        title="Robot til oprydning",
        need="Legetøjet ligger overalt om eftermiddagen.",
        description="En lille robot samler klodser.",
        tag_names=["robot"],
    )
    adopt_idea(robot_idea, leader=sister_lead)
    foreign_workplace = WorkplaceFactory()
    foreign_leader = member(foreign_workplace, Role.LEADER).user
    foreign_idea = make_idea(foreign_workplace, title="Robot i en anden kommune", tag_names=["robot"])
    adopt_idea(foreign_idea, leader=foreign_leader)
    publish_case(foreign_idea, leader=foreign_leader)
    return publish_case(robot_idea, leader=sister_lead, summary="En robot samler klodserne op.")


def test_the_case_library_lists_the_organisations_cases_only(client, workplace, employee, case, robot_case):
    client.force_login(employee)
    response = client.get(url("case_list", workplace))
    assert response.status_code == 200
    assert set(linked_case_ids(response)) == {case.pk, robot_case.pk}
    for listed in (case, robot_case):
        assert client.get(case_url("case_detail", listed, workplace)).status_code == 200


def test_the_case_library_searches_the_cases(client, workplace, employee, case, robot_case):
    client.force_login(employee)
    found = client.get(url("case_list", workplace), {"q": "robot"})
    assert found.status_code == 200
    assert linked_case_ids(found) == [robot_case.pk]
    assert 'value="robot"' in html(found)
    assert linked_case_ids(client.get(url("case_list", workplace), {"q": "billeder tablet"})) == [case.pk]
    nothing = client.get(url("case_list", workplace), {"q": "ubåd"})
    assert nothing.status_code == 200
    assert linked_case_ids(nothing) == []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "og i på",
        "'\"&|!:*()",
        "\\",
        "x" * 500,
        "robot's & (klodser | !tablet):*",
    ],
)
def test_odd_case_searches_never_break_the_library(client, workplace, employee, case, query):
    client.force_login(employee)
    assert client.get(url("case_list", workplace), {"q": query}).status_code == 200


def test_a_leader_of_another_workplace_tries_a_case_there(
    client, workplace, sister, sister_leader, case, leader
):
    client.force_login(sister_leader)
    detail = case_url("case_detail", case, sister)
    page = client.get(detail)
    assert page.status_code == 200
    try_here = case_url("case_try", case, sister)
    assert f'action="{try_here}"' in html(page) and "Afprøv idéen hos os" in html(page)
    response = client.post(try_here)
    trial = CaseTrial.objects.get()
    new_idea = trial.idea
    assert response.status_code == 302
    assert response["Location"] == new_idea.get_absolute_url()
    assert last_message(response) == "success"
    assert (new_idea.workplace, new_idea.author, new_idea.status) == (sister, sister_leader, IdeaStatus.NEW)
    assert new_idea.title == case.idea.title
    assert (trial.case, trial.workplace, trial.created_by) == (case, sister, sister_leader)
    case.refresh_from_db()
    assert case.trial_count == 1
    # The new idea links back to the case it came from, and says its text is a draft to adapt.
    idea_page = html(client.get(response["Location"]))
    assert f'href="{detail}"' in idea_page and "Taget op fra casen fra" in idea_page
    assert "et udkast, som I tilpasser til jeres arbejdsplads" in idea_page
    assert new_idea.description.startswith("Et udkast, som vi tilpasser til vores arbejdsplads.")
    # After trying, the page links to the workplace's own idea instead of offering the button.
    again = html(client.get(detail))
    assert f'action="{try_here}"' not in again
    assert new_idea.get_absolute_url() in again


def test_a_case_shows_what_its_experiment_measured_and_learned(client, workplace, employee, case):
    client.force_login(employee)
    page = html(client.get(case_url("case_detail", case, workplace)))
    results = page[page.index('id="results-heading"') :]
    assert "Forældrene ser dagen" in results and "Spørgeskema til forældre" in results
    assert "Opfyldt" in results and "Svarene viser det" in results and "Det virkede for de fleste." in results


def test_trying_a_case_twice_gives_a_message_and_no_duplicate(client, sister, sister_leader, case):
    client.force_login(sister_leader)
    try_here = case_url("case_try", case, sister)
    client.post(try_here)
    ideas_before = Idea.objects.count()
    response = client.post(try_here)
    assert response.status_code == 302
    assert response["Location"] == case_url("case_detail", case, sister)
    assert last_message(response) == "error"
    assert CaseTrial.objects.count() == 1
    assert Idea.objects.count() == ideas_before
    case.refresh_from_db()
    assert case.trial_count == 1


def test_an_employee_of_another_workplace_cannot_try_a_case(client, sister, case):
    sister_employee = member(sister, Role.EMPLOYEE).user
    client.force_login(sister_employee)
    page = client.get(case_url("case_detail", case, sister))
    assert page.status_code == 200
    assert case_url("case_try", case, sister) not in html(page)
    ideas_before = Idea.objects.count()
    assert client.post(case_url("case_try", case, sister)).status_code == 403
    assert not CaseTrial.objects.exists()
    assert Idea.objects.count() == ideas_before


def test_the_source_workplaces_leader_cannot_try_their_own_case(client, workplace, leader, case):
    client.force_login(leader)
    ideas_before = Idea.objects.count()
    response = client.post(case_url("case_try", case, workplace))
    assert response.status_code == 302
    assert last_message(response) == "error"
    assert not CaseTrial.objects.exists()
    assert Idea.objects.count() == ideas_before


def test_a_get_to_try_it_here_goes_back_without_changing_anything(client, sister, sister_leader, case):
    client.force_login(sister_leader)
    response = client.get(case_url("case_try", case, sister))
    assert response.status_code == 302
    assert response["Location"] == case_url("case_detail", case, sister)
    assert not CaseTrial.objects.exists()


def test_the_case_page_shows_each_trial_with_its_status(
    client, workplace, employee, sister, sister_leader, case
):
    trial = services.case_try_here(actor=sister_leader, case=case, workplace=sister)
    idea_services.idea_move(actor=sister_leader, idea=trial.idea, to_status=IdeaStatus.QUALIFYING)
    client.force_login(employee)
    page = html(client.get(case_url("case_detail", case, workplace)))
    assert sister.name in page
    assert "fl-status-qualifying" in page
    assert linked_case_ids(client.get(url("case_list", workplace))) == [case.pk]


def test_the_case_picture_is_shared_in_the_organisation_only(client, workplace, adopted_idea, sister, case):
    image = adopted_idea.images.get()
    sister_member = member(sister, Role.OBSERVER).user
    client.force_login(sister_member)
    served = client.get(case_url("case_image", case, sister, image_id=image.pk))
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert b"".join(served.streaming_content).startswith(b"\x89PNG")
    assert client.get(case_url("case_image", case, sister, image_id=999999)).status_code == 404
    foreign_workplace = WorkplaceFactory()
    client.force_login(member(foreign_workplace, Role.LEADER).user)
    assert client.get(case_url("case_image", case, foreign_workplace, image_id=image.pk)).status_code == 404
    assert client.get(case_url("case_detail", case, foreign_workplace)).status_code == 404
    assert client.post(case_url("case_try", case, foreign_workplace)).status_code == 404
    assert not CaseTrial.objects.exists()


def test_a_picture_of_another_idea_is_not_served_through_a_case(client, workplace, employee, leader, case):
    other = make_idea(workplace, author=employee, title="Andet billede", images=[png_upload()])
    client.force_login(employee)
    response = client.get(case_url("case_image", case, workplace, image_id=other.images.get().pk))
    assert response.status_code == 404


# --- 7. The idea page: from idea to practice ----------------------------------------------------------------


def test_the_idea_page_offers_a_leader_to_plan_an_experiment_for_a_new_idea(
    client, workplace, idea, leader, colleague
):
    plan = url("experiment_create", workplace, idea_id=idea.pk)
    client.force_login(leader)
    page = client.get(idea.get_absolute_url())
    assert page.status_code == 200
    assert 'id="experiments-heading"' in html(page)
    assert f'href="{plan}"' in html(page)
    client.force_login(colleague)
    assert plan not in html(client.get(idea.get_absolute_url()))


def test_the_idea_page_offers_no_second_experiment_while_one_is_open(
    client, workplace, idea, experiment, leader
):
    client.force_login(leader)
    page = html(client.get(idea.get_absolute_url()))
    assert experiment.get_absolute_url() in page
    assert url("experiment_create", workplace, idea_id=idea.pk) not in page


def test_the_idea_page_links_to_its_experiments_plan_and_case(
    client, workplace, adopted_idea, leader, employee
):
    client.force_login(leader)
    experiment = concluded_adopt(adopted_idea, leader)
    page = html(client.get(adopted_idea.get_absolute_url()))
    assert experiment.get_absolute_url() in page
    assert url("adoption_create", workplace, idea_id=adopted_idea.pk) in page
    plan = services.adoption_plan_create(
        actor=leader,
        idea=adopted_idea,
        affected="Pædagogerne",
        training="",
        communication="",
        go_live_on=timezone.localdate(),
        responsible=leader,
        first_checkpoint_days=30,
        second_checkpoint_days=90,
    )
    page = html(client.get(adopted_idea.get_absolute_url()))
    assert plan.get_absolute_url() in page
    assert url("adoption_create", workplace, idea_id=adopted_idea.pk) not in page
    assert url("case_publish", workplace, idea_id=adopted_idea.pk) not in page
    services.adoption_plan_go_live(actor=leader, plan=plan)
    adopted_idea.refresh_from_db()
    page = html(client.get(adopted_idea.get_absolute_url()))
    assert url("case_publish", workplace, idea_id=adopted_idea.pk) in page
    case = publish_case(adopted_idea, leader=leader)
    page = html(client.get(adopted_idea.get_absolute_url()))
    assert case_url("case_detail", case, workplace) in page
    assert url("case_publish", workplace, idea_id=adopted_idea.pk) not in page
    # An employee sees the links, not the leader's buttons.
    client.force_login(employee)
    page = html(client.get(adopted_idea.get_absolute_url()))
    assert experiment.get_absolute_url() in page
    assert plan.get_absolute_url() in page
    assert case_url("case_detail", case, workplace) in page


# --- 8. Query counts ----------------------------------------------------------------------------------------

# The same on SQLite and PostgreSQL. A leader's page adds the header's inbox count; the case page seen from a
# workplace that tries the case adds that count and the workplace of its own linked idea.
# Two more for a leader: the skills the experiment needs (and who can help, when it names any) and the
# catalogue to name them from; one more for the participant.
# One more for the safety check's reviews (issue 17, point 6).
EXPERIMENT_DETAIL_QUERIES = {"leader": 13, "participant": 12}
EXPERIMENT_LIST_QUERIES = 7
LEARNED_QUERIES = 7
# The plan's page also reads the case published from its idea: its next step, or a link to it.
ADOPTION_DETAIL_QUERIES = 10
CASE_LIST_QUERIES = 7
# Two of them the experiment that decided to adopt the idea, with its criteria: what the case measured.
CASE_DETAIL_QUERIES = {"source": 10, "trying": 11}


def _running_experiment(workplace, leader, *, size):
    """A running experiment with ``size`` participants and criteria and ``size`` + 2 log entries (one with a
    photo); size 1 gives 1, 1 and 1 (the small case), size 4 gives 4, 4 and 6."""
    people = [member(workplace).user for _ in range(size)]
    criteria = [
        {"axis": axis, "description": f"Kriterium {n}", "measure": f"Måling {n}"}
        for n, axis in zip(range(size), ["citizens", "quality", "routines", "citizens"], strict=False)
    ]
    idea = make_idea(workplace, author=people[0], title=f"Afprøvning med {size}")
    experiment = make_experiment(idea, actor=leader, participants=people, criteria=criteria)
    experiment = run_experiment(experiment, leader=leader)
    entries = 1 if size == 1 else size + 2
    for n in range(entries):
        services.log_entry_add(
            actor=people[n % size],
            experiment=experiment,
            entry_date=timezone.localdate(),
            text=f"Notat {n}",
            photo=png_upload() if n % 3 == 0 else None,
        )
    return experiment, people


@pytest.mark.parametrize("who", ["leader", "participant"])
def test_the_experiment_page_costs_the_same_queries_for_few_and_many(
    client, workplace, leader, django_assert_num_queries, who
):
    for size, entries in ((1, 1), (4, 6)):
        experiment, people = _running_experiment(workplace, leader, size=size)
        client.force_login(leader if who == "leader" else people[0])
        address = experiment.get_absolute_url()
        with django_assert_num_queries(EXPERIMENT_DETAIL_QUERIES[who]):
            response = client.get(address)
        page = html(response)
        assert response.status_code == 200
        assert page.count('class="fl-comment"') == entries
        assert page.count("Kriterium ") == size
        assert all(person.full_name in page for person in people)
        assert page.count("/foto/") == len(range(0, entries, 3))
        assert experiment_url("log_entry_create", experiment) in page


def test_the_experiment_list_costs_the_same_queries_for_1_and_8_experiments(
    client, workplace, leader, employee, django_assert_num_queries
):
    client.force_login(employee)
    for n in (1, 8):
        while Experiment.objects.filter(workplace=workplace).count() < n:
            count = Experiment.objects.count()
            make_experiment(make_idea(workplace, author=employee, title=f"Idé {count}"), actor=leader)
        with django_assert_num_queries(EXPERIMENT_LIST_QUERIES):
            response = client.get(url("experiment_list", workplace))
        assert len(linked_experiment_ids(response, workplace)) == n


def test_the_learned_list_costs_the_same_queries_for_1_and_5_experiments(
    client, workplace, leader, employee, django_assert_num_queries
):
    client.force_login(employee)
    for n in (1, 5):
        while Experiment.objects.filter(workplace=workplace, state=ExperimentState.CONCLUDED).count() < n:
            count = Experiment.objects.count()
            experiment = make_experiment(make_idea(workplace, title=f"Idé {count}"), actor=leader)
            run_experiment(experiment, leader=leader)
            conclude_experiment(
                experiment, leader=leader, decision=[Decision.STOP, Decision.ADOPT][count % 2]
            )
        with django_assert_num_queries(LEARNED_QUERIES):
            response = client.get(url("learned", workplace))
        assert len(linked_experiment_ids(response, workplace)) == n


def test_the_adoption_page_costs_the_same_queries_before_and_after_checkpoints_are_recorded(
    client, live_plan, leader, employee, django_assert_num_queries
):
    client.force_login(leader)
    address = live_plan.get_absolute_url()
    checkpoints = list(live_plan.checkpoints.all())
    for recorded in (0, 1, 2):
        for checkpoint in checkpoints[:recorded]:
            if checkpoint.recorded_at is None:
                services.checkpoint_record(
                    actor=[leader, employee][recorded % 2],
                    checkpoint=checkpoint,
                    users=3,
                    affected=5,
                    values={"citizens": 2, "quality": 1, "routines": 3},
                    notes=f"Noter {recorded}",
                )
        with django_assert_num_queries(ADOPTION_DETAIL_QUERIES):
            response = client.get(address)
        assert response.status_code == 200
        assert html(response).count("Noter ") == recorded


def test_the_case_library_costs_the_same_queries_for_1_and_8_cases(
    client, workplace, employee, case, django_assert_num_queries
):
    client.force_login(employee)
    for n in (1, 8):
        while Case.objects.count() < n:
            elsewhere = WorkplaceFactory(organisation=workplace.organisation)
            elsewhere_leader = member(elsewhere, Role.LEADER).user
            adopted = make_idea(elsewhere, title=f"Case {Case.objects.count()}")
            adopt_idea(adopted, leader=elsewhere_leader)
            publish_case(adopted, leader=elsewhere_leader, contact=member(elsewhere).user)
        with django_assert_num_queries(CASE_LIST_QUERIES):
            response = client.get(url("case_list", workplace))
        assert len(linked_case_ids(response)) == n


@pytest.mark.parametrize("who", ["source", "trying"])
def test_the_case_page_costs_the_same_queries_for_1_and_4_trials(
    client, workplace, employee, sister, sister_leader, case, django_assert_num_queries, who
):
    services.case_try_here(actor=sister_leader, case=case, workplace=sister)
    if who == "source":
        client.force_login(employee)
        address = case_url("case_detail", case, workplace)
    else:
        client.force_login(sister_leader)
        address = case_url("case_detail", case, sister)
    for n in (1, 4):
        while CaseTrial.objects.count() < n:
            elsewhere = WorkplaceFactory(organisation=workplace.organisation)
            trial = services.case_try_here(
                actor=member(elsewhere, Role.LEADER).user, case=case, workplace=elsewhere
            )
            idea_services.idea_move(actor=trial.created_by, idea=trial.idea, to_status=IdeaStatus.QUALIFYING)
        with django_assert_num_queries(CASE_DETAIL_QUERIES[who]):
            response = client.get(address)
        assert response.status_code == 200
        assert html(response).count('class="fl-status fl-status-') == n


def test_cancelling_a_planned_experiment_asks_first(client, experiment, leader):
    client.force_login(leader)
    url = experiment_url("experiment_cancel", experiment)
    assert client.get(url).status_code == 200
    assert Experiment.objects.filter(pk=experiment.pk).exists()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == experiment.idea.get_absolute_url()
    assert not Experiment.objects.filter(pk=experiment.pk).exists()
