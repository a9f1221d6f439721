"""Shared devices (issue 21, point 4): a leader marks the device on the device itself; the mark is a signed
cookie that the sign-in, the idle time, the caching and the sign-out then follow."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from frontloeber.accounts.sessions import SEEN_AT
from frontloeber.accounts.shared_device import CLEAR_SITE_DATA, COOKIE_NAME, MAX_AGE
from frontloeber.devices.models import SharedDevice
from frontloeber.organisations.models import AuditAction, AuditEntry, Role
from frontloeber.sso.models import IdentityProvider
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english(settings):
    """The pages' own words, whichever catalogue is compiled (the Danish is checked by the translations'
    own test)."""
    settings.LANGUAGE_CODE = "en"


def page_url(workplace):
    return reverse("devices:shared_device", kwargs={"workplace_slug": workplace.slug})


def forget_url(workplace):
    return reverse("devices:shared_device_forget", kwargs={"workplace_slug": workplace.slug})


def mark(client, workplace, label="iPad på stuen"):
    """Marks the client's device as shared by the workplace (the client must be its leader's)."""
    response = client.post(page_url(workplace), {"action": "mark", "label": label})
    assert response.status_code == 302, response.content.decode()[:500]
    return SharedDevice.objects.get(workplace=workplace, label=label)


@pytest.fixture
def shared(client, workplace, leader):
    """A device the leader marked, then signed out of: the next person meets a shared device."""
    client.force_login(leader)
    device = mark(client, workplace)
    the_mark = client.cookies[COOKIE_NAME].value
    client.logout()  # which forgets every cookie of the test client: the mark is put back
    client.cookies[COOKIE_NAME] = the_mark
    return device


def _seen(client, seconds_ago):
    session = client.session
    session[SEEN_AT] = int(time.time()) - seconds_ago
    session.save()


# --- Marking -----------------------------------------------------------------------------------------------


def test_the_leader_marks_the_device_with_a_long_lived_signed_cookie(client, workplace, leader):
    client.force_login(leader)
    page = client.get(page_url(workplace))
    assert page.status_code == 200
    assert "Make this device shared" in page.content.decode()
    device = mark(client, workplace)
    cookie = client.cookies[COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert int(cookie["max-age"]) == MAX_AGE
    assert str(device.key) in cookie.value and cookie.value != str(device.key)  # signed, not bare
    assert device.marked_by == leader and device.organisation_id == workplace.organisation_id
    entry = AuditEntry.objects.get(action=AuditAction.SHARED_DEVICE_MARKED)
    assert (entry.actor, entry.in_workplace) == (leader, workplace)
    again = client.get(page_url(workplace)).content.decode()
    assert "This device (“iPad på stuen”) is shared by Børnehuset Mælkebøtten." in again
    assert "Make it an ordinary device again" in again


def test_the_members_page_leads_the_leader_to_the_shared_devices(client, workplace, leader):
    client.force_login(leader)
    response = client.get(reverse("organisations:members", kwargs={"workplace_slug": workplace.slug}))
    assert f'href="{page_url(workplace)}"' in response.content.decode()


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_only_those_who_may_mark_see_the_page(client, workplace, role):
    client.force_login(member(workplace, role).user)
    assert client.get(page_url(workplace)).status_code == 404
    assert client.post(page_url(workplace), {"action": "mark"}).status_code == 404
    assert COOKIE_NAME not in client.cookies
    assert not SharedDevice.objects.exists()


def test_a_leader_of_another_workplace_gets_404(client, workplace):
    other = WorkplaceFactory(organisation=workplace.organisation)
    client.force_login(member(other, Role.LEADER).user)
    assert client.get(page_url(workplace)).status_code == 404


def test_an_organisation_admin_marks_from_the_organisations_pages(client, workplace):
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    client.force_login(admin)
    kwargs = {"org_slug": workplace.organisation.slug, "workplace_slug": workplace.slug}
    url = reverse("devices:organisation_shared_device", kwargs=kwargs)
    assert client.post(url, {"action": "mark", "label": "Kontorets iPad"}).status_code == 302
    assert SharedDevice.objects.get().workplace == workplace
    stranger = OrganisationAdminFactory().user
    other = Client()
    other.force_login(stranger)
    assert other.get(url).status_code == 404


def test_the_idle_time_is_a_setting_from_2_to_60_minutes(client, workplace, leader):
    client.force_login(leader)
    for wrong in ("1", "61", "fem", ""):
        response = client.post(page_url(workplace), {"action": "idle", "minutes": wrong})
        assert response.status_code == 400, wrong
        said = {
            "1": "Choose a number of minutes from 2 to 60.",
            "61": "Choose a number of minutes from 2 to 60.",
            "fem": "Write a whole number of minutes.",
            "": "Write a number of minutes.",
        }[wrong]
        assert said in response.content.decode()
    workplace.refresh_from_db()
    assert workplace.shared_device_idle_minutes == 10
    assert client.post(page_url(workplace), {"action": "idle", "minutes": "3"}).status_code == 302
    workplace.refresh_from_db()
    assert workplace.shared_device_idle_minutes == 3
    assert AuditEntry.objects.get(action=AuditAction.SHARED_DEVICE_IDLE_CHANGED).detail == {
        "minutes": [10, 3]
    }


def test_forgetting_this_device_removes_the_mark(client, workplace, leader):
    client.force_login(leader)
    device = mark(client, workplace)
    response = client.post(forget_url(workplace), {"device": device.pk})
    assert response.status_code == 302
    assert client.cookies[COOKIE_NAME].value == ""  # deleted
    assert not SharedDevice.objects.exists()
    assert AuditEntry.objects.filter(action=AuditAction.SHARED_DEVICE_FORGOTTEN).count() == 1


def test_a_device_forgotten_from_afar_is_an_ordinary_device_again(client, shared, workplace, leader):
    office = Client()
    office.force_login(leader)
    assert office.post(forget_url(workplace), {"device": shared.pk}).status_code == 302
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Shared device" not in page


def test_another_workplaces_device_cannot_be_forgotten(client, workplace, leader):
    other = WorkplaceFactory(organisation=workplace.organisation)
    theirs = SharedDevice.objects.create(workplace=other, label="Deres")
    client.force_login(leader)
    assert client.post(forget_url(workplace), {"device": theirs.pk}).status_code == 404
    assert client.post(forget_url(workplace), {"device": "x"}).status_code == 404
    assert SharedDevice.objects.filter(pk=theirs.pk).exists()


# --- What the mark does -----------------------------------------------------------------------------------


def test_the_login_page_on_a_shared_device_says_so_and_asks_for_email_and_password(client, shared):
    page = client.get(reverse("accounts:login")).content.decode()
    assert "Shared device: Børnehuset Mælkebøtten" in page
    assert "after 10 minutes without activity" in page
    assert 'name="username"' in page and 'name="password"' in page
    assert "No account?" not in page


def test_the_login_page_offers_only_the_organisations_own_sign_in(client, shared, workplace):
    elsewhere = WorkplaceFactory().organisation
    for organisation, key in ((workplace.organisation, "maelk"), (elsewhere, "andre")):
        IdentityProvider.objects.create(
            organisation=organisation,
            key=key,
            protocol="oidc",
            issuer="https://login.example/t",
            client_id="c",
            client_secret="s",
            email_attribute="email",
            enabled=True,
        )
    page = client.get(reverse("accounts:login")).content.decode()
    assert reverse("sso:start", kwargs={"key": "maelk"}) in page
    assert f"Log in with {workplace.organisation.name}" in page
    assert f'action="{reverse("sso:choose")}"' not in page  # not the list of every organisation
    assert reverse("sso:start", kwargs={"key": "andre"}) not in page
    ordinary = Client().get(reverse("accounts:login")).content.decode()
    assert f'action="{reverse("sso:choose")}"' in ordinary


def test_a_tampered_mark_is_ignored(client, shared):
    value = client.cookies[COOKIE_NAME].value
    for forged in (value[:-2] + ("xx" if not value.endswith("xx") else "yy"), str(shared.key), "x:y"):
        client.cookies[COOKIE_NAME] = forged
        page = client.get(reverse("accounts:login"))
        assert "Shared device" not in page.content.decode()


def test_on_a_shared_device_the_session_ends_after_the_workplaces_idle_time(
    client, shared, workplace, employee
):
    workplace.shared_device_idle_minutes = 3
    workplace.save()
    client.force_login(employee)
    account = reverse("accounts:account")
    _seen(client, 2 * 60 + 50)
    assert client.get(account).status_code == 200
    _seen(client, 3 * 60 + 5)
    response = client.get(account)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert "after 3 minutes without activity" in client.get(response["Location"]).content.decode()
    assert client.get(account).status_code == 302
    # The same quiet spell on an ordinary device ends nothing.
    ordinary = Client()
    ordinary.force_login(employee)
    _seen(ordinary, 3 * 60 + 5)
    assert ordinary.get(account).status_code == 200


def test_after_an_idle_sign_out_the_next_person_is_not_sent_to_the_last_ones_page(
    client, shared, workplace, employee, colleague
):
    """The page the last person had open (its address may hold a search, an idea's number) is not where the
    next person to sign in on a shared device lands, nor in the login page's address."""
    colleague.set_password("Kollegaens-kode-42")
    colleague.save()
    client.force_login(employee)
    last_page = reverse("ideas:board", kwargs={"workplace_slug": workplace.slug}) + "?q=mobning"
    _seen(client, 11 * 60)
    response = client.get(last_page)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    signed_in = client.post(
        response["Location"], {"username": colleague.email, "password": "Kollegaens-kode-42"}
    )
    assert signed_in.status_code == 302 and "mobning" not in signed_in["Location"]
    # On one's own device the sign-in leads back to where one was.
    ordinary = Client()
    ordinary.force_login(employee)
    _seen(ordinary, 61 * 60)
    response = ordinary.get(last_page)
    assert response.status_code == 302 and "mobning" in response["Location"]


def test_a_short_idle_time_is_clocked_more_finely(client, shared, workplace, employee):
    workplace.shared_device_idle_minutes = 2
    workplace.save()
    client.force_login(employee)
    _seen(client, 13)  # a tenth of two minutes is 12 seconds
    client.get(reverse("accounts:still_here"))
    assert client.session[SEEN_AT] >= int(time.time()) - 2


def test_the_site_idle_time_still_holds_where_it_is_shorter(client, shared, workplace, employee, settings):
    settings.SESSION_IDLE_MINUTES = 5
    workplace.shared_device_idle_minutes = 30
    workplace.save()
    client.force_login(employee)
    _seen(client, 5 * 60 + 5)
    assert client.get(reverse("accounts:account")).status_code == 302


def test_pages_on_a_shared_device_are_not_kept_by_the_browser(client, shared, employee):
    client.force_login(employee)
    response = client.get(reverse("accounts:account"))
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert "Switch user" in content and 'id="fl-idle-dialog"' in content
    assert 'data-idle-minutes="10"' in content
    ordinary = Client()
    ordinary.force_login(employee)
    response = ordinary.get(reverse("accounts:account"))
    assert "no-store" not in response.get("Cache-Control", "")
    assert "Switch user" not in response.content.decode()
    assert 'id="fl-idle-dialog"' not in response.content.decode()
    assert 'id="fl-unsent-dialog"' in response.content.decode()  # the sign-out warning is everyone's


def test_signing_out_of_a_shared_device_clears_the_site_data_but_not_the_mark(client, shared, employee):
    client.force_login(employee)
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert response["Clear-Site-Data"] == CLEAR_SITE_DATA == '"cache", "storage"'
    assert client.cookies[COOKIE_NAME].value  # the device is still shared
    assert "Shared device" in client.get(reverse("accounts:login")).content.decode()
    ordinary = Client()
    ordinary.force_login(employee)
    response = ordinary.post(reverse("accounts:logout"))
    assert response.status_code == 302 and "Clear-Site-Data" not in response


def test_still_here_keeps_a_session_and_tells_an_ended_one(client, shared, employee):
    url = reverse("accounts:still_here")
    assert client.get(url).status_code == 302  # not signed in: to the login page
    client.force_login(employee)
    response = client.get(url)
    assert response.status_code == 204 and "no-store" in response["Cache-Control"]


def test_a_board_polling_by_itself_does_not_keep_a_shared_devices_session(client, shared, employee):
    """A live workshop board asks for news every few seconds with no one at the screen: on a shared device
    that is not activity, so the server still ends the session; a person's own request is."""
    from frontloeber.accounts.sessions import POLL_HEADER

    client.force_login(employee)
    account = reverse("accounts:account")
    _seen(client, 5 * 60)
    assert client.get(account, headers={POLL_HEADER: "1"}).status_code == 200
    assert time.time() - client.session[SEEN_AT] >= 5 * 60  # the poll moved no clock
    assert client.get(account).status_code == 200
    assert time.time() - client.session[SEEN_AT] < 60  # the person's own request did
    # On an ordinary device a board's poll keeps the clock as before (a projector may show it for an hour).
    ordinary = Client()
    ordinary.force_login(employee)
    _seen(ordinary, 5 * 60)
    ordinary.get(account, headers={POLL_HEADER: "1"})
    assert time.time() - ordinary.session[SEEN_AT] < 60


def test_every_board_that_polls_says_so_and_only_for_its_own_requests():
    """Each element that asks for news on a timer sends the poll header (above), and keeps it from the buttons
    inside it (hx-disinherit), whose clicks are a person at the screen."""
    import re
    from pathlib import Path

    from django.conf import settings

    polling = 0
    for path in (Path(settings.BASE_DIR) / "frontloeber").rglob("*.html"):
        for match in re.finditer(r'hx-trigger="(?:{% poll_every %}|every [^"]+)"[^>]*>', path.read_text()):
            polling += 1
            element = match.group(0)
            assert '"X-Frontloeber-Poll": "1"' in element and 'hx-disinherit="hx-headers"' in element, path
    assert polling >= 5
