"""Where a webhook may be sent: https on the internet in production, never a private or local address; plain
http to this machine only outside production. Bad addresses are a message, never a crash."""

import pytest
from django.core.exceptions import ValidationError

from frontloeber.webhooks import services
from frontloeber.webhooks.addresses import AddressRefused, check_address
from frontloeber.webhooks.models import WebhookEndpoint

pytestmark = pytest.mark.django_db

PUBLIC = "https://93.184.215.14/hook"  # a literal internet address: no DNS lookup, no connection made

REFUSED_IN_PRODUCTION = [
    "http://10.0.0.1/",
    "https://10.0.0.1/",
    "https://192.168.1.5/",
    "https://172.16.3.4:8443/x",
    "http://localhost/",
    "https://localhost/",
    "https://127.0.0.1/",
    "https://[::1]/",
    "https://[::ffff:10.0.0.1]/",
    "https://169.254.169.254/latest/meta-data/",
    "https://100.64.0.1/",
    "https://0.0.0.0/",
    "https://[fd00::1]/",
    "http://93.184.215.14/hook",
    # IPv6 that carries a private IPv4 address to a gateway (NAT64, 6to4, SIIT, IPv4-compatible): Python
    # calls these global, but an IPv6-only host behind NAT64 reaches 64:ff9b::10.0.0.1 as 10.0.0.1.
    "https://[64:ff9b::a00:1]/",
    "https://[64:ff9b::7f00:1]/",
    "https://[64:ff9b:1::5db8:d70e]/",
    "https://[2002:a00:1::1]/",
    "https://[::ffff:0:a00:1]/",
    "https://[::127.0.0.1]/",
    # IANA's protocol assignments: anycast and dummy addresses, some of which Python 3.11 calls global.
    "https://192.0.0.8/",
    "https://192.0.0.9/",
    "https://[64:ff9b::c000:8]/",
]
REFUSED_ALWAYS = [
    "",
    "   ",
    "ftp://93.184.215.14/",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "93.184.215.14/hook",
    "https://",
    "https://[::1",
    "https://93.184.215.14:99999/",
    "https://user:password@93.184.215.14/",
    "https://93.184.215.14/" + "a" * 2000,
    "http://10.0.0.1/",
    "https://192.168.1.5/",
    "http://[fe80::1]/",
    "http://169.254.169.254/",
]


@pytest.mark.usefixtures("production")
@pytest.mark.parametrize("url", REFUSED_IN_PRODUCTION)
def test_production_refuses_plain_http_and_every_address_off_the_internet(url):
    with pytest.raises(AddressRefused):
        check_address(url)


@pytest.mark.parametrize("url", REFUSED_ALWAYS)
def test_outside_production_private_addresses_and_nonsense_are_still_refused(url):
    with pytest.raises(AddressRefused):
        check_address(url)


@pytest.mark.usefixtures("production")
def test_production_takes_https_on_the_internet():
    target = check_address(PUBLIC)
    assert target.host == "93.184.215.14" and [str(ip) for ip in target.addresses] == ["93.184.215.14"]


@pytest.mark.usefixtures("production")
def test_an_internet_address_carried_by_ipv6_is_taken():
    for url in ("https://[64:ff9b::5db8:d70e]/hook", "https://[2002:5db8:d70e::1]/hook"):
        assert check_address(url).addresses


def test_outside_production_plain_http_to_this_machine_is_allowed():
    assert str(check_address("http://127.0.0.1:8123/hook").addresses[0]) == "127.0.0.1"
    assert str(check_address("http://[::1]:8123/hook").addresses[0]) == "::1"
    assert check_address(PUBLIC)


@pytest.mark.usefixtures("production")
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://10.0.0.1/", "https://"),
        ("https://192.168.1.5/", "192.168.1.5 er ikke på internettet"),
        ("http://localhost/", "https://"),
        ("https://localhost/", "localhost er ikke på internettet"),
        ("https://93.184.215.14/" + "a" * 2000, "højst være 500 tegn"),
    ],
)
def test_registering_a_refused_address_saves_nothing_and_says_why_in_danish(org, url, message):
    with pytest.raises(ValidationError) as refused:
        services.webhook_endpoint_create(
            actor=org.admin,
            organisation=org.organisation,
            name="Intranet",
            url=url,
            format="json",
            events=["idea.created"],
        )
    assert message in " ".join(refused.value.message_dict["url"])
    assert not WebhookEndpoint.objects.exists()


def test_other_bad_input_is_refused_field_by_field(org):
    with pytest.raises(ValidationError) as refused:
        services.webhook_endpoint_create(
            actor=org.admin,
            organisation=org.organisation,
            name="x" * 101,
            url=PUBLIC,
            format="xml",
            events=["idea.created", "everything"],
        )
    assert set(refused.value.message_dict) == {"name", "format", "events"}
    with pytest.raises(ValidationError) as refused:
        services.webhook_endpoint_create(
            actor=org.admin, organisation=org.organisation, name=" ", url=PUBLIC, format="teams", events=[]
        )
    assert set(refused.value.message_dict) == {"name", "events"}
    assert not WebhookEndpoint.objects.exists()


def test_only_the_organisations_admins_manage_webhooks(org):
    from django.core.exceptions import PermissionDenied

    for person in (org.leader, org.employee):
        with pytest.raises(PermissionDenied):
            services.webhook_endpoint_create(
                actor=person,
                organisation=org.organisation,
                name="x",
                url=PUBLIC,
                format="json",
                events=["idea.created"],
            )
    endpoint, _secret = services.webhook_endpoint_create(
        actor=org.admin,
        organisation=org.organisation,
        name="x",
        url=PUBLIC,
        format="json",
        events=["idea.created"],
    )
    for call in (
        lambda: services.webhook_endpoint_update(
            actor=org.leader, endpoint=endpoint, name="y", events=[], active=True
        ),
        lambda: services.webhook_endpoint_delete(actor=org.leader, endpoint=endpoint),
        lambda: services.webhook_test_send(actor=org.leader, endpoint=endpoint),
    ):
        with pytest.raises(PermissionDenied):
            call()
