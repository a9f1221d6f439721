"""The survey's anonymity through the API: the probes' attacks (reflection/tests/test_anonymity_attack.py)
replayed, with every API response and feed read by the leader's personal token and an organisation token,
and the rule checked as a property over random teams."""

import itertools
import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontloeber.api import services as api_services
from frontloeber.api.api import api
from frontloeber.api.models import READ_SCOPES
from frontloeber.organisations import services as account_services
from frontloeber.organisations.models import Invitation, MembershipChange, Role
from frontloeber.reflection import selectors, services
from frontloeber.reflection.models import Round
from frontloeber.reflection.tests.test_anonymity_attack import (
    MEANS,
    PASSWORD,
    REAL_COMMENT,
    _accept,
    _add_fake,
)
from tests.factories import (
    MembershipFactory,
    OrganisationAdminFactory,
    WorkplaceFactory,
    answer_round,
    member,
)

pytestmark = pytest.mark.django_db

PERSONAL_SCOPES = list(READ_SCOPES)


def _tokens(*, leader, admin, organisation):
    _t, personal = api_services.personal_token_create(
        actor=leader, organisation=organisation, name="Min", scopes=PERSONAL_SCOPES
    )
    _t, org = api_services.organisation_token_create(
        actor=admin, organisation=organisation, name="BI", scopes=READ_SCOPES
    )
    return personal, org


def _addresses(*, workplace, round_):
    """Every GET address of the API (from its schema) with this workplace's and this round's ids, and the
    feeds."""
    ids = {"workplace_id": workplace.pk, "round_id": round_.pk}
    found = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        if "get" not in operations:
            continue
        address = path
        for name, value in ids.items():
            address = address.replace("{" + name + "}", str(value))
        address = address.replace("{", "").replace("}", "")  # any other id: a number that is nobody's
        found.append(address)
    feeds = [reverse("api_pages:feed", kwargs={"feed": f, "fmt": "csv"}) for f in ("ideas", "indicators")]
    return found + feeds


def _bodies(client, addresses):
    bodies = {}
    for address in addresses:
        response = client.get(address, {"limit": 500} if "feeds" not in address else {})
        assert response.status_code < 500, (address, response.status_code)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        bodies[address] = (response.status_code, content.decode("utf-8-sig"))
    return bodies


def _team_figures(value):
    """Every team figure in a JSON answer: the team's means and the answers' distributions and don't-knows."""
    found = []
    if isinstance(value, dict):
        for key, inner in value.items():
            if key in ("team", "distribution", "dont_know") and inner is not None:
                found.append((key, inner))
            else:
                found.extend(_team_figures(inner))
    elif isinstance(value, list):
        for inner in value:
            found.extend(_team_figures(inner))
    return found


def _assert_nothing_of_the_answers(client, addresses, round_, comments):
    for address, (status, text) in _bodies(client, addresses).items():
        for comment in comments:
            assert comment not in text, address
        if status == 200 and "feeds" not in address:
            assert _team_figures(json.loads(text)) == [], address
    figures = client.get(f"/api/v1/survey-rounds/{round_.pk}/figures")
    if figures.status_code == 200:
        assert not figures.json()["round"]["shown"]


