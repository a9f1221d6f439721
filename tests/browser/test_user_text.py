"""What people type cannot break the page: a 4,000-character word wraps on a phone, and a right-to-left
override (U+202E) in a name or a comment reverses nothing outside it."""

from django.urls import reverse
from playwright.sync_api import Page, expect

from frontloeber.ideas import services as idea_services
from frontloeber.organisations.models import Role
from frontloeber.workshops import services as workshop_services
from tests.factories import WorkplaceFactory, live_session, make_idea, member

from .conftest import PHONE, assert_accessible, log_in

RLO = "\u202e"
LONG_WORD = "Langtord" * 500  # 4,000 characters without a space

# Where each character of an element's first text node is drawn, as [left, top]: text laid out left to right
# has ascending x positions on each line.
_CHAR_LEFTS = """
(selector) => {
  const element = document.querySelector(selector);
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && !node.textContent.trim()) node = walker.nextNode();
  const lefts = [];
  const range = document.createRange();
  for (let i = 0; i < node.textContent.length; i++) {
    if (!node.textContent[i].trim()) continue;
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const box = range.getBoundingClientRect();
    lefts.push([box.left, Math.round(box.top)]);
  }
  return lefts;
}
"""


def assert_left_to_right(page: Page, selector: str) -> None:
    positions = page.evaluate(_CHAR_LEFTS, selector)
    assert len(positions) > 3, selector
    lines = {}
    for left, top in positions:
        lines.setdefault(top, []).append(left)
    for lefts in lines.values():
        assert lefts == sorted(lefts), f"the text of {selector} is drawn right to left: {lefts}"


def assert_fits_the_screen(page: Page) -> None:
    width = page.viewport_size["width"]
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways: {scroll_width}px wide on a {width}px screen"


def assert_isolated(page: Page, selector: str) -> None:
    """The element keeps its text's direction to itself: a <bdi>, or dir="auto" (computed: isolate)."""
    found = page.evaluate(
        """(selector) => { const e = document.querySelector(selector);
            return [e.tagName, e.getAttribute("dir"), getComputedStyle(e).unicodeBidi]; }""",
        selector,
    )
    tag, direction, unicode_bidi = found
    assert tag == "BDI" or direction == "auto", found
    assert unicode_bidi in ("isolate", "plaintext", "isolate-override"), found


def test_a_long_word_and_a_right_to_left_override_stay_put_on_the_idea_page(new_context):
    workplace = WorkplaceFactory(slug="solsikken")
    leader = member(workplace, Role.LEADER, full_name="Lene Leder").user
    trickster = member(workplace, Role.EMPLOYEE, full_name=f"Karen {RLO}Kollega").user
    idea = make_idea(
        workplace,
        author=trickster,
        title="Titel" + "x" * 140,
        need=LONG_WORD[:2000],
        description=LONG_WORD,
    )
    comment = idea_services.comment_create(
        actor=trickster, idea=idea, body=f"Se her {RLO}vendt om og {LONG_WORD}"
    )
    after = idea_services.comment_create(actor=leader, idea=idea, body="Tak for kommentaren")

    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, leader)
    page.goto(idea.get_absolute_url())
    expect(page.locator("main h1")).to_be_visible()

    assert_fits_the_screen(page)

    # The name is isolated: the date after it on the same line reads left to right.
    header = f"#kommentar-{comment.pk} > p:first-child"
    assert_isolated(page, f"{header} bdi")
    assert_left_to_right(page, f"{header} time")
    # "Brought by Karen …Kollega · <date>": the date after the name too.
    assert_left_to_right(page, "main h1 + p + p time")
    # The comment's text is its own island, and what follows it reads as it should.
    assert_isolated(page, f"#kommentar-{comment.pk} .fl-user-text")
    assert_left_to_right(page, f"#kommentar-{after.pk} .fl-user-text p")
    assert_left_to_right(page, f"#kommentar-{after.pk} time")
    assert_isolated(page, "main h1")

    assert_accessible(page)


def test_a_guests_name_and_post_stay_in_their_place_on_the_shared_screen(new_context):
    workplace = WorkplaceFactory(slug="solsikken")
    leader = member(workplace, Role.LEADER, full_name="Lene Leder").user
    session = live_session(workplace, leader=leader)
    session = workshop_services.session_step(actor=leader, session=session, action="next")
    guest = workshop_services.participant_join(session=session, display_name=f"Gæst {RLO}Lone")
    post = workshop_services.post_create(participant=guest, text=f"Idé {RLO}baglæns og {LONG_WORD[:480]}")

    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, leader)
    # The facilitator's shared screen, which the whole room reads.
    page.goto(
        reverse("workshops:session_live", kwargs={"workplace_slug": "solsikken", "session_id": session.pk})
    )
    post_selector = f"#post-{post.pk}"
    expect(page.locator(post_selector)).to_be_visible()
    assert_fits_the_screen(page)
    assert_isolated(page, f"{post_selector} .fl-post-text")
    assert_isolated(page, f"{post_selector} .fl-post-meta bdi")
    assert_accessible(page)
