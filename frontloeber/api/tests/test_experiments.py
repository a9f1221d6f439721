"""The API's lists of experiments, adoption plans, checkpoints, cases and take-ups (scope ``experiments``):
who reads which rows, with or without the text a workplace wrote, paging, query counts and tombstones."""

from dataclasses import dataclass
from datetime import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from frontloeber.api import services
from frontloeber.api.shapes import event_shape
from frontloeber.experiments import services as experiment_services
from frontloeber.experiments.models import AdoptionPlan, Case, CaseTrial, Checkpoint, Experiment
from frontloeber.organisations.models import Membership, Role
from tests.factories import (
    OrganisationAdminFactory,
    WorkplaceFactory,
    adopt_idea,
    conclude_experiment,
    make_experiment,
    make_idea,
    member,
    publish_case,
    run_experiment,
)

pytestmark = pytest.mark.django_db

# Text only a workplace writes: an organisation token never reads it.
MARK = "MRKTXT"
RESOURCES = {
    "experiments": Experiment,
    "adoption-plans": AdoptionPlan,
    "checkpoints": Checkpoint,
    "cases": Case,
    "case-take-ups": CaseTrial,
}
# Read by the workplace's members only; cases and take-ups by every member of the organisation.
WORKPLACE_LISTS = ["experiments", "adoption-plans", "checkpoints"]
SHARED_LISTS = ["cases", "case-take-ups"]


def url(resource):
    return f"/api/v1/{resource}"


def adopt_with_text(idea, *, leader):
    """An experiment that says "adopt", a plan gone live, a checkpoint recorded: text in every field."""
    experiment = make_experiment(
        idea,
        actor=leader,
        hypothesis=f"{MARK} hypotese",
        equipment=f"{MARK} udstyr",
        stop_rule=f"{MARK} stopregel",
        criteria=[{"axis": "citizens", "description": f"{MARK} succes", "measure": f"{MARK} måling"}],
    )
    run_experiment(experiment, leader=leader)
    conclude_experiment(experiment, leader=leader, learnings=f"{MARK} læring")
    plan = experiment_services.adoption_plan_create(
        actor=leader,
        idea=idea,
        affected=f"{MARK} berørte",
        training=f"{MARK} oplæring",
        communication=f"{MARK} kommunikation",
        go_live_on=timezone.localdate(),
        responsible=leader,
        first_checkpoint_days=30,
        second_checkpoint_days=90,
    )
    plan = experiment_services.adoption_plan_go_live(actor=leader, plan=plan)
    experiment_services.checkpoint_record(
        actor=leader,
        checkpoint=plan.checkpoints.order_by("days").first(),
        users=8,
        affected=10,
        values={"citizens": 2, "quality": 1, "routines": 3},
        notes=f"{MARK} noter",
        adjusted=f"{MARK} justeret",
    )
    idea.refresh_from_db()
    return experiment, plan


def token(actor, organisation, scopes, *, personal=False):
    make = services.personal_token_create if personal else services.organisation_token_create
    return make(actor=actor, organisation=organisation, name="Test", scopes=scopes)[1]


@dataclass
class Lab:
    organisation: object
    workplace: object
    other_workplace: object
    leader: object
    employee: object
    leader_b: object
    experiment: object
    plan: object
    case: object
    trial: object
    experiment_b: object
    org: str
    personal: str
    observer: str
    no_scope: str
    other_org: str
    other_organisation_workplace: object


