"""Quieter notifications (issue 17, point 8), on a phone: a colleague who commented hears one notification
for four quick status changes of the idea only when they are an outcome, and an employee switches off the
comments they hear about. axe on the bell's list and the settings page."""

from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import IdeaStatus
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import MutedKind
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, make_idea, member

from .conftest import PHONE, assert_accessible, log_in
from .test_experiment_journey import assert_fits_the_screen


def test_one_notification_for_quick_changes_and_a_kind_switched_off(new_context, live_server):
    workplace = WorkplaceFactory(name="Ambulancestation Nord")
    leader = member(workplace, Role.LEADER, full_name="Lise Leder").user
    author = member(workplace, Role.EMPLOYEE, full_name="Anders Ansat").user
    idea = make_idea(workplace, author=author)
    for status in (IdeaStatus.QUALIFYING, IdeaStatus.EXPERIMENTING, IdeaStatus.PARKED, IdeaStatus.QUALIFYING):
        idea_services.idea_move(actor=leader, idea=idea, to_status=status, message="Vi kigger på den.")

    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, author)
    page.goto(reverse("notifications:list"))
    expect(page.locator("ul.fl-notifications > li")).to_have_count(1)
    expect(page.locator("ul.fl-notifications > li")).to_contain_text("4")
    assert_fits_the_screen(page)
    assert_accessible(page)

    page.goto(reverse("notifications:preferences"))
    box = page.locator(f"input[name=heard][value={Kind.IDEA_COMMENT}]")
    expect(box).to_be_checked()
    expect(page.locator(f"input[name=heard][value={Kind.IDEA_QUESTION}]")).to_have_count(0)
    box.uncheck()
    page.locator("form.fl-form button[type=submit]").click()
    expect(page.locator(".alert-success")).to_be_visible()
    assert list(MutedKind.objects.filter(user=author).values_list("kind", flat=True)) == [Kind.IDEA_COMMENT]
    expect(page.locator(f"input[name=heard][value={Kind.IDEA_COMMENT}]")).not_to_be_checked()
    assert_fits_the_screen(page)
    assert_accessible(page)
