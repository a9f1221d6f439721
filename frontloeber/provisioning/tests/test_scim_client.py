"""A real SCIM client (scim2-client) creates, changes and deactivates a person (issue 19, point 3).

It calls Frontløber's WSGI application in this process (scim2-client's WSGI engine: the whole request path,
middleware and URL routing included, without a network), so the test runs inside its transaction like any
other; the connection is kept open between requests as Django's test client keeps it."""

from contextlib import contextmanager

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from scim2_client.engines.wsgi import WSGISCIMClient
from scim2_models import Group, GroupMember, Name, PatchOp, SearchRequest, UniquenessException, User

from frontloeber.organisations.models import Membership, Role
from frontloeber.sso.models import MappingRule

from .conftest import DOMAIN

pytestmark = pytest.mark.django_db


@contextmanager
def connection_kept_between_requests():
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def scim_client(token):
    with connection_kept_between_requests():
        client = WSGISCIMClient(
            WSGIHandler(),
            base_url="http://testserver/scim/v2",
            headers={"Authorization": f"Bearer {token.secret}"},
        )
        client.discover()  # the three discovery endpoints, read and checked by the client
        yield client


def test_a_scim_client_creates_changes_and_deactivates_a_person(scim_client, org):
    MappingRule.objects.create(
        organisation=org.organisation,
        kind="workplace",
        value="group-object-id",
        target_workplace=org.workplace,
    )
    created = scim_client.create(
        User(
            user_name=f"anna@{DOMAIN}",
            external_id="anna-object-id",
            name=Name(given_name="Anna", family_name="Berg"),
            active=True,
        )
    )
    assert created.id and created.user_name == f"anna@{DOMAIN}" and created.active is True

    found = scim_client.query(User, query_parameters=SearchRequest(filter=f'userName eq "anna@{DOMAIN}"'))
    assert found.total_results == 1 and found.resources[0].id == created.id
    with pytest.raises(UniquenessException):
        scim_client.create(User(user_name=f"anna@{DOMAIN}", external_id="another"))

    group = scim_client.create(
        Group(
            display_name="Mælkebøtten", external_id="group-object-id", members=[GroupMember(value=created.id)]
        )
    )
    assert Membership.objects.get(user_id=created.id).workplace == org.workplace

    changed = scim_client.modify(
        User,
        created.id,
        PatchOp[User](operations=[{"op": "replace", "path": "name.familyName", "value": "Holm"}]),
    )
    assert changed.name.family_name == "Holm" and changed.display_name == "Anna Holm"
    replaced = scim_client.replace(
        User(
            id=created.id,
            user_name=f"anna.holm@{DOMAIN}",
            external_id="anna-object-id",
            name=Name(given_name="Anna", family_name="Holm"),
            active=True,
        )
    )
    assert replaced.user_name == f"anna.holm@{DOMAIN}"

    deactivated = scim_client.modify(
        User, created.id, PatchOp[User](operations=[{"op": "replace", "path": "active", "value": False}])
    )
    assert deactivated.active is False
    assert not Membership.objects.filter(user_id=created.id).exists()
    assert scim_client.query(User, created.id).active is False

    scim_client.delete(User, created.id)
    scim_client.delete(Group, group.id)
    assert scim_client.query(User, query_parameters=SearchRequest(count=10)).total_results == 1  # the leader
    assert Membership.objects.filter(workplace=org.workplace, role=Role.LEADER).count() == 1
