"""The facilitator removes a guest (security issue, point 7): from the people list on the facilitator's
screen, through a confirmation page, and the guest's phone, which polls its board, reloads into the join
page that says what happened. axe-core runs on the new pages.
"""

import re

from playwright.sync_api import expect

from frontloeber.organisations.models import Role
from frontloeber.workshops import services
from frontloeber.workshops.models import Participant, Post
from tests.factories import WorkplaceFactory, live_session, member

from .conftest import PHONE, assert_accessible, log_in

POLL = 5_000


def test_the_facilitator_removes_a_guest_and_their_phone_is_told(new_context):
    workplace = WorkplaceFactory(name="Borgerservice Nord")
    leader = member(workplace, Role.LEADER, full_name="Lene Leder").user
    session = live_session(workplace, leader=leader)
    while not session.format.steps.get(position=session.step_position).posts:
        session = services.session_step(actor=leader, session=session, action="next")

    guest = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    guest.goto(f"/w/{session.join_code}/")
    guest.locator("#display-name").fill("Uvedkommende")
    guest.get_by_role("button", name="Deltag i workshoppen").click()
    expect(guest.locator("#room-board")).to_be_visible()
    guest.locator("#post-text").fill("Reklame for billige ure")
    guest.get_by_role("button", name="Send").click()
    expect(guest.locator("#room-board")).to_contain_text("Reklame for billige ure")

    screen = new_context(viewport={"width": 1280, "height": 800}).new_page()
    log_in(screen, leader)
    screen.goto(f"/a/{workplace.slug}/workshops/sessioner/{session.pk}/styr/")
    expect(screen.locator("#live-board")).to_contain_text("Reklame for billige ure", timeout=POLL)
    screen.locator("#live-people > summary").click()
    expect(screen.locator("#live-people")).to_contain_text("Uvedkommende (gæst)")
    assert_accessible(screen)
    screen.locator("#live-people").get_by_role("link", name="Fjern Uvedkommende").click()
    expect(screen.locator("h1")).to_have_text("Fjern Uvedkommende fra workshoppen?")
    assert_accessible(screen)
    screen.get_by_role("button", name="Ja, fjern gæsten").click()
    expect(screen).to_have_url(re.compile(r"/styr/$"))
    expect(screen.locator("main")).to_contain_text("Uvedkommende er fjernet fra workshoppen")
    expect(screen.locator("#live-board")).not_to_contain_text("Reklame for billige ure")
    assert Participant.objects.get(display_name="Uvedkommende").removed_at is not None
    assert not Post.objects.filter(text="Reklame for billige ure").exists()

    # The guest's phone finds out at its next poll and shows the join page with the reason.
    removed = "Facilitatoren har fjernet dig fra workshoppen"
    expect(guest.locator("main")).to_contain_text(removed, timeout=POLL)
    expect(guest.locator("#room-board")).to_have_count(0)
    assert_accessible(guest)
