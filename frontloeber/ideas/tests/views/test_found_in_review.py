"""Ideas, views: Found in review."""

import pytest

from frontloeber.ideas import services
from frontloeber.ideas.models import (
    IdeaStatus,
)
from frontloeber.notifications.models import Notification
from tests.factories import make_idea, png_upload

from .helpers import (
    html,
    idea_url,
    url,
)

pytestmark = pytest.mark.django_db


# --- Found in review ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["²", "٣", "-1", "9" * 30, "abc"])
def test_odd_numbers_in_the_query_string_are_ignored_not_a_crash(client, workplace, employee, idea, value):
    client.force_login(employee)
    assert client.get(url("idea_create", workplace) + f"?udfordring={value}").status_code == 200
    similar = client.get(url("similar", workplace) + f"?title=tablet&idea={value}")
    assert similar.status_code == 200


def test_the_board_tells_caches_that_fragment_and_page_differ(client, workplace, employee, idea):
    client.force_login(employee)
    response = client.get(url("board", workplace) + "?status=new")
    assert "HX-Request" in response["Vary"]


def test_confirmation_pages_are_for_the_author_only(client, workplace, colleague, idea):
    client.force_login(colleague)
    assert client.get(idea_url("idea_withdraw", idea)).status_code == 403
    image = (
        idea.images.first()
        or services.idea_update(
            actor=idea.author,
            idea=idea,
            title=idea.title,
            need=idea.need,
            description=idea.description,
            images=[png_upload()],
        ).images.get()
    )
    assert client.get(idea_url("idea_image_delete", idea, image_id=image.pk)).status_code == 403


def test_no_support_button_on_an_idea_that_is_not_pursued(client, workplace, leader, colleague, idea):
    services.idea_move(
        actor=leader, idea=idea, to_status=IdeaStatus.NOT_PURSUED, message="Det passer ikke nu."
    )
    client.force_login(colleague)
    page = html(client.get(idea.get_absolute_url()))
    assert 'id="support-button"' not in page
    # The author's reason stands at the top of the page.
    assert 'id="reason-heading"' in page and "Det passer ikke nu." in page


def test_merging_into_an_idea_found_by_search(client, workplace, leader, idea):
    other = make_idea(
        workplace, title="Videoopkald med pårørende", need="Pårørende bor langt væk", tag_names=[]
    )
    client.force_login(leader)
    page = html(client.get(idea_url("idea_merge", idea) + "?q=videoopkald"))
    assert f'value="{other.pk}"' in page
    response = client.post(
        idea_url("idea_merge", idea) + "?q=videoopkald", {"into": other.pk, "confirm": "1"}
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.merged_into == other


def test_seeing_an_idea_reads_its_notifications_and_only_those(client, workplace, leader, employee, idea):
    other = make_idea(workplace, title="Lydmåler på stuen")
    assert Notification.objects.filter(recipient=leader, read_at__isnull=True).count() == 2
    client.force_login(leader)
    client.get(idea.get_absolute_url())
    unread = Notification.objects.filter(recipient=leader, read_at__isnull=True)
    assert list(unread.values_list("subject_id", flat=True)) == [other.pk]
