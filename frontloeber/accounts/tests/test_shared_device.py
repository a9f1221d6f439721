"""The shared device's mark as accounts reads it (issue 21, point 4): a signed cookie whose key only a
registered lookup can turn into a device; accounts itself knows no workplace."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from frontloeber.accounts import registry, shared_device


@pytest.fixture
def lookup(monkeypatch):
    """A stand-in for the devices app's lookup: knows the key "ipad" only."""
    asked = []

    def find(*, key):
        asked.append(key)
        if key == "ipad":
            return shared_device.SharedDevice(key=key, workplace_name="Stuen", idle_minutes=15)
        return None

    monkeypatch.setattr(registry.shared_devices, "_items", [find])
    return asked


def request_with(cookie=None):
    request = RequestFactory().get("/")
    if cookie is not None:
        request.COOKIES[shared_device.COOKIE_NAME] = cookie
    return request


def signed(key):
    response = HttpResponse()
    shared_device.set_mark(response, key)
    return response.cookies[shared_device.COOKIE_NAME]


def test_the_mark_is_a_signed_long_lived_httponly_cookie():
    cookie = signed("ipad")
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["path"] == "/"
    assert cookie["max-age"] == shared_device.MAX_AGE == 400 * 24 * 3600
    assert cookie.value.startswith("ipad:") and cookie.value != "ipad"


def test_a_marked_device_is_looked_up_once_per_request(lookup, settings):
    settings.SESSION_IDLE_MINUTES = 60
    request = request_with(signed("ipad").value)
    device = shared_device.current(request)
    assert (device.workplace_name, device.idle_minutes) == ("Stuen", 15)
    assert shared_device.current(request) is device and lookup == ["ipad"]
    assert shared_device.idle_minutes(request) == 15


def test_the_sites_own_idle_time_holds_where_it_is_shorter(lookup, settings):
    settings.SESSION_IDLE_MINUTES = 5
    request = request_with(signed("ipad").value)
    assert shared_device.current(request).idle_minutes == shared_device.idle_minutes(request) == 5


# The signed value holds the time it was signed at: named ids, so every xdist worker collects the same tests.
@pytest.mark.parametrize(
    "cookie",
    [None, "ipad", "ipad:forged", "", signed("ipad").value + "x"],
    ids=["none", "unsigned", "forged", "empty", "changed"],
)
def test_no_mark_or_a_forged_one_is_an_ordinary_device(lookup, settings, cookie):
    request = request_with(cookie)
    assert shared_device.current(request) is None
    assert shared_device.idle_minutes(request) == settings.SESSION_IDLE_MINUTES
    assert lookup == []  # a forged key is never even looked up


def test_a_key_nobody_knows_any_more_is_an_ordinary_device(lookup):
    request = request_with(signed("forgotten").value)
    assert shared_device.current(request) is None and lookup == ["forgotten"]
