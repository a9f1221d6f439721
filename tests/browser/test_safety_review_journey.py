"""A second pair of eyes on the safety check (issue 17, point 6): the organisation admin names the data
protection adviser; a leader answers a safety check that touches personal data; the adviser, on a phone,
opens it from the bell, asks for a change, and approves the next version; the leader downloads the approval.
axe on every page."""

from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.experiments import services
from frontloeber.experiments.models import ReviewState, SafetyReview
from frontloeber.organisations.models import Role, SafetyContact
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, make_experiment, make_idea, member

from .conftest import PHONE, assert_accessible, log_in
from .test_experiment_journey import DESKTOP, assert_fits_the_screen

PERSONAL = {
    "personal_data": True,
    "personal_data_which": "Billeder af børnene",
    "legal_basis": "Forældrenes samtykke",
    "dpo_contact": "Kommunens DPO",
    "vulnerable_citizens": False,
    "needs_it": False,
}


def test_the_adviser_asks_for_a_change_and_approves_the_next_version(new_context, live_server):
    workplace = WorkplaceFactory(name="Børnehuset Mælkebøtten")
    organisation = workplace.organisation
    admin = OrganisationAdminFactory(organisation=organisation).user
    leader = member(workplace, Role.LEADER, full_name="Lise Leder").user
    town_hall = WorkplaceFactory(organisation=organisation, name="Rådhuset")
    adviser = member(town_hall, Role.EMPLOYEE, full_name="Dorte Databeskyttelse").user
    experiment = make_experiment(make_idea(workplace, title="Billeder af dagen"), actor=leader)

    # --- The admin names the adviser --------------------------------------------------------------------
    desk = new_context(viewport=DESKTOP).new_page()
    log_in(desk, admin)
    desk.goto(reverse("organisations:safety_contacts", kwargs={"org_slug": organisation.slug}))
    assert_accessible(desk)
    desk.locator("input[name=email]").fill(adviser.email)
    desk.locator("input[name=role][value=dpo]").check()
    desk.locator(".fl-actions button[type=submit]").click()
    expect(desk.locator(".alert-success")).to_be_visible()
    assert SafetyContact.objects.get().user == adviser
    assert_accessible(desk)

    # --- The leader answers; the adviser, on a phone, opens it from the bell --------------------------------
    services.experiment_safety_update(actor=leader, experiment=experiment, **PERSONAL)
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(phone, adviser)
    phone.goto(reverse("notifications:list"))
    review = SafetyReview.objects.get()
    address = reverse(
        "experiments:safety_review", kwargs={"org_slug": organisation.slug, "review_id": review.pk}
    )
    phone.locator("ul.fl-notifications a").first.click()
    expect(phone).to_have_url(live_server.url + address)
    expect(phone.locator("main")).to_contain_text("Billeder af børnene")
    assert_fits_the_screen(phone)
    assert_accessible(phone)
    # Asking for a change without saying what is refused, with the error summary.
    phone.locator("input[name=decision][value=changes]").check()
    phone.locator(".fl-actions button[type=submit]").click()
    expect(phone.locator("#error-summary")).to_be_visible()
    assert_accessible(phone)
    phone.locator("textarea[name=comment]").fill("Skriv, hvor billederne gemmes, og hvor længe.")
    phone.locator(".fl-actions button[type=submit]").click()
    expect(phone.locator(".alert-success")).to_be_visible()
    review.refresh_from_db()
    assert review.state == ReviewState.CHANGES

    # --- The leader sees the request on the experiment's page, and answers again ----------------------------
    desk = new_context(viewport=DESKTOP).new_page()
    log_in(desk, leader)
    desk.goto(experiment.get_absolute_url())
    expect(desk.locator("main")).to_contain_text("Skriv, hvor billederne gemmes, og hvor længe.")
    assert_accessible(desk)
    experiment.refresh_from_db()
    services.experiment_safety_update(
        actor=leader, experiment=experiment, **{**PERSONAL, "legal_basis": "Samtykke; slettes efter 30 dage"}
    )
    second = SafetyReview.objects.get(state=ReviewState.ASKED)
    assert second.version == 2

    # --- The adviser approves version 2; the leader downloads the approval ----------------------------------
    phone.goto(reverse("experiments:safety_reviews", kwargs={"org_slug": organisation.slug}))
    assert_accessible(phone)
    second_address = reverse(
        "experiments:safety_review", kwargs={"org_slug": organisation.slug, "review_id": second.pk}
    )
    phone.locator(f"a[href='{second_address}']").click()
    phone.locator("input[name=decision][value=approve]").check()
    phone.locator(".fl-actions button[type=submit]").click()
    expect(phone.locator(".alert-success")).to_be_visible()
    assert_accessible(phone)
    experiment.refresh_from_db()
    assert experiment.safety_confirmed_by == adviser

    desk.goto(experiment.get_absolute_url())
    pdf = reverse(
        "experiments:experiment_review_pdf",
        kwargs={"workplace_slug": workplace.slug, "experiment_id": experiment.pk, "review_id": second.pk},
    )
    expect(desk.locator(f"main a[href='{pdf}']")).to_be_visible()
    assert_accessible(desk)
