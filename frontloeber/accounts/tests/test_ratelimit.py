"""Login rate limiting (security issue, point 4): per account and address, plus per address across accounts.

The client's address is what the trusted proxies in front of the app say (``TRUSTED_PROXY_COUNT``): behind
the TLS proxy every request comes from the proxy's own address, so counting that would let anyone lock any
account for everyone, while a client that reaches the app directly must not choose its address by sending
an ``X-Forwarded-For`` of its own.
"""

import pytest
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
ATTACKER = "198.51.100.66"
OWNER = "203.0.113.10"


@pytest.fixture(autouse=True)
def _axes_on(settings):
    settings.AXES_ENABLED = True


def log_in(client, email, password, *, address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(reverse("accounts:login"), {"username": email, "password": password}, **extra)


def test_behind_the_proxy_an_attacker_cannot_keep_the_owner_locked_out(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    owner = UserFactory(email="leder@example.dk")
    attacker = type(client)()
    for _ in range(settings.AXES_FAILURE_LIMIT + 2):
        log_in(attacker, owner.email, "forkert", address=PROXY, forwarded=ATTACKER)
    assert log_in(attacker, owner.email, PASSWORD, address=PROXY, forwarded=ATTACKER).status_code == 429
    # The owner comes through the same proxy from their own address and gets in with the real password.
    response = log_in(client, owner.email, PASSWORD, address=PROXY, forwarded=OWNER)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(owner.pk)


def test_behind_the_proxy_only_the_address_the_proxy_saw_counts(client, settings):
    """The proxy appends the address it saw; whatever the client put before it is not believed."""
    settings.TRUSTED_PROXY_COUNT = 1
    owner = UserFactory(email="leder@example.dk")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        forged = f"192.0.2.{attempt + 1}, {ATTACKER}"
        log_in(client, owner.email, "forkert", address=PROXY, forwarded=forged)
    response = log_in(client, owner.email, PASSWORD, address=PROXY, forwarded=f"192.0.2.99, {ATTACKER}")
    assert response.status_code == 429


def test_a_direct_client_cannot_escape_the_lockout_with_a_forged_forwarded_for(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    owner = UserFactory(email="leder@example.dk")
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, owner.email, "forkert", address=ATTACKER, forwarded=f"192.0.2.{attempt + 1}")
    response = log_in(client, owner.email, PASSWORD, address=ATTACKER, forwarded="192.0.2.200")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_owner_signs_in_from_elsewhere_while_the_attacker_is_locked_out(client, settings):
    owner = UserFactory(email="leder@example.dk")
    attacker = type(client)()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(attacker, owner.email, "forkert", address=ATTACKER)
    assert log_in(attacker, owner.email, PASSWORD, address=ATTACKER).status_code == 429
    assert log_in(client, owner.email, PASSWORD, address=OWNER).status_code == 302


def test_one_address_cannot_spray_passwords_over_many_accounts(client, settings):
    """The reported attack: 40 usernames and 12 passwords over 4 real accounts from one address."""
    settings.LOGIN_FAILURES_PER_ADDRESS = 25
    real = [UserFactory(email=f"medarbejder{n}@example.dk") for n in range(4)]
    usernames = [user.email for user in real] + [f"gaet{n}@example.dk" for n in range(36)]
    passwords = [f"sommer202{n}" for n in range(12)]
    answers = []
    for password in passwords:
        for username in usernames:
            answers.append(log_in(client, username, password, address=ATTACKER).status_code)
            if answers[-1] == 429:
                break
        if answers[-1] == 429:
            break
    # Refused once the address has failed as often as allowed, though no one account had five failures.
    assert answers.count(200) == settings.LOGIN_FAILURES_PER_ADDRESS - 1
    assert answers[-1] == 429
    # Even a right password is refused from that address for now, with a page that says why.
    response = log_in(client, real[0].email, PASSWORD, address=ATTACKER)
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "mislykkede forsøg på at logge ind fra din adresse" in page
    # The accounts' owners, elsewhere, are not affected.
    elsewhere = type(client)()
    assert log_in(elsewhere, real[0].email, PASSWORD, address=OWNER).status_code == 302


def test_the_address_throttle_page_speaks_english_too(client, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 3
    client.cookies["django_language"] = "en"
    for n in range(3):
        response = log_in(client, f"gaet{n}@example.dk", "forkert", address=ATTACKER)
    assert response.status_code == 429
    assert "too many failed logins from your address" in response.content.decode()


def test_the_account_lockout_page_says_it_is_this_account_from_this_address(client, settings):
    owner = UserFactory(email="leder@example.dk")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(client, owner.email, "forkert", address=ATTACKER)
    assert response.status_code == 429
    page = response.content.decode()
    assert "mislykkede forsøg på at logge ind på kontoen fra din adresse" in page
    assert "logge ind fra din adresse" not in page


def test_colleagues_who_signed_in_from_the_shared_address_lately_are_not_kept_out(client, settings):
    """A municipality's staff share one address behind its proxy: one person's failures there (or an
    insider's) throttle the address for accounts not seen from it, but not for colleagues who signed in
    from it lately. Their own failures still lock their own account."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.LOGIN_FAILURES_PER_ADDRESS = 10
    office = "198.51.100.40"
    colleague = UserFactory(email="kollega@example.dk")
    stranger = UserFactory(email="ny@example.dk")
    earlier = log_in(type(client)(), colleague.email, PASSWORD, address=PROXY, forwarded=office)
    assert earlier.status_code == 302
    insider = type(client)()
    for n in range(10):
        log_in(insider, f"gaet{n}@example.dk", "forkert", address=PROXY, forwarded=office)
    assert log_in(insider, stranger.email, PASSWORD, address=PROXY, forwarded=office).status_code == 429
    response = log_in(client, colleague.email, PASSWORD, address=PROXY, forwarded=office)
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(colleague.pk)
    # The known account's own failures still lock it from here after five.
    guesser = type(client)()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(guesser, colleague.email, "forkert", address=PROXY, forwarded=office)
    assert log_in(guesser, colleague.email, PASSWORD, address=PROXY, forwarded=office).status_code == 429


def test_reset_links_to_one_address_are_limited_quietly(client, mailoutbox):
    """Fifteen resets for a colleague sent fifteen e-mails: now three an hour, and the page reads the same."""
    owner = UserFactory(email="kollega@example.dk")
    answers = [
        client.post(reverse("accounts:password_reset"), {"email": owner.email}, REMOTE_ADDR=f"198.51.100.{n}")
        for n in range(6)
    ]
    assert [a.status_code for a in answers] == [302] * 6
    assert {a["Location"] for a in answers} == {reverse("accounts:password_reset_done")}
    assert len(mailoutbox) == 3


def test_reset_requests_from_one_address_are_limited(client, mailoutbox):
    UserFactory(email="a@example.dk")
    statuses = [
        client.post(reverse("accounts:password_reset"), {"email": f"p{n}@example.dk"}, REMOTE_ADDR=ATTACKER)
        for n in range(11)
    ]
    assert [s.status_code for s in statuses] == [302] * 10 + [429]
    assert "Vent en time" in statuses[-1].content.decode()
