from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from frontloeber.accounts.models import User
from frontloeber.organisations import services
from frontloeber.organisations.models import Invitation, Membership, Role
from tests.factories import UserFactory, WorkplaceFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation(workplace):
    leader = member(workplace, Role.LEADER).user
    return services.invitation_create(
        actor=leader, workplace=workplace, email="ny@example.dk", role="employee"
    )


def accept_url(invitation):
    return reverse(
        "organisations:invitation_accept", kwargs={"token": services.invitation_token(invitation=invitation)}
    )


def test_new_person_accepts_and_lands_on_the_workplace_home(client, invitation, workplace):
    response = client.get(accept_url(invitation))
    assert response.status_code == 200
    assert workplace.name in response.content.decode()
    response = client.post(
        accept_url(invitation),
        {"full_name": "Nanna Nielsen", "password1": "min-gode-kode-9", "password2": "min-gode-kode-9"},
    )
    assert response.status_code == 302
    assert response["Location"] == workplace.get_absolute_url()
    user = User.objects.get(email="ny@example.dk")
    assert Membership.objects.get(user=user, workplace=workplace).role == Role.EMPLOYEE
    assert client.get(response["Location"]).status_code == 200


def test_signup_errors_are_shown_in_danish_and_change_nothing(client, invitation):
    response = client.post(accept_url(invitation), {"full_name": "", "password1": "abc", "password2": "abd"})
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="error-summary"' in content
    assert "De to adgangskoder er forskellige" in content
    assert not User.objects.filter(email="ny@example.dk").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


@pytest.mark.parametrize(
    ("spoil", "status", "text"),
    [
        ("forged", 404, "Linket er ikke gyldigt"),
        ("expired", 410, "Invitationen er udløbet"),
        ("used", 410, "Invitationen er allerede brugt"),
        ("revoked", 410, "Invitationen er trukket tilbage"),
    ],
)
def test_unusable_links_get_a_clear_page(client, invitation, spoil, status, text):
    url = accept_url(invitation)
    if spoil == "forged":
        url = url[:-3] + "zz/"
    elif spoil == "expired":
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    elif spoil == "used":
        Invitation.objects.filter(pk=invitation.pk).update(accepted_at=timezone.now())
    else:
        Invitation.objects.filter(pk=invitation.pk).update(revoked_at=timezone.now())
    for response in (
        client.get(url),
        client.post(url, {"full_name": "X", "password1": "a", "password2": "a"}),
    ):
        assert response.status_code == status
        assert text in response.content.decode()
    assert not User.objects.filter(email="ny@example.dk").exists()


def test_an_existing_account_is_asked_to_log_in_then_joins(client, invitation, workplace):
    person = UserFactory(email="ny@example.dk")
    response = client.get(accept_url(invitation))
    assert reverse("accounts:login") in response.content.decode()
    client.force_login(person)
    assert client.get(accept_url(invitation)).status_code == 200
    response = client.post(accept_url(invitation))
    assert response.status_code == 302 and response["Location"] == workplace.get_absolute_url()
    assert Membership.objects.filter(user=person, workplace=workplace).exists()


def test_someone_else_logged_in_cannot_take_the_invitation(client, invitation):
    stranger = UserFactory()
    client.force_login(stranger)
    response = client.post(accept_url(invitation))
    assert response.status_code == 403
    assert invitation.email in response.content.decode()
    assert not Membership.objects.filter(user=stranger).exists()


def test_an_overlong_invitation_address_is_a_form_error_not_a_crash(client):
    workplace = WorkplaceFactory()
    client.force_login(member(workplace, Role.LEADER).user)
    address = "a" * 250 + "@example.dk"
    url = reverse("organisations:member_invite", kwargs={"workplace_slug": workplace.slug})
    response = client.post(url, {"email": address, "role": "employee"})
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    assert not Invitation.objects.exists()
