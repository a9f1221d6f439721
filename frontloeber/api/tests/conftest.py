"""A small organisation that the API tests read, with a token of each kind."""

from dataclasses import dataclass

import pytest
from django.test import Client

from frontloeber.api import services
from frontloeber.organisations.models import Role
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, make_idea, member


@dataclass
class World:
    organisation: object
    workplace: object
    other_workplace: object
    leader: object
    employee: object
    observer: object
    admin: object
    ideas: list
    org_secret: str
    personal_secret: str
    observer_secret: str


@pytest.fixture
def world(db):
    workplace = WorkplaceFactory()
    organisation = workplace.organisation
    other = WorkplaceFactory(organisation=organisation)
    leader = member(workplace, Role.LEADER).user
    employee = member(workplace).user
    observer = member(workplace, Role.OBSERVER).user
    admin = OrganisationAdminFactory(organisation=organisation).user
    ideas = [make_idea(workplace, author=employee, title=f"Idé {n}") for n in range(3)]
    ideas.append(make_idea(other, title="I den anden"))
    _t, org_secret = services.organisation_token_create(
        actor=admin, organisation=organisation, name="Power BI", scopes=["ideas", "insights"]
    )
    _t, personal_secret = services.personal_token_create(
        actor=employee, organisation=organisation, name="Mit script", scopes=["ideas", "ideas:write"]
    )
    _t, observer_secret = services.personal_token_create(
        actor=observer, organisation=organisation, name="Observatør", scopes=["ideas", "ideas:write"]
    )
    return World(
        organisation,
        workplace,
        other,
        leader,
        employee,
        observer,
        admin,
        ideas,
        org_secret,
        personal_secret,
        observer_secret,
    )


class ApiClient(Client):
    def __init__(self, secret=None, **kwargs):
        super().__init__(**kwargs)
        self.secret = secret

    def _base_environ(self, **request):
        environ = super()._base_environ(**request)
        if self.secret:
            environ.setdefault("HTTP_AUTHORIZATION", f"Bearer {self.secret}")
        return environ


@pytest.fixture
def api_client():
    return ApiClient
