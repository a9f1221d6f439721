"""A person's data and an organisation's leavers (issue 19, points 3–5), on a phone: an employee downloads
their data; an admin confirms a long-unseen member as having left, erases them after typing the password
again, and reads it in the audit log under a pseudonym. axe on every page."""

import io
import json
import zipfile
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from frontloeber.accounts.models import User
from frontloeber.accounts.sessions import PROVED_AT
from frontloeber.organisations.audit import person_ref
from frontloeber.organisations.models import Membership, Role
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, make_idea, member

from .conftest import PHONE, assert_accessible, log_in
from .test_experiment_journey import assert_fits_the_screen


def _proved_long_ago(page):
    """The admin signed in seconds ago, which counts as proof; make it an old one, as after a long shift."""
    key = next(c["value"] for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)
    session = SessionStore(session_key=key)
    session[PROVED_AT] = 0
    session.save()


def test_an_employee_downloads_their_data_and_an_admin_erases_a_leaver(new_context, live_server):
    workplace = WorkplaceFactory(name="Autismecenter Vest")
    member(workplace, Role.LEADER, full_name="Lise Leder")
    employee = member(workplace, Role.EMPLOYEE, full_name="Anders Ansat").user
    make_idea(workplace, author=employee, title="Piktogrammer på tablet")
    quiet = member(workplace, Role.EMPLOYEE, full_name="Stine Stille").user
    User.objects.filter(pk=quiet.pk).update(date_joined=timezone.now() - timedelta(days=400))
    admin = OrganisationAdminFactory(organisation=workplace.organisation, user__full_name="Alma Admin").user
    organisation = workplace.organisation

    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True, accept_downloads=True).new_page()
    log_in(page, employee)
    page.goto(reverse("accounts:account"))
    assert_fits_the_screen(page)
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent mine data").click()
    archive = zipfile.ZipFile(io.BytesIO(open(download.value.path(), "rb").read()))
    assert [idea["title"] for idea in json.loads(archive.read("ideer.json"))] == ["Piktogrammer på tablet"]

    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, admin)
    page.goto(reverse("organisations:people_not_seen", kwargs={"org_slug": organisation.slug}))
    expect(page.locator("main table")).to_contain_text("Stine Stille")
    assert_fits_the_screen(page)
    assert_accessible(page)
    page.locator(f"#person-{quiet.pk}").check()
    page.get_by_role("button", name="Markér de afkrydsede som fratrådt").click()
    expect(page.locator("main ul")).to_contain_text("Stine Stille")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, de er fratrådt").click()
    expect(page.locator(".alert-success")).to_be_visible()
    assert not Membership.objects.filter(user=quiet).exists()

    page.goto(reverse("organisations:people_who_left", kwargs={"org_slug": organisation.slug}))
    assert_accessible(page)
    _proved_long_ago(page)
    page.locator("main table a", has_text="Slet").click()
    expect(page.locator("h1")).to_have_text("Bekræft, at det er dig")
    assert_accessible(page)
    page.locator("#id_password").fill("correct-horse-battery")
    page.get_by_role("button", name="Bekræft og fortsæt").click()
    expect(page.locator("h1")).to_contain_text("Slet Stine Stille?")
    assert_fits_the_screen(page)
    assert_accessible(page)
    keep = page.get_by_role("radio", name="Bevar det", exact=False)
    expect(keep).to_be_checked()
    keep.check()
    page.get_by_role("button", name="Ja, slet").click()
    expect(page.locator(".alert-success")).to_contain_text("Stine Stille er slettet")
    assert not User.objects.filter(pk=quiet.pk).exists()

    page.goto(reverse("organisations:audit_log", kwargs={"org_slug": organisation.slug}))
    log = page.locator("main table")
    expect(log).to_contain_text(person_ref(quiet.email))
    expect(log).not_to_contain_text("Stine")
    expect(log).to_contain_text("Alma Admin")
    assert_accessible(page)

    page.goto(reverse("organisations:retention", kwargs={"org_slug": organisation.slug}))
    page.locator("#id_retain_notifications_days").fill("10")
    page.get_by_role("button", name="Gem").click()
    expect(page.locator(".form-error-message").first).to_contain_text("Mindst 30 dage")
    assert_fits_the_screen(page)
    assert_accessible(page)


def test_an_admin_uploads_an_xlsx_of_thirty_people_and_applies_it_twice(new_context, live_server, tmp_path):
    from openpyxl import Workbook

    workplace = WorkplaceFactory(name="Børnehuset Solsikken")
    member(workplace, Role.LEADER, full_name="Lise Leder")
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    book = Workbook()
    book.active.append(["Navn", "E-mail", "Arbejdsplads", "Rolle"])
    for n in range(30):
        book.active.append([f"Pædagog {n}", f"paedagog.{n}@fjordby.dk", workplace.name, "medarbejder"])
    book.active.append(["Ukendt", "u@fjordby.dk", "Månebasen", ""])
    path = tmp_path / "personale.xlsx"
    book.save(path)

    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, admin)
    page.goto(reverse("organisations:staff_imports", kwargs={"org_slug": workplace.organisation.slug}))
    assert_accessible(page)
    page.locator("#id_file").set_input_files(str(path))
    page.get_by_role("button", name="Upload og se resultatet").click()
    expect(page.locator("main")).to_contain_text("30 nye personer")
    expect(page.locator("main")).to_contain_text("Månebasen")
    assert_fits_the_screen(page)
    assert_accessible(page)
    page.get_by_role("button", name="Anvend 30 ændringer").click()
    expect(page.locator(".alert-success")).to_contain_text("Anvendt: 30 nye")
    assert Membership.objects.filter(workplace=workplace).count() == 31
    assert_accessible(page)
    page.get_by_role("button", name="Anvend igen").click()
    expect(page.locator(".alert-success")).to_contain_text("0 nye, 0 ændrede, 30 uændrede")
    assert Membership.objects.filter(workplace=workplace).count() == 31
    page.get_by_role("link", name="Hvem er på arbejdspladserne, men ikke på listen?").click()
    expect(page.locator("main table")).to_contain_text("Lise Leder")
    assert_accessible(page)
