"""A workshop run live (issue 6, points 3-4): a leader runs "Idévinduet" from the facilitator's screen, and
three people take part on their phones, two colleagues and a guest, through every step: joining by code,
posting, the automatic groups, a dot vote and the end. Afterwards the leader turns the posts into an idea
and an action item, linked to the session.

The boards poll every two seconds, so everything another person does is awaited with Playwright's `expect`
(never a sleep). axe-core runs on every kind of page the journey visits. Screenshots of the facilitator's
screen and of a phone's room go to $FL_SCREENSHOTS/live-*.png when it names a folder.
"""

import datetime
import os
import re
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import Page, expect

from frontloeber.ideas.models import Idea
from frontloeber.organisations.models import Role
from frontloeber.workshops.models import (
    ActionItem,
    OutputKind,
    Participant,
    Post,
    SessionOutput,
    SessionState,
    Vote,
)
from tests.factories import WorkplaceFactory, member, plan_session

from .conftest import PHONE, assert_accessible, log_in

SCREEN = {"width": 1280, "height": 800}
# The boards poll every 0.5 s here (conftest.py): a change shows on another screen within a poll or two.
POLL = 5_000

GUEST_NAME = "Lone (pårørende)"
IDEA_A = "Fast tid til at lege ude hver formiddag"
IDEA_B = "En tavle i garderoben med dagens billeder"
IDEA_GUEST = "Forældrene kan hjælpe med at rydde legepladsen op"
MISTAKE = "Ups, forkert knap"
BUILD_ON = "Byg videre: lad børnene selv vælge, hvilken leg vi starter med"


def phone(new_context) -> Page:
    return new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()


