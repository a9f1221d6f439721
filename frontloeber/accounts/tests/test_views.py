from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from frontloeber.accounts import services
from frontloeber.accounts.models import Invitation, User
from frontloeber.organisations.models import Membership, Role
from tests.factories import PASSWORD, UserFactory, WorkplaceFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def workplace():
    return WorkplaceFactory(name="Børnehuset Mælkebøtten")


@pytest.fixture
def invitation(workplace):
    leader = member(workplace, Role.LEADER).user
    return services.invitation_create(
        actor=leader, workplace=workplace, email="ny@example.dk", role="employee"
    )


def accept_url(invitation):
    return reverse(
        "accounts:invitation_accept", kwargs={"token": services.invitation_token(invitation=invitation)}
    )


def test_pages_need_login_except_the_public_ones(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    for name in ("accounts:login", "accounts:password_reset", "core:accessibility", "core:privacy"):
        assert client.get(reverse(name)).status_code == 200


def test_login_with_email_in_any_case_and_a_clear_danish_error(client):
    user = UserFactory(email="leder@example.dk")
    response = client.post(reverse("accounts:login"), {"username": "leder@example.dk", "password": "forkert"})
    assert response.status_code == 200
    assert "E-mailadressen eller adgangskoden er forkert" in response.content.decode()
    response = client.post(reverse("accounts:login"), {"username": "LEDER@example.dk", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_logout_is_a_post(client):
    client.force_login(UserFactory())
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_is_rate_limited(client, settings):
    settings.AXES_ENABLED = True
    UserFactory(email="leder@example.dk")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "leder@example.dk", "password": "forkert"})
    response = client.post(reverse("accounts:login"), {"username": "leder@example.dk", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "For mange forsøg" in response.content.decode()


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "et-nyt-kodeord-42",
            "new_password2": "et-nyt-kodeord-42",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("et-nyt-kodeord-42")


def test_password_reset_by_email(client):
    user = UserFactory(email="glemsom@example.dk")
    response = client.post(reverse("accounts:password_reset"), {"email": "glemsom@example.dk"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    path = body[body.index("/konto/nulstil/") :].split()[0]
    response = client.get(path, follow=True)
    assert response.status_code == 200
    response = client.post(
        response.redirect_chain[-1][0],
        {"new_password1": "helt-nyt-kodeord-7", "new_password2": "helt-nyt-kodeord-7"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("helt-nyt-kodeord-7")


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


def test_the_admin_is_for_staff_only(client):
    client.force_login(UserFactory())
    assert client.get("/admin/").status_code == 302
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 200


def test_the_rate_limit_ignores_the_letter_case_of_the_email(client, settings):
    settings.AXES_ENABLED = True
    UserFactory(email="leder@example.dk")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "leder@example.dk", "password": "forkert"})
    response = client.post(reverse("accounts:login"), {"username": "LEDER@Example.dk", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_logged_in_person_on_the_login_page_with_next_pointing_at_it_goes_home(client):
    client.force_login(UserFactory())
    response = client.get(reverse("accounts:login") + "?next=" + reverse("accounts:login"))
    assert response.status_code == 302 and response["Location"] == reverse("core:home")


def test_an_overlong_invitation_address_is_a_form_error_not_a_crash(client):
    workplace = WorkplaceFactory()
    client.force_login(member(workplace, Role.LEADER).user)
    address = "a" * 250 + "@example.dk"
    url = reverse("organisations:member_invite", kwargs={"workplace_slug": workplace.slug})
    response = client.post(url, {"email": address, "role": "employee"})
    assert response.status_code == 200 and 'id="error-summary"' in response.content.decode()
    assert not Invitation.objects.exists()
