"""Ideas, views: The idea page, The leader's actions."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone

from frontloeber.ideas import services
from frontloeber.ideas.models import (
    Comment,
    EventKind,
    Follow,
    IdeaEvent,
    IdeaStatus,
    Support,
)
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import Notification
from tests.factories import WorkplaceFactory, make_idea, member

from .helpers import (
    html,
    idea_url,
    linked_idea_ids,
    url,
)

pytestmark = pytest.mark.django_db


# --- 5. The idea page ------------------------------------------------------------------------------------


def test_comments_are_rendered_as_sanitised_markdown(client, workplace, employee, colleague, idea):
    comment = services.comment_create(
        actor=colleague,
        idea=idea,
        body="**fed** og *kursiv*\n\n<script>alert('x')</script>\n\n[klik](javascript:alert(2)) "
        '<a href="javascript:alert(3)">link</a> <img src=x onerror=alert(4)> [god](https://example.dk)',
    )
    client.force_login(employee)
    content = html(client.get(idea.get_absolute_url()))
    article = re.search(rf'<article[^>]*id="kommentar-{comment.pk}".*?</article>', content, re.S).group(0)
    assert "<strong>fed</strong>" in article and "<em>kursiv</em>" in article
    assert "<script" not in article and "javascript:" not in article
    assert "onerror" not in article and "<img" not in article
    assert 'href="https://example.dk"' in article


def test_a_kept_comment_never_outlives_what_it_shows(client, workplace, employee, colleague, leader, idea):
    """The discussion's comments are kept rendered (core/fragments.py), as the board's cards are: an edit, a
    new name, the reader's language and whether the reader may still edit show at once."""
    comment = services.comment_create(actor=employee, idea=idea, body="Første udgave")

    def article():
        page = html(client.get(idea.get_absolute_url()))
        return re.search(rf'<article[^>]*id="kommentar-{comment.pk}".*?</article>', page, re.S).group(0)

    client.force_login(employee)
    first = article()
    assert article() == first and "Første udgave" in first and "Rediger din kommentar" in first
    services.comment_update(actor=employee, comment=Comment.objects.get(pk=comment.pk), body="Anden udgave")
    edited = article()
    assert "Anden udgave" in edited and "Første udgave" not in edited and "redigeret" in edited
    employee.full_name = "Mette Omdøbt"
    employee.save()
    assert "Mette Omdøbt" in article()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Edit your comment" in article() and "edited" in article()
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]
    # The same comment to another reader: no edit link; and to its author once the edit window has passed.
    client.force_login(colleague)
    assert "Rediger din kommentar" not in article() and "Anden udgave" in article()
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(days=1))
    client.force_login(employee)
    assert "Rediger din kommentar" not in article() and "Anden udgave" in article()


def test_the_leaders_answer_comes_before_the_discussion_and_a_new_idea_waits_since_today(
    client, workplace, leader, colleague, idea
):
    for n in range(12):
        services.comment_create(
            actor=colleague, idea=idea, body=f"Indlæg {n} med [et link](https://example.dk/{n})"
        )
    client.force_login(leader)
    page = html(client.get(idea.get_absolute_url()))
    assert page.index('id="leader-heading"') < page.index('id="comments-heading"')
    assert "Kom ind i dag og venter på dit svar." in page and "i 0 dage" not in page


def test_a_long_discussion_opens_at_its_newest_comments_and_pages_back(client, employee, colleague, idea):
    for n in range(1, 66):
        services.comment_create(actor=colleague if n % 2 else employee, idea=idea, body=f"Indlæg nummer {n}.")
    client.force_login(employee)

    def shown(query=""):
        page = html(client.get(idea.get_absolute_url() + query))
        numbers = [int(n) for n in re.findall(r"Indlæg nummer (\d+)\.", page)]
        return numbers, page

    newest, page = shown()
    assert newest == list(range(36, 66)) and "65 kommentarer" in page
    assert 'href="?kommentarer=2#comments-heading"' in page and "Vis de 35 tidligere kommentarer" in page
    assert "Vis nyere kommentarer" not in page
    assert shown("?kommentarer=2")[0] == list(range(6, 36))
    oldest, page = shown("?kommentarer=3")
    assert oldest == list(range(1, 6)) and 'href="?kommentarer=2#comments-heading"' in page
    assert "Vis tidligere" not in page
    # A page off the end is the oldest; a word is the newest; neither is an error.
    assert shown("?kommentarer=99")[0] == oldest
    assert shown("?kommentarer=x")[0] == newest
    assert shown("?kommentarer=-1")[0] == newest


def test_posting_a_comment_from_the_page(client, workplace, employee, colleague, idea):
    client.force_login(colleague)
    response = client.post(idea_url("comment_create", idea), {"body": "Godt forslag!"})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
    idea.refresh_from_db()
    assert idea.comment_count == 1
    assert Follow.objects.filter(idea=idea, user=colleague).exists()
    assert Notification.objects.filter(recipient=employee, kind=Kind.IDEA_COMMENT).exists()


