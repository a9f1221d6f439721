"""The idea journey, in Danish: an employee brings an idea from a phone, the leader answers it, the author
hears about it under the bell.

Assertions rest on structure, URLs, ids and names from the data, not on UI wording, so they hold
whether or not a string has its Danish translation yet. Set FL_SCREENSHOTS to a folder to keep a
screenshot of the board and the idea page at phone and desktop size for a look at the layout.
"""

import os
import re
from pathlib import Path

from django.urls import reverse
from playwright.sync_api import Page, expect

from frontloeber.ideas.models import Idea, IdeaStatus
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import OrganisationFactory, WorkplaceFactory, make_challenge, make_idea, member

from .conftest import PHONE, assert_accessible, log_in

TITLE = "Billede fra dagen til forældrene"
NEED = "Forældrene vil gerne se, hvad børnene laver i løbet af dagen, når de henter."
DESCRIPTION = "Vi tager et par billeder på stuens tablet og sender dem til forældrene i en lukket app."
THANKS = "Tak, vi kigger på den på næste personalemøde."
MOVE_MESSAGE = "Spændende! Lad os modne den sammen på personalemødet på torsdag."


def assert_fits_the_screen(page: Page) -> None:
    """No sideways scrolling: nothing on the page is wider than the viewport."""
    width = page.viewport_size["width"]
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways: {scroll_width}px wide on a {width}px screen"


