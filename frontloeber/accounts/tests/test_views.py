import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


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
    assert response.status_code == 302 and response["Location"] == reverse("organisations:home")
