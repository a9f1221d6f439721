"""The five practices from real work (issue 18), in Danish: a leader reads the workplace's overview on a phone
and on a desktop, follows the suggested step, opens the practice guide, and downloads the PDF and the XLSX
for the MED committee (read back here). axe-core runs on every page the journey visits."""

import datetime
import io

from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from playwright.sync_api import expect
from pypdf import PdfReader

from frontloeber.ideas.models import Idea
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, make_idea, member

from .conftest import PHONE, assert_accessible, log_in
from .test_experiment_journey import assert_fits_the_screen


def test_a_leader_reads_the_overview_follows_the_step_and_takes_the_files_to_the_meeting(new_context):
    workplace = WorkplaceFactory(name="Børnehuset Mælkebøtten", slug="maelkeboetten")
    leader = member(workplace, Role.LEADER, full_name="Lise Leder").user
    team = [member(workplace, Role.EMPLOYEE, full_name=f"Medarbejder {n}").user for n in range(4)]
    waiting = make_idea(workplace, author=team[0], title="Billeder af dagen til forældrene")
    make_idea(workplace, author=team[1], title="Fælles kalender på tavlen")
    # The first idea has waited three weeks for an answer (it came back with the author's answer to a question
    # then): longer than the 14-day target. Brought this quarter, so both ideas count in it on any day.
    three_weeks_ago = timezone.now() - datetime.timedelta(days=21)
    Idea.objects.filter(pk=waiting.pk).update(awaiting_leader_since=three_weeks_ago)
    home = workplace.get_absolute_url()

    # 1. On her phone the home page is the overview: five practices, one below the other, and a step first.
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(phone, leader)
    phone.goto(home)
    expect(phone.locator("#practices-heading")).to_have_text("Hvor står vi på de fem praksisser")
    expect(phone.locator(".fl-practice-card")).to_have_count(5)
    start = phone.get_by_role("region", name="Start her")
    expect(start).to_contain_text("1 idé har ventet længere end jeres mål på 14 dage.")
    assert_fits_the_screen(phone)
    assert_accessible(phone)
    cards = phone.locator(".fl-practice-card")
    first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
    assert second["y"] > first["y"] and abs(second["x"] - first["x"]) < 2  # one column on a phone

    # 2. She follows the step: the inbox, with the idea that waits.
    start.get_by_role("link", name="Åbn indbakken").tap()
    expect(phone).to_have_url(reverse("ideas:inbox", kwargs={"workplace_slug": workplace.slug}))
    expect(phone.locator("main")).to_contain_text("Billeder af dagen til forældrene")

    # 3. On the desktop: the five practices side by side, every figure with what it counts.
    screen = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(screen, leader)
    screen.goto(reverse("insights:overview", kwargs={"workplace_slug": workplace.slug}))
    expect(screen.locator("h1")).to_contain_text("De fem praksisser")
    boxes = [screen.locator(".fl-practice-card").nth(n).bounding_box() for n in range(5)]
    assert len({round(box["y"]) for box in boxes}) == 1  # one row
    per_ten = screen.locator("section", has=screen.locator("#practice-P2")).locator(
        "tr", has_text="Idéer pr. 10"
    )
    expect(per_ten.locator("td").first).to_have_text("4,0")  # two ideas, five employees and leaders
    assert_accessible(screen)

    # 4. The practice guide, from the practice's name.
    screen.locator(".fl-practice-card").nth(1).get_by_role("link", name="P2 Idéudvikling").click()
    expect(screen.locator("h1")).to_have_text("P2 Idéudvikling")
    expect(screen.locator("#reflection")).to_be_visible()
    expect(screen.get_by_role("link", name="Idéklinikken")).to_be_visible()
    assert_accessible(screen)
    screen.get_by_role("link", name="Tilbage til de fem praksisser").click()

    # 5. The files for the MED committee: the PDF (tagged, with the practices) and the XLSX with numbers.
    with screen.expect_download() as pdf_download:
        screen.get_by_role("link", name="PDF til MED-udvalget").click()
    pdf = PdfReader(io.BytesIO(open(pdf_download.value.path(), "rb").read()))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert "P2 Idéudvikling" in text and "Idéer pr. 10 medarbejdere" in text
    assert "/StructTreeRoot" in pdf.trailer["/Root"]  # tagged, for screen readers
    with screen.expect_download() as xlsx_download:
        screen.get_by_role("link", name="Excel (XLSX)").click()
    sheet = load_workbook(io.BytesIO(open(xlsx_download.value.path(), "rb").read())).active
    rows = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    current = rows["Idéer pr. 10 medarbejdere"][-2]
    assert current.value == 4.0 and current.data_type == "n"
