"""The organisation's e-mail domains, and approving people whose address is outside them (their pages)."""

import pytest
from django.urls import reverse
from django.utils import translation

from frontloeber.organisations.models import AddressApproval, OrganisationDomain, Role
from tests.factories import MembershipFactory, OrganisationAdminFactory, WorkplaceFactory, member

from .helpers import org_url

pytestmark = pytest.mark.django_db


def da(msgid):
    with translation.override("da"):
        return translation.gettext(msgid)


@pytest.fixture
def admin():
    return OrganisationAdminFactory(organisation=WorkplaceFactory().organisation)


def test_an_admin_adds_and_removes_a_domain_after_a_confirmation(client, admin):
    organisation = admin.organisation
    client.force_login(admin.user)
    home = client.get(org_url("organisation_home", organisation)).content.decode()
    assert f'href="{org_url("domains", organisation)}"' in home
    page = client.get(org_url("domains", organisation))
    assert page.status_code == 200
    assert da("No domains yet. Until you add one, every address counts as the organisation's own.") in (
        page.content.decode().replace("&#x27;", "'")
    )
    response = client.post(org_url("domains", organisation), {"domain": "Fjordby.DK"})
    assert response.status_code == 302
    domain = OrganisationDomain.objects.get(organisation=organisation)
    assert domain.domain == "fjordby.dk" and domain.added_by == admin.user
    remove_url = org_url("domain_remove", organisation, domain_id=domain.pk)
    confirm = client.get(remove_url)
    assert confirm.status_code == 200 and 'method="post"' in confirm.content.decode()
    assert OrganisationDomain.objects.exists()  # a GET changes nothing
    assert client.post(remove_url).status_code == 302
    assert not OrganisationDomain.objects.exists()


@pytest.mark.parametrize("value", ["", "fjordby", "ikke et domæne", "a@b@c", "x" * 260, "-fjordby.dk"])
def test_a_bad_domain_gets_a_clear_message_and_changes_nothing(client, admin, value):
    client.force_login(admin.user)
    response = client.post(org_url("domains", admin.organisation), {"domain": value})
    assert response.status_code == 400
    assert 'class="form-error-message' in response.content.decode() or "alert-error" in (
        response.content.decode()
    )
    assert not OrganisationDomain.objects.exists()


def test_a_domain_of_another_organisation_is_refused(client, admin):
    OrganisationDomain.objects.create(organisation=WorkplaceFactory().organisation, domain="fjordby.dk")
    client.force_login(admin.user)
    response = client.post(org_url("domains", admin.organisation), {"domain": "fjordby.dk"})
    assert response.status_code == 400
    assert not OrganisationDomain.objects.filter(organisation=admin.organisation).exists()


def test_people_outside_the_domains_are_listed_and_approved(client, admin):
    organisation = admin.organisation
    workplace = organisation.workplaces.get()
    OrganisationDomain.objects.create(organisation=organisation, domain="fjordby.dk")
    inside = member(workplace, email="anna@fjordby.dk").user
    outside = member(workplace, email="vikar@gmail.example", full_name="Vibeke Vikar").user
    member(WorkplaceFactory(), email="fremmed@gmail.example")  # another organisation's person
    client.force_login(admin.user)
    page = client.get(org_url("addresses", organisation)).content.decode()
    assert "vikar@gmail.example" in page and "Vibeke Vikar" in page
    assert inside.email not in page and "fremmed@gmail.example" not in page
    approve = org_url("address_approve", organisation, user_id=outside.pk)
    assert f'action="{approve}"' in page
    assert client.post(approve).status_code == 302
    approval = AddressApproval.objects.get(organisation=organisation, user=outside)
    assert approval.approved_by == admin.user
    withdraw = org_url("address_approval_withdraw", organisation, user_id=outside.pk)
    assert f'action="{withdraw}"' in client.get(org_url("addresses", organisation)).content.decode()
    assert client.post(withdraw).status_code == 302
    assert not AddressApproval.objects.exists()


def test_a_person_of_another_organisation_cannot_be_approved(client, admin):
    stranger = member(WorkplaceFactory(), email="fremmed@gmail.example").user
    client.force_login(admin.user)
    response = client.post(org_url("address_approve", admin.organisation, user_id=stranger.pk))
    assert response.status_code == 404
    assert not AddressApproval.objects.exists()