def test_an_empty_comment_is_refused_with_the_error(client, workplace, colleague, idea):
    client.force_login(colleague)
    response = client.post(idea_url("comment_create", idea), {"body": "   "})
    assert response.status_code == 400
    assert 'id="error-summary"' in html(response)
    assert not Comment.objects.exists()


def test_a_leaders_comment_is_marked(client, workplace, leader, employee, colleague, idea):
    by_leader = services.comment_create(actor=leader, idea=idea, body="Spændende!")
    by_colleague = services.comment_create(actor=colleague, idea=idea, body="Enig")
    client.force_login(employee)
    content = html(client.get(idea.get_absolute_url()))
    assert f'class="fl-comment is-leader" id="kommentar-{by_leader.pk}"' in content
    assert f'class="fl-comment" id="kommentar-{by_colleague.pk}"' in content


def test_supporting_and_unsupporting_with_a_normal_post(client, workplace, colleague, idea):
    client.force_login(colleague)
    response = client.post(idea_url("idea_support", idea), {"on": "1"})
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    idea.refresh_from_db()
    assert idea.support_count == 1 and Support.objects.filter(idea=idea, user=colleague).exists()
    assert 'aria-pressed="true"' in html(client.get(idea.get_absolute_url()))
    # Supporting twice counts once.
    client.post(idea_url("idea_support", idea), {"on": "1"})
    idea.refresh_from_db()
    assert idea.support_count == 1
    client.post(idea_url("idea_support", idea), {"on": "0"})
    idea.refresh_from_db()
    assert idea.support_count == 0 and not Support.objects.exists()
    assert 'id="support-button" aria-pressed="false"' in html(client.get(idea.get_absolute_url()))


def test_support_returns_to_a_local_next_address_only(client, workplace, colleague, idea):
    client.force_login(colleague)
    board = url("board", workplace)
    response = client.post(idea_url("idea_support", idea), {"on": "1", "next": board})
    assert response["Location"] == board
    response = client.post(idea_url("idea_support", idea), {"on": "0", "next": "https://evil.example/"})
    assert response["Location"] == idea.get_absolute_url()


def test_support_does_not_redirect_to_a_protocol_relative_next(client, workplace, colleague, idea):
    client.force_login(colleague)
    response = client.post(idea_url("idea_support", idea), {"on": "1", "next": "//evil.example/"})
    assert response["Location"] == idea.get_absolute_url()


def test_supporting_with_htmx_returns_the_button_with_aria_pressed(client, workplace, colleague, idea):
    client.force_login(colleague)
    on = client.post(idea_url("idea_support", idea), {"on": "1"}, HTTP_HX_REQUEST="true")
    assert on.status_code == 200
    content = html(on)
    assert "<html" not in content and 'id="support-form"' in content
    assert 'aria-pressed="true"' in content and "(1)" in content
    off = client.post(idea_url("idea_support", idea), {"on": "0"}, HTTP_HX_REQUEST="true")
    assert off.status_code == 200
    assert 'aria-pressed="false"' in html(off) and "(0)" in html(off)
    assert not Support.objects.exists()


def test_an_author_cannot_support_their_own_idea(client, workplace, employee, idea):
    client.force_login(employee)
    response = client.post(idea_url("idea_support", idea), {"on": "1"}, follow=True)
    assert response.status_code == 200
    assert "alert alert-error" in html(response)
    idea.refresh_from_db()
    assert idea.support_count == 0 and not Support.objects.exists()
    # The page offers the author no support button at all.
    assert 'id="support-button"' not in html(client.get(idea.get_absolute_url()))
    htmx = client.post(idea_url("idea_support", idea), {"on": "1"}, HTTP_HX_REQUEST="true")
    # 200, because htmx swaps only successful answers: the message must reach the screen.
    assert htmx.status_code == 200 and 'role="alert"' in html(htmx)
    assert not Support.objects.exists()


