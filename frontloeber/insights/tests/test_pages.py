"""The pages of insights for every role: the workplace's overview (and the home page it heads), the practice
guide, the files, the organisation's table and the leader groups."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from frontloeber.organisations.models import LeaderGroup, LeaderGroupMember, Role
from frontloeber.reflection import services as reflection_services
from tests.factories import (
    OrganisationAdminFactory,
    OrganisationFactory,
    WorkplaceFactory,
    answer_round,
    close_round,
    make_idea,
    member,
    open_round,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    workplace = WorkplaceFactory(name="Børnehuset Mælkebøtten")
    leader = member(workplace, Role.LEADER, full_name="Lise Ledersen").user
    employees = [member(workplace).user for _ in range(5)]
    observer = member(workplace, Role.OBSERVER).user
    for person in employees[:3]:
        make_idea(workplace, author=person)
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    return workplace, leader, employees, observer, admin


def url(name, workplace, **kwargs):
    return reverse(name, kwargs={"workplace_slug": workplace.slug, **kwargs})


def org_url(name, organisation, **kwargs):
    return reverse(name, kwargs={"org_slug": organisation.slug, **kwargs})


def test_every_member_reads_the_overview_and_nobody_else(client, team):
    workplace, leader, employees, observer, admin = team
    for person in (leader, employees[0], observer):
        client.force_login(person)
        response = client.get(url("insights:overview", workplace))
        assert response.status_code == 200
        assert "P5" in response.content.decode()
    client.force_login(admin)  # an admin who is not a member reads the organisation's table, not this page
    assert client.get(url("insights:overview", workplace)).status_code == 404


def test_the_home_page_is_the_overview_with_a_step_to_take(client, team):
    workplace, leader, *_ = team
    client.force_login(leader)
    page = client.get(workplace.get_absolute_url()).content.decode()
    assert 'id="practices-heading"' in page
    assert page.count('class="fl-card fl-practice-card"') == 5
    assert "fl-sparkline" in page
    # Three ideas wait for their first answer, none for longer than the target yet: the idea clinic is next.
    assert url("insights:practice_guide", workplace, code="P1") in page


def test_the_overview_costs_the_same_queries_however_much_work_there_is(
    client, team, django_assert_num_queries
):
    workplace, leader, employees, *_ = team
    client.force_login(leader)
    overview = url("insights:overview", workplace)
    with django_assert_num_queries(QUERIES_OVERVIEW):  # counted
        assert "5,0" in client.get(overview).content.decode()  # three ideas, six employees and leaders
    with django_assert_num_queries(QUERIES_OVERVIEW_KEPT):  # kept: the person, the workplace and the cache
        client.get(overview)
    for person in employees:
        make_idea(workplace, author=person, title="Endnu en")
    # The new ideas moved the work on: counted again (the survey's figures, which ideas do not touch, kept).
    with django_assert_num_queries(QUERIES_OVERVIEW - 1):
        assert "13,3" in client.get(overview).content.decode()  # eight ideas now
    with django_assert_num_queries(QUERIES_OVERVIEW_KEPT):
        client.get(overview)


QUERIES_OVERVIEW = 33
QUERIES_OVERVIEW_KEPT = 6


def test_a_quarter_that_is_not_one_or_not_begun_is_refused_with_a_reason(client, team):
    workplace, leader, *_ = team
    client.force_login(leader)
    for bad, words in (("2099-K1", "er ikke begyndt endnu"), ("hest", "er ikke et kvartal")):
        response = client.get(url("insights:overview", workplace), {"kvartal": bad})
        assert response.status_code == 400
        assert words in response.content.decode()
        assert client.get(url("insights:overview_xlsx", workplace), {"kvartal": bad}).status_code == 404


def test_the_survey_beside_the_practices_follows_the_sharing_rule(client, team):
    workplace, leader, employees, observer, _admin = team
    round_ = open_round(workplace, leader=leader)
    for person in employees:
        answer_round(round_, person, value=4)
    round_ = close_round(round_)
    client.force_login(employees[0])
    assert "fl-survey-beside" not in client.get(url("insights:overview", workplace)).content.decode()
    client.force_login(leader)
    assert "fl-survey-beside" in client.get(url("insights:overview", workplace)).content.decode()
    reflection_services.report_sharing_update(actor=leader, round_=round_, audiences=["team"])
    client.force_login(employees[0])
    assert "fl-survey-beside" in client.get(url("insights:overview", workplace)).content.decode()
    client.force_login(observer)  # shared with the team, not the MED committee
    assert "fl-survey-beside" not in client.get(url("insights:overview", workplace)).content.decode()


def test_the_practice_guide_for_each_practice(client, team):
    workplace, leader, employees, *_ = team
    client.force_login(employees[0])
    for code in ("P1", "P2", "P3", "P4", "P5"):
        page = client.get(url("insights:practice_guide", workplace, code=code)).content.decode()
        assert 'id="reflection"' in page
        assert "workshops/" in page or "/workshops" in page or "format" in page
    assert client.get(url("insights:practice_guide", workplace, code="P6")).status_code == 404
    page = client.get(url("insights:practice_guide", workplace, code="P2")).content.decode()
    assert url("ideas:inbox", workplace) not in page  # the leader's inbox is not offered to an employee


def test_the_overview_as_csv_xlsx_and_pdf(client, team):
    workplace, leader, *_ = team
    client.force_login(leader)
    response = client.get(url("insights:overview_csv", workplace))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] in ("Praksis", "Practice")
    ideas_per_ten = next(
        row for row in rows if row[1] in ("Ideas per 10 employees", "Idéer pr. 10 medarbejdere")
    )
    assert float(ideas_per_ten[-2]) == 5.0  # three ideas, six employees and leaders
    response = client.get(url("insights:overview_xlsx", workplace))
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = {row[1].value: row for row in sheet.iter_rows(min_row=2)}
    cell = next(v for k, v in values.items() if k in ("Ideas per 10 employees", "Idéer pr. 10 medarbejdere"))[
        -2
    ]
    assert cell.value == 5.0 and cell.data_type == "n"
    revised = next(v for k, v in values.items() if "revisited" in k or "kerneopgave" in k.lower())
    assert all(c.value is None or isinstance(c.value, datetime.datetime) for c in revised[2:-1])
    response = client.get(url("insights:overview_pdf", workplace))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_the_organisation_table_for_its_admins_only(client, team):
    workplace, leader, employees, observer, admin = team
    client.force_login(leader)
    assert client.get(org_url("insights:organisation_overview", workplace.organisation)).status_code == 404
    client.force_login(admin)
    page = client.get(org_url("insights:organisation_overview", workplace.organisation)).content.decode()
    assert workplace.name in page
    assert "Ledersen" not in page  # no leader's name in the table
    response = client.get(org_url("insights:organisation_xlsx", workplace.organisation))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=1).value == workplace.name
    assert sheet.cell(row=3, column=1).value in ("The organisation", "Organisationen")


def test_the_organisation_table_refuses_bad_filters_with_reasons(client, team):
    workplace, *_rest, admin = team
    client.force_login(admin)
    elsewhere = LeaderGroup.objects.create(organisation=OrganisationFactory(), name="Andres")
    for query in ({"gruppe": elsewhere.pk}, {"gruppe": "x"}, {"sektor": "rumfart"}, {"kvartal": "2099-K1"}):
        response = client.get(org_url("insights:organisation_overview", workplace.organisation), query)
        assert response.status_code == 400, query
        assert 'role="alert"' in response.content.decode()


def test_the_organisation_table_pages_by_name(client, team, django_assert_num_queries):
    workplace, *_rest, admin = team
    for number in range(30):
        WorkplaceFactory(organisation=workplace.organisation, name=f"Arbejdsplads {number:02}")
    client.force_login(admin)
    first = client.get(org_url("insights:organisation_overview", workplace.organisation)).content.decode()
    assert "Arbejdsplads 00" in first and "Arbejdsplads 29" not in first
    second = client.get(org_url("insights:organisation_overview", workplace.organisation), {"side": 2})
    assert "Arbejdsplads 29" in second.content.decode()


def test_an_admin_forms_changes_and_dissolves_a_leader_group(client, team):
    workplace, leader, *_rest, admin = team
    other = WorkplaceFactory(organisation=workplace.organisation, name="Vuggestuen")
    client.force_login(admin)
    groups = org_url("insights:leader_groups", workplace.organisation)
    response = client.post(groups, {"name": "Dagtilbud Nord", "workplaces": [workplace.pk]})
    assert response.status_code == 400 and "Vælg mindst to arbejdspladser" in response.content.decode()
    response = client.post(groups, {"name": "Dagtilbud Nord", "workplaces": [workplace.pk, other.pk]})
    assert response.status_code == 302
    group = LeaderGroup.objects.get(organisation=workplace.organisation)
    assert set(group.workplaces.all()) == {workplace, other}
    # Its leader sees the group's workplaces side by side.
    client.force_login(leader)
    page = client.get(url("insights:leader_group", workplace, group_id=group.pk)).content.decode()
    assert "Vuggestuen" in page and "Ikke delt med gruppen" in page
    client.force_login(admin)
    delete = org_url("insights:leader_group_delete", workplace.organisation, group_id=group.pk)
    assert "Dagtilbud Nord" in client.get(delete).content.decode()  # a confirmation first
    assert LeaderGroup.objects.filter(pk=group.pk).exists()
    client.post(delete)
    assert not LeaderGroup.objects.filter(pk=group.pk).exists()
    assert not LeaderGroupMember.objects.filter(group_id=group.pk).exists()


def test_a_leader_shares_a_round_with_the_group_and_only_then_the_group_sees_its_figures(client, team):
    workplace, leader, employees, _observer, _admin = team
    other = WorkplaceFactory(organisation=workplace.organisation, name="Vuggestuen Mariehønen")
    other_leader = member(other, Role.LEADER).user
    round_ = open_round(workplace, leader=leader)
    for person in employees:
        answer_round(round_, person, value=4)
    round_ = close_round(round_)
    with pytest.raises(ValidationError):  # not in a group: the group is not offered
        reflection_services.report_sharing_update(actor=leader, round_=round_, audiences=["leader_group"])
    group = LeaderGroup.objects.create(organisation=workplace.organisation, name="Dagtilbud Syd")
    for each in (workplace, other):
        LeaderGroupMember.objects.create(group=group, workplace=each)
    group_page = url("insights:leader_group", other, group_id=group.pk)
    client.force_login(other_leader)
    assert "4,0" not in client.get(group_page).content.decode()
    reflection_services.report_sharing_update(actor=leader, round_=round_, audiences=["leader_group"])
    page = client.get(group_page).content.decode()
    assert page.count("4,0") == 5  # the team's mean of each practice, of the round shared with the group
    # A leader of a workplace outside the group reads nothing of it.
    outsider = member(WorkplaceFactory(organisation=workplace.organisation), Role.LEADER).user
    client.force_login(outsider)
    assert client.get(group_page).status_code == 404


def test_every_other_page_costs_the_same_queries_however_many_workplaces_and_ideas(
    client, team, django_assert_num_queries
):
    """Counted afresh each time (the cache emptied): the organisation's table, a leader group's table and
    its file, the practice guide, and the leader groups' page, with one workplace and with six more."""
    from django.core.cache import cache

    workplace, leader, employees, _observer, admin = team
    organisation = workplace.organisation
    group = LeaderGroup.objects.create(organisation=organisation, name="Gruppen")
    LeaderGroupMember.objects.create(group=group, workplace=workplace)
    pages = [
        (admin, org_url("insights:organisation_overview", organisation), QUERIES_ORGANISATION),
        (admin, org_url("insights:organisation_xlsx", organisation), QUERIES_ORGANISATION_FILE),
        (admin, org_url("insights:leader_groups", organisation), QUERIES_LEADER_GROUPS),
        (leader, url("insights:leader_group", workplace, group_id=group.pk), QUERIES_GROUP),
        (leader, url("insights:leader_group_xlsx", workplace, group_id=group.pk), QUERIES_GROUP_FILE),
        (employees[0], url("insights:practice_guide", workplace, code="P5"), QUERIES_GUIDE),
    ]
    for more in (0, 6):
        for _ in range(more):
            other = WorkplaceFactory(organisation=organisation)
            member(other, Role.LEADER)
            make_idea(other)
            LeaderGroupMember.objects.create(group=group, workplace=other)
        for person, address, queries in pages:
            client.force_login(person)
            cache.clear()
            with django_assert_num_queries(queries):
                assert client.get(address).status_code == 200, address


