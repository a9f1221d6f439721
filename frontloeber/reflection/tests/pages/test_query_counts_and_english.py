"""Reflection, pages: Fixed query counts, English."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from frontloeber.organisations.models import Role
from frontloeber.reflection import services
from frontloeber.reflection.models import (
    AssessorKind,
    Round,
)
from tests.factories import (
    WorkplaceFactory,
    answer_round,
    member,
    open_round,
    survey_answers,
)

from .helpers import (
    follow_link,
    form_data,
    html,
    items,
    org_round_url,
    org_url,
    past_round,
    round_url,
    url,
)

pytestmark = pytest.mark.django_db


# --- 7. Fixed query counts ----------------------------------------------------------------------------------

# Every page: session, user, the person's membership (tenancy), then the page's own reads, then the header's
# membership list, organisations administered, unread notifications and ideas awaiting the leader.

# The report: the round, its respondents, the practices with items and reflection questions (3), the named
# assessments, the answers' distribution and the comments, the workshop formats, the earlier rounds, the
# employees the round did not ask; with earlier rounds, their respondents, the team's and the leader's values
# per practice (3 more). The leader's page also reads with whom the report is shared, and whether the
# workplace is in a leader group (the audiences offered).
REPORT_QUERIES = 16
REPORT_QUERIES_WITH_TREND = 19
SHARING_QUERIES = 2
# An observer reading a shared report: no list of those not asked, but which earlier rounds are shared with
# the MED committee, and what the reader changed in the workplace (this round's window and the earlier
# rounds', as for an organisation admin: eligibility.withheld_from).
SHARED_REPORT_QUERIES_WITH_TREND = REPORT_QUERIES_WITH_TREND - 1 + 1 + 2
# The roll-up: the workplaces, the rounds, the respondents, what the admin changed in their workplaces, the
# answers, the practices (and the version).
ROLLUP_QUERIES = 13
ROLLUP_QUERIES_KEPT = 10
# The workplace's reflection page, once the rounds' workplace is read with them (see the test).
HOME_QUERIES = 10
# The answer form: the round, the invitation, the saved response, the practices with items and questions.
ANSWER_FORM_QUERIES = 11
# Changing the answers also reads the saved answers and comments.
ANSWER_FORM_CHANGING_QUERIES = 13


def report_round(workplace, leader, admin, *, respondents, earlier=0):
    """A concluded round with ``respondents`` answers, both assessments, and ``earlier`` rounds before it
    (when there are several, the oldest under the threshold: with none above it, there are no team values
    to read and the query is skipped)."""
    for n in range(earlier):
        under = n == 0 and earlier > 1
        past_round(workplace, leader, opened_days_ago=400 - 60 * n, respondents=3 if under else respondents)
    round_ = past_round(workplace, leader, opened_days_ago=30, respondents=respondents)
    services.assessment_submit(
        actor=admin, round_=round_, kind=AssessorKind.SUPERIOR, answers=survey_answers(round_, 3)
    )
    return round_


@pytest.mark.parametrize(
    ("respondents", "earlier", "queries"),
    [
        pytest.param(5, 0, REPORT_QUERIES, id="5-answers"),
        pytest.param(5, 1, REPORT_QUERIES_WITH_TREND, id="5-answers-1-earlier"),
        pytest.param(15, 2, REPORT_QUERIES_WITH_TREND, id="15-answers-2-earlier"),
        pytest.param(15, 5, REPORT_QUERIES_WITH_TREND, id="15-answers-5-earlier"),
    ],
)
def test_the_report_takes_a_fixed_number_of_queries(
    client, workplace, leader, admin, django_assert_num_queries, respondents, earlier, queries
):
    round_ = report_round(workplace, leader, admin, respondents=respondents, earlier=earlier)
    client.force_login(leader)
    with django_assert_num_queries(queries + SHARING_QUERIES):
        response = client.get(round_.get_absolute_url())
    assert response.status_code == 200
    report = response.context["report"]
    assert report.shown and report.has_leader and report.has_superior
    assert report.respondents == respondents
    assert len(report.earlier) == min(earlier, 4)  # the trend goes four rounds back


@pytest.mark.parametrize("earlier", [1, 5])
def test_a_shared_report_takes_a_fixed_number_of_queries(
    client, workplace, leader, admin, observer, django_assert_num_queries, earlier
):
    round_ = report_round(workplace, leader, admin, respondents=5, earlier=earlier)
    for shared in Round.objects.filter(workplace=workplace):
        services.report_sharing_update(actor=leader, round_=shared, audiences=["med"])
    client.force_login(observer)
    with django_assert_num_queries(SHARED_REPORT_QUERIES_WITH_TREND):
        response = client.get(round_.get_absolute_url())
    assert response.status_code == 200
    assert response.context["report"].shown
    assert len(response.context["report"].earlier) == min(earlier, 4)


@pytest.mark.parametrize("respondents", [5, 15])
def test_the_organisations_round_page_takes_as_many_queries_as_the_report(
    client, workplace, leader, admin, django_assert_num_queries, respondents
):
    round_ = report_round(workplace, leader, admin, respondents=respondents, earlier=2)
    client.force_login(admin)
    # No tenancy membership (the admin is not a member), so one query fewer than the workplace's page; two
    # more for what the admin changed in the workplace (this round's window and the earlier rounds'); and the
    # header's counts, which the leader's page reads with the inbox's in one query, are the bell's alone.
    with django_assert_num_queries(REPORT_QUERIES_WITH_TREND + 2):
        response = client.get(org_round_url("organisation_round", round_))
    assert response.status_code == 200


def rollup_organisation(workplace, *, workplaces):
    """``workplaces`` more workplaces with two closed rounds each (every third one's latest under the
    threshold), and one with an open round only."""
    for n in range(workplaces):
        place = WorkplaceFactory(organisation=workplace.organisation, name=f"Sted {n}")
        place_leader = member(place, Role.LEADER).user
        past_round(place, place_leader, opened_days_ago=200, respondents=6)
        past_round(place, place_leader, opened_days_ago=60, respondents=3 if n % 3 == 2 else 6)
    waiting = WorkplaceFactory(organisation=workplace.organisation, name="Sted med åben runde")
    waiting_leader = member(waiting, Role.LEADER).user
    member(waiting, Role.EMPLOYEE)
    open_round(waiting, leader=waiting_leader)


@pytest.mark.parametrize("workplaces", [2, 9])
def test_the_rollup_takes_a_fixed_number_of_queries(
    client, workplace, admin, django_assert_num_queries, workplaces
):
    """The first time an admin opens it the organisation's figures are worked out (and kept in the cache,
    which is the database here); the next time they are read from the cache."""
    rollup_organisation(workplace, workplaces=workplaces)
    client.force_login(admin)
    for queries in (ROLLUP_QUERIES, ROLLUP_QUERIES_KEPT):
        with django_assert_num_queries(queries):
            response = client.get(org_url("rollup", workplace.organisation))
        assert response.status_code == 200
        rows = response.context["rollup"]["rows"]
        assert len(rows) == workplaces + 2
        assert sum(row.shown for row in rows) == workplaces - workplaces // 3


@pytest.mark.parametrize("earlier", [0, 3])
def test_the_leaders_home_page_takes_a_fixed_number_of_queries(
    client, workplace, leader, employees, round_, django_assert_num_queries, earlier
):
    """FAILS today (14 queries with no earlier round, 17 with three): each round's link in the list, and the
    open round's, reads the round's workplace again (Round.get_absolute_url uses self.workplace.slug, and
    neither selectors.workplace_rounds nor selectors.round_unfinished selects the workplace)."""
    for n in range(earlier):
        past_round(workplace, leader, opened_days_ago=300 - 60 * n, respondents=5)
    answer_round(round_, employees[0])
    client.force_login(leader)
    with django_assert_num_queries(HOME_QUERIES):
        response = client.get(url("home", workplace))
    assert response.status_code == 200
    assert len(response.context["rounds"].object_list) == earlier + 1


def test_the_answer_form_takes_a_fixed_number_of_queries(
    client, employee, round_, mailoutbox, django_assert_num_queries, django_capture_on_commit_callbacks
):
    follow_link(client, mailoutbox, employee)
    with django_assert_num_queries(ANSWER_FORM_QUERIES):
        response = client.get(round_url("answer", round_))
    assert response.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(round_url("answer", round_), form_data(round_))
    with django_assert_num_queries(ANSWER_FORM_CHANGING_QUERIES):
        response = client.get(round_url("answer", round_))
    assert response.status_code == 200
    assert response.context["changing"]


# --- 8. English ---------------------------------------------------------------------------------------------


def test_the_answer_form_in_english(client, employee, round_, mailoutbox):
    follow_link(client, mailoutbox, employee)
    client.cookies["django_language"] = "en"
    response = client.get(round_url("answer", round_))
    assert response.status_code == 200
    page = html(response)
    assert '<html lang="en">' in page
    first = items(round_)[0]
    assert escape(first.employee_en) in page
    assert escape(first.employee_da) not in page
    assert "The core task" in page and "Kerneopgaven" not in page
    assert "Strongly disagree" in page and "Don&#x27;t know" in page
    assert "How is digital innovation led here?" in page


def test_the_language_switch_gives_the_english_self_assessment(client, leader, round_):
    client.force_login(leader)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = html(client.get(round_url("self_assessment", round_)))
    first = items(round_)[0]
    assert escape(first.leader_en) in page and first.leader_en.startswith("I ")
    assert escape(first.leader_da) not in page
