"""The organisation admin's pages: a webhook made (its secret shown once), a test event sent and seen among
the deliveries, changed, deleted after a confirmation; bad input answered in the person's language with
nothing saved; nobody else gets in; and a fixed number of queries whatever the number of rows."""

import json
import re

import pytest
from django.urls import reverse

from frontloeber.organisations.audit import audit_detail_text
from frontloeber.organisations.models import AuditAction, AuditEntry, Role
from frontloeber.sso.tests.flows import in_english
from frontloeber.webhooks import services
from frontloeber.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, member

pytestmark = pytest.mark.django_db


def url(org, name, **kwargs):
    return reverse(f"webhooks:{name}", kwargs={"org_slug": org.organisation.slug, **kwargs})


@pytest.fixture
def admin_client(client, org):
    client.force_login(org.admin)
    return client


def endpoint_of(org, address, **kwargs):
    endpoint, _secret = services.webhook_endpoint_create(
        actor=org.admin,
        organisation=org.organisation,
        name=kwargs.pop("name", "Intranet"),
        url=address,
        format=kwargs.pop("format", "json"),
        events=kwargs.pop("events", ["idea.created"]),
    )
    return endpoint


def test_the_organisation_page_links_to_the_webhooks(admin_client, org):
    home = admin_client.get(
        reverse("organisations:organisation_home", kwargs={"org_slug": org.organisation.slug})
    )
    assert url(org, "endpoints") in home.content.decode()


def test_an_admin_makes_a_webhook_sends_a_test_event_and_sees_it_delivered(
    admin_client, org, receiver, verify, django_capture_on_commit_callbacks
):
    form = admin_client.get(url(org, "endpoint_create")).content.decode()
    assert 'name="events"' in form and 'value="case.published"' in form
    response = admin_client.post(
        url(org, "endpoint_create"),
        {
            "name": "Intranet",
            "url": receiver.url,
            "format": "json",
            "events": ["idea.created", "case.published"],
        },
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    secret = re.search(r"whsec_[A-Za-z0-9_-]{43}", response.content.decode()).group(0)
    endpoint = WebhookEndpoint.objects.get()
    assert endpoint.events == ["idea.created", "case.published"] and endpoint.created_by == org.admin
    listed = admin_client.get(url(org, "endpoints")).content.decode()
    assert "Intranet" in listed and secret not in listed
    detail = url(org, "endpoint_detail", endpoint_id=endpoint.pk)
    assert secret not in admin_client.get(detail).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url(org, "endpoint_test", endpoint_id=endpoint.pk))
    assert response.status_code == 302 and response["Location"] == detail
    [got] = receiver.requests
    assert json.loads(got.body)["type"] == "ping" and verify(secret, got.headers, got.body)
    page = admin_client.get(detail).content.decode()
    assert "Testhændelse" in page and "Leveret" in page and "200" in page
    assert admin_client.get(url(org, "endpoint_test", endpoint_id=endpoint.pk)).status_code == 405


def test_the_test_button_sends_a_few_a_minute_not_a_flood(
    admin_client, org, receiver, django_capture_on_commit_callbacks
):
    from frontloeber.webhooks.services import TESTS_PER_MINUTE

    endpoint = endpoint_of(org, receiver.url)
    test = url(org, "endpoint_test", endpoint_id=endpoint.pk)
    with django_capture_on_commit_callbacks(execute=True):
        for _n in range(TESTS_PER_MINUTE):
            admin_client.post(test)
        with in_english(admin_client):
            refused = admin_client.post(test, follow=True).content.decode()
    assert "Wait a minute" in refused
    assert WebhookDelivery.objects.count() == len(receiver.requests) == TESTS_PER_MINUTE


@pytest.mark.usefixtures("production")
@pytest.mark.parametrize(
    ("address", "events", "danish", "english"),
    [
        ("http://10.0.0.1/", ["idea.created"], "skal begynde med https://", "must begin with https://"),
        ("https://192.168.1.5/", ["idea.created"], "ikke på internettet", "not on the internet"),
        ("http://localhost/", ["idea.created"], "skal begynde med https://", "must begin with https://"),
        ("https://93.184.215.14/" + "a" * 2000, ["idea.created"], "højst være 500 tegn", "at most 500"),
        ("https://93.184.215.14/", [], "Vælg mindst én hændelse", "Choose at least one event"),
        (
            "https://93.184.215.14/",
            ["idea.everything"],
            "Vælg hændelserne",
            "Choose the events from the list",
        ),
    ],
)
def test_bad_input_is_a_form_error_in_the_persons_language_and_saves_nothing(
    admin_client, org, address, events, danish, english
):
    data = {"name": "Intranet", "url": address, "format": "json", "events": events}
    response = admin_client.post(url(org, "endpoint_create"), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert danish in page and "error-summary" in page
    with in_english(admin_client):
        response = admin_client.post(url(org, "endpoint_create"), data)
    assert response.status_code == 400 and english in response.content.decode()
    assert not WebhookEndpoint.objects.exists()


def test_an_admin_changes_and_deletes_a_webhook(admin_client, org, receiver):
    endpoint = endpoint_of(org, receiver.url)
    WebhookDelivery.objects.create(
        organisation=org.organisation, endpoint=endpoint, kind="ping", payload="{}"
    )
    edit = url(org, "endpoint_edit", endpoint_id=endpoint.pk)
    assert admin_client.get(edit).status_code == 200
    assert admin_client.post(edit, {"name": "Intranet", "events": []}).status_code == 400
    response = admin_client.post(edit, {"name": "Teams", "events": ["barrier.raised"]})
    assert response.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.name, endpoint.events, endpoint.active) == ("Teams", ["barrier.raised"], False)
    admin_client.post(edit, {"name": "Teams", "events": ["barrier.raised"], "active": "on"})
    endpoint.refresh_from_db()
    assert endpoint.active

    delete = url(org, "endpoint_delete", endpoint_id=endpoint.pk)
    assert "Teams" in admin_client.get(delete).content.decode()
    assert WebhookEndpoint.objects.exists()
    assert admin_client.post(delete)["Location"] == url(org, "endpoints")
    assert not WebhookEndpoint.objects.exists() and not WebhookDelivery.objects.exists()
    log = list(AuditEntry.objects.of(org.organisation).filter(action__startswith="webhook").order_by("pk"))
    assert [entry.action for entry in log] == [
        AuditAction.WEBHOOK_CREATED,
        AuditAction.WEBHOOK_CHANGED,
        AuditAction.WEBHOOK_CHANGED,
        AuditAction.WEBHOOK_DELETED,
    ]
    assert all(entry.actor == org.admin for entry in log)
    assert audit_detail_text(log[0]) == "“Intranet”" and log[0].detail["url"] == receiver.url