QUERIES_ORGANISATION = 35
QUERIES_ORGANISATION_FILE = 32
QUERIES_LEADER_GROUPS = 8
QUERIES_GROUP = 35
QUERIES_GROUP_FILE = 33
QUERIES_GUIDE = 9


def test_the_nightly_job_counts_the_organisation_table_ahead(client, team, django_assert_num_queries):
    from frontloeber.insights.jobs import organisation_tables_count
    from frontloeber.notifications.registry import daily_jobs

    workplace, *_rest, admin = team
    assert organisation_tables_count in list(daily_jobs)
    assert organisation_tables_count() >= 1
    client.force_login(admin)
    # Counted already: the page reads the kept table (its summary and one page of rows), not the work.
    with django_assert_num_queries(QUERIES_ORGANISATION_KEPT):
        page = client.get(org_url("insights:organisation_overview", workplace.organisation)).content.decode()
    assert workplace.name in page


QUERIES_ORGANISATION_KEPT = 8


def test_practice_labels_elsewhere_link_to_the_guide(client, team):
    workplace, leader, employees, *_ = team
    client.force_login(employees[0])
    library = client.get(
        reverse("workshops:library", kwargs={"workplace_slug": workplace.slug})
    ).content.decode()
    for code in ("P1", "P2", "P3", "P4", "P5"):
        assert f'href="{url("insights:practice_guide", workplace, code=code)}"' in library
    detail = reverse(
        "workshops:format_detail", kwargs={"workplace_slug": workplace.slug, "format_slug": "forsoegsrammen"}
    )
    assert (
        f'href="{url("insights:practice_guide", workplace, code="P3")}"'
        in client.get(detail).content.decode()
    )
    round_ = open_round(workplace, leader=leader)
    for person in employees:
        answer_round(round_, person)
    round_ = close_round(round_)
    client.force_login(leader)
    report = client.get(round_.get_absolute_url()).content.decode()
    assert report.count(f'href="{url("insights:practice_guide", workplace, code="P4")}"') >= 2


def test_a_past_quarter_still_offers_the_current_one_to_go_back_to(client, team):
    from frontloeber.insights.periods import Quarter

    workplace, leader, *_ = team
    client.force_login(leader)
    current, past = Quarter.current(), Quarter.current().back(4)[0]
    page = client.get(url("insights:overview", workplace), {"kvartal": past.slug}).content.decode()
    assert f'<option value="{current.slug}">' in page and f'<option value="{past.slug}" selected>' in page