def test_following_and_unfollowing(client, workplace, colleague, idea):
    client.force_login(colleague)
    response = client.post(idea_url("idea_follow", idea), {"on": "1"})
    assert response.status_code == 302
    assert Follow.objects.filter(idea=idea, user=colleague).exists()
    assert 'id="follow-button" aria-pressed="true"' in html(client.get(idea.get_absolute_url()))
    htmx = client.post(idea_url("idea_follow", idea), {"on": "0"}, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 200 and "<html" not in html(htmx)
    assert 'aria-pressed="false"' in html(htmx)
    assert not Follow.objects.filter(idea=idea, user=colleague).exists()


@pytest.mark.parametrize("name", ["idea_support", "idea_follow", "comment_create"])
def test_an_observer_cannot_support_follow_or_comment(client, workplace, observer, idea, name):
    client.force_login(observer)
    assert client.post(idea_url(name, idea), {"on": "1", "body": "Hej"}).status_code == 403
    assert not Support.objects.exists() and not Comment.objects.exists()
    assert not Follow.objects.filter(user=observer).exists()


def test_an_observer_reads_the_idea_page_without_the_buttons(client, workplace, observer, idea):
    client.force_login(observer)
    response = client.get(idea.get_absolute_url())
    assert response.status_code == 200
    content = html(response)
    assert 'id="support-button"' not in content and 'id="follow-button"' not in content
    assert idea_url("comment_create", idea) not in content


def test_an_idea_that_does_not_exist_gives_404(client, workplace, employee):
    client.force_login(employee)
    assert client.get(url("idea_detail", workplace, idea_id=999999)).status_code == 404


# --- 6. The leader's actions ------------------------------------------------------------------------------


def test_acknowledging_takes_the_idea_out_of_the_inbox(client, workplace, leader, employee, idea):
    client.force_login(leader)
    assert idea.pk in linked_idea_ids(client.get(url("inbox", workplace)))
    response = client.post(idea_url("idea_acknowledge", idea), {"message": ""})
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    idea.refresh_from_db()
    assert idea.first_response_at is not None and idea.awaiting_leader_since is None
    assert idea.status == IdeaStatus.NEW
    assert IdeaEvent.objects.filter(idea=idea, kind=EventKind.ACKNOWLEDGED, actor=leader).exists()
    assert Notification.objects.filter(recipient=employee, kind=Kind.IDEA_RESPONSE).exists()
    assert idea.pk not in linked_idea_ids(client.get(url("inbox", workplace)))


def test_moving_an_idea_to_qualifying(client, workplace, leader, employee, idea):
    client.force_login(leader)
    response = client.post(idea_url("idea_move", idea), {"to_status": "qualifying", "message": ""})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.QUALIFYING and idea.first_response_at is not None
    event = IdeaEvent.objects.get(idea=idea, kind=EventKind.MOVED)
    assert (event.from_status, event.to_status) == (IdeaStatus.NEW, IdeaStatus.QUALIFYING)
    notification = Notification.objects.get(recipient=employee, kind=Kind.IDEA_STATUS)
    assert notification.status == IdeaStatus.QUALIFYING


def test_parking_needs_a_reason(client, workplace, leader, idea):
    client.force_login(leader)
    response = client.post(idea_url("idea_move", idea), {"to_status": "parked", "message": ""})
    assert response.status_code == 400
    assert 'id="error-summary"' in html(response)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW and idea.first_response_at is None
    response = client.post(
        idea_url("idea_move", idea), {"to_status": "parked", "message": "Vi venter på budgettet."}
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PARKED
    assert IdeaEvent.objects.get(kind=EventKind.MOVED).message == "Vi venter på budgettet."


@pytest.mark.parametrize("to_status", ["adopted", "withdrawn", "merged", "needs_info", "new", "nonsense", ""])
def test_a_move_the_pipeline_does_not_allow_is_refused(client, workplace, leader, idea, to_status):
    client.force_login(leader)
    response = client.post(idea_url("idea_move", idea), {"to_status": to_status, "message": "Fordi"})
    assert response.status_code == 400
    assert 'id="error-summary"' in html(response)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW
    assert not IdeaEvent.objects.filter(kind=EventKind.MOVED).exists()


def test_a_closed_idea_cannot_be_moved_and_the_page_still_works(client, workplace, leader, employee, idea):
    services.idea_withdraw(actor=employee, idea=idea)
    client.force_login(leader)
    response = client.post(idea_url("idea_move", idea), {"to_status": "qualifying", "message": ""})
    assert response.status_code == 400
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.WITHDRAWN


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("idea_move", {"to_status": "qualifying", "message": ""}),
        ("idea_ask", {"question": "Hvorfor?"}),
        ("idea_acknowledge", {"message": ""}),
    ],
)
def test_a_leader_action_on_an_idea_withdrawn_meanwhile_says_why_it_failed(
    client, workplace, leader, employee, idea, name, data
):
    services.idea_withdraw(actor=employee, idea=idea)
    client.force_login(leader)
    response = client.post(idea_url(name, idea), data, follow=True)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.WITHDRAWN
    # Either the form comes back with its error summary, or the idea's page says why in an alert.
    page = html(response)
    assert 'id="error-summary"' in page or 'class="alert alert-error mb-5" role="alert"' in page


