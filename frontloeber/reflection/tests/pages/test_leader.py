"""Reflection, pages: The leader: self-assessment, reminders, closing, the report, Who may read a report."""

import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from frontloeber.notifications.models import Audience, Notification
from frontloeber.organisations.models import Role
from frontloeber.reflection import services
from frontloeber.reflection.models import (
    Assessment,
    AssessmentAnswer,
    AssessorKind,
)
from tests.factories import (
    OrganisationAdminFactory,
    WorkplaceFactory,
    answer_round,
    close_round,
    member,
    survey_answers,
)

from .helpers import (
    LINK,
    SHOWN_WHEN_CLOSED,
    TOO_FEW,
    answer_with_comments,
    da,
    da_answered,
    da_date,
    da_text,
    form_data,
    has_error_summary,
    html,
    items,
    messages_of,
    org_round_url,
    org_url,
    round_url,
    snapshot,
    url,
)

pytestmark = pytest.mark.django_db


# --- 4. The leader: self-assessment, reminders, closing, the report -----------------------------------------


def test_the_self_assessment_is_worded_about_the_leader(client, leader, round_):
    client.force_login(leader)
    response = client.get(round_url("self_assessment", round_))
    assert response.status_code == 200
    page = html(response)
    first = items(round_)[0]
    assert escape(first.leader_da) in page and first.leader_da.startswith("Jeg")
    assert escape(first.employee_da) not in page
    assert page.count('class="fl-survey-item') == 20
    assert 'name="comment_' not in page  # no free text in a named assessment


def test_the_leader_saves_and_changes_the_self_assessment(client, leader, round_):
    client.force_login(leader)
    response = client.post(round_url("self_assessment", round_), form_data(round_, "5", _3_1="x"))
    assert response.status_code == 302
    assert response["Location"] == round_.get_absolute_url()
    assert messages_of(response)[-1] == (
        "success",
        da_text("Your assessment is saved. You can change it later."),
    )
    assessment = Assessment.objects.get()
    assert (assessment.kind, assessment.author, assessment.round) == (AssessorKind.LEADER, leader, round_)
    values = dict(AssessmentAnswer.objects.values_list("item__code", "value"))
    assert len(values) == 20 and values["3.1"] is None and values["1.1"] == 5
    form = client.get(round_url("self_assessment", round_))
    assert html(form).count('value="5" checked') == 19
    client.post(round_url("self_assessment", round_), form_data(round_, "3"))
    assert Assessment.objects.count() == 1
    assert set(AssessmentAnswer.objects.values_list("value", flat=True)) == {3}


def test_a_self_assessment_with_a_missing_answer_is_not_saved(client, leader, round_):
    client.force_login(leader)
    data = form_data(round_)
    data.pop(next(iter(data)))
    response = client.post(round_url("self_assessment", round_), data)
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not Assessment.objects.exists()


def test_another_leader_of_the_workplace_cannot_answer_the_self_assessment(client, workplace, round_):
    other = member(workplace, Role.LEADER).user
    client.force_login(other)
    assert client.get(round_url("self_assessment", round_)).status_code == 403
    assert client.post(round_url("self_assessment", round_), form_data(round_)).status_code == 403
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_others_cannot_answer_the_self_assessment(client, workplace, round_, role):
    client.force_login(member(workplace, role).user)
    assert client.post(round_url("self_assessment", round_), form_data(round_)).status_code == 403
    assert not Assessment.objects.exists()


def test_reminding_those_who_have_not_answered(client, leader, employees, round_, mailoutbox):
    answer_round(round_, employees[0])
    answer_round(round_, employees[1])
    mailoutbox.clear()
    client.force_login(leader)
    response = client.post(round_url("round_remind", round_))
    assert response.status_code == 302
    assert response["Location"] == round_.get_absolute_url()
    level, text = messages_of(response)[-1]
    assert level == "success"
    assert re.search(r"\b4\b", text)
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(e.email for e in employees[2:])
    assert all(LINK.search(mail.body) for mail in mailoutbox)
    # Once a day.
    second = client.post(round_url("round_remind", round_))
    assert second.status_code == 302
    assert messages_of(second)[-1] == (
        "error",
        da_text("A reminder has already gone out today. Try again tomorrow."),
    )
    assert len(mailoutbox) == 4


