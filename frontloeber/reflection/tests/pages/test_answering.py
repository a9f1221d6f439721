"""Reflection, pages: The employee's journey through the pages."""

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from frontloeber.organisations.models import Role
from frontloeber.reflection import services, tokens
from frontloeber.reflection.models import (
    Answer,
    PracticeComment,
    Response,
    RoundInvitation,
)
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    WorkplaceFactory,
    answer_round,
    close_round,
    member,
)

from .helpers import (
    ANSWERED_USE_YOUR_LINK,
    CLOSED_ON,
    LINK,
    LINK_NOT_VALID,
    NOT_SENT,
    THANK_YOU,
    da,
    da_date,
    da_text,
    follow_link,
    form_data,
    has_error_summary,
    html,
    items,
    messages_of,
    personal_links,
    round_url,
    snapshot,
    url,
)

pytestmark = pytest.mark.django_db


# --- 3. The employee's journey through the pages ------------------------------------------------------------


def test_the_emailed_link_sets_the_cookie_and_leads_to_the_form(
    client, workplace, employee, round_, mailoutbox
):
    link = personal_links(mailoutbox, employee)[-1]
    secret = LINK.search(link).group("secret")
    response = follow_link(client, mailoutbox, employee)
    assert response.status_code == 302
    assert response["Location"] == round_url("answer", round_)
    cookie = response.cookies[f"fl_survey_{round_.pk}"]
    assert cookie.value == secret
    assert cookie["path"] == url("home", workplace)
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    # The address of the form carries no secret.
    assert secret not in response["Location"]


def test_the_link_while_logged_out_goes_through_the_login_and_back(client, employee, round_, mailoutbox):
    """The secret is parked in a cookie while the person logs in, never in the login page's address (which
    logs and the login-attempt records would keep)."""
    link = personal_links(mailoutbox, employee)[-1]
    secret = link.rstrip("/").rsplit("/", 1)[-1]
    response = client.get(link)
    assert response.status_code == 302
    login = reverse("accounts:login")
    assert response["Location"].startswith(login)
    assert secret not in response["Location"]
    assert response.cookies["fl_survey_link"].value == secret
    logged_in = client.post(response["Location"], {"username": employee.email, "password": PASSWORD})
    assert logged_in.status_code == 302
    home = reverse("reflection:home", kwargs={"workplace_slug": round_.workplace.slug})
    assert logged_in["Location"] == home
    opened = client.get(home)
    assert opened.status_code == 302
    assert opened["Location"] == round_url("answer", round_)
    assert opened.cookies[f"fl_survey_{round_.pk}"].value == secret
    assert opened.cookies["fl_survey_link"].value == ""  # the parked copy is gone
    assert 'name="item_' in html(client.get(round_url("answer", round_)))


def test_a_wrong_password_with_a_parked_link_records_no_secret(
    client, settings, employee, round_, mailoutbox
):
    from axes.models import AccessAttempt

    settings.AXES_ENABLED = True
    link = personal_links(mailoutbox, employee)[-1]
    secret = link.rstrip("/").rsplit("/", 1)[-1]
    response = client.get(link)
    client.post(response["Location"], {"username": employee.email, "password": "wrong"})
    assert AccessAttempt.objects.exists()
    assert secret not in repr(list(AccessAttempt.objects.values_list()))


def test_the_form_has_twenty_statements_on_a_radio_scale(client, employee, round_, mailoutbox):
    follow_link(client, mailoutbox, employee)
    response = client.get(round_url("answer", round_))
    assert response.status_code == 200
    page = html(response)
    assert page.count('class="fl-survey-item') == 20
    assert page.count('type="radio"') == 20 * 6
    for item in items(round_):
        assert f'name="item_{item.pk}"' in page
        assert escape(item.employee_da) in page
    for practice in round_.version.practices.all():
        assert f'name="comment_{practice.pk}"' in page
    assert page.count('value="x"') == 20  # "don't know" on every statement
    assert "checked" not in page


