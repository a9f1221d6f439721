import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from frontloeber.accounts.models import User
from frontloeber.organisations import services
from frontloeber.organisations.models import Membership, Role, Sector, Workplace
from tests.factories import OrganisationAdminFactory, OrganisationFactory, WorkplaceFactory, member

pytestmark = pytest.mark.django_db


def test_organisation_admin_creates_a_workplace_with_a_unique_slug():
    admin = OrganisationAdminFactory()
    first = services.workplace_create(
        actor=admin.user,
        organisation=admin.organisation,
        name="Børnehuset Ærø",
        sector=Sector.DAYCARE,
        core_task="  Trygge børn.  ",
    )
    second = services.workplace_create(
        actor=admin.user, organisation=admin.organisation, name="Børnehuset Ærø", sector=Sector.DAYCARE
    )
    assert first.slug == "boernehuset-aeroe"
    assert second.slug == "boernehuset-aeroe-2"
    assert first.core_task == "Trygge børn."
    assert first.organisation == admin.organisation


def test_only_the_organisations_admins_create_workplaces():
    organisation = OrganisationFactory()
    leader = member(WorkplaceFactory(organisation=organisation), Role.LEADER).user
    with pytest.raises(PermissionDenied):
        services.workplace_create(actor=leader, organisation=organisation, name="X", sector=Sector.OTHER)
    with pytest.raises(PermissionDenied):
        services.workplace_create(
            actor=OrganisationAdminFactory().user, organisation=organisation, name="X", sector=Sector.OTHER
        )
    assert Workplace.objects.filter(name="X").count() == 0


def test_a_sector_off_the_list_and_an_empty_name_are_refused():
    admin = OrganisationAdminFactory()
    with pytest.raises(ValidationError) as error:
        services.workplace_create(actor=admin.user, organisation=admin.organisation, name=" ", sector="space")
    assert set(error.value.message_dict) == {"name", "sector"}
    assert not Workplace.objects.exists()


def test_a_leader_edits_the_core_task_but_an_employee_cannot():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    services.workplace_update(
        actor=leader,
        workplace=workplace,
        name=workplace.name,
        sector=workplace.sector,
        core_task="Ny kerneopgave",
    )
    workplace.refresh_from_db()
    assert workplace.core_task == "Ny kerneopgave"
    with pytest.raises(PermissionDenied):
        services.workplace_update(
            actor=member(workplace).user, workplace=workplace, name="X", sector=workplace.sector, core_task=""
        )
    workplace.refresh_from_db()
    assert workplace.name != "X"


def test_changing_roles_keeps_at_least_one_leader():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER)
    employee = member(workplace)
    with pytest.raises(ValidationError):
        services.membership_change_role(actor=leader.user, membership=leader, role=Role.EMPLOYEE)
    services.membership_change_role(actor=leader.user, membership=employee, role=Role.LEADER)
    services.membership_change_role(actor=employee.user, membership=leader, role=Role.OBSERVER)
    leader.refresh_from_db()
    assert leader.role == Role.OBSERVER


def test_a_role_that_does_not_exist_is_refused_and_nothing_changes():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER)
    employee = member(workplace)
    with pytest.raises(ValidationError):
        services.membership_change_role(actor=leader.user, membership=employee, role="admin")
    employee.refresh_from_db()
    assert employee.role == Role.EMPLOYEE


def test_employees_and_observers_cannot_change_roles():
    workplace = WorkplaceFactory()
    employee = member(workplace)
    observer = member(workplace, Role.OBSERVER)
    for actor in (employee.user, observer.user):
        with pytest.raises(PermissionDenied):
            services.membership_change_role(actor=actor, membership=employee, role=Role.LEADER)


def test_removing_a_member_keeps_the_person_and_their_other_workplaces():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER)
    leaving = member(workplace)
    elsewhere = Membership.objects.create(
        organisation=workplace.organisation,
        workplace=WorkplaceFactory(organisation=workplace.organisation),
        user=leaving.user,
        role=Role.EMPLOYEE,
    )
    services.membership_remove(actor=leader.user, membership=leaving)
    assert not Membership.objects.filter(pk=leaving.pk).exists()
    assert User.objects.filter(pk=leaving.user_id).exists()
    assert Membership.objects.filter(pk=elsewhere.pk).exists()


def test_the_last_leader_cannot_be_removed():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER)
    with pytest.raises(ValidationError):
        services.membership_remove(actor=leader.user, membership=leader)
    assert Membership.objects.filter(pk=leader.pk).exists()


def test_an_organisation_admin_appoints_a_leader_in_any_of_its_workplaces():
    workplace = WorkplaceFactory()
    admin = OrganisationAdminFactory(organisation=workplace.organisation)
    employee = member(workplace)
    services.membership_change_role(actor=admin.user, membership=employee, role=Role.LEADER)
    employee.refresh_from_db()
    assert employee.role == Role.LEADER
    with pytest.raises(PermissionDenied):
        services.membership_change_role(
            actor=OrganisationAdminFactory().user, membership=employee, role=Role.OBSERVER
        )
