"""The organisation's side of issue 18, in Danish, with axe-core on each page: an admin reads the table of
the workplaces (on a desktop and a phone), forms a leader group, takes up and answers a barrier a leader
raised; the group's leader reads the group side by side and the answer on the barrier."""

import datetime

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from frontloeber.actions import services as action_services
from frontloeber.organisations.models import Role
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, make_idea, member

from .conftest import PHONE, assert_accessible, log_in
from .test_experiment_journey import assert_fits_the_screen


def test_an_admin_reads_the_table_forms_a_group_and_answers_a_raised_barrier(new_context):
    daycare = WorkplaceFactory(name="Børnehuset Mælkebøtten", slug="maelkeboetten")
    organisation = daycare.organisation
    nursery = WorkplaceFactory(organisation=organisation, name="Vuggestuen Mariehønen", slug="mariehoenen")
    leader = member(daycare, Role.LEADER, full_name="Lise Leder").user
    employee = member(daycare, Role.EMPLOYEE, full_name="Anna Ahlgren").user
    member(nursery, Role.LEADER, full_name="Niels Nielsen")
    make_idea(daycare, author=employee, title="Billeder af dagen")
    admin = OrganisationAdminFactory(organisation=organisation, user__full_name="Kim Kommune").user
    barrier = action_services.barrier_create(
        actor=employee, workplace=daycare, kind="habit", description="Vi må ikke installere apps på iPads"
    )
    action_services.barrier_raise(actor=leader, barrier=barrier, kind="it", why="IT skal beslutte det")
    org = {"org_slug": organisation.slug}

    # 1. The table of the workplaces, by name, with the organisation's figures and the spread.
    screen = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(screen, admin)
    screen.goto(reverse("insights:organisation_overview", kwargs=org))
    expect(screen.locator("h1")).to_contain_text("De fem praksisser på tværs af arbejdspladserne")
    rows = screen.locator(".fl-figures-table tbody tr th")
    expect(rows).to_have_text(["Børnehuset Mælkebøtten", "Vuggestuen Mariehønen"])
    expect(screen.locator(".fl-figures-table tfoot")).to_contain_text("Organisationen")
    expect(screen.locator("main")).not_to_contain_text("Lise Leder")
    assert_accessible(screen)

    # 2. A leader group of the two workplaces.
    screen.goto(reverse("insights:leader_groups", kwargs=org))
    expect(screen.locator("main")).to_contain_text("Organisationen har ingen ledergruppe endnu.")
    assert_accessible(screen)
    screen.get_by_label("Gruppens navn").fill("Dagtilbud Nord")
    screen.get_by_label("Børnehuset Mælkebøtten").check()
    screen.get_by_role("button", name="Dan gruppen").click()
    expect(screen.locator(".fl-error-summary")).to_contain_text("Vælg mindst to arbejdspladser")
    assert_accessible(screen)
    screen.get_by_label("Vuggestuen Mariehønen").check()
    screen.get_by_role("button", name="Dan gruppen").click()
    expect(screen.locator(".alert-success")).to_contain_text("Ledergruppen “Dagtilbud Nord” er dannet.")

    # 3. The barrier the daycare raised: taken up, then answered.
    screen.goto(reverse("actions:organisation_barriers", kwargs=org))
    screen.get_by_role("link", name="Vi må ikke installere apps på iPads").click()
    assert_accessible(screen)
    due = timezone.localdate() + datetime.timedelta(days=14)
    screen.get_by_label("Hvem svarer på den?").fill("IT-afdelingen")
    screen.get_by_label("Besvaret senest").fill(due.isoformat())
    screen.get_by_role("button", name="Gem, hvem der svarer og hvornår").click()
    expect(screen.locator("main")).to_contain_text("IT-afdelingen svarer senest")
    screen.get_by_label("Løst").check()
    screen.get_by_label("Hvad blev besluttet, eller hvorfor ikke").fill(
        "IT opretter en profil med de apps, I skal bruge."
    )
    screen.get_by_role("button", name="Giv svaret").click()
    expect(screen.locator(".fl-history li")).to_have_count(3)
    assert_accessible(screen)

    # 4. On a phone, the daycare's leader reads the group side by side and the answer on the barrier.
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(phone, leader)
    phone.goto(daycare.get_absolute_url())
    phone.get_by_role("link", name="Jeres ledergruppe: Dagtilbud Nord").tap()
    expect(phone.locator("h1")).to_contain_text("Dagtilbud Nord")
    expect(phone.locator(".fl-figures-table")).to_contain_text("Vuggestuen Mariehønen")
    assert_fits_the_screen(phone)
    assert_accessible(phone)
    phone.goto(reverse("actions:barrier_list", kwargs={"workplace_slug": daycare.slug}))
    expect(phone.locator(f"#barrier-{barrier.pk}")).to_contain_text("IT opretter en profil")
    assert_accessible(phone)
