"""Sessions as a public-sector system keeps them (issue 19, point 5): idle timeout, absolute lifetime,
sign-out everywhere, and a fresh proof of who one is before the gravest changes."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from frontloeber.accounts.models import SignIn
from frontloeber.accounts.sessions import PROVED_AT, SEEN_AT, SIGNED_IN_AT
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _age(client, **seconds_ago):
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


def test_signing_in_starts_the_clocks_and_is_recorded(client, employee):
    response = client.post(reverse("accounts:login"), {"username": employee.email, "password": PASSWORD})
    assert response.status_code == 302
    session = client.session
    assert session[SIGNED_IN_AT] == session[SEEN_AT] == session[PROVED_AT]
    assert SignIn.objects.filter(user=employee, method="password").count() == 1


def test_a_session_idle_too_long_ends_and_says_why(client, employee, settings):
    client.force_login(employee)
    home = reverse("organisations:home")
    assert client.get(home).status_code in (200, 302)
    _age(client, fl_seen_at=settings.SESSION_IDLE_MINUTES * 60 + 5)
    response = client.get(home + "?x=1")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login") + "?next=")
    page = client.get(response["Location"]).content.decode()
    assert "uden aktivitet" in page
    assert client.get(home).status_code == 302  # signed out


def test_a_session_ends_after_its_lifetime_however_active(client, employee, settings):
    client.force_login(employee)
    _age(client, fl_signed_in_at=settings.SESSION_LIFETIME_HOURS * 3600 + 5, fl_seen_at=1)
    response = client.get(reverse("accounts:account"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_an_htmx_request_of_an_ended_session_is_sent_to_the_login_page(client, employee, settings):
    client.force_login(employee)
    _age(client, fl_seen_at=settings.SESSION_IDLE_MINUTES * 60 + 5)
    response = client.get(reverse("notifications:list"), headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == reverse("accounts:login")


def test_an_active_session_is_touched_at_most_once_a_minute(client, employee):
    client.force_login(employee)
    _age(client, fl_seen_at=30)
    before = client.session[SEEN_AT]
    client.get(reverse("accounts:account"))
    assert client.session[SEEN_AT] == before
    _age(client, fl_seen_at=61)
    client.get(reverse("accounts:account"))
    assert client.session[SEEN_AT] >= int(time.time()) - 2


def test_sign_out_everywhere_ends_every_session_of_the_person(client, employee, colleague):
    phone, others = Client(), Client()
    phone.force_login(employee)
    others.force_login(colleague)
    client.force_login(employee)
    assert phone.get(reverse("accounts:account")).status_code == 200
    response = client.post(reverse("accounts:sign_out_everywhere"))
    assert response.status_code == 302
    assert phone.get(reverse("accounts:account")).status_code == 302  # the lost phone is out
    assert client.get(reverse("accounts:account")).status_code == 302  # and so is this one
    assert others.get(reverse("accounts:account")).status_code == 200  # a colleague is not
    # Signing in again works, and the new session lasts.
    client.post(reverse("accounts:login"), {"username": employee.email, "password": PASSWORD})
    assert client.get(reverse("accounts:account")).status_code == 200


def test_reauthentication_goes_only_to_a_page_of_this_site_and_slows_down_guessing(client, employee):
    client.force_login(employee)
    url = reverse("accounts:reauthenticate")
    outside = client.post(url, {"password": PASSWORD, "next": "https://evil.example/"})
    assert outside.status_code == 302 and outside["Location"] == reverse("accounts:account")
    for _ in range(10):
        assert client.post(url, {"password": "wrong"}).status_code == 200
    assert client.post(url, {"password": PASSWORD}).status_code == 429
