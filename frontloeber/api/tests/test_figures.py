"""The API's aggregate figures: skills coverage, practice indicators and survey rounds, read by each kind of
token as the pages read them, paged, incremental, and in a fixed number of queries."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from frontloeber.api import services
from frontloeber.api.figures import indicator_rows, quarter_name
from frontloeber.competences import selectors as skill_selectors
from frontloeber.competences import services as skill_services
from frontloeber.competences.models import Skill, SkillArea
from frontloeber.insights import selectors as insight_selectors
from frontloeber.insights.indicators import INDICATORS, TABLE
from frontloeber.insights.periods import Quarter
from frontloeber.organisations.models import Membership, Role
from frontloeber.reflection import selectors as survey_selectors
from frontloeber.reflection import services as survey_services
from frontloeber.reflection.models import Round
from tests.factories import (
    MembershipFactory,
    OrganisationAdminFactory,
    WorkplaceFactory,
    answer_round,
    member,
    open_round,
)

pytestmark = pytest.mark.django_db

READ = ["ideas", "experiments", "workshops", "skills", "insights", "survey"]
FIGURES = ["skills", "insights", "survey"]


def _past(round_, *, opened_days_ago, closed_days_ago):
    today = timezone.localdate()
    Round.objects.filter(pk=round_.pk).update(
        opens_on=today - timedelta(days=opened_days_ago), closes_on=today - timedelta(days=closed_days_ago)
    )
    round_.refresh_from_db()
    return round_


def _rate(user, workplace, levels):
    skill_services.skills_rate(
        actor=user,
        user=user,
        workplace=workplace,
        ratings={skill.pk: value for skill, value in levels.items()},
        visible_to_team=False,
        willing_to_help=True,
    )


@dataclass
class Figures:
    world: object
    team: list
    skills: list
    own_skill: object
    shown_round: object
    small_round: object
    open_round: object
    org: str
    leader: str
    employee: str
    observer: str


@pytest.fixture
def figures(world):
    organisation = world.organisation
    organisation.reflection_threshold = 3
    organisation.save()
    workplace = world.workplace
    team = [world.employee] + [member(workplace).user for _ in range(3)]
    skills = skill_services.catalogue_start(actor=world.leader, workplace=workplace)[:4]
    own = Skill.objects.create(
        organisation=organisation, workplace=workplace, area=SkillArea.DATA, name="Egen"
    )
    for n, person in enumerate(team):
        _rate(person, workplace, {skills[0]: (2 + n % 2, False), skills[1]: (n % 2, True), own: (1, False)})
    shown = open_round(workplace, leader=world.leader)
    for person in team:
        answer_round(shown, person, value=4, comments={shown.version.practices.first().pk: "Godt samarbejde"})
    _past(shown, opened_days_ago=60, closed_days_ago=40)
    small = open_round(workplace, leader=world.leader)
    for person in team[:2]:
        answer_round(small, person, value=2)
    _past(small, opened_days_ago=20, closed_days_ago=2)
    still_open = open_round(workplace, leader=world.leader)
    answer_round(still_open, team[0])

    def personal(user):
        return services.personal_token_create(
            actor=user, organisation=organisation, name="Tal", scopes=FIGURES
        )[1]

    _t, org = services.organisation_token_create(
        actor=world.admin, organisation=organisation, name="Power BI", scopes=READ
    )
    return Figures(
        world,
        team,
        skills,
        own,
        shown,
        small,
        still_open,
        org,
        personal(world.leader),
        personal(world.employee),
        personal(world.observer),
    )


def _all(client, address, query=None, limit=None):
    """Every item of a list, page after page by its cursors."""
    items, query = [], dict(query or {})
    if limit:
        query["limit"] = limit
    while True:
        response = client.get(address, query)
        assert response.status_code == 200, response.content
        body = response.json()
        items.extend(body["items"])
        if not body["next_cursor"]:
            return items
        query["cursor"] = body["next_cursor"]


# --- Scopes and tenancy -----------------------------------------------------------------------------------

ADDRESSES = ["/api/v1/skills-coverage", "/api/v1/indicators", "/api/v1/survey-rounds"]


@pytest.mark.parametrize(
    ("address", "scope"), [(ADDRESSES[0], "skills"), (ADDRESSES[1], "insights"), (ADDRESSES[2], "survey")]
)
def test_a_token_without_the_scope_gets_a_403_problem(figures, api_client, address, scope):
    world = figures.world
    others = [s for s in READ if s != scope]
    _t, secret = services.organisation_token_create(
        actor=world.admin, organisation=world.organisation, name="Uden", scopes=others
    )
    response = api_client(secret).get(address)
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["type"] == "/api/v1/problems/out-of-scope"
    figures_address = f"/api/v1/survey-rounds/{figures.shown_round.pk}/figures"
    if scope == "survey":
        assert api_client(secret).get(figures_address).status_code == 403


def test_another_organisations_token_reads_nothing_of_this_one(figures, api_client):
    elsewhere = WorkplaceFactory()
    admin = OrganisationAdminFactory(organisation=elsewhere.organisation).user
    _t, secret = services.organisation_token_create(
        actor=admin, organisation=elsewhere.organisation, name="Fremmed", scopes=READ
    )
    client = api_client(secret)
    ours = {figures.world.workplace.pk, figures.world.other_workplace.pk}
    for address in ADDRESSES:
        items = _all(client, address, limit=500)
        assert not {i["workplace_id"] for i in items} & ours
    assert client.get(f"/api/v1/survey-rounds/{figures.shown_round.pk}/figures").status_code == 404
    for address in ADDRESSES:
        response = client.get(address, {"workplace_id": figures.world.workplace.pk})
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ({"cursor": "nonsense"}, "cursor"),
        ({"cursor": "WyJ4IiwxXQ"}, "cursor"),
        ({"updated_since": "2999-01-01"}, "updated_since"),
        ({"limit": "0"}, "limit"),
        ({"limit": "10000"}, "limit"),
        ({"workplace_id": "abc"}, "workplace_id"),
    ],
)
@pytest.mark.parametrize("address", ADDRESSES)
def test_bad_parameters_get_a_clear_problem(world, api_client, address, query, name):
    _t, secret = services.organisation_token_create(
        actor=world.admin, organisation=world.organisation, name="Alt", scopes=READ
    )
    response = api_client(secret).get(address, query)
    assert response.status_code == 400, response.content
    assert [e["name"] for e in response.json()["errors"]] == [name]


def test_a_cursor_of_another_list_is_refused(figures, api_client):
    client = api_client(figures.org)
    cursor = client.get(ADDRESSES[0], {"limit": 1}).json()["next_cursor"]
    response = client.get(ADDRESSES[2], {"cursor": cursor})
    assert response.status_code == 400
    assert client.get(ADDRESSES[1], {"quarter": "2026-K9"}).json()["errors"][0]["name"] == "quarter"


# --- Skills coverage --------------------------------------------------------------------------------------


def _map_rows(workplace, viewer):
    board = skill_selectors.team_map(workplace=workplace, viewer=viewer, viewer_is_leader=True)
    return {row["skill"].pk: row for _area, rows in board["areas"] for row in rows}, board["members"]


def test_skills_coverage_counts_as_the_map_does_and_names_nobody(figures, api_client):
    world = figures.world
    response = api_client(figures.org).get(ADDRESSES[0], {"limit": 500})
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    ours = [i for i in items if i["workplace_id"] == world.workplace.pk]
    rows, members = _map_rows(world.workplace, world.leader)
    assert {i["skill_id"] for i in ours} == set(rows)  # the map's skills: catalogue and its own
    for item in ours:
        row = rows[item["skill_id"]]
        assert item["members"] == members and item["shown"]
        counts = [c["count"] for c in row["cells"]]
        assert list(item["levels"].values()) == counts
        assert item["unrated"] == row["unrated"]
        assert item["confident"] == row["confident"]
        assert item["wants_to_learn"] == row["wants_count"]
        assert item["covered"] == (row["confident"] >= skill_selectors.ENOUGH_CONFIDENT)
    own = next(i for i in ours if i["skill_id"] == figures.own_skill.pk)
    assert own["own"] and own["levels"]["getting_started"] == 4
    # The other workplace has no team: its rows say so and count nothing; its map has no skill of ours.
    others = [i for i in items if i["workplace_id"] == world.other_workplace.pk]
    assert others and all(not i["shown"] and i["levels"] is None and i["covered"] is None for i in others)
    assert figures.own_skill.pk not in {i["skill_id"] for i in others}
    text = response.content.decode()
    for person in [world.leader, *figures.team]:
        assert person.email not in text and person.full_name not in text


def test_a_team_under_the_threshold_gets_no_counts(figures, api_client):
    organisation = figures.world.organisation
    organisation.reflection_threshold = 6  # the team is five
    organisation.save()
    items = _all(api_client(figures.leader), ADDRESSES[0])
    assert items and all(not i["shown"] and i["levels"] is None and i["unrated"] is None for i in items)


@pytest.mark.parametrize("who", ["leader", "employee", "observer"])
def test_a_personal_token_reads_its_persons_workplaces(figures, api_client, who):
    items = _all(api_client(getattr(figures, who)), ADDRESSES[0])
    assert {i["workplace_id"] for i in items} == {figures.world.workplace.pk}


def test_skills_coverage_pages_by_cursor_and_loads_what_changed(figures, api_client):
    client = api_client(figures.org)
    whole = _all(client, ADDRESSES[0], limit=500)
    paged = _all(client, ADDRESSES[0], limit=3)
    assert paged == whole
    keys = [(i["workplace_id"], i["skill_id"]) for i in whole]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    since = timezone.now()
    assert client.get(ADDRESSES[0], {"updated_since": since.isoformat()}).json()["items"] == []
    _rate(figures.team[0], figures.world.workplace, {figures.skills[2]: (3, False)})
    changed = _all(client, ADDRESSES[0], {"updated_since": since.isoformat()})
    assert {i["workplace_id"] for i in changed} == {figures.world.workplace.pk}
    teaches = next(i for i in changed if i["skill_id"] == figures.skills[2].pk)
    assert teaches["levels"]["teaches"] == 1


# --- Indicators -------------------------------------------------------------------------------------------


def test_an_organisation_token_reads_the_organisations_table_for_every_workplace(figures, api_client):
    world = figures.world
    client = api_client(figures.org)
    items = _all(client, ADDRESSES[1], limit=500)
    quarters = Quarter.current().back(8)
    workplaces = {world.workplace.pk, world.other_workplace.pk}
    assert len(items) == len(workplaces) * len(quarters) * len(TABLE)
    assert {i["workplace_id"] for i in items} == workplaces
    assert {i["indicator"] for i in items} == set(TABLE)
    assert [i["quarter"] for i in items[: len(TABLE) * 8 : len(TABLE)]] == [quarter_name(q) for q in quarters]
    # The current quarter's figures are the organisation's table's.
    table = insight_selectors.organisation_table(organisation=world.organisation, quarter=quarters[-1])
    current = quarter_name(quarters[-1])
    for row in table["rows"]:
        mine = {
            i["indicator"]: i
            for i in items
            if i["workplace_id"] == row.workplace.pk and i["quarter"] == current
        }
        for key, reading in zip(TABLE, row.readings, strict=True):
            expected = reading.value if reading.value is None else round(reading.value, 2)
            assert mine[key]["value"] == expected, key


@pytest.mark.parametrize("who", ["leader", "employee", "observer"])
def test_a_personal_token_reads_every_indicator_of_the_overview(figures, api_client, who):
    world = figures.world
    quarter = Quarter.current()
    items = _all(api_client(getattr(figures, who)), ADDRESSES[1], {"quarter": str(quarter)}, limit=500)
    assert {i["workplace_id"] for i in items} == {world.workplace.pk}
    assert [i["indicator"] for i in items] == [indicator.key for indicator in INDICATORS]
    membership = Membership.objects.select_related("workplace__organisation").get(
        workplace=world.workplace, user=getattr(world, who)
    )
    overview = insight_selectors.workplace_overview(
        workplace=world.workplace, membership=membership, quarter=quarter
    )
    readings = overview.all_readings()[quarter]
    for item in items:
        reading = readings[item["indicator"]]
        if item["kind"] == "date":
            assert item["date"] == (reading.value.isoformat() if reading.value else None)
        else:
            assert item["value"] == (None if reading.value is None else round(reading.value, 2))
        assert item["detail"] == str(reading.detail)


def test_indicators_page_by_cursor_and_leave_out_ended_quarters(figures, api_client):
    client = api_client(figures.leader)
    whole = _all(client, ADDRESSES[1], limit=500)
    assert _all(client, ADDRESSES[1], limit=37) == whole
    start = Quarter.current().start
    recent = _all(client, ADDRESSES[1], {"updated_since": start.isoformat()}, limit=500)
    assert {i["quarter"] for i in recent} == {quarter_name(Quarter.current())}
    assert len(recent) == len(INDICATORS)


def test_indicator_rows_for_the_feed(figures):
    from frontloeber.api.reader import Reader

    token = services.token_use(secret=figures.org)
    rows = indicator_rows(reader=Reader(token))
    assert len(rows) == 2 * 8 * len(TABLE)
    assert list(rows[0]) == [
        "workplace_id",
        "workplace",
        "quarter",
        "quarter_start",
        "practice",
        "indicator",
        "label",
        "kind",
        "value",
        "date",
        "detail",
    ]


# --- Survey rounds ----------------------------------------------------------------------------------------


def test_the_organisation_token_reads_every_closed_round_and_figures_only_above_the_threshold(
    figures, api_client
):
    client = api_client(figures.org)
    rounds = {r["id"]: r for r in _all(client, ADDRESSES[2])}
    assert set(rounds) == {figures.shown_round.pk, figures.small_round.pk}  # never the open one
    assert rounds[figures.shown_round.pk]["shown"] and rounds[figures.shown_round.pk]["respondents"] == 4
    assert not rounds[figures.small_round.pk]["shown"]
    body = client.get(f"/api/v1/survey-rounds/{figures.shown_round.pk}/figures").json()
    assert body["round"]["shown"]
    assert all(p["team"] == 4 for p in body["practices"])
    assert all(i["distribution"] == [0, 0, 0, 4, 0] for p in body["practices"] for i in p["items"])
    small = client.get(f"/api/v1/survey-rounds/{figures.small_round.pk}/figures")
    assert small.status_code == 200
    small = small.json()
    assert not small["round"]["shown"]
    assert all(p["team"] is None for p in small["practices"])
    assert all(
        i["team"] is None and i["distribution"] is None for p in small["practices"] for i in p["items"]
    )
    opened = client.get(f"/api/v1/survey-rounds/{figures.open_round.pk}/figures")
    assert opened.status_code == 404 and opened["Content-Type"] == "application/problem+json"


def test_the_comments_never_leave_through_the_api(figures, api_client):
    for secret in (figures.org, figures.leader):
        for round_ in (figures.shown_round, figures.small_round):
            response = api_client(secret).get(f"/api/v1/survey-rounds/{round_.pk}/figures")
            assert "Godt samarbejde" not in response.content.decode()


def test_the_leader_reads_every_closed_round_of_their_workplace_as_the_report_shows_it(figures, api_client):
    client = api_client(figures.leader)
    rounds = _all(client, ADDRESSES[2])
    assert [r["id"] for r in rounds] == [figures.shown_round.pk, figures.small_round.pk]
    for row in rounds:
        report = survey_selectors.round_report(round_=Round.objects.get(pk=row["id"]))
        assert row["shown"] == report.shown and row["respondents"] == report.respondents
        assert row["threshold"] == report.threshold and row["invited"] == report.invited
    assert client.get(f"/api/v1/survey-rounds/{figures.open_round.pk}/figures").status_code == 404


@pytest.mark.parametrize(("who", "audience"), [("employee", "team"), ("observer", "med")])
def test_the_team_and_med_read_a_round_once_the_leader_shares_it(figures, api_client, who, audience):
    client = api_client(getattr(figures, who))
    address = f"/api/v1/survey-rounds/{figures.shown_round.pk}/figures"
    assert _all(client, ADDRESSES[2]) == []
    assert client.get(address).status_code == 404
    other = "med" if audience == "team" else "team"
    survey_services.report_sharing_update(
        actor=figures.world.leader, round_=figures.shown_round, audiences=[other]
    )
    assert _all(client, ADDRESSES[2]) == []
    survey_services.report_sharing_update(
        actor=figures.world.leader, round_=figures.shown_round, audiences=[audience]
    )
    assert [r["id"] for r in _all(client, ADDRESSES[2])] == [figures.shown_round.pk]
    body = client.get(address).json()
    assert body["round"]["shown"] and all(p["team"] == 4 for p in body["practices"])


def test_survey_rounds_page_and_load_what_changed(figures, api_client):
    client = api_client(figures.org)
    assert _all(client, ADDRESSES[2], limit=1) == _all(client, ADDRESSES[2])
    since = timezone.now()
    # Both rounds closed days ago, and nothing about them has changed since.
    assert _all(client, ADDRESSES[2], {"updated_since": since.isoformat()}) == []
    survey_services.report_sharing_update(
        actor=figures.world.leader, round_=figures.shown_round, audiences=["team"]
    )
    changed = _all(client, ADDRESSES[2], {"updated_since": since.isoformat()})
    assert figures.shown_round.pk in {r["id"] for r in changed}


def test_an_unchanged_list_costs_a_304(figures, api_client):
    client = api_client(figures.org)
    for address in ADDRESSES:
        first = client.get(address)
        assert client.get(address, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


# --- Queries: the same for 2 workplaces as for 6 --------------------------------------------------------


def _organisation(n):
    """An organisation of ``n`` workplaces, each with a leader, three employees who rated skills and answered
    a closed round; one person leads them all, and an organisation token reads them all."""
    first = WorkplaceFactory()
    organisation = first.organisation
    organisation.reflection_threshold = 3
    organisation.save()
    admin = OrganisationAdminFactory(organisation=organisation).user
    boss = member(first, Role.LEADER).user
    skills = None
    for index in range(n):
        workplace = first if index == 0 else WorkplaceFactory(organisation=organisation)
        if index:
            MembershipFactory(workplace=workplace, user=boss, role=Role.LEADER)
        if skills is None:
            skills = skill_services.catalogue_start(actor=boss, workplace=workplace)
        team = [member(workplace).user for _ in range(3)]
        for person in team:
            _rate(person, workplace, {skills[0]: (2, True), skills[1]: (1, False)})
        round_ = open_round(workplace, leader=boss)
        for person in team:
            answer_round(round_, person)
        _past(round_, opened_days_ago=20, closed_days_ago=2)
    _t, org = services.organisation_token_create(
        actor=admin, organisation=organisation, name="BI", scopes=READ
    )
    _t, personal = services.personal_token_create(
        actor=boss, organisation=organisation, name="Mig", scopes=FIGURES
    )
    return org, personal


# The token (1), then: skills — the reader's workplaces or memberships, skills, the teams, their ratings;
# indicators — the workplaces and insights' count of their work (a fixed number of queries); survey
# rounds — the rounds, their answers, and for an organisation token its admins and what each of them added.
QUERIES = {
    ("org", ADDRESSES[0]): 5,
    ("personal", ADDRESSES[0]): 5,
    ("org", ADDRESSES[1]): 29,
    ("personal", ADDRESSES[1]): 29,
    ("org", ADDRESSES[2]): 6,
    ("personal", ADDRESSES[2]): 4,
}


@pytest.mark.parametrize("address", ADDRESSES)
@pytest.mark.parametrize("kind", ["org", "personal"])
def test_each_list_reads_a_fixed_number_of_queries(api_client, django_assert_num_queries, address, kind):
    for n in (2, 6):
        org, personal = _organisation(n)
        client = api_client(org if kind == "org" else personal)
        assert client.get(address, {"limit": 500}).status_code == 200  # the token's first use is written
        with django_assert_num_queries(QUERIES[(kind, address)]):
            response = client.get(address, {"limit": 500})
        assert response.status_code == 200 and response.json()["items"]


def test_numbers_beyond_any_id_answer_a_problem_or_nothing_never_a_server_error(figures, api_client):
    from frontloeber.api.figures import encode_position

    huge = 2**70
    client = api_client(figures.org)
    cursors = {
        ADDRESSES[0]: encode_position("s", huge, huge),
        ADDRESSES[1]: encode_position("i", huge, huge, 4, huge),
        ADDRESSES[2]: encode_position("r", huge),
    }
    for address, cursor in cursors.items():
        response = client.get(address, {"cursor": cursor})
        assert response.status_code == 200 and response.json()["items"] == []
        assert client.get(address, {"workplace_id": huge}).status_code in (400, 404)
    assert client.get(f"/api/v1/survey-rounds/{huge}/figures").status_code in (400, 404)
    assert api_client(figures.leader).get(f"/api/v1/survey-rounds/{huge}/figures").status_code in (400, 404)


def test_the_first_day_of_the_calendar_reads_everything_never_a_server_error(figures, api_client):
    # Year 1 in UTC is still year 1 in Danish time, but the survey asks from the day before it.
    client = api_client(figures.org)
    everything = {address: client.get(address).json()["items"] for address in ADDRESSES}
    for address in ADDRESSES:
        response = client.get(address, {"updated_since": "0001-01-01T00:00:00-05:00"})
        assert response.status_code == 200, response.content
        assert response.json()["items"] == everything[address]