def test_the_probes_attack_through_the_api_reads_nothing_of_the_real_employee(client, api_client):
    workplace = WorkplaceFactory()
    organisation = workplace.organisation
    leader = member(workplace, Role.LEADER).user
    real = member(workplace).user
    overseer = OrganisationAdminFactory(organisation=organisation).user
    client.force_login(leader)
    members_url = reverse("organisations:member_invite", kwargs={"workplace_slug": workplace.slug})
    for n in range(4):  # four addresses the leader controls
        email = f"leder.alias{n}@example.dk"
        assert client.post(members_url, {"email": email, "role": "employee"}).status_code == 302
        _accept(
            account_services.invitation_token(invitation=Invitation.objects.get(email=email)), f"Alias {n}"
        )
    today = timezone.localdate()
    create_url = reverse("reflection:round_create", kwargs={"workplace_slug": workplace.slug})
    client.post(
        create_url, {"opens_on": today.isoformat(), "closes_on": (today + timedelta(days=14)).isoformat()}
    )
    round_ = Round.objects.get(workplace=workplace)
    assert round_.invited_count == 1
    practice = round_.version.practices.first()
    answer_round(round_, real, value=3, comments={practice.pk: REAL_COMMENT})
    close_url = reverse(
        "reflection:round_close", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk}
    )
    assert client.post(close_url).status_code == 302
    round_.refresh_from_db()
    assert round_.is_closed

    personal, org = _tokens(leader=leader, admin=overseer, organisation=organisation)
    addresses = _addresses(workplace=workplace, round_=round_)
    assert any("survey-rounds" in a and "figures" in a for a in addresses)
    for secret in (personal, org):
        reader = api_client(secret)
        listed = reader.get("/api/v1/survey-rounds").json()["items"]
        assert [r["id"] for r in listed] == [round_.pk] and not listed[0]["shown"]
        body = reader.get(f"/api/v1/survey-rounds/{round_.pk}/figures").json()
        assert all(p["team"] is None for p in body["practices"])
        assert all(
            i["distribution"] is None and i["dont_know"] is None
            for p in body["practices"]
            for i in p["items"]
        )
        _assert_nothing_of_the_answers(reader, addresses, round_, [REAL_COMMENT])


def test_an_admin_who_planted_accounts_reads_nothing_through_any_organisation_token(api_client):
    """The second probe: an organisation admin plants four accounts that the round asks. No organisation
    token reads the round's figures, not even one another admin made (the admins share what such a token
    reads); nor does the planter's personal token, as the workplace's observer; the leader's token does."""
    workplace = WorkplaceFactory()
    organisation = workplace.organisation
    leader = member(workplace, Role.LEADER).user
    real = member(workplace).user
    planter = OrganisationAdminFactory(organisation=organisation).user
    honest = OrganisationAdminFactory(organisation=organisation).user
    for n in range(4):
        invitation = account_services.invitation_create(
            actor=planter, workplace=workplace, email=f"plant{n}@example.dk", role=Role.EMPLOYEE
        )
        token = account_services.invitation_token(invitation=invitation)
        account_services.invitation_accept_new_user(token=token, full_name="P", password=PASSWORD)
    MembershipFactory(workplace=workplace, user=planter, role=Role.OBSERVER)
    round_ = services.round_open(
        actor=leader,
        workplace=workplace,
        opens_on=timezone.localdate(),
        closes_on=timezone.localdate() + timedelta(days=14),
    )
    assert round_.invited_count == 5
    practice = round_.version.practices.first()
    for invitation in round_.invitations.exclude(user=real):
        answer_round(round_, invitation.user, value=1, comments={practice.pk: "Kendt kommentar"})
    answer_round(round_, real, value=5, comments={practice.pk: REAL_COMMENT})
    today = timezone.localdate()
    Round.objects.filter(pk=round_.pk).update(
        opens_on=today - timedelta(days=15), closes_on=today - timedelta(days=1)
    )
    round_.refresh_from_db()
    services.round_seal(round_=round_)
    services.report_sharing_update(actor=leader, round_=round_, audiences=["med"])

    addresses = _addresses(workplace=workplace, round_=round_)
    leaders, honest_org = _tokens(leader=leader, admin=honest, organisation=organisation)
    planters, planter_org = _tokens(leader=planter, admin=planter, organisation=organisation)
    for secret in (honest_org, planter_org, planters):
        reader = api_client(secret)
        rows = reader.get("/api/v1/survey-rounds").json()["items"]
        assert [(r["id"], r["shown"], r["withheld"]) for r in rows] == [(round_.pk, False, True)]
        body = reader.get(f"/api/v1/survey-rounds/{round_.pk}/figures").json()
        assert body["round"]["withheld"] and not body["round"]["shown"]
        _assert_nothing_of_the_answers(reader, addresses, round_, [REAL_COMMENT, "Kendt kommentar"])
    # The leader, who added nobody, reads the team's figures (never the comments).
    body = api_client(leaders).get(f"/api/v1/survey-rounds/{round_.pk}/figures").json()
    assert body["round"]["shown"] and body["practices"][0]["team"] is not None
    assert REAL_COMMENT not in json.dumps(body, ensure_ascii=False)


