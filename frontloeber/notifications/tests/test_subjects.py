"""A notification points at what it is about by label and id (notifications lie below ideas): the ideas app
keeps the quoted title current, deletes the notifications with the idea and builds the page it opens."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import Idea
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications import services
from frontloeber.notifications.models import Notification
from tests.factories import WorkplaceFactory, make_idea

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(workplace, leader, employee):
    """The employee's idea: the leader is told of it (idea_new)."""
    return make_idea(workplace, author=employee, title="Tablet i ambulancen")


def test_a_notification_names_its_idea_by_label_id_and_title(idea, leader):
    notification = Notification.objects.get(recipient=leader, kind=Kind.IDEA_NEW)
    assert (notification.subject_type, notification.subject_id) == ("ideas.idea", idea.pk)
    assert "Tablet i ambulancen" in notification.message()
    assert list(Notification.objects.about(idea)) == [notification]


def test_renaming_the_idea_renames_it_in_its_notifications(idea, leader, employee):
    idea_services.idea_update(
        actor=employee,
        idea=idea,
        title="Tablet i alle ambulancer",
        need=idea.need,
        description=idea.description,
    )
    notification = Notification.objects.get(recipient=leader, kind=Kind.IDEA_NEW)
    assert notification.subject_title == "Tablet i alle ambulancer"
    assert "Tablet i alle ambulancer" in notification.message()


def test_deleting_the_idea_deletes_its_notifications_and_no_others(workplace, idea, leader, employee):
    other = make_idea(workplace, author=employee, title="Digital vagtplan")
    Idea.objects.filter(pk=idea.pk).delete()
    assert not Notification.objects.filter(subject_type="ideas.idea", subject_id=idea.pk).exists()
    assert Notification.objects.about(other).filter(recipient=leader).exists()


def test_a_subject_of_another_workplace_is_refused(idea, leader):
    elsewhere = WorkplaceFactory(organisation=idea.workplace.organisation)
    with pytest.raises(ValueError):
        services.notification_create(
            recipients=[leader], kind=Kind.IDEA_NEW, workplace=elsewhere, subject=idea
        )
    assert Notification.objects.about(idea).count() == 1


def test_the_notification_opens_the_ideas_page_without_reading_the_idea(
    client, idea, leader, django_assert_num_queries
):
    notification = Notification.objects.get(recipient=leader, kind=Kind.IDEA_NEW)
    client.force_login(leader)
    url = reverse("notifications:open", kwargs={"notification_id": notification.pk})
    client.get(url)  # warm the session
    with django_assert_num_queries(4):  # session, user, the notification with its workplace, mark read
        response = client.get(url)
    assert response["Location"] == idea.get_absolute_url()


def test_a_deleted_workplace_takes_its_notifications_without_a_delete_per_idea(
    workplace, idea, leader, employee
):
    for number in range(3):
        make_idea(workplace, author=employee, title=f"Idé {number}")
    with CaptureQueriesContext(connection) as queries:
        workplace.delete()
    assert not Notification.objects.exists()
    by_subject = [
        q
        for q in queries.captured_queries
        if "notifications_notification" in q["sql"] and "subject_id" in q["sql"]
    ]
    assert by_subject == []
