"""Reflection, pages: The workplace's reflection page, Opening a round through the page."""

import datetime
import re

import pytest
from django.utils import timezone

from frontloeber.organisations.models import Role
from frontloeber.reflection import selectors, tokens
from frontloeber.reflection.models import (
    Round,
    RoundInvitation,
)
from tests.factories import (
    WorkplaceFactory,
    answer_round,
    member,
)

from .helpers import (
    LINK,
    NO_SURVEY_OPEN,
    USE_YOUR_LINK,
    da,
    da_answered,
    has_error_summary,
    html,
    messages_of,
    round_url,
    url,
)

pytestmark = pytest.mark.django_db


# --- 1. The workplace's reflection page ---------------------------------------------------------------------


def test_the_leader_without_a_round_is_offered_to_open_one(client, workplace, leader, employees):
    client.force_login(leader)
    response = client.get(url("home", workplace))
    assert response.status_code == 200
    page = html(response)
    assert f'href="{url("round_create", workplace)}"' in page
    assert da("Open a round") in page
    assert da("No rounds yet. The reports appear here when a round has closed.") in page


def test_the_leader_sees_how_many_have_answered_not_who(client, workplace, leader, employees, round_):
    answer_round(round_, employees[0])
    answer_round(round_, employees[3])
    client.force_login(leader)
    page = html(client.get(url("home", workplace)))
    assert da_answered(2, 6) in page
    assert f'href="{round_.get_absolute_url()}"' in page
    assert f'href="{url("round_create", workplace)}"' not in page
    for employee in employees:
        assert employee.full_name not in page
    # The list of rounds says "2 / 6" too.
    assert "2 / 6" in page


def test_an_invited_employee_who_has_not_answered_gets_the_button(client, workplace, employee, round_):
    client.force_login(employee)
    page = html(client.get(url("home", workplace)))
    assert f'action="{round_url("answer_start", round_)}"' in page
    assert da("Answer the survey (about 5 minutes)") in page
    assert da("You have answered. Thank you!") not in page
    # Employees read no reports and see no counts.
    assert da("Rounds and reports") not in page
    assert f'href="{round_.get_absolute_url()}"' not in page


def test_an_employee_who_has_answered_is_thanked(client, workplace, employee, round_):
    answer_round(round_, employee)
    client.force_login(employee)
    page = html(client.get(url("home", workplace)))
    assert da("You have answered. Thank you!") in page
    assert f'action="{round_url("answer_start", round_)}"' not in page
    # Without the link's cookie on this device, the page points to the e-mailed link.
    assert da(USE_YOUR_LINK) in page


def test_an_employee_without_a_round_is_told_none_is_open(client, workplace, employee):
    client.force_login(employee)
    page = html(client.get(url("home", workplace)))
    assert da(NO_SURVEY_OPEN) in page
    assert url("round_create", workplace) not in page


def test_an_observer_is_not_asked_and_reads_no_round_under_way(client, workplace, observer, round_):
    client.force_login(observer)
    response = client.get(url("home", workplace))
    assert response.status_code == 200
    page = html(response)
    assert f'href="{round_.get_absolute_url()}"' not in page  # the round is its leader's until shared
    assert "0 / 6" not in page
    assert list(response.context["rounds"].object_list) == []
    assert round_url("answer_start", round_) not in page
    assert url("round_create", workplace) not in page


def test_someone_outside_the_workplace_gets_404(client, workplace, round_):
    stranger = member(WorkplaceFactory(organisation=workplace.organisation), Role.LEADER).user
    client.force_login(stranger)
    assert client.get(url("home", workplace)).status_code == 404


# --- 2. Opening a round through the page --------------------------------------------------------------------


def round_dates(opens=0, closes=21):
    today = timezone.localdate()
    return {
        "opens_on": (today + datetime.timedelta(days=opens)).isoformat(),
        "closes_on": (today + datetime.timedelta(days=closes)).isoformat(),
    }


def test_the_leader_gets_the_form_with_todays_date(client, workplace, leader, employees):
    client.force_login(leader)
    response = client.get(url("round_create", workplace))
    assert response.status_code == 200
    assert f'value="{timezone.localdate().isoformat()}"' in html(response)
    assert 'name="closes_on"' in html(response)