def test_a_reminder_when_everyone_has_answered_sends_nothing(client, leader, employees, round_, mailoutbox):
    for employee in employees:
        answer_round(round_, employee)
    mailoutbox.clear()
    client.force_login(leader)
    response = client.post(round_url("round_remind", round_))
    assert messages_of(response)[-1] == (
        "success",
        da_text("Everyone has answered: nobody needed a reminder."),
    )
    assert mailoutbox == []


def test_a_reminder_for_a_closed_round_is_refused(client, leader, round_, mailoutbox):
    close_round(round_)
    mailoutbox.clear()
    client.force_login(leader)
    response = client.post(round_url("round_remind", round_))
    assert response.status_code == 302
    assert messages_of(response)[-1] == ("error", da_text("Only an open round can send reminders."))
    assert mailoutbox == []


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_only_a_leader_can_remind(client, workplace, round_, role, mailoutbox):
    mailoutbox.clear()
    client.force_login(member(workplace, role).user)
    assert client.post(round_url("round_remind", round_)).status_code == 403
    assert mailoutbox == []
    round_.refresh_from_db()
    assert round_.reminded_on is None


def test_closing_asks_first_and_then_closes_once_everyone_has_answered(client, leader, employees, round_):
    for person in employees:
        answer_round(round_, person)
    client.force_login(leader)
    confirm = client.get(round_url("round_close", round_))
    assert confirm.status_code == 200
    page = html(confirm)
    assert da("Close the round now?") in page
    assert 'method="post"' in page
    assert da_answered(6, 6) in page
    round_.refresh_from_db()
    assert round_.is_open  # a GET changes nothing
    response = client.post(round_url("round_close", round_))
    assert response.status_code == 302
    assert response["Location"] == round_.get_absolute_url()
    assert messages_of(response)[-1][0] == "success"
    round_.refresh_from_db()
    assert round_.closed_early_on == timezone.localdate()
    assert round_.early_close_approved_by is None
    assert round_.is_closed
    # Closing twice says so.
    again = client.post(round_url("round_close", round_))
    assert again.status_code == 400
    assert da("The round is already closed.") in html(again)


NOT_EVERYONE_ANSWERED = (
    "Not everyone asked has answered, so the round closes on its last day. An organisation admin can approve "
    "closing it earlier: ask them from this page."
)


def test_before_everyone_has_answered_the_leader_asks_an_admin_to_approve_closing(
    client, workplace, leader, employees, round_
):
    answer_round(round_, employees[0])
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    client.force_login(leader)
    page = html(client.get(round_url("round_close", round_)))
    assert da("The round cannot be closed early yet") in page
    assert da_answered(1, 6) in page
    assert f'action="{round_url("round_request_close", round_)}"' in page
    # Posting the close itself anyway changes nothing.
    refused = client.post(round_url("round_close", round_))
    assert refused.status_code == 400
    assert da(NOT_EVERYONE_ANSWERED) in html(refused)
    round_.refresh_from_db()
    assert round_.is_open
    response = client.post(round_url("round_request_close", round_))
    assert response.status_code == 302
    assert messages_of(response)[-1][0] == "success"
    round_.refresh_from_db()
    assert round_.is_open and round_.early_close_requested_by == leader
    again = client.post(round_url("round_request_close", round_))
    assert messages_of(again)[-1] == (
        "error",
        da_text("You have already asked. The organisation's admins have been told."),
    )
    # The admin is told, approves on the organisation's page of the round after a confirmation, and it closes.
    notification = Notification.objects.get(recipient=admin)
    assert notification.kind == "survey_close_request" and notification.audience == Audience.ADMINS
    client.force_login(admin)
    assert client.get(reverse("notifications:list")).status_code == 200
    opened = client.get(reverse("notifications:open", kwargs={"notification_id": notification.pk}))
    assert opened["Location"] == org_url("organisation_round", workplace.organisation, round_id=round_.pk)
    org_page = html(client.get(opened["Location"]))
    close_url = org_url("organisation_round_close", workplace.organisation, round_id=round_.pk)
    assert f'href="{close_url}"' in org_page
    assert da("Approve closing the round now?") in html(client.get(close_url))
    round_.refresh_from_db()
    assert round_.is_open
    assert client.post(close_url).status_code == 302
    round_.refresh_from_db()
    assert round_.is_closed and round_.early_close_approved_by == admin and round_.sealed_at is not None


