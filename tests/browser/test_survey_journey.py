"""The reflection survey from end to end (issue 5): a leader opens a round, five employees answer on
phone-sized screens (one from the e-mailed link, one from the app, three more the same way as the second, so
through the service the app calls), the leader answers the self-assessment,
asks the organisation's admin to approve closing it early (one employee has not answered), the admin
approves, and the leader reads the report and downloads it as a PDF, whose text the test reads.

Assertions rest on URLs, ids, the database and the PDF's figures, not on UI wording.
"""

import io
import re

from django.core import mail
from django.urls import reverse
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from frontloeber.organisations.models import Role
from frontloeber.reflection.models import Answer, Assessment, Response, Round, RoundInvitation
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, answer_round, member

from .conftest import PHONE, assert_accessible, log_in
from .test_experiment_journey import DESKTOP, assert_fits_the_screen

LINK = re.compile(r"https?://[^\s]+/refleksion/link/[A-Za-z0-9_-]+/")
# Each employee gives every statement the same value; the team's mean is then (2+3+4+4+4)/5 = 3.4.
EMPLOYEE_VALUES = [2, 3, 4, 4, 4]


def answer_every_statement(page: Page, value: int) -> None:
    """Click the label of ``value`` (1–5) on every statement, as a person on a phone would."""
    groups = page.locator("fieldset.fl-survey-item")
    count = groups.count()
    assert count == 20
    for index in range(count):
        groups.nth(index).locator("label").nth(value - 1).click()


