"""Organisations that the API's whole-API tests read (tests/test_api_tenancy.py, tests/test_api_queries.py,
tests/test_api_fuzz.py, tests/test_bench_api.py): each workplace with a row of every kind an API list
reads, made through the services as in real use, and tokens of every kind.

``fill(workplace)`` gives a workplace a leader and employees, a challenge, ideas (one deleted, so there is a
tombstone), an experiment under way, an idea adopted with its plan, checkpoints and a published case, a
workshop that ended with a post made into an idea, a skills catalogue with ratings and a closed survey round
answered by as many employees as the anonymity threshold asks. ``make_organisation(n)`` makes an
organisation of ``n`` filled workplaces, where each workplace after the first takes up the first's case.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from frontloeber.api import services as api_services
from frontloeber.api.models import READ_SCOPES, ApiToken, Feed, Scope
from frontloeber.competences import services as competence_services
from frontloeber.experiments import services as experiment_services
from frontloeber.organisations.models import Role
from frontloeber.workshops import services as workshop_services
from tests.factories import (
    MembershipFactory,
    OrganisationAdminFactory,
    OrganisationFactory,
    UserFactory,
    WorkplaceFactory,
    adopt_idea,
    answer_round,
    close_round,
    live_session,
    make_challenge,
    make_experiment,
    make_idea,
    member,
    open_round,
    publish_case,
    run_experiment,
)


@dataclass
class Place:
    """One filled workplace and the people in it."""

    workplace: object
    leader: object
    employees: list
    rows: dict = field(default_factory=dict)


@dataclass
class Org:
    organisation: object
    admin: object
    places: list
    # Secrets by name: "organisation" (every read scope), "personal" (the first workplace's leader, every
    # scope), "revoked", "expired", "organisation-<scope>" and "personal-<scope>" (every scope but that
    # one), and of each feed "feed-<feed>", "personal-feed-<feed>", "revoked-feed-<feed>",
    # "expired-feed-<feed>" ("feed" and "personal-feed": the ideas feed's).
    secrets: dict = field(default_factory=dict)

    def people(self):
        return [self.admin, *(person for p in self.places for person in (p.leader, *p.employees))]


def marker(workplace) -> str:
    """Written into every text of the workplace's rows, so a test finds them in any answer."""
    return f"[{workplace.slug}]"


def fill(workplace, *, leader=None, employees=None, catalogue=True) -> Place:
    organisation = workplace.organisation
    leader = leader or member(workplace, Role.LEADER).user
    if employees is None:
        employees = [member(workplace).user for _ in range(organisation.reflection_threshold)]
    author = employees[0]
    mark = marker(workplace)
    rows = {}
    rows["challenge"] = make_challenge(workplace, leader=leader, title=f"Udfordring {mark}")
    rows["idea"] = make_idea(
        workplace, author=author, challenge=rows["challenge"], title=f"Billeder af dagen {mark}"
    )
    gone = make_idea(workplace, author=author, title=f"Trukket tilbage {mark}")
    gone.delete()
    tried = make_idea(workplace, author=author, title=f"Lydmåler på stuen {mark}")
    rows["experiment"] = run_experiment(
        make_experiment(tried, actor=leader, participants=[author]), leader=leader
    )
    adopted = make_idea(workplace, author=author, title=f"Fælles kalender {mark}")
    rows["plan"] = adopt_idea(adopted, leader=leader)
    rows["case"] = publish_case(adopted, leader=leader)
    # A workshop that ended with a post made into an idea.
    session = workshop_services.session_step(
        actor=leader, session=live_session(workplace, leader=leader), action="next"
    )
    participant = workshop_services.participant_join(session=session, user=author)
    post = workshop_services.post_create(participant=participant, text=f"Vagtplan på tavlen {mark}")
    rows["workshop_idea"] = workshop_services.post_to_idea(
        actor=leader, post=post, title=f"Vagtplan på tavlen {mark}", need="Overblik", description="En tavle"
    )
    rows["session"] = workshop_services.session_end(actor=leader, session=session)
    rows["planned_session"] = workshop_services.session_plan(
        actor=leader,
        workplace=workplace,
        format=session.format,
        starts_at=timezone.now() + timedelta(days=7),
        facilitator=leader,
        invited=[author],
    )
    # Skills: the organisation's catalogue (once), a skill of the workplace's own, everyone's ratings.
    if catalogue:
        competence_services.catalogue_start(actor=leader, workplace=workplace)
    rows["skill"] = competence_services.skill_add(
        actor=leader, workplace=workplace, area="devices", name=f"Aula {mark}"
    )
    for level, person in enumerate(employees):
        competence_services.skills_rate(
            actor=person,
            user=person,
            workplace=workplace,
            ratings={rows["skill"].pk: (level % 4, level % 2 == 0)},
            visible_to_team=True,
            willing_to_help=level % 2 == 1,
        )
    # A closed survey round that as many employees answered as the threshold asks.
    survey = open_round(workplace, leader=leader)
    for value, person in enumerate(employees, start=2):
        answer_round(survey, person, value=min(value, 5))
    rows["round"] = close_round(survey)
    return Place(workplace, leader, employees, rows)


