"""Tenant isolation, checked for every URL pattern of the tenant apps.

Each tenant URL pattern must have an entry in ``TENANT_URLS`` saying how to build it for a workplace's
(or organisation's) own objects and what a POST to it would send. A pattern without an entry fails
``test_every_tenant_url_is_known``, so each new app's views are covered as they come.
"""

import re
from contextlib import contextmanager
from functools import cache

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from frontloeber.organisations.models import Invitation
from tests.tenancy_world import (
    NOT_TENANT_URLS,
    TENANT_NAMESPACES,
    TENANT_PARAMETERS,
    TENANT_URLS,
    make_tenant,
    no_objects,
)

pytestmark = pytest.mark.django_db


def iter_patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = (
                f"{namespace}:{entry.namespace}"
                if namespace and entry.namespace
                else (entry.namespace or namespace)
            )
            yield from iter_patterns(entry, inner)
        elif isinstance(entry, URLPattern):
            yield namespace, entry


def tenant_url_names():
    names = set()
    for namespace, pattern in iter_patterns():
        params = set(pattern.pattern.regex.groupindex)
        name = f"{namespace}:{pattern.name}" if namespace else pattern.name
        if name in NOT_TENANT_URLS and not params & TENANT_PARAMETERS:
            continue
        if namespace in TENANT_NAMESPACES or params & TENANT_PARAMETERS:
            assert pattern.name, f"tenant URL pattern {pattern.pattern} has no name"
            names.add(f"{namespace}:{pattern.name}" if namespace else pattern.name)
    return names


@cache
def frontloeber_tables():
    """Every table of a Frontløber app (its models, their many-to-many tables, the search index)."""
    prefixes = tuple(
        f"{config.label}_" for config in apps.get_app_configs() if config.name.startswith("frontloeber.")
    )
    return {table for table in connection.introspection.table_names() if table.startswith(prefixes)}


WRITE = re.compile(r'^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


@contextmanager
def nothing_written():
    """The requests inside write nothing to any Frontløber table: no INSERT, UPDATE or DELETE is even sent
    (stricter than comparing every row before and after, which missed a write that put a value back)."""
    tables = frontloeber_tables()
    with CaptureQueriesContext(connection) as queries:
        yield
    written = [
        q["sql"][:200]
        for q in queries.captured_queries
        if (m := WRITE.match(q["sql"])) and m.group(1) in tables
    ]
    assert written == []


def build(name, tenant, objects_from=None):
    kwargs_for, objects_for, data = TENANT_URLS[name]
    return reverse(name, kwargs={**kwargs_for(tenant), **objects_for(objects_from or tenant)}), data


@pytest.fixture(scope="module")
def media_root(tmp_path_factory):
    return tmp_path_factory.mktemp("tenancy-media")


@pytest.fixture(autouse=True)
def _media_in_a_temporary_directory(settings, media_root):
    """The tenants' pictures are made once for the module (below), so its tests share their directory."""
    settings.MEDIA_ROOT = media_root


@pytest.fixture(scope="module")
def tenants(django_db_setup, django_db_blocker, media_root):
    """Two complete tenants, built once for the module inside a transaction that is rolled back after its
    last test. Each test runs in a savepoint of that transaction (pytest-django's ``db``), so whatever a
    request changed is undone before the next test, and ``nothing_written()`` sees any write it sends."""
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root), transaction.atomic():
        pair = make_tenant(), make_tenant()
        yield pair
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def sessions(tenants, django_db_blocker):
    """A signed-in session for each person of both tenants, made once with them (as ``force_login`` makes it),
    so a test only presents its cookie; whatever a request does to it is rolled back with the test."""
    with django_db_blocker.unblock():
        cookies = {}
        for tenant in tenants:
            for who in ("leader", "employee", "observer", "admin"):
                user = getattr(tenant, who).user
                signer = Client()
                signer.force_login(user)
                cookies[user.pk] = signer.cookies[settings.SESSION_COOKIE_NAME].value
        return cookies


@pytest.fixture
def sign_in(client, sessions):
    def sign_in(user):
        client.cookies[settings.SESSION_COOKIE_NAME] = sessions[user.pk]

    return sign_in


def test_every_tenant_url_is_known():
    found = tenant_url_names()
    unknown = found - set(TENANT_URLS)
    assert not unknown, f"add these tenant URLs to TENANT_URLS in tests/test_tenancy.py: {sorted(unknown)}"
    stale = set(TENANT_URLS) - found
    assert not stale, f"TENANT_URLS names patterns that no longer exist: {sorted(stale)}"


@pytest.mark.parametrize("name", sorted(TENANT_URLS))
@pytest.mark.parametrize("who", ["leader", "employee", "observer", "admin"])
def test_people_of_workplace_a_get_404_for_every_url_of_workplace_b(client, sign_in, tenants, name, who):
    a, b = tenants
    sign_in(getattr(a, who).user)
    url, data = build(name, b)
    with nothing_written():
        assert client.get(url).status_code == 404, url
        assert client.post(url, data).status_code == 404, url


@pytest.mark.parametrize("name", sorted(n for n, spec in TENANT_URLS.items() if spec[1] is not no_objects))
def test_a_workplaces_own_url_with_another_workplaces_object_ids_gives_404(client, sign_in, tenants, name):
    a, b = tenants
    for person in (a.leader.user, a.admin.user):
        sign_in(person)
        url, data = build(name, a, objects_from=b)
        with nothing_written():
            assert client.get(url).status_code in (404, 405), url
            assert client.post(url, data).status_code in (404, 405), url  # 405: a read-only page


@pytest.mark.parametrize("name", sorted(TENANT_URLS))
def test_an_observers_posts_change_nothing(client, sign_in, tenants, name):
    t, _other = tenants
    sign_in(t.observer.user)
    url, data = build(name, t)
    with nothing_written():
        response = client.post(url, data)
    assert response.status_code in (403, 404, 405), (url, response.status_code)
    assert not Invitation.objects.filter(email="intruder@example.dk").exists()


def test_nothing_written_notices_a_write_that_changes_nothing(tenants):
    """The check sees the statement itself: a write to another tenant's rows that matches no row (as the
    idea page's "mark its notifications read" did before it resolved the idea) fails it too."""
    from frontloeber.notifications.models import Notification

    a, b = tenants
    with pytest.raises(AssertionError, match="notifications_notification"), nothing_written():
        Notification.objects.filter(recipient=a.leader.user, workplace=b.workplace).update(read_at=None)