# --- The rule as a property, through the API ---------------------------------------------------------------

counter = itertools.count()


@settings(
    max_examples=14,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    real_count=st.integers(min_value=0, max_value=6),
    real_answering=st.integers(min_value=0, max_value=6),
    fakes=st.lists(st.sampled_from(MEANS), min_size=1, max_size=4),
    threshold=st.integers(min_value=3, max_value=5),
    days_before=st.integers(min_value=0, max_value=13),
)
def test_no_figure_through_the_api_unless_the_threshold_of_answers_came_from_people_the_leader_did_not_add(
    api_client, real_count, real_answering, fakes, threshold, days_before
):
    window = 30
    with translation.override("en"), transaction.atomic():
        workplace = WorkplaceFactory(slug=f"api-egenskab-{next(counter)}")
        organisation = workplace.organisation
        organisation.reflection_threshold = threshold
        organisation.survey_eligibility_days = window
        organisation.save()
        admin = OrganisationAdminFactory(organisation=organisation).user
        leader = member(workplace, Role.LEADER).user
        if "invite_as_admin" in fakes:
            OrganisationAdminFactory(organisation=organisation, user=leader)
        real = [member(workplace).user for _ in range(real_count)]
        second = None
        if "through_second_leader" in fakes:
            invitation = account_services.invitation_create(
                actor=leader, workplace=workplace, email="mig-igen@example.dk", role=Role.LEADER
            )
            second = account_services.invitation_accept_new_user(
                token=account_services.invitation_token(invitation=invitation),
                full_name="Mig",
                password=PASSWORD,
            )
        added = [
            _add_fake(means, workplace=workplace, leader=leader, n=n, window=window, second=second)
            for n, means in enumerate(fakes)
        ]
        MembershipChange.objects.filter(
            workplace=workplace, at__gte=timezone.now() - timedelta(days=1)
        ).update(at=timezone.now() - timedelta(days=days_before))
        try:
            round_ = services.round_open(
                actor=leader,
                workplace=workplace,
                opens_on=timezone.localdate(),
                closes_on=timezone.localdate() + timedelta(days=14),
            )
        except ValidationError:
            transaction.set_rollback(True)
            return
        practice = round_.version.practices.first()
        for user in added:
            try:
                answer_round(round_, user, value=1, comments={practice.pk: "Kendt kommentar"})
            except (PermissionDenied, ValidationError):
                pass
        answered = real[: min(real_answering, real_count)]
        for user in answered:
            answer_round(round_, user, value=3, comments={practice.pk: "Ægte kommentar"})
        today = timezone.localdate()
        Round.objects.filter(pk=round_.pk).update(
            opens_on=today - timedelta(days=15), closes_on=today - timedelta(days=1)
        )
        round_.refresh_from_db()
        services.round_seal(round_=round_)
        personal, org = _tokens(leader=leader, admin=admin, organisation=organisation)
        shown = selectors.round_report(round_=round_).shown  # as the leader reads it on the page
        for secret in (personal, org):
            reader = api_client(secret)
            response = reader.get(f"/api/v1/survey-rounds/{round_.pk}/figures", HTTP_ACCEPT_LANGUAGE="en")
            assert response.status_code == 200
            text = response.content.decode()
            assert "Kendt kommentar" not in text and "Ægte kommentar" not in text
            body = response.json()
            assert body["round"]["respondents"] == len(answered)
            assert body["round"]["shown"] == (shown and not body["round"]["withheld"])
            if len(answered) < threshold:
                assert not body["round"]["shown"]
                assert _team_figures(body) == []
        transaction.set_rollback(True)