def make_organisation(workplaces=2) -> Org:
    organisation = OrganisationFactory()
    places = []
    for n in range(workplaces):
        places.append(fill(WorkplaceFactory(organisation=organisation), catalogue=n == 0))
    first = places[0]
    for place in places[1:]:
        place.rows["case_trial"] = experiment_services.case_try_here(
            actor=place.leader, case=first.rows["case"], workplace=place.workplace
        )
    admin = OrganisationAdminFactory(organisation=organisation).user
    org = Org(organisation, admin, places)
    make_tokens(org)
    return org


def make_tokens(org, *, person=None):
    """Tokens of every kind for ``org``; the personal ones act as ``person`` (default: the first workplace's
    leader)."""
    person = person or org.places[0].leader
    organisation, admin = org.organisation, org.admin

    def organisation_token(name, scopes, **kwargs):
        return api_services.organisation_token_create(
            actor=admin, organisation=organisation, name=name, scopes=scopes, **kwargs
        )

    def personal_token(name, scopes, **kwargs):
        return api_services.personal_token_create(
            actor=person, organisation=organisation, name=name, scopes=scopes, **kwargs
        )

    secrets = org.secrets
    _t, secrets["organisation"] = organisation_token("Alt", READ_SCOPES)
    _t, secrets["personal"] = personal_token("Mit alt", Scope.values)
    for scope in Scope.values:
        if scope in READ_SCOPES:
            _t, secrets[f"organisation-{scope}"] = organisation_token(f"Uden {scope}", _without(scope))
        _t, secrets[f"personal-{scope}"] = personal_token(
            f"Mit uden {scope}", [s for s in Scope.values if s != scope]
        )
    revoked, secrets["revoked"] = organisation_token("Tilbagekaldt", READ_SCOPES)
    api_services.token_revoke(actor=admin, token=revoked)
    expired, secrets["expired"] = personal_token("Udløbet", Scope.values)
    ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    for feed in Feed.values:
        _t, secrets[f"feed-{feed}"] = organisation_token(f"Excel {feed}", [], feed=feed)
        _t, secrets[f"personal-feed-{feed}"] = personal_token(f"Mit Excel {feed}", [], feed=feed)
        revoked, secrets[f"revoked-feed-{feed}"] = organisation_token(f"Tilbagekaldt {feed}", [], feed=feed)
        api_services.token_revoke(actor=admin, token=revoked)
        expired, secrets[f"expired-feed-{feed}"] = personal_token(f"Udløbet {feed}", [], feed=feed)
        ApiToken.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    secrets["feed"], secrets["personal-feed"] = secrets["feed-ideas"], secrets["personal-feed-ideas"]
    # Each token counts as used just now, so a request does not note its use (at most once a minute): the
    # tests that a refused request writes nothing see only what the request itself would write.
    ApiToken.objects.filter(organisation=organisation).update(last_used_at=timezone.now() + timedelta(days=1))
    return secrets


def _without(scope):
    return [s for s in READ_SCOPES if s != scope]


def reader_everywhere(org) -> str:
    """A personal token (every scope) of a person who leads every workplace of ``org``: it reads as much as
    the organisation token does, as a person."""
    person = UserFactory()
    for place in org.places:
        MembershipFactory(workplace=place.workplace, role=Role.LEADER, user=person)
    token, secret = api_services.personal_token_create(
        actor=person, organisation=org.organisation, name="Overalt", scopes=Scope.values
    )
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now() + timedelta(days=1))
    return secret