def test_a_round_from_opening_to_the_pdf(new_context, live_server):
    workplace = WorkplaceFactory(name="Børnehuset Mælkebøtten")
    leader = member(workplace, Role.LEADER, full_name="Lene Leder").user
    employees = [member(workplace, full_name=f"Medarbejder {n}").user for n in range(6)]
    admin = OrganisationAdminFactory(organisation=workplace.organisation, user__full_name="Anne Admin").user
    home_url = reverse("reflection:home", kwargs={"workplace_slug": workplace.slug})

    # The leader opens a round with the suggested dates.
    leader_page = new_context(viewport=DESKTOP).new_page()
    log_in(leader_page, leader)
    leader_page.goto(home_url)
    assert_accessible(leader_page)
    leader_page.locator(
        f"a[href='{reverse('reflection:round_create', kwargs={'workplace_slug': workplace.slug})}']"
    ).click()
    assert_accessible(leader_page)
    leader_page.locator("main form button[type=submit]").click()
    round_ = Round.objects.get(workplace=workplace)
    expect(leader_page).to_have_url(re.compile(re.escape(round_.get_absolute_url()) + "$"))
    assert_accessible(leader_page)
    assert RoundInvitation.objects.filter(round=round_).count() == 6
    links = {message.to[0]: LINK.search(message.body).group(0) for message in mail.outbox}
    assert set(links) == {e.email for e in employees}

    # Five employees answer: the first on a phone from the e-mail, the second on a phone from the app, and
    # three more as the second did (what the app's page calls), which a browser would only repeat.
    for index, (person, value) in enumerate(zip(employees, EMPLOYEE_VALUES, strict=False)):
        if index >= 2:
            answer_round(round_, person, value=value)
            assert Response.objects.count() == index + 1
            continue
        phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
        log_in(phone, person)
        if index == 0:
            phone.goto(links[person.email].replace("http://127.0.0.1:8000", live_server.url))
        else:
            phone.goto(home_url)
            if index == 1:
                assert_accessible(phone)
            start_url = reverse(
                "reflection:answer_start", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk}
            )
            phone.locator(f"form[action='{start_url}'] button").click()
        answer_url = reverse(
            "reflection:answer", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk}
        )
        expect(phone).to_have_url(re.compile(re.escape(answer_url) + "$"))
        if index == 0:
            assert_accessible(phone)
            assert_fits_the_screen(phone)
            # On a phone a statement's answers stand in one column, in the scale's order (not a zigzag).
            boxes = [
                label.bounding_box()
                for label in phone.locator("fieldset.fl-survey-item").first.locator(".fl-scale label").all()
            ]
            assert len(boxes) >= 5
            assert len({round(box["x"]) for box in boxes}) == 1
            assert [box["y"] for box in boxes] == sorted(box["y"] for box in boxes)
            # Sending with nothing chosen shows the errors and saves nothing.
            phone.locator("main form button[type=submit]").click()
            expect(phone.locator("#error-summary")).to_be_visible()
            assert_accessible(phone)
            assert Response.objects.count() == 0
        answer_every_statement(phone, value)
        if index == 0:
            phone.locator("textarea").first.fill("Vi har brug for tid til at øve os sammen.")
        phone.locator("main form button[type=submit]").click()
        expect(phone).to_have_url(re.compile(re.escape(home_url) + "$"))
        expect(phone.locator(".alert-success")).to_be_visible()
        if index == 0:
            assert_accessible(phone)
        assert Response.objects.count() == index + 1
        phone.context.close()
    assert RoundInvitation.objects.filter(round=round_, answered=True).count() == 5
    assert Answer.objects.filter(round=round_).count() == 100

    # The leader answers the self-assessment: 5 on everything.
    leader_page.goto(
        reverse(
            "reflection:self_assessment", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk}
        )
    )
    assert_accessible(leader_page)
    answer_every_statement(leader_page, 5)
    leader_page.locator("main form button[type=submit]").click()
    expect(leader_page).to_have_url(re.compile(re.escape(round_.get_absolute_url()) + "$"))
    assert Assessment.objects.filter(round=round_, kind="leader", author=leader).exists()

    # Before the round closes, the report shows nothing from the employees.
    expect(leader_page.locator("table.fl-report-table").first).to_be_visible()
    assert "3,4" not in leader_page.locator("main").inner_text()

    # One employee has not answered, so the leader cannot close the round early: they ask the
    # organisation's admin to approve it, who does so (after a confirmation) from the organisation's page.
    close_kwargs = {"workplace_slug": workplace.slug, "round_id": round_.pk}
    leader_page.goto(reverse("reflection:round_close", kwargs=close_kwargs))
    assert_accessible(leader_page)
    leader_page.locator(
        f"form[action='{reverse('reflection:round_request_close', kwargs=close_kwargs)}'] button"
    ).click()
    expect(leader_page).to_have_url(re.compile(re.escape(round_.get_absolute_url()) + "$"))
    expect(leader_page.locator(".alert-success")).to_be_visible()
    round_.refresh_from_db()
    assert round_.is_open and round_.early_close_requested_by == leader
    org_kwargs = {"org_slug": workplace.organisation.slug, "round_id": round_.pk}
    admin_page = new_context(viewport=DESKTOP).new_page()
    log_in(admin_page, admin)
    admin_page.goto(reverse("notifications:list"))
    notification = admin.notifications.get()
    admin_page.locator(
        f"main a[href='{reverse('notifications:open', kwargs={'notification_id': notification.pk})}']"
    ).click()
    expect(admin_page).to_have_url(
        re.compile(re.escape(reverse("reflection:organisation_round", kwargs=org_kwargs)) + "$")
    )
    assert_accessible(admin_page)
    approve_url = reverse("reflection:organisation_round_close", kwargs=org_kwargs)
    admin_page.locator(f"a[href='{approve_url}']").click()
    assert_accessible(admin_page)
    admin_page.locator("main form button[type=submit]").click()
    expect(admin_page.locator(".alert-success")).to_be_visible()
    round_.refresh_from_db()
    assert round_.is_closed and round_.early_close_approved_by == admin

    # The leader reads the report.
    leader_page.goto(round_.get_absolute_url())
    expect(leader_page.locator("svg.fl-radar[role=img]")).to_be_visible()
    overview = leader_page.locator("table.fl-report-table").first
    expect(overview).to_contain_text("3,4")  # the team's mean on every practice
    expect(overview).to_contain_text("5,0")  # the leader's own
    assert_accessible(leader_page)

    # The PDF, as a MED committee would get it.
    pdf_url = reverse(
        "reflection:round_pdf", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk}
    )
    with leader_page.expect_download() as download_info:
        leader_page.locator(f"a[href='{pdf_url}']").click()
    path = download_info.value.path()
    with open(path, "rb") as handle:
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(handle.read())).pages)
    assert "Børnehuset Mælkebøtten" in text
    assert "Kerneopgaven" in text and "Forandringsledelse" in text
    assert "3,4" in text and "5,0" in text
    assert "Vi har brug for tid til at øve os sammen." in text

    # The report also reads on a phone.
    leader_phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(leader_phone, leader)
    leader_phone.goto(round_.get_absolute_url())
    assert_fits_the_screen(leader_phone)

    # Issue 17, point 7: the MED committee's observer reads nothing until the leader shares the report.
    observer = member(workplace, Role.OBSERVER, full_name="Ole Observatør").user
    observer_phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(observer_phone, observer)
    observer_phone.goto(home_url)
    expect(observer_phone.locator(f"main a[href='{round_.get_absolute_url()}']")).to_have_count(0)
    assert_accessible(observer_phone)
    sharing = leader_page.locator("#sharing")
    sharing.locator("input[name=audiences][value=med]").check()
    sharing.locator("button[type=submit]").click()
    expect(leader_page.locator(".alert-success")).to_be_visible()
    assert_accessible(leader_page)
    observer_phone.goto(home_url)
    observer_phone.locator(f"main a[href='{round_.get_absolute_url()}']").click()
    expect(observer_phone.locator("svg.fl-radar[role=img]")).to_be_visible()
    expect(observer_phone.locator("#sharing")).to_have_count(0)  # not theirs to change
    assert_fits_the_screen(observer_phone)
    assert_accessible(observer_phone)