def screenshot(page: Page, name: str) -> None:
    folder = os.environ.get("FL_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


_DUPLICATE_IDS = """
() => {
  const seen = new Set(), twice = new Set();
  for (const element of document.querySelectorAll("[id]")) {
    (seen.has(element.id) ? twice : seen).add(element.id);
  }
  return [...twice];
}
"""


def assert_accessible_page(page: Page) -> None:
    """axe-core's WCAG 2.1 A/AA rules, plus unique ids: a label or aria-describedby pointing at an id used
    twice describes the wrong field (WCAG 4.1.1/1.3.1), and axe only lists that for manual review."""
    assert_accessible(page)
    duplicates = page.evaluate(_DUPLICATE_IDS)
    assert not duplicates, f"ids used more than once on {page.url}: {duplicates}"


def count_pattern(n: int) -> re.Pattern:
    """A text that starts with the number n (and not with, say, n0)."""
    return re.compile(rf"^\s*{n}(\D|$)")


def test_employee_brings_an_idea_and_hears_back_from_the_leader(new_context, live_server):
    organisation = OrganisationFactory(name="Aarhus Kommune", slug="aarhus")
    workplace = WorkplaceFactory(
        organisation=organisation, name="Børnehuset Mælkebøtten", slug="maelkeboetten"
    )
    leader = member(workplace, Role.LEADER, full_name="Lise Leder").user
    employee = member(workplace, Role.EMPLOYEE, full_name="Karl Pædagog").user
    colleague = member(workplace, Role.EMPLOYEE, full_name="Bodil Kollega").user
    challenge = make_challenge(
        workplace, leader=leader, title="Hvordan kan vi give forældrene et bedre indblik i børnenes dag?"
    )
    # The same thought in other words and inflections: "Billeder … børnenes dag" against "billede … dagen".
    similar = make_idea(workplace, author=colleague, title="Billeder af børnenes dag på tablet")
    unrelated = make_idea(
        workplace,
        author=colleague,
        title="Fælles madplan i køkkenet",
        need="Køkkenet bruger mange timer på at planlægge ugens måltider.",
        description="Et delt regneark med opskrifter og indkøbsliste.",
        tag_names=["regneark"],
    )

    slug = {"workplace_slug": workplace.slug}
    board_url = reverse("ideas:board", kwargs=slug)
    create_url = reverse("ideas:idea_create", kwargs=slug)
    inbox_url = reverse("ideas:inbox", kwargs=slug)
    challenges_url = reverse("ideas:challenge_list", kwargs=slug)
    notifications_url = reverse("notifications:list")
    preferences_url = reverse("notifications:preferences")

    # --- The employee, on a phone -------------------------------------------------------------------
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(phone, employee)
    expect(phone).to_have_url(live_server.url + workplace.get_absolute_url())

    # The board, through the workplace menu.
    phone.locator(f".fl-workplace-nav a[href='{board_url}']").click()
    expect(phone).to_have_url(live_server.url + board_url)
    cards = phone.locator("#board-results .fl-cards > li")
    expect(cards).to_have_count(2)
    expect(phone.locator(f"#board-results a[href='{similar.get_absolute_url()}']")).to_have_text(
        similar.title
    )
    assert_fits_the_screen(phone)
    screenshot(phone, "board-phone")
    assert_accessible_page(phone)

    # "Bring an idea".
    phone.locator(f"main a[href='{create_url}']").click()
    expect(phone).to_have_url(live_server.url + create_url)
    form = phone.locator("#idea-form")
    expect(form.locator("#id_title")).to_be_visible()
    assert_fits_the_screen(phone)
    assert_accessible_page(phone)

    # Submitted empty: an error summary, focused, linking to the fields, and the page still accessible.
    submit = form.locator(".fl-actions button[type=submit]")
    submit.click()
    summary = phone.locator("#error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    for field in ("title", "need", "description"):
        expect(summary.locator(f"a[href='#id_{field}']")).to_be_visible()
        expect(phone.locator(f"#id_{field}")).to_have_attribute("aria-invalid", "true")
    assert not Idea.objects.filter(author=employee).exists()
    assert_fits_the_screen(phone)
    assert_accessible_page(phone)

    # Typing the title and the need: the colleague's similar idea turns up beside the form, the other not.
    similar_box = phone.locator("#similar-ideas")
    expect(similar_box.locator("a")).to_have_count(0)
    form.locator("#id_title").fill(TITLE)
    form.locator("#id_need").fill(NEED)
    expect(similar_box.locator(f"a[href='{similar.get_absolute_url()}']")).to_contain_text(similar.title)
    expect(similar_box.locator(f"a[href='{unrelated.get_absolute_url()}']")).to_have_count(0)
    assert_fits_the_screen(phone)
    screenshot(phone, "idea-form-phone")
    assert_accessible_page(phone)

    # The rest: the idea, the challenge it answers, the three values (through their labels) and the tags.
    form.locator("#id_description").fill(DESCRIPTION)
    form.locator("#id_challenge").select_option(str(challenge.pk))
    # Each axis starts "not rated" (its first radio); the scores 0–3 follow it.
    for axis, score in (("citizens", 3), ("quality", 2), ("routines", 1)):
        expect(form.locator(f"#id_value_{axis}_0")).to_be_checked()
        form.locator(f"label[for='id_value_{axis}_{score + 1}']").click()
        expect(form.locator(f"#id_value_{axis}_{score + 1}")).to_be_checked()
    form.locator("#id_value_citizens_why").fill("Forældrene ser, hvad børnene oplever")
    form.locator("#id_tags").fill("tablet, app")
    submit.click()

    # On the new idea's page, with a thank-you.
    idea_path = re.compile(re.escape(live_server.url + board_url) + r"(\d+)/$")
    expect(phone).to_have_url(idea_path)
    idea = Idea.objects.get(author=employee)
    idea_url = idea.get_absolute_url()
    acknowledge_url = reverse("ideas:idea_acknowledge", kwargs={**slug, "idea_id": idea.pk})
    move_url = reverse("ideas:idea_move", kwargs={**slug, "idea_id": idea.pk})
    expect(phone).to_have_url(live_server.url + idea_url)
    assert (idea.title, idea.need, idea.description) == (TITLE, NEED, DESCRIPTION)
    assert (idea.value_citizens, idea.value_quality, idea.value_routines) == (3, 2, 1)
    assert idea.challenge == challenge
    assert sorted(tag.name for tag in idea.tags.all()) == ["app", "tablet"]
    assert idea.status == IdeaStatus.NEW
    expect(phone.locator(".fl-messages .alert-success")).to_be_visible()
    expect(phone.locator("main h1")).to_have_text(TITLE)
    status = phone.locator("main h1 + p .fl-status")
    expect(status).to_have_class(re.compile(r"\bfl-status-new\b"))
    expect(phone.locator("main .fl-value-score")).to_have_text([re.compile(rf"^{n}\b") for n in (3, 2, 1)])
    expect(phone.locator("main .fl-tags a")).to_have_text(["app", "tablet"])
    expect(phone.locator(f"main a[href='{challenge.get_absolute_url()}']")).to_have_text(challenge.title)
    # The leader's panel is for leaders only.
    expect(phone.locator(f"form[action='{acknowledge_url}'], form[action='{move_url}']")).to_have_count(0)
    assert_fits_the_screen(phone)
    screenshot(phone, "idea-phone")
    assert_accessible_page(phone)

    # --- The leader, at a desk ----------------------------------------------------------------------
    desk = new_context().new_page()
    log_in(desk, leader)
    expect(desk).to_have_url(live_server.url + workplace.get_absolute_url())
    # Three ideas wait for an answer: the colleague's two and the new one.
    inbox_link = desk.locator(f".fl-workplace-nav a[href='{inbox_url}']")
    expect(inbox_link.locator(".fl-count")).to_have_text(count_pattern(3))

    # The board, as cards and as a list.
    desk.locator(f".fl-workplace-nav a[href='{board_url}']").click()
    expect(desk).to_have_url(live_server.url + board_url)
    expect(desk.locator("#board-results .fl-cards > li")).to_have_count(3)
    expect(desk.locator(f"#board-results a[href='{idea_url}']")).to_have_text(TITLE)
    screenshot(desk, "board-desktop")
    assert_accessible_page(desk)
    desk.goto(board_url + "?vis=liste")
    expect(desk.locator("#board-results table tbody tr")).to_have_count(3)
    expect(desk.locator(f"#board-results table a[href='{idea_url}']")).to_have_text(TITLE)
    assert_accessible_page(desk)

    # The challenges, and the idea form at desktop size.
    desk.locator(f".fl-workplace-nav a[href='{challenges_url}']").click()
    expect(desk).to_have_url(live_server.url + challenges_url)
    expect(desk.locator(f"main a[href='{challenge.get_absolute_url()}']")).to_have_text(challenge.title)
    assert_accessible_page(desk)
    desk.goto(create_url)
    expect(desk.locator("#idea-form #id_title")).to_be_visible()
    assert_accessible_page(desk)

    # The inbox, the longest waiting first.
    inbox_link.click()
    expect(desk).to_have_url(live_server.url + inbox_url)
    expect(inbox_link).to_have_attribute("aria-current", "page")
    rows = desk.locator("main table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.last.locator(f"a[href='{idea_url}']")).to_have_text(TITLE)
    assert_accessible_page(desk)

    # The idea, with the leader's panel.
    rows.last.locator(f"a[href='{idea_url}']").click()
    expect(desk).to_have_url(live_server.url + idea_url)
    acknowledge_form = desk.locator(f"main form[action='{acknowledge_url}']")
    move_form = desk.locator(f"main form[action='{move_url}']")
    expect(acknowledge_form).to_be_visible()
    expect(move_form).to_be_visible()
    screenshot(desk, "idea-leader-desktop")
    assert_accessible_page(desk)

    # "Tak, vi kigger på den": the idea leaves the inbox and keeps its status.
    acknowledge_form.locator("textarea").fill(THANKS)
    acknowledge_form.locator("button[type=submit]").click()
    expect(desk).to_have_url(live_server.url + idea_url)
    expect(desk.locator(".fl-messages .alert-success")).to_be_visible()
    expect(acknowledge_form).to_have_count(0)
    expect(desk.locator("main .fl-history")).to_contain_text(THANKS)
    expect(inbox_link.locator(".fl-count")).to_have_text(count_pattern(2))
    expect(desk.locator("main h1 + p .fl-status")).to_have_class(re.compile(r"\bfl-status-new\b"))
    assert_accessible_page(desk)

    # Then on to maturing, with a message for the author.
    move_form.locator("select").select_option(IdeaStatus.QUALIFYING.value)
    move_form.locator("textarea").fill(MOVE_MESSAGE)
    move_form.locator("button[type=submit]").click()
    expect(desk).to_have_url(live_server.url + idea_url)
    expect(desk.locator(".fl-messages .alert-success")).to_be_visible()
    expect(desk.locator("main h1 + p .fl-status")).to_have_class(re.compile(r"\bfl-status-qualifying\b"))
    expect(desk.locator("main .fl-history")).to_contain_text(MOVE_MESSAGE)
    assert_accessible_page(desk)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.QUALIFYING
    assert idea.awaiting_leader_since is None

    # --- The author, back on the phone --------------------------------------------------------------
    answered, moved = (
        Notification.objects.about(idea).get(recipient=employee, kind=kind)
        for kind in (Kind.IDEA_RESPONSE, Kind.IDEA_STATUS)
    )
    phone.goto(board_url)
    bell = phone.locator("a.fl-bell")
    expect(bell).to_have_text(re.compile(r"\b2\b"))
    assert_accessible_page(phone)

    bell.click()
    expect(phone).to_have_url(live_server.url + notifications_url)
    expect(phone.locator("main .fl-notifications > li.is-unread")).to_have_count(2)
    open_moved, open_answered = (reverse("notifications:open", args=[n.pk]) for n in (moved, answered))
    moved_link = phone.locator(f"main a[href='{open_moved}']")
    expect(moved_link).to_contain_text(TITLE)
    expect(phone.locator(f"main a[href='{open_answered}']")).to_contain_text(TITLE)
    # The leader's thanks is quoted under its notification.
    expect(phone.locator(f"main .fl-notifications > li:has(a[href='{open_answered}'])")).to_contain_text(
        THANKS
    )
    assert_fits_the_screen(phone)
    assert_accessible_page(phone)

    # The status notification leads to the idea, now maturing, with the leader's message.
    moved_link.click()
    expect(phone).to_have_url(live_server.url + idea_url)
    expect(status).to_have_class(re.compile(r"\bfl-status-qualifying\b"))
    expect(phone.locator("main .fl-history")).to_contain_text(MOVE_MESSAGE)
    # Seeing the idea reads all its news: both notifications leave the bell.
    expect(bell).not_to_have_text(re.compile(r"\d"))
    assert_fits_the_screen(phone)
    assert_accessible_page(phone)
    moved.refresh_from_db()
    answered.refresh_from_db()
    assert moved.read_at is not None
    assert answered.read_at is not None

    # The notification settings, through the user menu.
    phone.locator("#user-menu summary").click()
    phone.locator(f"#user-menu a[href='{preferences_url}']").click()
    expect(phone).to_have_url(live_server.url + preferences_url)
    expect(phone.locator("#id_daily_digest")).to_be_visible()
    assert_fits_the_screen(phone)
    assert_accessible_page(phone)
