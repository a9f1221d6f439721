"""What a session produces (issue 6, points 5 and 6): ideas, challenges, barriers, action items, the
summary and its PDF, the material pack, the barrier register and "my action items" with reminders."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from frontloeber.ideas.models import Idea, Support
from frontloeber.notifications.models import Notification
from frontloeber.workshops import services
from frontloeber.workshops.models import ActionItem, Barrier, SessionOutput
from tests.factories import WorkplaceFactory, live_session, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(workplace):
    return [member(workplace).user for _ in range(3)]


@pytest.fixture
def room(workplace, leader, team):
    """A session on its posting step: three members and a guest are in, each has posted once."""
    session = live_session(workplace, leader=leader)
    session = services.session_step(actor=leader, session=session, action="next")
    people = [services.participant_join(session=session, user=user) for user in team]
    people.append(services.participant_join(session=session, display_name="Lone"))
    posts = [
        services.post_create(participant=person, text=f"Idé nummer {n}\nmed flere linjer")
        for n, person in enumerate(people)
    ]
    return session, people, posts


def url(name, session, **kwargs):
    return reverse(
        f"workshops:{name}",
        kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk, **kwargs},
    )


def test_a_post_becomes_its_authors_idea_supported_by_those_who_agree(room, leader, team):
    session, people, posts = room
    services.vote_open(actor=leader, session=session, dots=2)
    services.vote_cast(participant=people[1], post=posts[0])
    services.vote_cast(participant=people[3], post=posts[0])  # the guest's dot: no member to credit
    services.post_merge(actor=leader, post=posts[2], into=posts[0])
    idea = services.post_to_idea(
        actor=leader, post=posts[0], title="Fælles kalender", need="Overblik", description=posts[0].text
    )
    assert idea.author == team[0]
    assert set(Support.objects.filter(idea=idea).values_list("user", flat=True)) == {team[1].pk, team[2].pk}
    output = SessionOutput.objects.get(session=session)
    assert (output.kind, output.idea, output.post) == ("idea", idea, posts[0])
    with pytest.raises(ValidationError):  # once per post
        services.post_to_idea(actor=leader, post=posts[0], title="Igen", need="x", description="y")
    assert Idea.objects.count() == 1


def test_a_guests_post_becomes_the_facilitators_idea_naming_the_guest(room, leader):
    session, people, posts = room
    idea = services.post_to_idea(actor=leader, post=posts[3], title="Gæstens idé", need="N", description="D")
    assert idea.author == leader and "Lone" in idea.description


def test_a_post_becomes_a_challenge_a_barrier_and_an_action_item(room, leader, team, workplace):
    session, people, posts = room
    challenge = services.post_to_challenge(
        actor=leader, post=posts[0], title="Mere overblik", closes_on=timezone.localdate()
    )
    assert challenge.workplace == workplace
    barrier = services.barrier_create(
        actor=leader, workplace=workplace, kind="worry", description=posts[1].text, post=posts[1]
    )
    due = timezone.localdate() + datetime.timedelta(days=14)
    item = services.action_item_create(
        actor=leader, workplace=workplace, what="Prøv kalenderen", owner=team[0], due_on=due, post=posts[2]
    )
    kinds = list(SessionOutput.objects.filter(session=session).values_list("kind", flat=True))
    assert kinds == ["challenge", "barrier", "action_item"]
    assert barrier.status == "open" and item.owner == team[0]
    assert Notification.objects.filter(kind="action_item", recipient=team[0]).count() == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"what": ""},
        {"what": "x" * 201},
        {"due_on": None},
        {"due_on": datetime.date(2020, 1, 1)},
        {"owner": None},
    ],
)
def test_a_bad_action_item_is_refused_and_nothing_is_saved(room, leader, team, workplace, changes):
    session, people, posts = room
    fields = {"what": "Prøv", "owner": team[0], "due_on": timezone.localdate(), **changes}
    with pytest.raises(ValidationError):
        services.action_item_create(actor=leader, workplace=workplace, post=posts[0], **fields)
    assert not ActionItem.objects.exists() and not SessionOutput.objects.exists()


def test_an_employee_who_does_not_facilitate_makes_nothing_of_the_posts(room, team, workplace):
    session, people, posts = room
    with pytest.raises(PermissionDenied):
        services.post_to_idea(actor=team[1], post=posts[0], title="T", need="N", description="D")
    with pytest.raises(PermissionDenied):
        services.barrier_create(
            actor=team[1], workplace=workplace, kind="time", description="x", post=posts[0]
        )
    assert not SessionOutput.objects.exists()


# --- Pages ---------------------------------------------------------------------------------------------


def test_the_outputs_page_turns_a_post_into_an_idea(client, room, leader):
    session, people, posts = room
    client.force_login(leader)
    page = client.get(url("session_outputs", session)).content.decode()
    assert "Gør det til: idé" in page and "Idé nummer 0" in page
    form = client.get(url("post_convert", session, post_id=posts[0].pk, kind="idea")).content.decode()
    assert "Idé nummer 0" in form and "Fra workshoppen" in form
    response = client.post(
        url("post_convert", session, post_id=posts[0].pk, kind="idea"),
        {"title": "Fælles kalender", "need": "Overblik", "description": "Alle ser dagen"},
    )
    assert response.status_code == 302
    assert "Fælles kalender" in client.get(url("session_detail", session)).content.decode()
    response = client.post(
        url("post_convert", session, post_id=posts[1].pk, kind="idea"),
        {"title": "", "need": "", "description": ""},
    )
    assert response.status_code == 200 and Idea.objects.count() == 1


def test_the_summary_page_and_pdf_list_posts_votes_and_outputs(client, room, leader, workplace, team):
    session, people, posts = room
    services.action_item_create(
        actor=leader,
        workplace=workplace,
        what="Prøv kalenderen",
        owner=team[0],
        due_on=timezone.localdate(),
        post=posts[0],
    )
    services.session_end(actor=leader, session=session)
    client.force_login(team[1])
    page = client.get(url("session_summary", session)).content.decode()
    assert "Idé nummer 2" in page and "Prøv kalenderen" in page
    pdf = client.get(url("session_summary_pdf", session))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


def test_the_material_pack_is_a_pdf(client, leader, workplace):
    client.force_login(leader)
    response = client.get(
        reverse(
            "workshops:format_materials",
            kwargs={"workplace_slug": workplace.slug, "format_slug": "idevinduet"},
        )
    )
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_outputs_land_only_in_the_sessions_own_workplace(room, leader, team):
    session, people, posts = room
    elsewhere = WorkplaceFactory(organisation=session.workplace.organisation)
    with pytest.raises(PermissionDenied):
        services.barrier_create(
            actor=leader, workplace=elsewhere, kind="time", description="x", post=posts[0]
        )
    with pytest.raises(PermissionDenied):
        services.action_item_create(
            actor=leader,
            workplace=elsewhere,
            what="x",
            owner=team[0],
            due_on=timezone.localdate(),
            post=posts[0],
        )
    assert not Barrier.objects.exists() and not ActionItem.objects.exists()


def test_the_idea_page_names_the_workshop_it_came_from(client, room, leader):
    session, people, posts = room
    idea = services.post_to_idea(
        actor=leader, post=posts[0], title="Fælles kalender", need="N", description="D"
    )
    client.force_login(leader)
    page = client.get(idea.get_absolute_url()).content.decode()
    summary = reverse(
        "workshops:session_summary",
        kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk},
    )
    assert "Fra workshoppen Idévinduet" in page and summary in page