@pytest.mark.parametrize("who", ["leader", "employee", "other_admin"])
def test_nobody_but_the_organisations_admins_gets_in(client, org, receiver, who):
    endpoint = endpoint_of(org, receiver.url)
    if who == "other_admin":
        person = OrganisationAdminFactory(organisation=WorkplaceFactory().organisation).user
    else:
        person = getattr(org, who)
    client.force_login(person)
    pages = [
        url(org, "endpoints"),
        url(org, "endpoint_create"),
        url(org, "endpoint_detail", endpoint_id=endpoint.pk),
        url(org, "endpoint_edit", endpoint_id=endpoint.pk),
        url(org, "endpoint_delete", endpoint_id=endpoint.pk),
        url(org, "endpoint_test", endpoint_id=endpoint.pk),
    ]
    for page in pages:
        assert client.get(page).status_code == 404, page
        assert (
            client.post(page, {"name": "x", "url": receiver.url, "events": ["idea.created"]}).status_code
            == 404
        )
    assert WebhookEndpoint.objects.get() == endpoint and not WebhookDelivery.objects.exists()
    assert receiver.requests == []


def test_another_organisations_webhook_is_404_to_an_admin(admin_client, org, receiver):
    other = WorkplaceFactory()
    admin = OrganisationAdminFactory(organisation=other.organisation).user
    foreign, _secret = services.webhook_endpoint_create(
        actor=admin,
        organisation=other.organisation,
        name="x",
        url=receiver.url,
        format="json",
        events=["idea.created"],
    )
    for name in ("endpoint_detail", "endpoint_edit", "endpoint_delete", "endpoint_test"):
        assert admin_client.get(url(org, name, endpoint_id=foreign.pk)).status_code in (404, 405)
        assert admin_client.post(url(org, name, endpoint_id=foreign.pk)).status_code in (404, 405)
    assert WebhookEndpoint.objects.filter(pk=foreign.pk).exists() and not WebhookDelivery.objects.exists()


def _deliveries(endpoint, n):
    WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            organisation_id=endpoint.organisation_id,
            endpoint=endpoint,
            kind=["ping", "idea.created", "case.published"][i % 3],
            payload="{}",
            state=["pending", "delivered", "failed"][i % 3],
            attempts=i % 6,
            last_status_code=[None, 200, 500][i % 3],
            last_error="" if i % 3 == 1 else "HTTP 500: nej",
        )
        for i in range(n)
    )


# session, person, organisation, the header's two, the endpoints with their latest delivery
LIST_QUERIES = 6
# session, person, organisation, endpoint, count, the header's two, the page's rows
DELIVERIES_QUERIES = 8


@pytest.mark.parametrize("count", [2, 20])
def test_the_list_of_webhooks_takes_the_same_queries_for_2_and_20(
    admin_client, org, receiver, count, django_assert_num_queries
):
    for n in range(count):
        _deliveries(endpoint_of(org, receiver.url, name=f"Hook {n}"), 2)
    admin_client.get(url(org, "endpoints"))  # the session's first reads
    with django_assert_num_queries(LIST_QUERIES):
        page = admin_client.get(url(org, "endpoints"))
    assert (
        page.status_code == 200
        and page.content.decode().count("Leveret") + page.content.decode().count("Venter") >= count
    )


@pytest.mark.parametrize("count", [2, 20])
def test_the_deliveries_page_takes_the_same_queries_for_2_and_20(
    admin_client, org, receiver, count, django_assert_num_queries
):
    endpoint = endpoint_of(org, receiver.url)
    _deliveries(endpoint, count)
    detail = url(org, "endpoint_detail", endpoint_id=endpoint.pk)
    admin_client.get(detail)
    with django_assert_num_queries(DELIVERIES_QUERIES):
        page = admin_client.get(detail)
    assert page.status_code == 200 and page.content.decode().count("<tr>") == count + 1


def test_the_deliveries_are_fifty_to_a_page(admin_client, org, receiver):
    endpoint = endpoint_of(org, receiver.url)
    _deliveries(endpoint, 55)
    detail = url(org, "endpoint_detail", endpoint_id=endpoint.pk)
    assert admin_client.get(detail).content.decode().count("<tr>") == 51
    assert admin_client.get(detail + "?side=2").content.decode().count("<tr>") == 6
    assert admin_client.get(detail + "?side=x").status_code == 200


def test_an_employee_of_the_organisation_who_is_not_its_admin_is_not_an_admin(client, org):
    person = member(org.workplace, Role.LEADER).user
    client.force_login(person)
    assert client.get(url(org, "endpoints")).status_code == 404