def test_a_leader_who_is_also_an_organisation_admin_cannot_approve_their_own_early_close(
    client, workplace, leader, employees, round_
):
    OrganisationAdminFactory(organisation=workplace.organisation, user=leader)
    answer_round(round_, employees[0])
    client.force_login(leader)
    close_url = org_url("organisation_round_close", workplace.organisation, round_id=round_.pk)
    page = client.get(close_url)
    assert da("You cannot approve closing this round") in html(page) and page.context["may_close"] is False
    response = client.post(close_url)
    assert response.status_code == 400
    assert da(NOT_EVERYONE_ANSWERED) in html(response)
    org_page = client.get(org_round_url("organisation_round", round_))
    assert org_page.context["may_approve_close"] is False
    assert org_round_url("organisation_round_close", round_) not in html(org_page)
    round_.refresh_from_db()
    assert round_.is_open
    # With no other admin, asking for approval says so.
    response = client.post(round_url("round_request_close", round_))
    assert messages_of(response)[-1] == (
        "error",
        da_text(
            "The organisation has no admin outside this workplace's leadership who could approve it, so "
            "the round closes on its last day."
        ),
    )
    round_.refresh_from_db()
    assert round_.early_close_requested_at is None


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_only_a_leader_can_close(client, workplace, round_, role):
    client.force_login(member(workplace, role).user)
    assert client.get(round_url("round_close", round_)).status_code == 403
    assert client.post(round_url("round_close", round_)).status_code == 403
    round_.refresh_from_db()
    assert round_.is_open


def test_the_report_of_an_open_round_says_when_results_come(client, leader, employees, round_):
    answer_with_comments(round_, employees[:5], value=2)
    client.force_login(leader)
    response = client.get(round_.get_absolute_url())
    assert response.status_code == 200
    page = html(response)
    # (blocktranslate leaves its own text unescaped)
    assert da_text(SHOWN_WHEN_CLOSED, day=da_date(round_.closes_on)) in page
    assert "Kommentar nummer" not in page
    assert f'<th scope="col" class="fl-num">{da("Team")}</th>' not in page
    assert not response.context["report"].shown
    # The leader's tools for an open round.
    assert f'action="{round_url("round_remind", round_)}"' in page
    assert f'href="{round_url("round_close", round_)}"' in page
    assert f'href="{round_url("self_assessment", round_)}"' in page


def test_the_report_after_closing_shows_the_team_beside_the_leader(client, leader, closed_round):
    client.force_login(leader)
    response = client.get(closed_round.get_absolute_url())
    assert response.status_code == 200
    page = html(response)
    assert response.context["report"].shown
    assert "fl-hidden-note" not in page
    assert f'<th scope="col" class="fl-num">{da("Team")}</th>' in page
    assert re.search(r'<svg class="fl-radar"[^>]*role="img"', page)
    assert 'class="table fl-report-table"' in page
    # The radar's figures are in the table too: five practices with the team's mean 4,0 and the leader's 5,0.
    assert len(re.findall(r'<td class="fl-num"[^>]*>4,0</td>', page)) >= 5
    assert len(re.findall(r'<td class="fl-num"[^>]*>5,0</td>', page)) >= 5
    for n in range(5):
        assert f"Kommentar nummer {n}" in page
    assert "Kerneopgaven" in page
    # No more tools for an open round.
    assert round_url("round_remind", closed_round) not in page
    assert round_url("round_close", closed_round) not in page
    assert f'href="{round_url("round_pdf", closed_round)}"' in page
    assert f'href="{round_url("round_csv", closed_round)}"' in page