def test_opening_a_round_invites_every_employee_with_a_personal_link(
    client, workplace, leader, employees, observer, mailoutbox
):
    client.force_login(leader)
    response = client.post(url("round_create", workplace), round_dates())
    round_ = Round.objects.get()
    assert response.status_code == 302
    assert response["Location"] == round_.get_absolute_url()
    assert (round_.workplace, round_.leader, round_.invited_count, round_.threshold) == (
        workplace,
        leader,
        6,
        5,
    )
    assert round_.version == selectors.current_version()
    assert round_.is_open
    assert messages_of(response)[-1][0] == "success"
    assert re.search(r"\b6\b", messages_of(response)[-1][1])
    # One e-mail per employee (not the leader or the observer), each with its own personal link.
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(e.email for e in employees)
    secrets = set()
    for mail in mailoutbox:
        found = LINK.search(mail.body)
        assert found and found.group("slug") == workplace.slug
        secrets.add(found.group("secret"))
    assert len(secrets) == 6
    # The database keeps only hashes of the links.
    hashes = set(RoundInvitation.objects.filter(round=round_).values_list("token_hash", flat=True))
    assert hashes == {tokens.invitation_hash(secret) for secret in secrets}
    assert client.get(response["Location"]).status_code == 200


def test_a_round_opening_later_is_planned_and_invites_nobody_yet(
    client, workplace, leader, employees, mailoutbox
):
    client.force_login(leader)
    response = client.post(url("round_create", workplace), round_dates(opens=3, closes=20))
    assert response.status_code == 302
    round_ = Round.objects.get()
    assert round_.invitations_sent_at is None
    assert mailoutbox == []
    assert messages_of(response)[-1][0] == "success"


@pytest.mark.parametrize(
    ("dates", "field", "message", "params"),
    [
        pytest.param(
            {"opens": -1, "closes": 14},
            "opens_on",
            "A round cannot open in the past: choose today or a later day.",
            {},
            id="opens-in-the-past",
        ),
        pytest.param(
            {"opens": 5, "closes": 2},
            "closes_on",
            "The round must close after the day it opens.",
            {},
            id="closes-before-it-opens",
        ),
        pytest.param(
            {"opens": 5, "closes": 5},
            "closes_on",
            "The round must close after the day it opens.",
            {},
            id="closes-the-day-it-opens",
        ),
        pytest.param(
            {"opens": 0, "closes": 57},
            "closes_on",
            "A round can be open for at most %(days)d days.",
            {"days": 56},
            id="more-than-56-days",
        ),
        pytest.param(
            {"opens": 91, "closes": 100},
            "opens_on",
            "Open the round within %(days)d days from today.",
            {"days": 90},
            id="opens-too-far-ahead",
        ),
    ],
)
def test_bad_dates_show_the_error_and_open_nothing(
    client, workplace, leader, employees, mailoutbox, dates, field, message, params
):
    client.force_login(leader)
    response = client.post(url("round_create", workplace), round_dates(**dates))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert "Ret følgende" in html(response)  # the error summary's heading in Danish
    assert list(response.context["form"].errors) == [field]
    assert da(message, **params) in html(response)
    assert not Round.objects.exists()
    assert not RoundInvitation.objects.exists()
    assert mailoutbox == []


@pytest.mark.parametrize("value", ["", "2026-02-30", "i morgen"])
def test_a_missing_or_impossible_date_is_a_form_error(client, workplace, leader, employees, value):
    client.force_login(leader)
    response = client.post(url("round_create", workplace), {**round_dates(), "opens_on": value})
    assert response.status_code == 200
    assert has_error_summary(response)
    assert "opens_on" in response.context["form"].errors
    assert not Round.objects.exists()


def test_a_workplace_without_employees_gets_an_error_and_no_round(client, workplace, leader, observer):
    client.force_login(leader)
    form = client.get(url("round_create", workplace))
    assert form.status_code == 200
    response = client.post(url("round_create", workplace), round_dates())
    assert response.status_code == 200
    assert has_error_summary(response)
    assert da("The workplace has no employees to ask yet. Invite the team under Members first.") in html(
        response
    )
    assert not Round.objects.exists()


def test_a_second_round_while_one_is_open_is_refused(client, workplace, leader, round_):
    client.force_login(leader)
    response = client.post(url("round_create", workplace), round_dates(opens=1, closes=20))
    assert response.status_code == 200
    assert has_error_summary(response)
    assert list(Round.objects.all()) == [round_]


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_only_a_leader_can_open_a_round(client, workplace, employees, role, mailoutbox):
    client.force_login(member(workplace, role).user)
    assert client.get(url("round_create", workplace)).status_code == 403
    response = client.post(url("round_create", workplace), round_dates())
    assert response.status_code == 403
    assert not Round.objects.exists()
    assert mailoutbox == []
