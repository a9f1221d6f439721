"""The client's address behind a configured number of trusted proxies (``TRUSTED_PROXY_COUNT``)."""

import pytest
from django.test import RequestFactory

from frontloeber.core.clientip import client_ip, client_network


def request(address, forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_proxies_the_connection_is_the_client_whatever_it_forwards(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request("198.51.100.7")) == "198.51.100.7"
    assert client_ip(request("198.51.100.7", "1.2.3.4")) == "198.51.100.7"
    assert client_ip(request("198.51.100.7", "1.2.3.4, 5.6.7.8")) == "198.51.100.7"


def test_behind_one_proxy_the_right_most_forwarded_address_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.2", "198.51.100.7")) == "198.51.100.7"
    # What the client wrote itself stands to the left of what the proxy appended: it is not believed.
    assert client_ip(request("10.0.0.2", "1.2.3.4, 198.51.100.7")) == "198.51.100.7"
    assert client_ip(request("10.0.0.2", "nonsense, 198.51.100.7")) == "198.51.100.7"
    # A private client address (the office network behind the proxy) is that client's address.
    assert client_ip(request("10.0.0.2", "192.168.1.20")) == "192.168.1.20"


def test_behind_two_proxies_the_second_address_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request("10.0.0.3", "1.2.3.4, 198.51.100.7, 10.0.0.2")) == "198.51.100.7"


def test_a_request_that_did_not_pass_the_proxies_falls_back_to_the_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(request("10.0.0.2")) == "10.0.0.2"
    assert client_ip(request("10.0.0.2", "")) == "10.0.0.2"
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(request("10.0.0.3", "198.51.100.7")) == "10.0.0.3"


@pytest.mark.parametrize(
    ("address", "network"),
    [
        ("198.51.100.7", "198.51.100.7"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
    ],
)
def test_rate_limits_count_an_ipv6_client_by_its_64_network(settings, address, network):
    """One subscriber has a whole /64 of IPv6 addresses: counting single addresses would be no limit."""
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_network(request(address)) == network


def test_with_the_proxies_named_only_they_are_believed(settings):
    """A client that reaches the app port directly, past the proxy, cannot pick its address."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["10.0.0.2", "10.0.1.0/24"]
    assert client_ip(request("10.0.0.2", "198.51.100.7")) == "198.51.100.7"
    assert client_ip(request("10.0.1.77", "198.51.100.7")) == "198.51.100.7"
    assert client_ip(request("203.0.113.9", "198.51.100.7")) == "203.0.113.9"
