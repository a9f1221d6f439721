import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from frontloeber.organisations import selectors
from frontloeber.organisations.models import Invitation, Membership, Role, Workplace
from tests.factories import MembershipFactory, OrganisationAdminFactory, UserFactory, WorkplaceFactory, member
from tests.pages import workplace_urls

from .helpers import org_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def workplace():
    return WorkplaceFactory(
        name="Autismecenter Egen", core_task="Vi skaber et trygt hjem for voksne med autisme."
    )


@pytest.fixture
def leader(workplace):
    return member(workplace, Role.LEADER)


url = workplace_urls("organisations")


def test_a_person_with_one_workplace_goes_straight_to_it(client, workplace):
    client.force_login(member(workplace).user)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == workplace.get_absolute_url()


def test_a_person_with_several_workplaces_chooses_and_has_the_switcher(client, workplace):
    person = member(workplace).user
    other = WorkplaceFactory(organisation=workplace.organisation, name="Bosted Lærken")
    MembershipFactory(workplace=other, user=person, role=Role.LEADER)
    client.force_login(person)
    content = client.get("/").content.decode()
    assert workplace.name in content and other.name in content
    home = client.get(workplace.get_absolute_url()).content.decode()
    assert 'id="workplace-switcher"' in home
    assert other.get_absolute_url() in home


def test_a_person_without_workplaces_is_told_what_to_do(client):
    client.force_login(UserFactory())
    response = client.get("/")
    assert response.status_code == 200
    assert "Bed din leder om at invitere dig" in response.content.decode()


def test_the_workplace_home_shows_the_core_task(client, workplace):
    client.force_login(member(workplace).user)
    content = client.get(workplace.get_absolute_url()).content.decode()
    assert workplace.core_task in content
    assert url("members", workplace) not in content


def test_an_observers_home_offers_only_what_an_observer_can_do(client, workplace):
    observer = member(workplace, Role.OBSERVER).user
    client.force_login(observer)
    page = client.get(reverse("organisations:workplace_home", kwargs={"workplace_slug": workplace.slug}))
    text = page.content.decode()
    assert "Vurder dine egne digitale færdigheder" not in text and "tilmeld dig" not in text
    assert "Som observatør læser du" in text
    assert reverse("competences:rate", kwargs={"workplace_slug": workplace.slug}) not in text


def test_a_slug_that_does_not_exist_and_a_foreign_workplace_both_give_404(client, workplace):
    client.force_login(member(workplace).user)
    foreign = WorkplaceFactory()
    for slug in ("findes-ikke", foreign.slug):
        response = client.get(reverse("organisations:workplace_home", kwargs={"workplace_slug": slug}))
        assert response.status_code == 404
        assert "Siden findes ikke" in response.content.decode()


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_members_page_is_for_leaders(client, workplace, role):
    client.force_login(member(workplace, role).user)
    assert client.get(url("members", workplace)).status_code == 403
    assert (
        client.post(
            url("member_invite", workplace), {"email": "x@example.dk", "role": "employee"}
        ).status_code
        == 403
    )
    assert not Invitation.objects.exists()


def test_leader_sees_members_and_pending_invitations(client, workplace, leader):
    employee = member(workplace)
    Invitation.objects.create(
        organisation=workplace.organisation,
        workplace=workplace,
        email="venter@example.dk",
        role="employee",
        expires_at="2999-01-01T00:00:00Z",
    )
    client.force_login(leader.user)
    content = client.get(url("members", workplace)).content.decode()
    assert employee.user.email in content and leader.user.email in content
    assert "venter@example.dk" in content


def test_members_page_query_count_is_constant(client, workplace, leader, django_assert_num_queries):
    client.force_login(leader.user)
    for n in (2, 12):
        while workplace.memberships.count() < n:
            member(workplace)
        with django_assert_num_queries(8):
            assert client.get(url("members", workplace)).status_code == 200


def test_a_long_members_list_is_paginated_and_bad_page_numbers_are_harmless(client, workplace, leader):
    for _ in range(55):
        member(workplace)
    client.force_login(leader.user)
    first = client.get(url("members", workplace)).content.decode()
    assert "Side 1 af 2" in first and 'rel="next"' in first
    second = client.get(url("members", workplace) + "?side=2").content.decode()
    assert "Side 2 af 2" in second and 'rel="prev"' in second
    for bad in ("abc", "-1", "999", ""):
        assert client.get(url("members", workplace) + f"?side={bad}").status_code == 200


def test_workplace_home_query_count_is_constant(client, workplace, leader, django_assert_num_queries):
    client.force_login(leader.user)
    for n in (2, 12):
        while workplace.memberships.count() < n:
            member(workplace)
        # 7 of its own, and the overview of the five practices insights puts at its top (issue 18), with the
        # leader groups of the workplace for a leader; counted afresh (what insights keeps, emptied).
        cache.clear()
        with django_assert_num_queries(7 + 29):
            assert client.get(workplace.get_absolute_url()).status_code == 200