def test_answering_through_the_form_saves_anonymously_and_sends_a_receipt(
    client, workplace, employee, round_, mailoutbox, django_capture_on_commit_callbacks
):
    follow_link(client, mailoutbox, employee)
    secret = LINK.search(personal_links(mailoutbox, employee)[-1]).group("secret")
    first = round_.version.practices.order_by("position").first()
    mails_before = len(mailoutbox)
    data = {**form_data(round_, "4", _1_1="x", _1_2="1", _5_4="5"), f"comment_{first.pk}": "Mere tid, tak."}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(round_url("answer", round_), data)
    assert response.status_code == 302
    assert response["Location"] == url("home", workplace)
    assert messages_of(response)[-1] == ("success", da_text(THANK_YOU, day=da_date(round_.closes_on)))
    response_ = Response.objects.get()
    assert response_.locator == tokens.response_locator(secret)
    saved = dict(Answer.objects.filter(response=response_).values_list("item__code", "value"))
    assert len(saved) == 20
    assert (saved["1.1"], saved["1.2"], saved["1.3"], saved["5.4"]) == (None, 1, 4, 5)
    assert list(PracticeComment.objects.values_list("practice_id", "text")) == [(first.pk, "Mere tid, tak.")]
    assert RoundInvitation.objects.get(round=round_, user=employee).answered
    # The receipt goes to the employee, with the same personal link to come back with.
    receipts = mailoutbox[mails_before:]
    assert len(receipts) == 1 and receipts[0].to == [employee.email]
    assert LINK.search(receipts[0].body).group("secret") == secret
    # Home now thanks them and, with the cookie on this device, offers to change the answers.
    home = html(client.get(url("home", workplace)))
    assert da(THANK_YOU, day=da_date(round_.closes_on)) in home  # the message, shown once
    assert da("You have answered. Thank you!") in home
    assert f'href="{round_url("answer", round_)}"' in home


