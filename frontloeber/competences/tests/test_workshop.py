"""Kompetencekortet, the skills-map workshop: its step 2 is each member's own self-rating in the product,
its step 3 the team's map, and its last step's posts become learning activities (issue 7, point 5)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from frontloeber.competences.models import LearningActivity
from frontloeber.workshops import services as workshop_services
from frontloeber.workshops.models import SessionOutput
from tests.factories import live_session

pytestmark = pytest.mark.django_db


def go_to(session, leader, number):
    while session.step_position + 1 < number:
        session = workshop_services.session_step(actor=leader, session=session, action="next")
    return session


def test_step_2_sends_members_to_rate_their_skills_and_step_3_shows_the_map(
    client, workplace, leader, team, skills
):
    session = go_to(live_session(workplace, leader=leader, slug="kompetencekortet"), leader, 2)
    room = reverse("join:room", kwargs={"code": session.join_code})
    workshop_services.participant_join(session=session, user=team[0])
    client.force_login(team[0])
    rate_url = reverse("competences:rate", kwargs={"workplace_slug": workplace.slug})
    page = client.get(room).content.decode()
    assert f'href="{rate_url}"' in page and "Vurder mine færdigheder" in page
    guest = client_class_guest(client, room)
    assert "Som gæst" in guest and rate_url not in guest
    session = go_to(session, leader, 3)
    client.force_login(leader)
    screen = client.get(
        reverse("workshops:session_live", kwargs={"workplace_slug": workplace.slug, "session_id": session.pk})
    ).content.decode()
    assert reverse("competences:map", kwargs={"workplace_slug": workplace.slug}) in screen


def client_class_guest(client, room):
    from django.test import Client

    guest = Client()
    guest.post(room, {"display_name": "Gæst"})
    return guest.get(room).content.decode()


def test_the_last_step_plans_a_learning_activity_linked_to_the_session(
    client, workplace, leader, team, skills
):
    session = go_to(live_session(workplace, leader=leader, slug="kompetencekortet"), leader, 5)
    client.force_login(leader)
    kwargs = {"workplace_slug": workplace.slug, "session_id": session.pk}
    address = reverse("workshops:session_learning_activity", kwargs=kwargs)
    assert address in client.get(reverse("workshops:session_live", kwargs=kwargs)).content.decode()
    starts = (timezone.localtime() + datetime.timedelta(days=9)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "kind": "peer",
        "title": "Bo viser videomøder",
        "skills": [skills[4].pk],
        "starts_at": starts,
        "minutes": 30,
        "host": team[0].pk,
    }
    assert (
        client.post(address, {**data, "skills": []}).status_code == 400
        and not LearningActivity.objects.exists()
    )
    response = client.post(address, data)
    assert response.status_code == 302 and response["Location"] == reverse(
        "workshops:session_live", kwargs=kwargs
    )
    output = SessionOutput.objects.get(kind="learning_activity")
    assert output.post is None and output.learning_activity.host == team[0]
    summary = client.get(reverse("workshops:session_summary", kwargs=kwargs)).content.decode()
    assert LearningActivity.objects.get().get_absolute_url() in summary
    client.force_login(team[1])
    assert client.get(address).status_code == 404  # not the facilitator


def test_a_legestue_post_becomes_a_learning_activity_on_the_outputs_page(
    client, workplace, leader, team, skills
):
    session = go_to(live_session(workplace, leader=leader, slug="legestuen"), leader, 3)
    post = workshop_services.post_create(
        participant=workshop_services.participant_join(session=session, user=team[0]),
        text="Kursus i AI-værktøjer\nDet kunne hjælpe os med journalen",
    )
    client.force_login(leader)
    kwargs = {"workplace_slug": workplace.slug, "session_id": session.pk}
    outputs = client.get(reverse("workshops:session_outputs", kwargs=kwargs)).content.decode()
    assert "Gør det til: læringsaktivitet" in outputs
    address = reverse(
        "workshops:post_convert", kwargs={**kwargs, "post_id": post.pk, "kind": "learning_activity"}
    )
    assert "Kursus i AI-værktøjer" in client.get(address).content.decode()
    starts = (timezone.localtime() + datetime.timedelta(days=9)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "kind": "course",
        "title": "Kursus i AI-værktøjer",
        "skills": [skills[9].pk],
        "starts_at": starts,
        "minutes": 120,
        "host": team[0].pk,
    }
    assert client.post(address, data).status_code == 302
    output = SessionOutput.objects.get(kind="learning_activity")
    assert output.post == post and output.learning_activity.title == "Kursus i AI-værktøjer"
    with pytest.raises(ValidationError):  # once per post
        workshop_services.learning_activity_from_session(
            actor=leader,
            post=post,
            kind="peer",
            title="T",
            skills=[skills[4]],
            starts_at=timezone.now() + datetime.timedelta(days=3),
            host=leader,
        )
    assert LearningActivity.objects.count() == 1
