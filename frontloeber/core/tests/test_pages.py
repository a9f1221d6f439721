import pytest
from django.urls import reverse

from frontloeber.organisations.models import Role
from tests.factories import MembershipFactory, OrganisationAdminFactory, UserFactory, WorkplaceFactory

pytestmark = pytest.mark.django_db


def test_my_workplaces_query_count_is_constant(client, django_assert_num_queries):
    person = UserFactory()
    OrganisationAdminFactory(user=person)
    client.force_login(person)
    for n in (2, 10):
        while person.memberships.count() < n:
            MembershipFactory(user=person, workplace=WorkplaceFactory(), role=Role.EMPLOYEE)
        with django_assert_num_queries(4):
            response = client.get(reverse("organisations:home"))
        assert response.status_code == 200


@pytest.mark.parametrize("name", ["core:accessibility", "core:privacy"])
def test_public_pages_in_both_languages(client, name):
    danish = client.get(reverse(name), HTTP_ACCEPT_LANGUAGE="da").content.decode()
    assert '<html lang="da">' in danish
    client.cookies["django_language"] = "en"
    english = client.get(reverse(name)).content.decode()
    assert '<html lang="en">' in english
    assert danish != english


def test_layout_has_skip_link_landmarks_and_footer_links(client):
    content = client.get(reverse("core:accessibility")).content.decode()
    assert 'class="skipnav" href="#main-content"' in content
    assert '<main id="main-content"' in content
    assert reverse("core:privacy") in content and reverse("core:accessibility") in content
    assert 'name="viewport"' in content


def test_the_role_denial_page_says_why(client):
    workplace = WorkplaceFactory()
    employee = MembershipFactory(workplace=workplace, role=Role.EMPLOYEE)
    client.force_login(employee.user)
    response = client.get(reverse("organisations:members", kwargs={"workplace_slug": workplace.slug}))
    assert response.status_code == 403
    assert "Din rolle på arbejdspladsen giver ikke adgang til dette" in response.content.decode()


def test_danish_even_when_the_browser_asks_for_english_until_english_is_chosen(client):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="da">' in response.content.decode()
    assert response["Content-Language"] == "da"
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert '<html lang="en">' in client.get(reverse("accounts:login")).content.decode()
    client.cookies["django_language"] = "xx"
    assert '<html lang="da">' in client.get(reverse("accounts:login")).content.decode()


@pytest.mark.django_db
def test_a_form_without_its_csrf_token_gets_a_clear_page_and_changes_nothing():
    from django.test import Client

    from frontloeber.organisations.models import Role
    from tests.factories import WorkplaceFactory, member

    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    client = Client(enforce_csrf_checks=True)
    client.force_login(leader)
    response = client.post(f"/a/{workplace.slug}/rediger/", {"name": "Ændret", "sector": "other"})
    assert response.status_code == 403
    assert b'id="form-expired"' in response.content
    workplace.refresh_from_db()
    assert workplace.name != "Ændret"
