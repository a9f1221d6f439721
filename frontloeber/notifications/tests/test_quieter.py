"""Issue 17, point 8: quieter notifications. Changes to one idea close together are one notification;
followers hear of outcomes, not every step; each person chooses per kind what they hear about."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import IdeaStatus
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications import services
from frontloeber.notifications.models import MutedKind, Notification
from frontloeber.organisations.models import Role
from tests.factories import make_idea, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(workplace, employee):
    return make_idea(workplace, author=employee)


@pytest.fixture
def commenter(workplace, idea):
    """A colleague who commented, and so follows the idea."""
    person = member(workplace, Role.EMPLOYEE, full_name="Kamma Kollega").user
    idea_services.comment_create(actor=person, idea=idea, body="Godt tænkt!")
    return person


def statuses_told(user):
    return list(
        Notification.objects.filter(recipient=user, kind=Kind.IDEA_STATUS).values_list("status", "grouped")
    )


def test_four_changes_in_minutes_are_one_notification_telling_the_latest(idea, leader, employee):
    for status in (IdeaStatus.QUALIFYING, IdeaStatus.EXPERIMENTING, IdeaStatus.PARKED, IdeaStatus.QUALIFYING):
        idea_services.idea_move(actor=leader, idea=idea, to_status=status, message="Vi kigger på den.")
    assert statuses_told(employee) == [(IdeaStatus.QUALIFYING, 4)]
    with translation.override("en"):
        assert (
            Notification.objects.get(recipient=employee, kind=Kind.IDEA_STATUS)
            .message()
            .endswith("(4 updates in all)")
        )


def test_a_read_or_an_older_notification_is_not_added_to(idea, leader, employee):
    idea_services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    services.notification_mark_read(user=employee)
    idea_services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.EXPERIMENTING)
    assert len(statuses_told(employee)) == 2  # the first was read: the second is news of its own
    Notification.objects.update(
        created_at=timezone.now() - services.GROUP_WINDOW - datetime.timedelta(minutes=1)
    )
    idea_services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.PARKED, message="Ikke nu.")
    assert sorted(grouped for _status, grouped in statuses_told(employee)) == [1, 1, 1]


def test_reminders_are_not_grouped(workplace, leader):
    from frontloeber.actions.notification_kinds import Kind as ActionKind
    from frontloeber.notifications.kinds import require

    assert require(Kind.IDEA_STATUS).groups and not require(ActionKind.ACTION_ITEM_DUE).groups


def test_followers_hear_of_outcomes_and_the_author_of_every_step(idea, leader, employee, commenter):
    idea_services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    assert statuses_told(commenter) == []
    assert statuses_told(employee) == [(IdeaStatus.QUALIFYING, 1)]
    idea_services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.EXPERIMENTING)
    assert statuses_told(commenter) == [(IdeaStatus.EXPERIMENTING, 1)]


def test_a_person_mutes_a_kind_and_hears_nothing_of_it(idea, leader, employee, commenter):
    idea_services.idea_follow(actor=leader, idea=idea)
    Notification.objects.all().delete()  # the commenter's first comment was heard
    services.preference_update(user=employee, daily_digest=True, muted_kinds=[Kind.IDEA_COMMENT])
    idea_services.comment_create(actor=commenter, idea=idea, body="En tanke mere.")
    assert not Notification.objects.filter(recipient=employee, kind=Kind.IDEA_COMMENT).exists()
    # The leader, who follows the idea and muted nothing, hears of it.
    assert Notification.objects.filter(recipient=leader, kind=Kind.IDEA_COMMENT).exists()


def test_a_question_to_you_cannot_be_muted(idea, leader, employee):
    services.preference_update(
        user=employee, daily_digest=True, muted_kinds=[Kind.IDEA_QUESTION, Kind.IDEA_STATUS, "no_such_kind"]
    )
    assert set(MutedKind.objects.values_list("kind", flat=True)) == {Kind.IDEA_STATUS}
    idea_services.idea_ask(actor=leader, idea=idea, question="Hvor mange tablets skal der til?")
    assert Notification.objects.filter(recipient=employee, kind=Kind.IDEA_QUESTION).exists()


def test_the_settings_page_offers_the_kinds_and_saves_what_is_unticked(client, employee):
    client.force_login(employee)
    address = reverse("notifications:preferences")
    form = client.get(address).context["form"]
    offered = [code for code, _label in form.fields["heard"].choices]
    assert Kind.IDEA_COMMENT in offered and Kind.IDEA_QUESTION not in offered
    assert set(form["heard"].value()) == set(offered)  # everything heard to begin with
    heard = [code for code in offered if code != Kind.IDEA_COMMENT]
    response = client.post(address, {"daily_digest": "on", "language": "da", "heard": heard})
    assert response.status_code == 302
    assert list(MutedKind.objects.filter(user=employee).values_list("kind", flat=True)) == [Kind.IDEA_COMMENT]
    form = client.get(address).context["form"]
    assert Kind.IDEA_COMMENT not in form["heard"].value()
    # Ticked again: heard again.
    client.post(address, {"daily_digest": "on", "language": "da", "heard": offered})
    assert not MutedKind.objects.exists()


def test_a_kind_not_offered_is_refused_and_nothing_changes(client, employee):
    client.force_login(employee)
    response = client.post(
        reverse("notifications:preferences"), {"daily_digest": "on", "language": "da", "heard": ["nonsense"]}
    )
    assert response.status_code == 200 and response.context["form"].errors
    assert not MutedKind.objects.exists()