def test_the_report_under_the_threshold_shows_the_leader_alone(client, leader, employees, round_):
    answer_with_comments(round_, employees[:4], value=2)
    services.assessment_submit(
        actor=leader, round_=round_, kind=AssessorKind.LEADER, answers=survey_answers(round_, 5)
    )
    close_round(round_)
    client.force_login(leader)
    response = client.get(round_.get_absolute_url())
    page = html(response)
    assert not response.context["report"].shown
    assert da_text(TOO_FEW, n=5) in page
    assert "Kommentar nummer" not in page
    assert "2,0" not in page
    assert re.search(r'<svg class="fl-radar"[^>]*role="img"', page)  # the leader's own view


def test_an_observer_reads_a_shared_report_without_the_leaders_tools(
    client, workplace, leader, observer, closed_round
):
    services.report_sharing_update(actor=leader, round_=closed_round, audiences=["med"])
    client.force_login(observer)
    response = client.get(closed_round.get_absolute_url())
    assert response.status_code == 200
    assert round_url("self_assessment", closed_round) not in html(response)
    assert round_url("round_sharing", closed_round) not in html(response)
    assert round_url("round_close", closed_round) not in html(response)


def test_the_pdf_is_the_report(client, workplace, leader, closed_round):
    import pypdf

    client.force_login(leader)
    response = client.get(round_url("round_pdf", closed_round))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Disposition"].endswith('.pdf"')
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Børnehuset Mælkebøtten" in text
    assert "Kerneopgaven" in text
    assert "Kommentar nummer 0" in text


def test_the_csv_holds_the_figures(client, leader, closed_round):
    client.force_login(leader)
    response = client.get(round_url("round_csv", closed_round))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].endswith('.csv"')
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = [line.split(";") for line in text.lstrip("\ufeff").splitlines()]
    assert len(rows) == 1 + 5 + 20
    kerne = next(row for row in rows if row[0] == "Kerneopgaven")
    assert kerne[2:5] == ["4,00", "5,00", ""]
    statement = next(row for row in rows if row[0] == "P1")
    assert statement[5:11] == ["0", "0", "0", "5", "0", "0"]
    # No comment, no person.
    assert "Kommentar" not in text
    assert "Ansat" not in text


def test_the_csv_of_an_open_round_holds_no_team_figure(client, leader, employees, round_):
    answer_with_comments(round_, employees[:5], value=2)
    client.force_login(leader)
    text = client.get(round_url("round_csv", round_)).content.decode("utf-8")
    rows = [line.split(";") for line in text.lstrip("\ufeff").splitlines() if line]
    assert all(row[2] == "" for row in rows[1:-1])
    assert "2,00" not in text
    assert rows[-1] == [da_text("The team's results are shown when the round has closed.")]


# --- 5. Who may read a report ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["round_detail", "round_pdf", "round_csv"])
def test_an_employee_cannot_read_a_report_not_shared_with_the_team(
    client, leader, employee, closed_round, name
):
    client.force_login(employee)
    assert client.get(round_url(name, closed_round)).status_code == 404
    services.report_sharing_update(actor=leader, round_=closed_round, audiences=["med"])
    assert client.get(round_url(name, closed_round)).status_code == 404


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("round_detail", "get"),
        ("round_pdf", "get"),
        ("round_csv", "get"),
        ("self_assessment", "get"),
        ("self_assessment", "post"),
        ("round_remind", "post"),
        ("round_close", "get"),
        ("round_close", "post"),
        ("answer", "get"),
        ("answer_start", "post"),
    ],
)
def test_another_workplaces_leader_gets_404(client, workplace, round_, name, method):
    sister = WorkplaceFactory(organisation=workplace.organisation)
    sister_leader = member(sister, Role.LEADER).user
    member(sister, Role.EMPLOYEE)
    client.force_login(sister_leader)
    before = snapshot(round_)
    # This workplace's address: not a member.
    assert getattr(client, method)(round_url(name, round_)).status_code == 404
    # Their own workplace's address with this workplace's round: no such round there.
    assert getattr(client, method)(url(name, sister, round_id=round_.pk)).status_code == 404
    assert snapshot(round_) == before
    round_.refresh_from_db()
    assert round_.is_open and round_.reminded_on is None


def test_a_round_that_does_not_exist_gives_404(client, workplace, leader):
    client.force_login(leader)
    assert client.get(url("round_detail", workplace, round_id=999999)).status_code == 404
