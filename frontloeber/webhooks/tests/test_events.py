"""The apps publish their events, and each becomes a delivery to the endpoints that asked for it: in the
organisation, in use, wanting the kind. An organisation without endpoints pays one query per event."""

import json

import pytest

from frontloeber.actions import services as action_services
from frontloeber.api.schemas import pseudonym
from frontloeber.core.events import event_publish
from frontloeber.ideas import services as idea_services
from frontloeber.webhooks import services
from frontloeber.webhooks.models import EventKind, WebhookDelivery
from tests.factories import (
    OrganisationAdminFactory,
    WorkplaceFactory,
    adopt_idea,
    conclude_experiment,
    make_experiment,
    make_idea,
    member,
    publish_case,
    run_experiment,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def hook(org, receiver):
    def hook(*events, format="json", active=True):
        endpoint, secret = services.webhook_endpoint_create(
            actor=org.admin,
            organisation=org.organisation,
            name="Hook",
            url=receiver.url,
            format=format,
            events=events,
        )
        if not active:
            services.webhook_endpoint_update(
                actor=org.admin, endpoint=endpoint, name="Hook", events=events, active=False
            )
        endpoint.secret = secret
        return endpoint

    return hook


def kinds(receiver):
    return [json.loads(r.body)["type"] for r in receiver.requests]


def test_every_event_reaches_an_endpoint_that_asked_for_it(
    org, receiver, hook, verify, django_capture_on_commit_callbacks
):
    endpoint = hook(*EventKind.values)
    with django_capture_on_commit_callbacks(execute=True):
        idea = make_idea(org.workplace, author=org.employee)
    with django_capture_on_commit_callbacks(execute=True):
        idea_services.idea_acknowledge(actor=org.leader, idea=idea)
    with django_capture_on_commit_callbacks(execute=True):
        plan = adopt_idea(idea, leader=org.leader)
    with django_capture_on_commit_callbacks(execute=True):
        publish_case(idea, leader=org.leader)
    with django_capture_on_commit_callbacks(execute=True):
        barrier = action_services.barrier_create(
            actor=org.leader, workplace=org.workplace, kind="time", description="Ingen tid"
        )
        action_services.barrier_raise(actor=org.leader, barrier=barrier, kind="it", why="Kræver IT")
    assert kinds(receiver) == [
        "idea.created",
        "idea.answered",
        "idea.decided",  # the experiment started: the idea is being tried out
        "experiment.concluded",
        "adoption_plan.live",
        "idea.decided",  # adopted
        "case.published",
        "barrier.raised",
    ]
    assert all(verify(endpoint.secret, r.headers, r.body) for r in receiver.requests)
    assert WebhookDelivery.objects.filter(endpoint=endpoint, state="delivered").count() == 8
    bodies = [json.loads(r.body) for r in receiver.requests]
    assert {body["organisation"] for body in bodies} == {org.organisation.slug}
    # The data is the API's shape of the subject: its id, and people only as pseudonyms.
    case = idea.case
    assert [body["data"]["id"] for body in bodies] == [
        idea.pk,
        idea.pk,
        idea.pk,
        plan.idea.experiments.get().pk,
        plan.pk,
        idea.pk,
        case.pk,
        barrier.pk,
    ]
    assert bodies[0]["data"]["author"] == pseudonym(org.organisation.pk, org.employee.pk)
    for text in ("Erik", org.employee.email, "Lene", org.leader.email):
        assert all(text not in r.body.decode() for r in receiver.requests), text


def test_a_leaders_first_comment_answers_the_idea_and_a_refusal_decides_it(
    org, receiver, hook, django_capture_on_commit_callbacks
):
    hook("idea.answered", "idea.decided")
    idea = make_idea(org.workplace, author=org.employee)
    with django_capture_on_commit_callbacks(execute=True):
        idea_services.comment_create(actor=org.leader, idea=idea, body="Spændende!")
        idea_services.comment_create(actor=org.leader, idea=idea, body="Vi ser på den.")
    with django_capture_on_commit_callbacks(execute=True):
        idea_services.idea_move(actor=org.leader, idea=idea, to_status="qualifying")
    with django_capture_on_commit_callbacks(execute=True):
        idea_services.idea_move(actor=org.leader, idea=idea, to_status="not_pursued", message="Ikke nu")
    assert kinds(receiver) == ["idea.answered", "idea.decided"]


def test_a_stopped_experiment_is_concluded_and_the_idea_decided(
    org, receiver, hook, django_capture_on_commit_callbacks
):
    hook("experiment.concluded", "idea.decided")
    idea = make_idea(org.workplace, author=org.employee)
    experiment = run_experiment(make_experiment(idea, actor=org.leader), leader=org.leader)
    with django_capture_on_commit_callbacks(execute=True):
        conclude_experiment(experiment, leader=org.leader, decision="stop")
    assert kinds(receiver) == ["experiment.concluded", "idea.decided"]


def test_only_the_organisations_endpoints_in_use_that_want_the_kind_hear_of_it(
    org, receiver, hook, django_capture_on_commit_callbacks
):
    hook("case.published")
    hook("idea.created", active=False)
    elsewhere = WorkplaceFactory()
    OrganisationAdminFactory(organisation=elsewhere.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        make_idea(org.workplace, author=org.employee)
        make_idea(elsewhere, author=member(elsewhere).user)
    assert receiver.requests == [] and not WebhookDelivery.objects.exists()


def test_a_rolled_back_change_tells_nobody(org, receiver, hook, django_capture_on_commit_callbacks):
    from django.db import transaction

    hook("idea.created")
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            make_idea(org.workplace, author=org.employee)
            raise RuntimeError("rolled back")
    assert receiver.requests == [] and not WebhookDelivery.objects.exists()


def test_an_event_without_endpoints_costs_one_query(
    org, django_assert_num_queries, django_capture_on_commit_callbacks
):
    idea = make_idea(org.workplace, author=org.employee)
    # The listener runs when the commit's callbacks do, inside the count.
    with django_assert_num_queries(1), django_capture_on_commit_callbacks(execute=True):
        event_publish(kind="idea.created", subject=idea)


def test_a_teams_endpoint_gets_a_card_with_a_danish_sentence_and_a_link(
    org, receiver, hook, django_capture_on_commit_callbacks
):
    endpoint = hook("idea.created", format="teams")
    with django_capture_on_commit_callbacks(execute=True):
        idea = make_idea(org.workplace, author=org.employee, title="Robotstøvsuger")
    [got] = receiver.requests
    message = json.loads(got.body)
    assert message["type"] == "message"
    [attachment] = message["attachments"]
    assert attachment["contentType"] == "application/vnd.microsoft.card.adaptive"
    card = attachment["content"]
    assert card["type"] == "AdaptiveCard"
    assert card["body"][0]["text"] == "Ny idé i Børnehuset Mælkebøtten."
    [action] = card["actions"]
    assert action["type"] == "Action.OpenUrl" and action["title"] == "Åbn i Frontløber"
    assert action["url"].endswith(f"/a/{org.workplace.slug}/ideer/{idea.pk}/")
    # No free text and no person: the title is behind the link, for those who may read it.
    assert "Robotstøvsuger" not in got.body.decode() and "Erik" not in got.body.decode()
    assert got.headers["Webhook-Signature"].startswith("v1=")
    assert endpoint.is_format_teams


def test_a_failing_webhook_never_breaks_the_work_that_published_the_event(
    org, receiver, hook, django_capture_on_commit_callbacks, monkeypatch
):
    from frontloeber.webhooks import payloads

    hook("idea.created")

    def broken(subject):
        raise RuntimeError("the API's shape failed")

    monkeypatch.setattr(payloads, "subject_shape", broken)
    with django_capture_on_commit_callbacks(execute=True):
        idea = make_idea(org.workplace, author=org.employee)
    assert idea.pk and not WebhookDelivery.objects.exists()