def build_lab():
    """Workplace A adopted an idea and published it as a case; workplace B (same organisation) runs an
    experiment of its own and took the case up; another organisation has the same of its own."""
    a = WorkplaceFactory()
    organisation = a.organisation
    b = WorkplaceFactory(organisation=organisation)
    leader, employee = member(a, Role.LEADER).user, member(a).user
    observer = member(a, Role.OBSERVER).user
    admin = OrganisationAdminFactory(organisation=organisation).user
    leader_b = member(b, Role.LEADER).user
    idea = make_idea(a, author=employee, title=f"{MARK} titel")
    experiment, plan = adopt_with_text(idea, leader=leader)
    case = publish_case(
        idea,
        leader=leader,
        summary=f"{MARK} resumé",
        value_achieved=f"{MARK} værdi",
        what_it_took=f"{MARK} krævede",
        learnings=f"{MARK} lærte",
    )
    trial = experiment_services.case_try_here(actor=leader_b, case=case, workplace=b)
    experiment_b = make_experiment(make_idea(b, author=leader_b), actor=leader_b, hypothesis=f"{MARK} B")

    other = WorkplaceFactory()
    other_leader = member(other, Role.LEADER).user
    other_idea = make_idea(other, author=other_leader)
    adopt_idea(other_idea, leader=other_leader)
    publish_case(other_idea, leader=other_leader)
    other_admin = OrganisationAdminFactory(organisation=other.organisation).user
    return Lab(
        organisation=organisation,
        workplace=a,
        other_workplace=b,
        leader=leader,
        employee=employee,
        leader_b=leader_b,
        experiment=experiment,
        plan=plan,
        case=case,
        trial=trial,
        experiment_b=experiment_b,
        org=token(admin, organisation, ["experiments"]),
        personal=token(employee, organisation, ["experiments"], personal=True),
        observer=token(observer, organisation, ["experiments"], personal=True),
        no_scope=token(admin, organisation, ["ideas", "workshops"]),
        other_org=token(other_admin, other.organisation, ["experiments"]),
        other_organisation_workplace=other,
    )