def test_the_workplace_page_asks_an_employee_to_answer_an_open_survey(client, workplace, leader):
    from tests.factories import answer_round, open_round

    employee = member(workplace)
    round_ = open_round(workplace, leader=leader.user)
    client.force_login(employee.user)
    page = client.get(workplace.get_absolute_url()).content.decode()
    assert 'id="survey-waiting-heading"' in page
    survey = reverse("reflection:home", kwargs={"workplace_slug": workplace.slug})
    assert f'class="button button-primary" href="{survey}"' in page
    answer_round(round_, employee.user)
    assert 'id="survey-waiting-heading"' not in client.get(workplace.get_absolute_url()).content.decode()
    client.force_login(leader.user)  # the leader is not asked
    assert 'id="survey-waiting-heading"' not in client.get(workplace.get_absolute_url()).content.decode()


def test_invite_from_the_page_sends_the_email(client, workplace, leader):
    client.force_login(leader.user)
    response = client.post(
        url("member_invite", workplace), {"email": "kollega@example.dk", "role": "observer"}
    )
    assert response.status_code == 302 and response["Location"] == url("members", workplace)
    invitation = Invitation.objects.get(email="kollega@example.dk")
    assert invitation.role == Role.OBSERVER and invitation.invited_by == leader.user
    assert mail.outbox[0].to == ["kollega@example.dk"]
    assert "kollega@example.dk" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ({"email": "ikke-en-adresse", "role": "employee"}, "Skriv en gyldig e-mailadresse"),
        ({"email": "ny@example.dk", "role": "konge"}, "Vælg en rolle på listen"),
        ({"email": "", "role": "employee"}, "Skriv e-mailadressen"),
    ],
)
def test_invite_errors_are_clear_and_change_nothing(client, workplace, leader, data, text):
    client.force_login(leader.user)
    response = client.post(url("member_invite", workplace), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="error-summary"' in content and text in content
    assert not Invitation.objects.exists() and mail.outbox == []


def test_inviting_a_member_again_is_refused(client, workplace, leader):
    existing = member(workplace, email="findes@example.dk")
    client.force_login(leader.user)
    response = client.post(
        url("member_invite", workplace), {"email": existing.user.email, "role": "employee"}
    )
    assert response.status_code == 200
    assert "er allerede medlem" in response.content.decode()
    assert not Invitation.objects.exists()


def test_role_change_without_javascript_redirects_with_a_message(client, workplace, leader):
    employee = member(workplace)
    client.force_login(leader.user)
    response = client.post(
        url("member_role", workplace, membership_id=employee.pk), {"role": "leader"}, follow=True
    )
    assert response.redirect_chain[-1][0] == url("members", workplace)
    employee.refresh_from_db()
    assert employee.role == Role.LEADER


def test_role_change_with_htmx_returns_the_row(client, workplace, leader):
    employee = member(workplace)
    client.force_login(leader.user)
    response = client.post(
        url("member_role", workplace, membership_id=employee.pk), {"role": "observer"}, HTTP_HX_REQUEST="true"
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert content.strip().startswith(f'<tr id="member-{employee.pk}"')
    assert "<html" not in content
    employee.refresh_from_db()
    assert employee.role == Role.OBSERVER


def test_the_last_leader_cannot_step_down_and_is_told_why(client, workplace, leader):
    client.force_login(leader.user)
    response = client.post(
        url("member_role", workplace, membership_id=leader.pk), {"role": "employee"}, HTTP_HX_REQUEST="true"
    )
    assert "mindst én leder" in response.content.decode()
    leader.refresh_from_db()
    assert leader.role == Role.LEADER
    response = client.post(
        url("member_role", workplace, membership_id=leader.pk), {"role": "bogus"}, follow=True
    )
    assert response.status_code == 200
    leader.refresh_from_db()
    assert leader.role == Role.LEADER


def test_remove_asks_first_then_removes(client, workplace, leader):
    leaving = member(workplace)
    client.force_login(leader.user)
    remove_url = url("member_remove", workplace, membership_id=leaving.pk)
    response = client.get(remove_url)
    assert response.status_code == 200 and leaving.user.full_name in response.content.decode()
    assert Membership.objects.filter(pk=leaving.pk).exists()
    response = client.post(remove_url)
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=leaving.pk).exists()


def test_revoke_an_invitation(client, workplace, leader):
    client.force_login(leader.user)
    client.post(url("member_invite", workplace), {"email": "x@example.dk", "role": "employee"})
    invitation = Invitation.objects.get()
    response = client.post(url("invitation_revoke", workplace, invitation_id=invitation.pk))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None


def test_leader_edits_the_core_task(client, workplace, leader):
    client.force_login(leader.user)
    response = client.post(
        url("workplace_edit", workplace),
        {"name": workplace.name, "sector": "disability", "core_task": "Ny tekst"},
    )
    assert response.status_code == 302
    workplace.refresh_from_db()
    assert workplace.core_task == "Ny tekst"
    response = client.post(
        url("workplace_edit", workplace), {"name": "", "sector": "rummet", "core_task": ""}
    )
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    workplace.refresh_from_db()
    assert workplace.name == "Autismecenter Egen"


def test_language_switch_to_english(client, workplace):
    client.force_login(member(workplace).user)
    response = client.post(reverse("set_language"), {"language": "en", "next": workplace.get_absolute_url()})
    assert response.status_code == 302
    content = client.get(workplace.get_absolute_url()).content.decode()
    assert '<html lang="en">' in content and "Our core task" in content
    client.post(reverse("set_language"), {"language": "da", "next": "/"})
    assert '<html lang="da">' in client.get(workplace.get_absolute_url()).content.decode()


# --- Organisation admin ---------------------------------------------------------------------------


@pytest.fixture
def admin(workplace):
    return OrganisationAdminFactory(organisation=workplace.organisation)


def test_organisation_admin_lists_workplaces_in_constant_queries(client, admin, django_assert_num_queries):
    client.force_login(admin.user)
    for n in (2, 8):
        while Workplace.objects.filter(organisation=admin.organisation).count() < n:
            w = WorkplaceFactory(organisation=admin.organisation)
            member(w, Role.LEADER)
            member(w)
        with django_assert_num_queries(8):
            response = client.get(org_url("organisation_home", admin.organisation))
        assert response.status_code == 200


def test_the_organisation_home_counts_each_workplaces_members_and_leaders(client, admin):
    busy, empty = (
        WorkplaceFactory(organisation=admin.organisation),
        WorkplaceFactory(organisation=admin.organisation),
    )
    for role in (Role.LEADER, Role.LEADER, Role.EMPLOYEE, Role.OBSERVER):
        member(busy, role)
    member(WorkplaceFactory(), Role.LEADER)  # another organisation's: counted nowhere here
    rows = {w.pk: w for w in selectors.organisation_workplaces(organisation=admin.organisation)}
    assert (rows[busy.pk].member_count, rows[busy.pk].leader_count) == (4, 2)
    assert (rows[empty.pk].member_count, rows[empty.pk].leader_count) == (0, 0)
    assert len(rows[busy.pk].leader_memberships) == 2
    client.force_login(admin.user)
    page = client.get(org_url("organisation_home", admin.organisation)).content.decode()
    assert '<td data-label="Medlemmer">4</td>' in page and '<td data-label="Medlemmer">0</td>' in page


def test_organisation_admin_creates_a_workplace_and_appoints_its_leader(client, admin):
    client.force_login(admin.user)
    response = client.post(
        org_url("organisation_workplace_create", admin.organisation),
        {"name": "Ambulancestation Nord", "sector": "health", "core_task": "Akut hjælp."},
    )
    workplace = Workplace.objects.get(name="Ambulancestation Nord")
    assert response.status_code == 302
    assert response["Location"] == org_url(
        "organisation_workplace", admin.organisation, workplace_slug=workplace.slug
    )
    response = client.post(
        org_url("organisation_invite", admin.organisation, workplace_slug=workplace.slug),
        {"email": "chef@example.dk", "role": "leader"},
    )
    assert response.status_code == 302
    assert Invitation.objects.get(workplace=workplace).role == Role.LEADER
    employee = member(workplace)
    response = client.post(
        org_url(
            "organisation_member_role",
            admin.organisation,
            workplace_slug=workplace.slug,
            membership_id=employee.pk,
        ),
        {"role": "leader"},
    )
    employee.refresh_from_db()
    assert employee.role == Role.LEADER
    content = client.get(org_url("organisation_workplace", admin.organisation, workplace_slug=workplace.slug))
    assert employee.user.email in content.content.decode()


def test_organisation_admin_edits_a_workplace(client, admin, workplace):
    client.force_login(admin.user)
    response = client.post(
        org_url("organisation_workplace_edit", admin.organisation, workplace_slug=workplace.slug),
        {"name": "Autismecenter Egen og Lind", "sector": "disability", "core_task": workplace.core_task},
    )
    assert response.status_code == 302
    workplace.refresh_from_db()
    assert workplace.name == "Autismecenter Egen og Lind"


def test_organisation_pages_are_404_for_leaders_and_other_admins(client, workplace, leader):
    for person in (leader.user, OrganisationAdminFactory().user):
        client.force_login(person)
        assert client.get(org_url("organisation_home", workplace.organisation)).status_code == 404
