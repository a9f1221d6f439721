"""The board's filters live in the address: htmx updates the results, and links and the back button work."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.ideas import services
from frontloeber.ideas.models import IdeaStatus
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, make_idea, member

from .conftest import assert_accessible, log_in


def test_filters_update_the_results_and_the_back_button_restores_the_whole_page(new_context, live_server):
    workplace = WorkplaceFactory(slug="solsikken")
    leader = member(workplace, Role.LEADER).user
    employee = member(workplace, Role.EMPLOYEE).user
    make_idea(workplace, author=employee, title="Tablet til billeder af dagen", tag_names=["tablet"])
    maturing = make_idea(workplace, author=employee, title="Lydmåler på stuen", tag_names=["lyd"])
    services.idea_move(actor=leader, idea=maturing, to_status=IdeaStatus.QUALIFYING)
    board = reverse("ideas:board", kwargs={"workplace_slug": workplace.slug})

    page = new_context().new_page()
    log_in(page, employee)
    page.goto(board)
    cards = page.locator("#board-results .fl-idea-card")
    expect(cards).to_have_count(2)

    # Choosing a status updates the results in place and puts the filter in the address.
    page.locator("#id_status").select_option("qualifying")
    expect(page).to_have_url(
        f"{live_server.url}{board}?q=&status=qualifying&sort=newest&challenge=&tag=&axis=&vis=kort"
    )
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(maturing.title)
    expect(page.locator("#board-live")).to_contain_text("1")

    # Open the idea, then go back: the whole page returns, with the filter still chosen.
    cards.first.get_by_role("link").click()
    expect(page).to_have_url(f"{live_server.url}{maturing.get_absolute_url()}")
    page.go_back()
    expect(page.locator("header .fl-brand")).to_be_visible()
    expect(page.locator("#id_status")).to_have_value("qualifying")
    expect(cards).to_have_count(1)

    # The address is a link a colleague can open: the same results, rendered as a whole page.
    shared = page.url
    other = new_context().new_page()
    log_in(other, leader)
    other.goto(shared)
    expect(other.locator("#board-results .fl-idea-card")).to_have_count(1)
    expect(other.locator("#id_status")).to_have_value("qualifying")
    assert_accessible(other)

    # Searching by typing narrows the results without pressing anything.
    page.goto(board)
    page.locator("#id_q").fill("lydmålere")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(maturing.title)
    expect(page).to_have_url(re.compile(r"\?q=lydm%C3%A5lere&"))