def test_answering_again_changes_the_answers_of_the_same_response(
    client, employee, round_, mailoutbox, django_capture_on_commit_callbacks
):
    follow_link(client, mailoutbox, employee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(round_url("answer", round_), form_data(round_, "2"))
    mails_before = len(mailoutbox)
    form = client.get(round_url("answer", round_))
    assert form.status_code == 200
    # The saved answers are filled in.
    assert html(form).count('value="2" checked') == 20
    assert da("These are the answers you gave. Change what you like and save again.") in html(form)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(round_url("answer", round_), form_data(round_, "5", _2_1="x"))
    assert response.status_code == 302
    assert messages_of(response)[-1] == ("success", da_text("Your changed answers are saved."))
    assert Response.objects.count() == 1
    values = dict(Answer.objects.values_list("item__code", "value"))
    assert len(values) == 20 and values["2.1"] is None and values["1.1"] == 5
    assert Answer.objects.count() == 20
    assert len(mailoutbox) == mails_before  # no second receipt


def test_a_missing_answer_is_shown_on_the_form_and_nothing_is_saved(client, employee, round_, mailoutbox):
    follow_link(client, mailoutbox, employee)
    first = items(round_)[0]
    data = form_data(round_)
    del data[f"item_{first.pk}"]
    response = client.post(round_url("answer", round_), data)
    assert response.status_code == 200
    assert has_error_summary(response)
    assert list(response.context["form"].errors) == [f"item_{first.pk}"]
    assert da("Choose an answer, or “Don't know”.") in html(response)
    assert f'id="id_item_{first.pk}-error"' in html(response)
    assert not Response.objects.exists() and not Answer.objects.exists()
    assert not RoundInvitation.objects.get(round=round_, user=employee).answered


@pytest.mark.parametrize("bad", ["7", "0", "-1", "abc", "4.5"])
def test_a_value_off_the_scale_is_a_form_error_and_nothing_is_saved(
    client, employee, round_, mailoutbox, bad
):
    follow_link(client, mailoutbox, employee)
    last = items(round_)[-1]
    response = client.post(round_url("answer", round_), {**form_data(round_), f"item_{last.pk}": bad})
    assert response.status_code == 200
    assert has_error_summary(response)
    assert list(response.context["form"].errors) == [f"item_{last.pk}"]
    assert not Response.objects.exists() and not Answer.objects.exists()


def test_an_overlong_comment_is_a_form_error(client, employee, round_, mailoutbox):
    follow_link(client, mailoutbox, employee)
    practice = round_.version.practices.first()
    response = client.post(
        round_url("answer", round_), {**form_data(round_), f"comment_{practice.pk}": "x" * 1501}
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == [f"comment_{practice.pk}"]
    assert not Response.objects.exists()


def test_someone_elses_link_does_not_work(client, workplace, employee, colleague, round_, mailoutbox):
    link = personal_links(mailoutbox, employee)[-1]
    client.force_login(colleague)
    response = client.get(link)
    assert response.status_code == 404
    assert da("The link does not work") in html(response)
    assert da(LINK_NOT_VALID) in html(response)
    assert f"fl_survey_{round_.pk}" not in response.cookies
    assert f'href="{url("home", workplace)}"' in html(response)


def test_a_link_of_another_workplace_does_not_work_here(client, workplace, employee, round_, mailoutbox):
    secret = LINK.search(personal_links(mailoutbox, employee)[-1]).group("secret")
    elsewhere = WorkplaceFactory(organisation=workplace.organisation)
    MembershipFactory(workplace=elsewhere, user=employee)  # the employee works there too
    client.force_login(employee)
    response = client.get(url("link_open", elsewhere, secret=secret))
    assert response.status_code == 404
    assert f"fl_survey_{round_.pk}" not in response.cookies


@pytest.mark.parametrize("secret", ["short", "x" * 65, "not a secret at all!!", "A" * 32])
def test_a_made_up_link_does_not_work(client, workplace, employee, round_, secret):
    client.force_login(employee)
    response = client.get(url("link_open", workplace, secret=secret))
    assert response.status_code == 404
    assert f"fl_survey_{round_.pk}" not in response.cookies


def test_someone_elses_cookie_cannot_change_their_answers(
    client, employee, colleague, round_, mailoutbox, django_capture_on_commit_callbacks
):
    follow_link(client, mailoutbox, employee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(round_url("answer", round_), form_data(round_, "2"))
    before = snapshot(round_)
    # The colleague, on the same device, logs in: the employee's cookie is still there.
    client.force_login(colleague)
    assert client.cookies.get(f"fl_survey_{round_.pk}")
    form = client.get(round_url("answer", round_))
    assert form.status_code == 200
    assert 'name="item_' not in html(form)  # not the employee's answers: the page to start from
    # Posting answers there saves them as the colleague's own, through a fresh link of the colleague's:
    # the employee's answers stay exactly as they were.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(round_url("answer", round_), form_data(round_, "5"))
    assert response.status_code == 302
    employees_answers = [row for row in before[1] if row[2] == 2]
    assert len(employees_answers) == 20
    after = snapshot(round_)
    assert set(before[1]) < set(after[1])
    assert sorted(v for _r, _i, v in after[1]) == [2] * 20 + [5] * 20
    assert RoundInvitation.objects.get(round=round_, user=colleague).answered


def test_a_link_replaced_while_answering_keeps_the_typed_answers(
    client, employee, round_, mailoutbox, django_capture_on_commit_callbacks
):
    """A reminder (or another device) replaced the link while the form was open: the answers still count."""
    follow_link(client, mailoutbox, employee)
    services.answer_link_issue(user=employee, round_=round_)  # the cookie's link is now the old one
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(round_url("answer", round_), form_data(round_, "4"))
    assert response.status_code == 302
    assert Response.objects.filter(round=round_).count() == 1
    assert RoundInvitation.objects.get(round=round_, user=employee).answered
    # The new link is on the device now, so the person can change the answers from here.
    assert client.get(round_url("answer", round_)).status_code == 200
    assert 'name="item_' in html(client.get(round_url("answer", round_)))


def test_after_the_round_closed_answers_cannot_be_changed(
    client, leader, employee, round_, mailoutbox, django_capture_on_commit_callbacks
):
    follow_link(client, mailoutbox, employee)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(round_url("answer", round_), form_data(round_, "2"))
    close_round(round_)
    before = snapshot(round_)
    response = client.post(round_url("answer", round_), form_data(round_, "5"))
    assert response.status_code == 200
    assert da_text(CLOSED_ON, day=da_date(timezone.localdate())) in html(response)
    assert 'name="item_' not in html(response)
    assert snapshot(round_) == before
    assert client.get(round_url("answer", round_)).status_code == 200


def test_a_first_answer_after_the_round_closed_is_refused(client, leader, employee, round_, mailoutbox):
    follow_link(client, mailoutbox, employee)
    close_round(round_)
    response = client.post(round_url("answer", round_), form_data(round_))
    assert response.status_code == 200
    assert da_text(CLOSED_ON, day=da_date(timezone.localdate())) in html(response)
    assert not Response.objects.exists()
    assert not RoundInvitation.objects.get(round=round_, user=employee).answered


def test_starting_in_the_app_issues_a_fresh_link_to_this_device(
    client, workplace, employee, round_, mailoutbox
):
    old_link = personal_links(mailoutbox, employee)[-1]
    client.force_login(employee)
    response = client.post(round_url("answer_start", round_))
    assert response.status_code == 302
    assert response["Location"] == round_url("answer", round_)
    secret = response.cookies[f"fl_survey_{round_.pk}"].value
    assert RoundInvitation.objects.get(round=round_, user=employee).token_hash == tokens.invitation_hash(
        secret
    )
    assert client.get(round_url("answer", round_)).status_code == 200
    # The e-mailed link is replaced by the new one.
    assert client.get(old_link).status_code == 404


def test_starting_in_the_app_when_not_invited_gives_a_message(client, workplace, round_):
    latecomer = member(workplace, Role.EMPLOYEE).user  # joined after the round opened
    client.force_login(latecomer)
    response = client.post(round_url("answer_start", round_))
    # Either back to the reflection page with the reason as a message, or the "not allowed" page with it.
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == url("home", workplace)
        assert messages_of(response)[-1] == ("error", da_text("This survey was not sent to you."))
    else:
        assert da("This survey was not sent to you.") in html(response)
    assert f"fl_survey_{round_.pk}" not in response.cookies
    assert RoundInvitation.objects.filter(round=round_).count() == 6
    # The form's address says the same, with no 500.
    page = client.get(round_url("answer", round_))
    assert page.status_code == 404
    assert da(NOT_SENT) in html(page)


def test_starting_in_the_app_after_answering_points_to_the_emailed_link(client, workplace, employee, round_):
    answer_round(round_, employee)
    token_hash = RoundInvitation.objects.get(round=round_, user=employee).token_hash
    client.force_login(employee)
    response = client.post(round_url("answer_start", round_))
    assert response.status_code == 302
    assert messages_of(response)[-1] == ("error", da_text(ANSWERED_USE_YOUR_LINK))
    # The old link keeps working (the answers are found by it).
    assert RoundInvitation.objects.get(round=round_, user=employee).token_hash == token_hash


def test_starting_in_the_app_after_the_round_closed_gives_a_message(client, leader, employee, round_):
    close_round(round_)
    client.force_login(employee)
    response = client.post(round_url("answer_start", round_))
    assert response.status_code == 302
    assert messages_of(response)[-1] == ("error", da_text("The survey is not open."))


def test_starting_in_the_app_needs_a_post(client, employee, round_):
    client.force_login(employee)
    assert client.get(round_url("answer_start", round_)).status_code == 405


def test_the_answer_page_without_a_cookie_offers_to_start(client, employee, round_):
    client.force_login(employee)
    response = client.get(round_url("answer", round_))
    assert response.status_code == 200
    assert f'action="{round_url("answer_start", round_)}"' in html(response)
    assert 'name="item_' not in html(response)
