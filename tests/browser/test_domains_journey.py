"""An organisation admin names the organisation's e-mail domain and approves a substitute's private address
(issue 14): on a phone, with the keyboard alone for the form, and axe on every page."""

from django.urls import reverse
from playwright.sync_api import expect

from frontloeber.organisations.models import AddressApproval, OrganisationDomain, Role
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, member

from .conftest import PHONE, assert_accessible, log_in
from .test_experiment_journey import assert_fits_the_screen


def test_an_admin_names_the_domain_and_approves_a_private_address(new_context, live_server):
    workplace = WorkplaceFactory(name="Børnehuset Mælkebøtten")
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    member(workplace, Role.EMPLOYEE, email="pia@fjordby.dk", full_name="Pia Pædagog")
    substitute = member(workplace, Role.EMPLOYEE, email="vikar@gmail.example", full_name="Vibeke Vikar").user
    organisation = workplace.organisation
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(page, admin)

    page.goto(reverse("organisations:organisation_home", kwargs={"org_slug": organisation.slug}))
    domains = reverse("organisations:domains", kwargs={"org_slug": organisation.slug})
    page.locator(f"a[href='{domains}']").click()
    assert_accessible(page)
    # A bad domain gets a message in the form and is not saved; a good one, typed and sent with Enter, is.
    field = page.locator("input[name=domain]")
    field.fill("ikke et domæne")
    field.press("Enter")
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page)
    assert not OrganisationDomain.objects.exists()
    page.locator("input[name=domain]").fill("fjordby.dk")
    page.locator("input[name=domain]").press("Enter")
    expect(page.locator(".alert-success")).to_be_visible()
    assert OrganisationDomain.objects.get().domain == "fjordby.dk"

    addresses = reverse("organisations:addresses", kwargs={"org_slug": organisation.slug})
    page.locator(f"a[href='{addresses}']").click()
    assert_accessible(page)
    assert_fits_the_screen(page)
    expect(page.locator("main")).to_contain_text("vikar@gmail.example")
    expect(page.locator("main")).not_to_contain_text("pia@fjordby.dk")
    approve = reverse(
        "organisations:address_approve", kwargs={"org_slug": organisation.slug, "user_id": substitute.pk}
    )
    page.locator(f"form[action='{approve}'] button").click()
    expect(page.locator(".alert-success")).to_be_visible()
    assert_accessible(page)
    assert AddressApproval.objects.filter(user=substitute, approved_by=admin).exists()
