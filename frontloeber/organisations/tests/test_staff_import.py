"""Staff in bulk (issue 19, point 3): a CSV or XLSX list is previewed row by row, applied in the background
(twice changes nothing), welcomes new people, and shows who the workplaces have that the list has not."""

import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from openpyxl import Workbook

from frontloeber.accounts.models import User
from frontloeber.organisations import services
from frontloeber.organisations.models import (
    AuditAction,
    AuditEntry,
    Membership,
    MembershipOrigin,
    Role,
    StaffImport,
)
from frontloeber.organisations.selectors import staff_import_counts, staff_import_rows
from tests.factories import OrganisationAdminFactory, WorkplaceFactory

from .helpers import org_url

pytestmark = pytest.mark.django_db


def _csv(lines, encoding="cp1252"):
    return "\r\n".join(lines).encode(encoding)


def _xlsx(rows):
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _upload(client, organisation, name, data):
    return client.post(org_url("staff_imports", organisation), {"file": _file(name, data)})


def _file(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_a_csv_from_danish_excel_is_previewed_row_by_row_and_changes_nothing(
    client, workplace, leader, employee, admin
):
    other = WorkplaceFactory(organisation=workplace.organisation, name="Ambulancestation Syd")
    lines = [
        "Navn;E-mail;Arbejdsplads;Rolle",
        f"Søren Ærø;soren.aero@fjordby.dk;{workplace.name};medarbejder",
        f"{employee.full_name};{employee.email.upper()};{workplace.name};leder",
        f"{leader.full_name};{leader.email};{workplace.name};Leder",
        f"{leader.full_name};{leader.email};{other.name};",
        "Ukendt Sted;x@fjordby.dk;Månebasen;medarbejder",
        "Forkert Rolle;y@fjordby.dk;" + workplace.name + ";chef",
        "Ingen Adresse;ikke-en-adresse;" + workplace.name + ";",
        f"Søren Ærø;soren.aero@fjordby.dk;{workplace.name};medarbejder",
        ";z@fjordby.dk;" + workplace.name + ";",
    ]
    client.force_login(admin)
    response = _upload(client, workplace.organisation, "personale.csv", _csv(lines))
    staff_import = StaffImport.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/personale/{staff_import.pk}/")
    rows = staff_import_rows(staff_import=staff_import)
    assert [row.outcome for row in rows] == [
        "new",
        "changed",
        "unchanged",
        "changed",
        "error",
        "error",
        "error",
        "error",
        "error",
    ]
    assert rows[0].name == "Søren Ærø"  # Windows-1252 read as such
    assert staff_import_counts(rows) == {"new": 1, "changed": 2, "unchanged": 1, "error": 5}
    page = client.get(response["Location"]).content.decode()
    for text in (
        "Månebasen",
        "“chef” er ikke en rolle",
        "ikke-en-adresse er ikke en e-mailadresse",
        "står også på linje 2",
        "En ny person skal have et navn",
        "Medarbejder → Leder",
    ):
        assert text in page, text
    errors_only = client.get(response["Location"] + "?udfald=fejl").content.decode()
    assert "Ny person" not in errors_only and "Månebasen" in errors_only
    assert not User.objects.filter(email="soren.aero@fjordby.dk").exists()
    assert Membership.objects.get(user=employee).role == Role.EMPLOYEE


def test_applying_makes_people_welcomes_them_and_applying_again_changes_nothing(
    client, workplace, leader, employee, admin
):
    lines = [
        "name,email,workplace,role",
        f"Søren Ærø,soren.aero@fjordby.dk,{workplace.name},",
        f"{employee.full_name},{employee.email},{workplace.name},observatør",
    ]
    client.force_login(admin)
    _upload(client, workplace.organisation, "staff.csv", _csv(lines, "utf-8"))
    staff_import = StaffImport.objects.get()
    url = org_url("staff_import_apply", workplace.organisation, import_id=staff_import.pk)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    soren = User.objects.get(email="soren.aero@fjordby.dk")
    assert soren.full_name == "Søren Ærø" and not soren.has_usable_password()
    membership = Membership.objects.get(user=soren)
    assert (membership.workplace, membership.role, membership.origin) == (
        workplace,
        Role.EMPLOYEE,
        MembershipOrigin.IMPORT,
    )
    assert Membership.objects.get(user=employee).role == Role.OBSERVER
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["soren.aero@fjordby.dk"]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/konto/nulstil/" in line)
    assert client.get(link.split("127.0.0.1:8000", 1)[-1], follow=True).status_code == 200
    staff_import.refresh_from_db()
    assert staff_import.finished_at and staff_import.welcomes_sent == 1 and staff_import.rows_done == 2
    assert staff_import.result["new"] == 1 and staff_import.result["changed"] == 1
    entry = AuditEntry.objects.get(action=AuditAction.STAFF_IMPORTED)
    assert entry.detail["new"] == 1 and entry.actor == admin
    page = client.get(
        org_url("staff_import", workplace.organisation, import_id=staff_import.pk)
    ).content.decode()
    assert "1 nye, 1 ændrede" in page

    before = (User.objects.count(), list(Membership.objects.values_list("pk", "role").order_by("pk")))
    assert client.post(url).status_code == 302
    assert (User.objects.count(), list(Membership.objects.values_list("pk", "role").order_by("pk"))) == before
    assert len(mail.outbox) == 1
    staff_import.refresh_from_db()
    assert staff_import.result["unchanged"] == 2 and staff_import.result["new"] == 0


def test_an_xlsx_of_thirty_people_is_applied_twice(client, workplace, leader, admin):
    rows = [["Navn", "E-mail", "Arbejdsplads", "Rolle"]] + [
        [f"Person {n}", f"person.{n}@fjordby.dk", workplace.name, "medarbejder"] for n in range(30)
    ]
    client.force_login(admin)
    assert _upload(client, workplace.organisation, "personale.xlsx", _xlsx(rows)).status_code == 302
    staff_import = StaffImport.objects.get()
    for _ in range(2):
        client.post(org_url("staff_import_apply", workplace.organisation, import_id=staff_import.pk))
    assert Membership.objects.filter(workplace=workplace, origin=MembershipOrigin.IMPORT).count() == 30
    assert len(mail.outbox) == 30


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("tom.csv", b"", "Filen er tom"),
        ("kun-navne.csv", b"Navn;Telefon\nA;1", "ingen kolonne til e-mail, arbejdsplads"),
        ("falsk.xlsx", b"PK\x03\x04 ikke en projektmappe", "ikke en XLSX-projektmappe"),
        ("stor.csv", b"x" * (5 * 1024 * 1024 + 1), "større end 5 MB"),
        (
            "mange.csv",
            ("Navn;E-mail;Arbejdsplads\n" + "".join(f"P{n};p{n}@x.dk;A\n" for n in range(50_000))).encode(),
            "50.000 rækker; højst 20.000",
        ),
    ],
)
def test_a_file_that_cannot_be_read_gets_a_clear_message_and_stores_nothing(
    client, workplace, admin, name, data, message
):
    client.force_login(admin)
    response = _upload(client, workplace.organisation, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not StaffImport.objects.exists()


def test_who_the_list_leaves_out_is_listed_and_leaves_after_a_confirmation(
    client, workplace, leader, employee, colleague, admin
):
    lines = ["Navn;E-mail;Arbejdsplads", f"{leader.full_name};{leader.email};{workplace.name}"]
    lines.append(f"{employee.full_name};{employee.email};{workplace.name}")
    client.force_login(admin)
    _upload(client, workplace.organisation, "personale.csv", _csv(lines))
    staff_import = StaffImport.objects.get()
    url = org_url("staff_import_absent", workplace.organisation, import_id=staff_import.pk)
    page = client.get(url).content.decode()
    assert colleague.email in page and employee.email not in page
    assert Membership.objects.filter(user=colleague).exists()
    assert client.post(url).status_code == 302
    assert not Membership.objects.filter(user=colleague).exists()
    assert Membership.objects.filter(user=employee).exists()


def test_the_only_leader_left_out_of_a_list_stays(client, workplace, leader, employee, admin):
    lines = ["Navn;E-mail;Arbejdsplads", f"{employee.full_name};{employee.email};{workplace.name}"]
    client.force_login(admin)
    _upload(client, workplace.organisation, "personale.csv", _csv(lines))
    staff_import = StaffImport.objects.get()
    response = client.post(
        org_url("staff_import_absent", workplace.organisation, import_id=staff_import.pk), follow=True
    )
    assert "eneste leder" in response.content.decode()
    assert Membership.objects.filter(user=leader).exists()


def test_someone_else_cannot_apply_a_list(workplace, leader):
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    staff_import = services.staff_import_create(
        actor=admin, organisation=workplace.organisation, filename="a.csv", data=b"Navn;E-mail;Arbejdsplads\n"
    )
    with pytest.raises(PermissionDenied):
        services.staff_import_apply(actor=leader, staff_import=staff_import)
    assert StaffImport.objects.get().applied_at is None


def test_the_preview_reads_the_same_number_of_queries_for_two_rows_or_two_hundred(
    client, workplace, leader, admin, django_assert_num_queries
):
    client.force_login(admin)
    pages = []
    for count in (2, 200):
        lines = ["Navn;E-mail;Arbejdsplads"] + [
            f"P {n};p{count}.{n}@fjordby.dk;{workplace.name}" for n in range(count)
        ]
        _upload(client, workplace.organisation, f"{count}.csv", _csv(lines))
        pages.append(
            org_url("staff_import", workplace.organisation, import_id=StaffImport.objects.latest("pk").pk)
        )
    client.get(pages[0])
    with django_assert_num_queries(9) as captured:
        assert client.get(pages[0]).status_code == 200
    with django_assert_num_queries(len(captured)):
        assert client.get(pages[1]).status_code == 200


def _apply(client, organisation, lines):
    _upload(client, organisation, "personale.csv", _csv(lines))
    staff_import = StaffImport.objects.latest("pk")
    client.post(org_url("staff_import_apply", organisation, import_id=staff_import.pk))
    staff_import.refresh_from_db()
    return staff_import


def test_an_account_of_another_organisation_is_invited_not_joined(client, workplace, leader, admin):
    from frontloeber.organisations.models import Invitation
    from tests.factories import member

    stranger = member(WorkplaceFactory()).user
    lines = ["Navn;E-mail;Arbejdsplads;Rolle", f"X;{stranger.email};{workplace.name};leder"]
    client.force_login(admin)
    _upload(client, workplace.organisation, "a.csv", _csv(lines))
    assert [row.outcome for row in staff_import_rows(staff_import=StaffImport.objects.get())] == ["new"]
    staff_import = _apply(client, workplace.organisation, lines)
    assert not Membership.objects.filter(user=stranger, workplace=workplace).exists()
    assert (
        Invitation.objects.pending()
        .filter(email=stranger.email, workplace=workplace, role=Role.LEADER)
        .exists()
    )
    again = _apply(client, workplace.organisation, lines)
    assert again.result["unchanged"] == 1 and Invitation.objects.filter(email=stranger.email).count() == 1
    assert staff_import.finished_at


def test_a_new_person_in_two_workplaces_gets_one_account_and_a_leader_swap_applies_at_once(
    client, workplace, leader, employee, admin
):
    other = WorkplaceFactory(organisation=workplace.organisation, name="Vuggestuen Mælkebøtten")
    lines = [
        "Navn;E-mail;Arbejdsplads;Rolle",
        f"{leader.full_name};{leader.email};{workplace.name};medarbejder",
        f"{employee.full_name};{employee.email};{workplace.name};leder",
        f"Ny Nielsen;ny@fjordby.dk;{workplace.name};",
        f"Ny Nielsen;ny@fjordby.dk;{other.name};leder",
    ]
    client.force_login(admin)
    staff_import = _apply(client, workplace.organisation, lines)
    assert staff_import.finished_at and staff_import.result["refused"] == []
    assert Membership.objects.get(user=leader).role == Role.EMPLOYEE
    assert Membership.objects.get(user=employee).role == Role.LEADER
    assert Membership.objects.filter(user__email="ny@fjordby.dk").count() == 2
    assert len(mail.outbox) == 1


def test_a_returning_leaver_is_opened_again_and_the_former_employee_address_is_refused(
    client, workplace, leader, employee, admin
):
    services.leavers_confirm(actor=admin, organisation=workplace.organisation, users=[employee])
    employee.refresh_from_db()
    assert not employee.is_active
    lines = [
        "Navn;E-mail;Arbejdsplads",
        f"{employee.full_name};{employee.email};{workplace.name}",
        f"Tidligere;tidligere-medarbejder@frontloeber.invalid;{workplace.name}",
    ]
    client.force_login(admin)
    staff_import = _apply(client, workplace.organisation, lines)
    employee.refresh_from_db()
    assert employee.is_active and Membership.objects.filter(user=employee).exists()
    assert staff_import.result["error"] == 1
    assert not User.objects.filter(email="tidligere-medarbejder@frontloeber.invalid").exists()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("lang.csv", ('Navn;E-mail;Arbejdsplads\n"' + "x" * 200_000 + '";a@b.dk;A\n').encode()),
        ("i-stykker.xlsx", None),
    ],
)
def test_a_broken_file_is_refused_with_a_message_not_a_500(client, workplace, admin, name, data):
    if data is None:  # a real XLSX with its sheet's XML broken
        import zipfile

        source = zipfile.ZipFile(io.BytesIO(_xlsx([["Navn", "E-mail", "Arbejdsplads"]])))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as broken:
            for item in source.infolist():
                content = source.read(item.filename)
                broken.writestr(
                    item, b"<worksheet><sheetData><row>" if "sheet1" in item.filename else content
                )
        data = out.getvalue()
    client.force_login(admin)
    response = _upload(client, workplace.organisation, name, data)
    assert response.status_code == 400 and not StaffImport.objects.exists()