@pytest.mark.parametrize("role", [Role.LEADER, Role.EMPLOYEE, Role.OBSERVER])
def test_only_the_organisations_admins_reach_the_domain_pages(client, admin, role):
    person = member(admin.organisation.workplaces.get(), role).user
    client.force_login(person)
    for name in ("domains", "addresses"):
        assert client.get(org_url(name, admin.organisation)).status_code == 404


def test_the_addresses_page_takes_a_fixed_number_of_queries(client, admin, django_assert_num_queries):
    organisation = admin.organisation
    OrganisationDomain.objects.create(organisation=organisation, domain="fjordby.dk")
    workplaces = [organisation.workplaces.get(), WorkplaceFactory(organisation=organisation)]
    client.force_login(admin.user)

    def add(n):
        """``n`` people outside the domains, each in both workplaces."""
        for i in range(n):
            person = member(workplaces[0], email=f"vikar{n}-{i}@gmail.example").user
            MembershipFactory(workplace=workplaces[1], user=person)

    add(2)
    with django_assert_num_queries(ADDRESSES_QUERIES):
        assert client.get(org_url("addresses", organisation)).status_code == 200
    add(8)
    with django_assert_num_queries(ADDRESSES_QUERIES):
        assert client.get(org_url("addresses", organisation)).status_code == 200


# Session, user, the organisation (tenancy); the domains, the count and the page of people, their
# memberships here; the header's reads.
ADDRESSES_QUERIES = 9


@pytest.mark.parametrize("value", ["gmail.com", "Hotmail.DK", "outlook.com"])
def test_a_free_mail_domain_cannot_be_the_organisations(client, admin, value):
    client.force_login(admin.user)
    response = client.post(org_url("domains", admin.organisation), {"domain": value})
    assert response.status_code == 400
    assert not OrganisationDomain.objects.exists()


@pytest.mark.parametrize(
    "value", ["https://www.fjordby.dk/", "@fjordby.dk", "kontakt@fjordby.dk", "FJORDBY.DK."]
)
def test_a_pasted_address_or_web_address_gives_its_domain(client, admin, value):
    client.force_login(admin.user)
    assert client.post(org_url("domains", admin.organisation), {"domain": value}).status_code == 302
    assert OrganisationDomain.objects.get().domain == "fjordby.dk"


def test_a_domain_of_another_organisation_is_claimed_and_a_platform_operator_moves_it(client, admin):
    from django.core.exceptions import PermissionDenied

    from frontloeber.organisations.models import AuditAction, AuditEntry, DomainClaim, OrganisationDomain
    from frontloeber.organisations.services import domain_claim_decide
    from tests.factories import OrganisationFactory, UserFactory

    holder = OrganisationFactory()
    OrganisationDomain.objects.create(organisation=holder, domain="kommune.dk")
    organisation = admin.organisation
    client.force_login(admin.user)
    url = reverse("organisations:domains", kwargs={"org_slug": organisation.slug})
    response = client.post(url, {"domain": "kommune.dk"})
    assert response.status_code == 400
    claim = DomainClaim.objects.get(organisation=organisation, domain="kommune.dk")
    assert "kommune.dk" in client.get(url).content.decode()
    client.post(url, {"domain": "kommune.dk"})
    assert DomainClaim.objects.filter(organisation=organisation).count() == 1, (
        "one claim, however often asked"
    )

    with pytest.raises(PermissionDenied):
        domain_claim_decide(operator=admin.user, claim=claim, move=True)
    operator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(operator)
    changelist = reverse("admin:organisations_domainclaim_changelist")
    response = client.post(changelist, {"action": "move_domain", "_selected_action": [claim.pk]})
    assert response.status_code == 302
    assert OrganisationDomain.objects.get(domain="kommune.dk").organisation == organisation
    claim.refresh_from_db()
    assert claim.moved is True and claim.decided_by == operator
    for side in (holder, organisation):
        assert AuditEntry.objects.filter(organisation=side, action=AuditAction.DOMAIN_MOVED).exists()