def shoot(page: Page, name: str, *, full_page: bool = True) -> None:
    """A screenshot to look at, taken only when FL_SCREENSHOTS names a folder (as the other journeys do)."""
    folder = os.environ.get("FL_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"live-{name}.png"), full_page=full_page)


def card(page: Page, board: str, text: str):
    """The post whose own text is ``text`` (not one whose "Merge into" list names it)."""
    return page.locator(f"{board} .fl-post").filter(has=page.locator(".fl-post-text", has_text=text))


def board_is_current(page: Page, session, board: str) -> None:
    """Wait until the page's polling board (`#live-board` or `#room-board`) shows the session as it is in
    the database now; from then on its polls answer "nothing new" until someone changes something, so a
    <details> opened on it stays open."""
    session.refresh_from_db(fields=["revision"])
    expect(page.locator(board)).to_have_attribute(
        "hx-get", re.compile(rf"\?rev={session.revision}$"), timeout=POLL
    )


def next_step(screen: Page, title: str) -> None:
    screen.get_by_role("button", name="Næste trin").click()
    expect(screen.locator("#step-title")).to_have_text(title)


def vote_on(room: Page, session, text: str) -> None:
    """Put one dot on the post with ``text``: on the person's own board, or under the other groups'."""
    board_is_current(room, session, "#room-board")
    post = card(room, "#room-board", text)
    if not post.is_visible():
        room.locator("#room-board details > summary", has_text="De andre gruppers opslag").click()
    expect(post).to_be_visible()
    post.locator('.fl-vote button[value="0"]').click()


def test_a_leader_runs_the_idea_window_with_two_colleagues_and_a_guest(new_context):
    # 1. A workplace with a leader, who facilitates a planned "Idévinduet", and two colleagues.
    workplace = WorkplaceFactory(name="Børnehuset Solsikken")
    leader = member(workplace, Role.LEADER, full_name="Lene Leder").user
    anna = member(workplace, full_name="Anna Andersen").user
    bo = member(workplace, full_name="Bo Berg").user
    session = plan_session(workplace, leader=leader)
    assert session.state == SessionState.PLANNED and session.facilitator == leader

    # 2. The leader starts the workshop from its page and lands on the facilitator's screen.
    screen = new_context(viewport=SCREEN).new_page()
    log_in(screen, leader)
    screen.goto(session.get_absolute_url())
    screen.get_by_role("button", name="Start workshoppen").click()
    expect(screen).to_have_url(re.compile(r"/styr/$"))
    session.refresh_from_db()
    assert session.state == SessionState.LIVE
    code = screen.locator(".fl-join-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6}", code), code
    assert code == session.join_code
    expect(screen.locator(".fl-qr svg")).to_be_visible()
    expect(screen.locator("#step-title")).to_have_text("Rammen for i dag")
    assert_accessible(screen)

    # 3. The two colleagues type the code on their phones; the guest opens the code's address directly.
    rooms = {}
    for person in (anna, bo):
        room = phone(new_context)
        log_in(room, person)
        room.goto("/w/")
        if person == anna:
            assert_accessible(room)
        room.get_by_label("Kode").fill(code.lower())  # the code is forgiving about case
        room.get_by_role("button", name="Deltag", exact=True).click()
        expect(room).to_have_url(re.compile(rf"/w/{code}/$"))
        if person == anna:
            assert_accessible(room)
        room.get_by_role("button", name="Deltag i workshoppen").click()
        expect(room.locator("#room-board")).to_be_visible()
        expect(room.locator("main")).to_contain_text(f"Du er {person.full_name}")
        rooms[person.full_name] = room
    guest = phone(new_context)
    guest.goto(f"/w/{code}/")
    assert_accessible(guest)
    guest.locator("#display-name").fill(GUEST_NAME)
    guest.get_by_role("button", name="Deltag i workshoppen").click()
    expect(guest.locator("#room-board")).to_be_visible()
    expect(guest.locator("main")).to_contain_text(f"Du er {GUEST_NAME} (gæst)")
    expect(guest.locator(".fl-room-step")).to_have_text("Rammen for i dag")
    # The step takes no posts yet.
    expect(guest.locator("#post-text")).to_have_count(0)
    assert_accessible(guest)
    rooms[GUEST_NAME] = guest
    # The facilitator counts as one in the room too.
    expect(screen.locator("#live-board")).to_contain_text("4 i rummet", timeout=POLL)
    assert Participant.objects.filter(session=session).count() == 4
    assert Participant.objects.get(session=session, user=None).display_name == GUEST_NAME

    # 4. Step 2 takes posts: each writes one, and it shows on the shared screen without a reload.
    next_step(screen, "Skriv idéer")
    for name, text in ((anna.full_name, IDEA_A), (bo.full_name, IDEA_B), (GUEST_NAME, IDEA_GUEST)):
        room = rooms[name]
        expect(room.locator(".fl-room-step")).to_have_text("Skriv idéer", timeout=POLL)
        room.locator("#post-text").fill(text)
        room.get_by_role("button", name="Send").click()
        expect(card(room, "#room-board", text)).to_be_visible()
        # The box is emptied once the post is sent (app.js), so a second tap cannot post it twice.
        expect(room.locator("#post-text")).to_have_value("")
        expect(card(screen, "#live-board", text)).to_be_visible(timeout=POLL)
        expect(card(screen, "#live-board", text).locator(".fl-post-meta")).to_contain_text(name)
    assert_accessible(rooms[anna.full_name])
    write = session.format.steps.get(title_da="Skriv idéer")
    assert Post.objects.filter(session=session, step_position=write.position).count() == 3
    # The guest sends one by mistake and takes it back, after a confirmation; every screen loses it.
    guest.locator("#post-text").fill(MISTAKE)
    guest.get_by_role("button", name="Send").click()
    expect(card(screen, "#live-board", MISTAKE)).to_be_visible(timeout=POLL)
    card(guest, "#room-board", MISTAKE).get_by_role("link", name=re.compile(r"^Slet")).click()
    expect(guest.locator("h1")).to_have_text("Slet dit opslag?")
    assert_accessible(guest)
    guest.get_by_role("button", name="Ja, slet det").click()
    expect(guest.locator("#room-board")).to_be_visible()
    expect(card(guest, "#room-board", MISTAKE)).to_have_count(0)
    expect(card(screen, "#live-board", MISTAKE)).to_have_count(0, timeout=POLL)
    # A member's page tells the guest why it asks for a login, and leads back to the room.
    guest.goto(f"/a/{session.workplace.slug}/")
    expect(guest.locator("main")).to_contain_text("Du er gæst i workshoppen Idévinduet")
    assert_accessible(guest)
    guest.get_by_role("link", name="Tilbage til Idévinduet").click()
    expect(guest.locator("#room-board")).to_be_visible()

    # 5. Step 3 works in groups, made automatically: four in the room give two groups.
    next_step(screen, "Byg videre")
    session.refresh_from_db()
    assert session.group_count == 2
    groups = dict(Participant.objects.filter(session=session).values_list("display_name", "group"))
    assert set(groups.values()) <= {1, 2} and None not in groups.values()
    for name, room in rooms.items():
        expect(room.locator("#room-board")).to_contain_text(f"Du er i gruppe {groups[name]}", timeout=POLL)
    anna_room = rooms[anna.full_name]
    anna_room.locator("#post-text").fill(BUILD_ON)
    anna_room.get_by_role("button", name="Send").click()
    anna_board = screen.locator(f"#live-board section.fl-board:has(h3#board-{groups[anna.full_name]})")
    expect(anna_board.locator("h3")).to_have_text(f"Gruppe {groups[anna.full_name]}")
    expect(anna_board.locator(".fl-post-text", has_text=BUILD_ON)).to_be_visible(timeout=POLL)
    assert Post.objects.get(text=BUILD_ON).group == groups[anna.full_name]
    assert_accessible(anna_room)
    assert_accessible(screen)

    # 6. On through steps 4 and 5 to the last, where the leader opens a dot vote with two dots each.
    next_step(screen, "Placér idéerne i vinduet")
    next_step(screen, "Grupperne fremlægger")
    next_step(screen, "Vælg idéer")
    expect(screen.get_by_role("button", name="Afslut workshoppen")).to_be_visible()
    board_is_current(screen, session, "#live-board")
    screen.locator("details.fl-live-tools > summary").click()
    screen.locator("#vote-dots").fill("2")
    screen.get_by_role("button", name="Start afstemningen").click()
    expect(screen.locator("#live-board")).to_contain_text("Afstemning: alle har 2 prikker")
    for room in rooms.values():
        expect(room.locator(".fl-room-dots")).to_contain_text("Du har 2 prikker tilbage", timeout=POLL)
    assert_accessible(screen)
    assert_accessible(guest)

    # Anna puts both her dots on what she built on; then all her + buttons are off, and a third is refused.
    vote_on(anna_room, session, BUILD_ON)
    expect(anna_room.locator(".fl-room-dots")).to_contain_text("Du har 1 prik tilbage")
    vote_on(anna_room, session, BUILD_ON)
    expect(anna_room.locator(".fl-room-dots")).to_contain_text("Du har 0 prikker tilbage")
    plus = anna_room.locator('.fl-vote button[value="0"]')
    assert plus.count() == 4
    for index in range(plus.count()):
        expect(plus.nth(index)).to_be_disabled()
    minus = card(anna_room, "#room-board", BUILD_ON).locator('.fl-vote button[value="1"]')
    expect(minus).to_be_enabled()
    # A third dot sent anyway (a stale page, a double tap) is refused by the server.
    response = anna_room.request.post(
        f"/w/{code}/opslag/{Post.objects.get(text=BUILD_ON).pk}/stem/",
        form={
            "remove": "0",
            "csrfmiddlewaretoken": anna_room.locator("input[name=csrfmiddlewaretoken]").first.input_value(),
        },
        headers={"HX-Request": "true"},
    )
    assert response.ok
    assert "Du har brugt alle dine 2 prikker" in response.text()
    assert Vote.objects.filter(session=session, participant__user=anna).count() == 2
    # The guest and Bo put a dot each on the guest's idea from step 2.
    vote_on(guest, session, IDEA_GUEST)
    expect(guest.locator(".fl-room-dots")).to_contain_text("Du har 1 prik tilbage")
    vote_on(rooms[bo.full_name], session, IDEA_GUEST)
    expect(rooms[bo.full_name].locator(".fl-room-dots")).to_contain_text("Du har 1 prik tilbage")
    expect(card(screen, "#live-board", BUILD_ON).locator(".fl-dots")).to_have_text("2 prikker", timeout=POLL)
    expect(card(screen, "#live-board", IDEA_GUEST).locator(".fl-dots")).to_have_text(
        "2 prikker", timeout=POLL
    )
    # Bo puts his second dot on the idea Anna built on: it is now the most-voted.
    vote_on(rooms[bo.full_name], session, BUILD_ON)
    expect(card(screen, "#live-board", BUILD_ON).locator(".fl-dots")).to_have_text("3 prikker", timeout=POLL)
    assert_accessible(anna_room)
    board_is_current(screen, session, "#live-board")
    shoot(screen, "facilitator")
    screen.evaluate("window.scrollTo(0, 0)")
    shoot(screen, "facilitator-viewport", full_page=False)
    board_is_current(guest, session, "#room-board")
    shoot(guest, "phone-room")
    shoot(guest, "phone-room-viewport", full_page=False)
    shoot(anna_room, "phone-room-voted")

    # 7. The end: the leader lands on the outputs page, and the guest's phone says the workshop is over.
    screen.get_by_role("button", name="Afslut workshoppen").click()
    expect(screen.locator("h1")).to_have_text("Hvad opslagene bliver til")
    expect(screen).to_have_url(re.compile(r"/resultater/$"))
    session.refresh_from_db()
    assert session.state == SessionState.ENDED
    expect(guest.locator("main")).to_contain_text("Workshoppen er slut", timeout=POLL)
    expect(guest.locator("#room-board")).to_have_count(0)
    assert_accessible(guest)
    assert_accessible(screen)

    # 8. The most-voted post becomes an idea, another an action item for Bo, due in a week.
    cards = screen.locator(".fl-output-list > li")
    expect(cards).to_have_count(4)
    expect(cards.first).to_contain_text(BUILD_ON)  # sorted by dots once the workshop has ended
    expect(cards.first).to_contain_text("3 prikker")
    cards.first.get_by_role("link", name=re.compile(r"^Gør det til: idé")).click()
    expect(screen).to_have_url(re.compile(r"/resultater/\d+/idea/$"))
    expect(screen.locator("#id_title")).to_have_value(BUILD_ON)
    assert_accessible(screen)
    screen.get_by_role("button", name="Gem").click()
    expect(screen).to_have_url(re.compile(r"/resultater/$"))
    expect(screen.locator(".fl-output-list > li", has_text=BUILD_ON)).to_contain_text("Idé:")

    due = timezone.localdate() + datetime.timedelta(days=7)
    guest_card = screen.locator(".fl-output-list > li", has_text=IDEA_GUEST)
    guest_card.get_by_role("link", name=re.compile(r"^Gør det til: opgave")).click()
    expect(screen).to_have_url(re.compile(r"/resultater/\d+/action_item/$"))
    expect(screen.locator("#id_what")).to_have_value(IDEA_GUEST)
    screen.locator("#id_owner").select_option(label=bo.full_name)
    screen.locator("#id_due_on").fill(due.isoformat())
    assert_accessible(screen)
    screen.get_by_role("button", name="Gem").click()
    expect(screen).to_have_url(re.compile(r"/resultater/$"))
    expect(screen.locator(".fl-output-list > li", has_text=IDEA_GUEST)).to_contain_text("Opgave:")

    idea = Idea.objects.get(workplace=workplace)
    assert idea.title == BUILD_ON and idea.author == anna
    item = ActionItem.objects.get(workplace=workplace)
    assert (item.what, item.owner, item.due_on) == (IDEA_GUEST, bo, due)
    outputs = {o.kind: o for o in SessionOutput.objects.filter(session=session)}
    assert set(outputs) == {OutputKind.IDEA, OutputKind.ACTION_ITEM}
    assert outputs[OutputKind.IDEA].idea == idea
    assert outputs[OutputKind.IDEA].post == Post.objects.get(text=BUILD_ON)
    assert outputs[OutputKind.ACTION_ITEM].action_item == item
    assert outputs[OutputKind.ACTION_ITEM].post == Post.objects.get(text=IDEA_GUEST)

    # The session's page and its summary list what it became.
    screen.goto(session.get_absolute_url())
    became = screen.locator("main h2", has_text="Det blev til").locator("xpath=following-sibling::ul[1]")
    expect(became).to_contain_text(f"Idé: {BUILD_ON}")
    expect(became).to_contain_text(f"Opgave: {IDEA_GUEST}")
    expect(became.get_by_role("link", name=BUILD_ON)).to_have_attribute("href", idea.get_absolute_url())
    assert_accessible(screen)
    screen.get_by_role("link", name="Se referatet", exact=True).click()
    expect(screen).to_have_url(re.compile(r"/referat/$"))
    expect(screen.locator("main")).to_contain_text(BUILD_ON)
    assert_accessible(screen)