def test_asking_a_question_and_the_author_answering_it(client, workplace, leader, employee, idea):
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    client.force_login(leader)
    response = client.post(idea_url("idea_ask", idea), {"question": "Hvor mange tablets skal vi bruge?"})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEEDS_INFO and idea.awaiting_leader_since is None
    assert Notification.objects.filter(recipient=employee, kind=Kind.IDEA_QUESTION).exists()
    assert idea.pk not in linked_idea_ids(client.get(url("inbox", workplace)))

    client.force_login(employee)
    page = html(client.get(idea.get_absolute_url()))
    assert 'id="question-heading"' in page and "Hvor mange tablets skal vi bruge?" in page
    assert idea_url("idea_answer", idea) in page
    empty = client.post(idea_url("idea_answer", idea), {"answer": ""})
    assert empty.status_code == 400 and 'id="error-summary"' in html(empty)
    response = client.post(idea_url("idea_answer", idea), {"answer": "To stykker."})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.QUALIFYING and idea.awaiting_leader_since is not None
    assert Notification.objects.filter(recipient=leader, kind=Kind.IDEA_ANSWER).exists()

    client.force_login(leader)
    assert idea.pk in linked_idea_ids(client.get(url("inbox", workplace)))


def test_an_empty_question_is_refused(client, workplace, leader, idea):
    client.force_login(leader)
    response = client.post(idea_url("idea_ask", idea), {"question": ""})
    assert response.status_code == 400 and 'id="error-summary"' in html(response)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


def test_only_the_author_answers_the_question(client, workplace, leader, colleague, idea):
    services.idea_ask(actor=leader, idea=idea, question="Hvorfor?")
    client.force_login(colleague)
    response = client.post(idea_url("idea_answer", idea), {"answer": "Derfor"})
    assert response.status_code in (400, 403)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEEDS_INFO


def test_assigning_a_responsible_person(client, workplace, leader, employee, colleague, idea):
    client.force_login(leader)
    response = client.post(idea_url("idea_assign", idea), {"responsible": str(colleague.pk)})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.responsible == colleague
    assert Follow.objects.filter(idea=idea, user=colleague).exists()
    assert Notification.objects.filter(recipient=colleague, kind=Kind.IDEA_ASSIGNED).exists()
    assert colleague.full_name in html(client.get(idea.get_absolute_url()))
    # And back to nobody.
    assert client.post(idea_url("idea_assign", idea), {"responsible": ""}).status_code == 302
    idea.refresh_from_db()
    assert idea.responsible is None


def test_an_observer_or_outsider_cannot_be_made_responsible(client, workplace, leader, observer, idea):
    outsider = member(WorkplaceFactory()).user
    client.force_login(leader)
    for person in (observer, outsider):
        response = client.post(idea_url("idea_assign", idea), {"responsible": str(person.pk)})
        assert response.status_code == 400 and 'id="error-summary"' in html(response)
    idea.refresh_from_db()
    assert idea.responsible is None


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("idea_acknowledge", {"message": "Tak"}),
        ("idea_move", {"to_status": "qualifying", "message": ""}),
        ("idea_move", {"to_status": "parked", "message": "Nej"}),
        ("idea_ask", {"question": "Hvorfor?"}),
        ("idea_assign", {"responsible": ""}),
        ("idea_merge", {"into": "1"}),
    ],
)
@pytest.mark.parametrize("who", ["employee", "colleague"])
def test_an_employee_posting_a_leader_action_gets_403_and_nothing_changes(
    client, workplace, leader, employee, colleague, idea, name, data, who
):
    other = make_idea(workplace, author=colleague, title="En anden idé")
    data = {**data, "into": str(other.pk)} if name == "idea_merge" else data
    client.force_login(employee if who == "employee" else colleague)
    events = IdeaEvent.objects.count()
    notifications = Notification.objects.count()
    response = client.post(idea_url(name, idea), data)
    assert response.status_code == 403
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW and idea.first_response_at is None
    assert idea.awaiting_leader_since is not None and idea.responsible is None
    assert IdeaEvent.objects.count() == events and Notification.objects.count() == notifications


def test_the_leader_panel_is_shown_to_the_leader_only(client, workplace, leader, employee, idea):
    client.force_login(leader)
    assert 'id="leader-heading"' in html(client.get(idea.get_absolute_url()))
    client.force_login(employee)
    content = html(client.get(idea.get_absolute_url()))
    assert 'id="leader-heading"' not in content and idea_url("idea_move", idea) not in content


def test_a_merged_idea_links_to_the_idea_it_was_merged_into_by_title(client, workplace, leader, employee):
    duplicate = make_idea(workplace, author=employee, title="Tablet til billeder")
    kept = make_idea(workplace, author=employee, title="Billeder af dagen på en skærm")
    services.idea_merge(actor=leader, idea=duplicate, into=kept)
    client.force_login(employee)
    response = client.get(idea_url("idea_detail", duplicate))
    assert "Billeder af dagen på en skærm" in html(response)
    assert kept.pk in linked_idea_ids(response)
