"""The projector's presentation (issue 17, point 5): the facilitator opens it on the projector and steers from
their phone; the projector follows, shows the work without names or the facilitator's app, and says when the
workshop has ended. Afterwards every remaining post becomes an idea in one action, after a preview. axe on
each page; the presentation and the preview are screenshotted to $FL_SCREENSHOTS/present-*.png."""

from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.ideas.models import Idea
from frontloeber.workshops import services
from tests.factories import WorkplaceFactory, live_session, member

from .conftest import PHONE, assert_accessible, log_in
from .test_workshop_live import POLL, SCREEN, shoot


def test_the_projector_follows_the_facilitators_phone(new_context, live_server):
    workplace = WorkplaceFactory(name="Børnehuset Mælkebøtten")
    leader = member(workplace, "leader", full_name="Lise Leder").user
    session = live_session(workplace, leader=leader)
    while not session.format.steps.get(position=session.step_position).posts:
        session = services.session_step(actor=leader, session=session, action="next")
    for n in (1, 2):
        person = services.participant_join(
            session=session, user=member(workplace, full_name=f"Person {n}").user
        )
        services.post_create(participant=person, text=f"Forslag nummer {n}")
    kwargs = {"workplace_slug": workplace.slug, "session_id": session.pk}

    projector = new_context(viewport=SCREEN).new_page()
    log_in(projector, leader)
    projector.goto(reverse("workshops:session_present", kwargs=kwargs))
    expect(projector.locator(".fl-header")).to_have_count(0)  # no menu, bell or inbox
    expect(projector.locator(".fl-join-code")).to_have_text(session.join_code)
    expect(projector.locator(".fl-post")).to_have_count(2)
    expect(projector.locator("main")).not_to_contain_text("Person 1")  # the work, not who wrote it
    assert_accessible(projector)
    shoot(projector, "present-projector")

    controls = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(controls, leader)
    controls.goto(reverse("workshops:session_live", kwargs=kwargs))
    present = reverse("workshops:session_present", kwargs=kwargs)
    expect(controls.locator(f"a[href='{present}']")).to_be_visible()
    # Through every later step to the end, from the phone; the projector follows. (The test itself writes
    # nothing while the projector polls: that would contend with it for SQLite's lock.)
    steps = list(session.format.steps.order_by("position"))
    later = [step for step in steps if step.position > session.step_position]
    for number, step in enumerate(later):
        controls.get_by_role("button", name="Næste trin").click()
        expect(controls.locator("#step-title")).to_have_text(step.title)
        if number == 0:
            expect(projector.locator("#step-title")).to_have_text(step.title, timeout=POLL)
    controls.get_by_role("button", name="Afslut workshoppen").click()
    expect(projector.locator("#present-board:not([hx-get])")).to_be_visible(timeout=POLL)
    assert_accessible(projector)

    # --- Every remaining post into an idea, after a preview -----------------------------------------------
    controls.goto(reverse("workshops:session_outputs", kwargs=kwargs))
    all_to_ideas = reverse("workshops:session_posts_to_ideas", kwargs=kwargs)
    controls.locator(f"a[href='{all_to_ideas}']").click()
    expect(controls.locator(".fl-output-list > li")).to_have_count(2)
    assert not Idea.objects.exists()
    assert_accessible(controls)
    shoot(controls, "present-preview")
    controls.locator(".fl-actions button[type=submit]").click()
    expect(controls.locator(".alert-success")).to_be_visible()
    assert sorted(Idea.objects.values_list("title", flat=True)) == ["Forslag nummer 1", "Forslag nummer 2"]
    expect(controls.locator(f"a[href='{all_to_ideas}']")).to_have_count(0)  # nothing remains
    assert_accessible(controls)