@pytest.fixture(scope="module")
def lab(django_db_setup, django_db_blocker):
    """Built once for the module inside a transaction rolled back after its last test; each test runs in a
    savepoint of it, so what one changes or deletes is undone before the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_lab()
        transaction.set_rollback(True)


def moment(text):
    return datetime.fromisoformat(text)


def ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["items"]}


def of(resource, organisation, **filters):
    return set(
        RESOURCES[resource].objects.filter(organisation=organisation, **filters).values_list("pk", flat=True)
    )


@pytest.mark.parametrize("resource", RESOURCES)
def test_an_organisation_token_reads_every_workplace_without_their_text(lab, api_client, resource):
    response = api_client(lab.org).get(url(resource))
    assert ids(response) == of(resource, lab.organisation) != set()
    assert MARK not in response.content.decode()
    workplaces = {row["workplace_id"] for row in response.json()["items"]}
    if resource in ("experiments", "case-take-ups"):
        assert lab.other_workplace.pk in workplaces


@pytest.mark.parametrize("resource", RESOURCES)
def test_another_organisations_token_reads_none_of_it(lab, api_client, resource):
    response = api_client(lab.other_org).get(url(resource))
    found = ids(response)
    assert not found & of(resource, lab.organisation)
    assert found == of(resource, lab.other_organisation_workplace.organisation)
    foreign = api_client(lab.other_org).get(url(resource), {"workplace_id": lab.workplace.pk})
    assert foreign.status_code == 404


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_token_without_the_scope_gets_403(lab, api_client, resource):
    response = api_client(lab.no_scope).get(url(resource))
    assert response.status_code == 403
    assert response.json()["type"] == "/api/v1/problems/out-of-scope"


@pytest.mark.parametrize("resource", WORKPLACE_LISTS)
@pytest.mark.parametrize("who", ["personal", "observer"])
def test_a_member_reads_their_workplaces_rows_with_text_and_nothing_of_another(
    lab, api_client, resource, who
):
    reader = api_client(getattr(lab, who))
    response = reader.get(url(resource))
    assert ids(response) == of(resource, lab.organisation, workplace=lab.workplace) != set()
    assert MARK in response.content.decode()
    other = reader.get(url(resource), {"workplace_id": lab.other_workplace.pk})
    assert other.status_code == 404
    assert other["Content-Type"] == "application/problem+json"


def test_a_personal_token_reads_the_experiments_text_as_the_page_shows_it(lab, api_client):
    (row,) = api_client(lab.personal).get(url("experiments")).json()["items"]
    assert row["hypothesis"] == f"{MARK} hypotese" and row["learnings"] == f"{MARK} læring"
    assert row["criteria"] == [
        {
            "axis": "citizens",
            "result": "met",
            "description": f"{MARK} succes",
            "measure": f"{MARK} måling",
            "evidence": "Svarene viser det",
        }
    ]
    assert row["safety"]["personal_data"] is False and row["safety"]["confirmed_at"]
    assert row["state"] == "concluded" and row["decision"] == "adopt"
    (org_row,) = (
        api_client(lab.org).get(url("experiments"), {"workplace_id": lab.workplace.pk}).json()["items"]
    )
    assert org_row["hypothesis"] is None and org_row["criteria"][0]["description"] is None
    assert org_row["criteria"][0]["result"] == "met"


def test_checkpoints_give_figures_to_either_token_and_notes_to_a_member(lab, api_client):
    rows = api_client(lab.org).get(url("checkpoints")).json()["items"]
    done = next(row for row in rows if row["done"])
    assert (done["users"], done["affected"], done["values"]) == (
        8,
        10,
        {"citizens": 2, "quality": 1, "routines": 3},
    )
    assert done["notes"] is None and done["plan_id"] == lab.plan.pk and done["recorded_by"].startswith("P-")
    mine = api_client(lab.personal).get(url("checkpoints"), {"plan_id": lab.plan.pk}).json()["items"]
    assert {row["notes"] for row in mine} == {f"{MARK} noter", ""}


@pytest.mark.parametrize("resource", SHARED_LISTS)
def test_every_member_of_the_organisation_reads_its_cases_and_take_ups(lab, api_client, resource):
    """As the case library shows them: published from any workplace, taken up by any workplace."""
    reader = api_client(lab.personal)
    response = reader.get(url(resource))
    assert ids(response) == of(resource, lab.organisation) != set()
    b = lab.other_workplace.pk
    assert ids(reader.get(url(resource), {"workplace_id": b})) == of(
        resource, lab.organisation, workplace_id=b
    )
    foreign = lab.other_organisation_workplace.pk
    assert reader.get(url(resource), {"workplace_id": foreign}).status_code == 404


def test_a_case_reads_with_its_text_by_a_member_and_without_by_the_organisation(lab, api_client):
    (case,) = api_client(lab.personal).get(url("cases")).json()["items"]
    assert case["title"] == f"{MARK} titel" and case["summary"] == f"{MARK} resumé"
    assert case["take_up_count"] == 1
    (take_up,) = api_client(lab.org).get(url("case-take-ups")).json()["items"]
    assert take_up["case_id"] == lab.case.pk and take_up["workplace_id"] == lab.other_workplace.pk
    assert take_up["idea_status"] == "new"


def test_a_person_who_left_every_workplace_reads_no_cases(lab, api_client):
    secret = token(lab.leader_b, lab.organisation, ["experiments"], personal=True)
    Membership.objects.filter(user=lab.leader_b).delete()
    response = api_client(secret).get(url("cases"))
    assert response.status_code in (200, 401)
    if response.status_code == 200:
        assert response.json()["items"] == []


@pytest.mark.parametrize("resource", RESOURCES)
def test_paging_by_cursor_and_updated_since(lab, api_client, resource):
    reader = api_client(lab.org)
    everything = ids(reader.get(url(resource)))
    seen, cursor = [], None
    while True:
        page = reader.get(url(resource), {"limit": 1, **({"cursor": cursor} if cursor else {})}).json()
        seen += [row["id"] for row in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert sorted(seen) == sorted(everything) and len(seen) == len(everything)
    rows = reader.get(url(resource)).json()["items"]
    last = max(row["updated_at"] for row in rows)
    assert {r["id"] for r in reader.get(url(resource), {"updated_since": last}).json()["items"]} <= everything
    # One row changed since: it comes back.
    row = RESOURCES[resource].objects.get(pk=rows[0]["id"])
    if resource in SHARED_LISTS:
        row.idea.save()  # the case's title, the take-up's status: its idea changed
    else:
        row.save()
    changed = reader.get(url(resource), {"updated_since": last}).json()["items"]
    assert [moment(r["updated_at"]) > moment(last) for r in changed if r["id"] == row.pk] == [True]


def test_a_case_taken_up_again_is_changed(lab, api_client):
    reader = api_client(lab.org)
    last = max(row["updated_at"] for row in reader.get(url("cases")).json()["items"])
    third = WorkplaceFactory(organisation=lab.organisation)
    experiment_services.case_try_here(actor=member(third, Role.LEADER).user, case=lab.case, workplace=third)
    (case,) = reader.get(url("cases"), {"updated_since": last}).json()["items"]
    assert case["take_up_count"] == 2 and moment(case["updated_at"]) > moment(last)


def test_take_ups_page_by_cursor_on_their_or_their_ideas_change(lab, api_client):
    for _ in range(2):
        workplace = WorkplaceFactory(organisation=lab.organisation)
        leader = member(workplace, Role.LEADER).user
        experiment_services.case_try_here(actor=leader, case=lab.case, workplace=workplace)
    reader = api_client(lab.personal)
    seen, cursor = [], None
    while True:
        page = reader.get(url("case-take-ups"), {"limit": 1, **({"cursor": cursor} if cursor else {})}).json()
        seen += [row["id"] for row in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    assert sorted(seen) == sorted(of("case-take-ups", lab.organisation)) and len(seen) == 3


@pytest.mark.parametrize(
    ("query", "name"), [({"state": "nonsense"}, "state"), ({"workplace_id": "x"}, "workplace_id")]
)
def test_bad_filters_get_a_clear_problem(lab, api_client, query, name):
    response = api_client(lab.org).get(url("experiments"), query)
    assert response.status_code == 400
    assert [e["name"] for e in response.json()["errors"]] == [name]


def test_a_deleted_experiment_leaves_a_tombstone_for_the_scope_only(lab, api_client):
    experiment_id = lab.experiment_b.pk
    Experiment.objects.get(pk=experiment_id).delete()  # a copy: the module's rows stay as built
    for secret, sees in ((lab.org, True), (lab.no_scope, False), (lab.other_org, False)):
        tombstones = api_client(secret).get("/api/v1/deletions").json()["items"]
        assert (("experiments", experiment_id) in {(t["resource"], t["id"]) for t in tombstones}) is sees


def test_a_deleted_case_leaves_a_tombstone_for_members_of_other_workplaces(lab, api_client):
    """A member of B reads A's case, so they learn it is gone."""
    secret = token(lab.leader_b, lab.organisation, ["experiments"], personal=True)
    case_id = lab.case.pk
    Case.objects.get(pk=case_id).delete()
    tombstones = api_client(secret).get("/api/v1/deletions").json()["items"]
    assert ("cases", case_id) in {(t["resource"], t["id"]) for t in tombstones}


def test_webhook_events_carry_no_text(lab):
    from frontloeber.actions import services as action_services

    barrier = action_services.barrier_add(
        actor=lab.leader, workplace=lab.workplace, kind="time", description=f"{MARK} barriere"
    )
    for subject in (lab.experiment, lab.plan, lab.case, barrier):
        shape = event_shape(subject)
        assert shape["id"] == subject.pk and shape["workplace_id"] == subject.workplace_id
        assert MARK not in str(shape)


# --- Query counts: the same for 2 rows and for 12 -------------------------------------------------------


def _grow_experiments(world, n):
    for _ in range(n):
        make_experiment(make_idea(world.workplace, author=world.employee), actor=world.leader)


def _grow_plans(world, n):
    for _ in range(n):
        adopt_idea(make_idea(world.workplace, author=world.employee), leader=world.leader)


def _grow_checkpoints(world, n):
    _grow_plans(world, n // 2)  # two checkpoints each


def _grow_cases(world, n):
    for _ in range(n):
        idea = make_idea(world.workplace, author=world.employee)
        adopt_idea(idea, leader=world.leader)
        publish_case(idea, leader=world.leader)


def _grow_take_ups(world, n):
    case = Case.objects.filter(organisation=world.organisation).first()
    if case is None:
        _grow_cases(world, 1)
        case = Case.objects.get(organisation=world.organisation)
    for _ in range(n):
        workplace = WorkplaceFactory(organisation=world.organisation)
        experiment_services.case_try_here(
            actor=member(workplace, Role.LEADER).user, case=case, workplace=workplace
        )


GROW = {
    "experiments": _grow_experiments,
    "adoption-plans": _grow_plans,
    "checkpoints": _grow_checkpoints,
    "cases": _grow_cases,
    "case-take-ups": _grow_take_ups,
}
# The token, then the page (and the experiments' criteria); a personal token reads its memberships too.
QUERIES = {"organisation": 2, "personal": 3}
EXTRA = {"experiments": 1}


@pytest.mark.parametrize("resource", RESOURCES)
def test_a_page_costs_the_same_queries_for_2_rows_as_for_12(
    world, api_client, django_assert_num_queries, resource
):
    readers = {
        "organisation": api_client(token(world.admin, world.organisation, ["experiments"])),
        "personal": api_client(token(world.employee, world.organisation, ["experiments"], personal=True)),
    }
    for size in (2, 12):
        GROW[resource](world, size - len(of(resource, world.organisation)))
        for kind, reader in readers.items():
            reader.get(url(resource))  # the token's first use of the minute is noted: not counted here
            with django_assert_num_queries(QUERIES[kind] + EXTRA.get(resource, 0)):
                response = reader.get(url(resource))
            assert len(response.json()["items"]) == size
