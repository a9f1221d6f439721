"""The notification pages, the preferences, the daily digest e-mail and the signed links it carries.

Tests run the tasks with the immediate backend and keep e-mail in ``mail.outbox`` (see conftest.py).
"""

import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks import TaskResultStatus

from frontloeber.ideas import services as idea_services
from frontloeber.ideas import tokens as idea_tokens
from frontloeber.ideas.models import Follow
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications import tokens
from frontloeber.notifications.models import Notification, Preference, subject_fields
from frontloeber.notifications.tasks import digest_send, digests_enqueue
from frontloeber.organisations import services as organisation_services
from tests.factories import WorkplaceFactory, make_idea

pytestmark = pytest.mark.django_db


# --- Fixtures and helpers ---------------------------------------------------------------------------------


@pytest.fixture
def workplace():
    return WorkplaceFactory(name="Ambulancestation Nord")


@pytest.fixture
def idea(workplace, leader, employee):
    """The employee's idea: the leader is told (idea_new), and the employee follows it."""
    return make_idea(workplace, author=employee, title="Tablet i ambulancen")


@pytest.fixture
def commented(idea, colleague):
    """A colleague comments: the employee (author and follower) is told."""
    idea_services.comment_create(actor=colleague, idea=idea, body="Godt tænkt – hvad med batteriet?")
    return idea


def html(response):
    return response.content.decode()


def bell(response):
    """The text of the bell link in the header, without its markup (the icon)."""
    found = re.search(r'<a class="fl-bell" href="([^"]+)">(.*?)</a>', html(response), re.S)
    assert found, "no bell in the header"
    assert found.group(1) == reverse("notifications:list")
    return re.sub(r"<[^>]*>", "", found.group(2))


def notify_many(recipient, workplace, idea, n, *, actor=None):
    Notification.objects.bulk_create(
        Notification(
            organisation=workplace.organisation,
            workplace=workplace,
            recipient=recipient,
            kind=Kind.IDEA_COMMENT,
            actor=actor,
            **subject_fields(idea),
            detail=f"Kommentar {i}",
        )
        for i in range(n)
    )


def links_in(body):
    return re.findall(r"https?://\S+", body)


def path_of(link):
    assert link.startswith(settings.SITE_URL), link
    return link[len(settings.SITE_URL) :]


_URL_NAMES = {"unfollow": "ideas:unfollow", "digest_off": "notifications:digest_off"}


def the_link(body, name):
    """The one kind of link in the e-mail: name is "unfollow" or "digest_off"."""
    prefix = settings.SITE_URL + reverse(_URL_NAMES[name], kwargs={"token": "T"})[:-2]
    found = [link for link in links_in(body) if link.startswith(prefix)]
    assert found, f"no {name} link in:\n{body}"
    return path_of(found[0])


# --- 12. The bell and the list ---------------------------------------------------------------------------


def test_the_bell_shows_the_unread_count(client, workplace, employee, commented, colleague):
    idea_services.idea_support(actor=colleague, idea=commented)  # no notification
    notify_many(employee, workplace, commented, 2, actor=colleague)
    client.force_login(employee)
    response = client.get(workplace.get_absolute_url())
    assert re.search(r"\b3\b", bell(response))
    Notification.objects.filter(recipient=employee).update(read_at=timezone.now())
    assert not re.search(r"\d", bell(client.get(workplace.get_absolute_url())))


def test_the_bell_has_no_count_without_notifications(client, workplace, colleague):
    client.force_login(colleague)
    assert not re.search(r"\d", bell(client.get(workplace.get_absolute_url())))


def test_the_list_shows_the_persons_notifications_newest_first(
    client, workplace, leader, employee, commented
):
    foreign = Notification.objects.get(recipient=leader)
    client.force_login(employee)
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 200
    content = html(response)
    mine = Notification.objects.get(recipient=employee)
    assert reverse("notifications:open", kwargs={"notification_id": mine.pk}) in content
    assert reverse("notifications:open", kwargs={"notification_id": foreign.pk}) not in content
    assert content.count('class="is-unread"') == 1
    assert "Karen Kollega" in content and "Tablet i ambulancen" in content
    assert "hvad med batteriet?" in content  # the comment's excerpt


def test_the_list_shows_idea_titles_as_text(client, workplace, leader, employee):
    make_idea(workplace, author=employee, title="<script>alert('x')</script> Idé")
    client.force_login(leader)
    content = html(client.get(reverse("notifications:list")))
    assert "<script>alert(" not in content and "&lt;script&gt;alert(" in content


def test_the_list_is_paginated(client, workplace, employee, idea):
    notify_many(employee, workplace, idea, 51)
    client.force_login(employee)
    first = client.get(reverse("notifications:list"))
    assert html(first).count('class="is-unread"') == 50 and 'rel="next"' in html(first)
    second = client.get(reverse("notifications:list") + "?side=2")
    assert html(second).count('class="is-unread"') == 1 and 'rel="prev"' in html(second)
    for bad in ("abc", "-1", "999", ""):
        assert client.get(reverse("notifications:list") + f"?side={bad}").status_code == 200


NOTIFICATION_LIST_QUERIES = 6


def test_the_list_costs_the_same_queries_for_1_and_20_notifications(
    client, workplace, employee, colleague, idea, django_assert_num_queries
):
    client.force_login(employee)
    for n in (1, 20):
        notify_many(
            employee,
            workplace,
            idea,
            n - Notification.objects.filter(recipient=employee).count(),
            actor=colleague,
        )
        with django_assert_num_queries(NOTIFICATION_LIST_QUERIES):
            response = client.get(reverse("notifications:list"))
        assert html(response).count('class="is-unread"') == n


def test_the_list_is_for_logged_in_people(client):
    response = client.get(reverse("notifications:list"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_opening_a_notification_marks_it_read_and_goes_to_the_idea(client, workplace, employee, commented):
    notification = Notification.objects.get(recipient=employee)
    other = Notification.objects.create(
        organisation=workplace.organisation,
        workplace=workplace,
        recipient=employee,
        kind=Kind.IDEA_STATUS,
        **subject_fields(commented),
        status="qualifying",
    )
    client.force_login(employee)
    response = client.get(reverse("notifications:open", kwargs={"notification_id": notification.pk}))
    # A comment's notification opens the idea at its comments.
    assert response.status_code == 302
    assert response["Location"] == commented.get_absolute_url() + "#comments-heading"
    notification.refresh_from_db()
    other.refresh_from_db()
    assert notification.read_at is not None and other.read_at is None
    assert 'class="is-unread"' in html(client.get(reverse("notifications:list")))
    assert client.get(response["Location"]).status_code == 200


def test_opening_a_notification_without_an_idea_goes_to_the_workplace(client, workplace, employee):
    notification = Notification.objects.create(
        organisation=workplace.organisation, workplace=workplace, recipient=employee, kind=Kind.IDEA_NEW
    )
    client.force_login(employee)
    response = client.get(reverse("notifications:open", kwargs={"notification_id": notification.pk}))
    assert response.status_code == 302 and response["Location"] == workplace.get_absolute_url()


def test_another_persons_notification_gives_404_and_stays_unread(client, leader, employee, idea):
    theirs = Notification.objects.get(recipient=leader)
    client.force_login(employee)
    response = client.get(reverse("notifications:open", kwargs={"notification_id": theirs.pk}))
    assert response.status_code == 404
    assert client.get(reverse("notifications:open", kwargs={"notification_id": 999999})).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_all_read(client, workplace, leader, employee, commented):
    notify_many(employee, workplace, commented, 3)
    client.force_login(employee)
    assert client.get(reverse("notifications:mark_all_read")).status_code == 405
    response = client.post(reverse("notifications:mark_all_read"))
    assert response.status_code == 302 and response["Location"] == reverse("notifications:list")
    assert not Notification.objects.filter(recipient=employee, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=leader, read_at__isnull=True).count() == 1
    page = client.get(response["Location"])
    assert 'class="is-unread"' not in html(page)
    assert not re.search(r"\d", bell(page))


# --- 13. Preferences -------------------------------------------------------------------------------------


def test_the_preferences_start_with_the_digest_on_in_danish(client, employee):
    client.force_login(employee)
    response = client.get(reverse("notifications:preferences"))
    assert response.status_code == 200
    content = html(response)
    assert re.search(r'id="id_daily_digest"[^>]*\schecked', content)
    assert '<option value="da" selected>' in content


def test_the_preferences_save_the_digest_off_and_on_and_the_language(client, employee):
    client.force_login(employee)
    response = client.post(reverse("notifications:preferences"), {"language": "en"})
    assert response.status_code == 302 and response["Location"] == reverse("notifications:preferences")
    preference = Preference.objects.get(user=employee)
    assert not preference.daily_digest and preference.language == "en"
    content = html(client.get(reverse("notifications:preferences")))
    assert not re.search(r'id="id_daily_digest"[^>]*\schecked', content)
    assert '<option value="en" selected>' in content
    client.post(reverse("notifications:preferences"), {"daily_digest": "on", "language": "da"})
    preference.refresh_from_db()
    assert preference.daily_digest and preference.language == "da"
    assert Preference.objects.count() == 1


@pytest.mark.parametrize("language", ["xx", "", "<script>"])
def test_a_bad_language_is_refused(client, employee, language):
    client.force_login(employee)
    response = client.post(reverse("notifications:preferences"), {"language": language})
    assert response.status_code in (200, 400)
    assert 'id="error-summary"' in html(response)
    assert not Preference.objects.exists()


# --- 14. The digest --------------------------------------------------------------------------------------


def send_digest(user):
    result = digest_send.enqueue(user_id=user.pk)
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    return result.return_value


def test_the_digest_sends_one_email_with_the_unread_notifications(client, workplace, employee, commented):
    notify_many(employee, workplace, commented, 2)
    assert send_digest(employee) == 3
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [employee.email]
    assert "3" in message.subject
    assert "Tablet i ambulancen" in message.body and "hvad med batteriet?" in message.body
    assert "Karen Kollega" in message.body
    for notification in Notification.objects.filter(recipient=employee):
        assert notification.digested_at is not None and notification.read_at is None
        link = settings.SITE_URL + reverse("notifications:open", kwargs={"notification_id": notification.pk})
        assert link in message.body
    assert the_link(message.body, "unfollow")
    assert the_link(message.body, "digest_off")


def test_a_second_digest_sends_nothing_until_something_new_happens(
    client, workplace, employee, colleague, commented
):
    assert send_digest(employee) == 1
    assert send_digest(employee) == 0
    assert len(mail.outbox) == 1
    idea_services.comment_create(actor=colleague, idea=commented, body="En ting mere")
    assert send_digest(employee) == 1
    assert len(mail.outbox) == 2 and "En ting mere" in mail.outbox[1].body
    assert "batteriet" not in mail.outbox[1].body


def test_read_notifications_are_not_in_the_digest(client, workplace, employee, commented):
    Notification.objects.filter(recipient=employee).update(read_at=timezone.now())
    assert send_digest(employee) == 0
    assert mail.outbox == []


def test_no_digest_for_a_person_who_switched_it_off(client, workplace, leader, employee, commented):
    client.force_login(employee)
    client.post(reverse("notifications:preferences"), {"language": "da"})
    assert send_digest(employee) == 0
    assert digests_enqueue() == 1  # the leader's, about the new idea
    assert [m.to for m in mail.outbox] == [[leader.email]]


def test_no_digest_for_a_person_whose_account_is_closed(client, workplace, leader, employee, commented):
    employee.is_active = False
    employee.save()
    assert send_digest(employee) == 0
    assert digests_enqueue() == 1  # the leader's, about the new idea
    assert [m.to for m in mail.outbox] == [[leader.email]]


def test_the_digest_is_in_the_persons_language(client, workplace, employee, commented):
    Preference.objects.create(user=employee, language="en")
    send_digest(employee)
    body = mail.outbox[0].body
    assert "Karen Kollega commented on “Tablet i ambulancen”" in body


def test_enqueueing_sends_one_digest_to_each_person_with_news(client, workplace, leader, employee, commented):
    assert digests_enqueue() == 2  # the leader (new idea) and the employee (comment)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([leader.email, employee.email])
    assert digests_enqueue() == 0
    assert len(mail.outbox) == 2


def test_the_management_command_queues_the_digests(client, workplace, leader, employee, commented):
    out = io.StringIO()
    call_command("send_digests", stdout=out)
    assert "2" in out.getvalue()
    assert len(mail.outbox) == 2
    out = io.StringIO()
    call_command("send_digests", stdout=out)
    assert "0" in out.getvalue() and len(mail.outbox) == 2


def test_opening_the_unfollow_link_only_asks(client, workplace, employee, commented):
    # Mail scanners open every link in an e-mail: opening it must not unfollow anyone.
    send_digest(employee)
    link = the_link(mail.outbox[0].body, "unfollow")
    ask = client.get(link)  # not logged in
    assert ask.status_code == 200
    assert Follow.objects.filter(idea=commented, user=employee).exists()
    content = html(ask)
    assert "Tablet i ambulancen" in content
    assert re.search(r'<form method="post">.*name="follow" value="0".*</form>', content, re.S)
    assert 'name="follow" value="1"' not in content
    client.get(link)  # and opening it again changes nothing either
    assert Follow.objects.filter(idea=commented, user=employee).exists()


def test_the_unfollow_link_stops_following_with_a_post_and_offers_to_follow_again(
    client, workplace, employee, commented
):
    send_digest(employee)
    link = the_link(mail.outbox[0].body, "unfollow")
    client.get(link)  # the page with the button, as a person sees it first (it sets the CSRF cookie)
    response = client.post(link, {"follow": "0"})  # not logged in
    assert response.status_code == 200
    assert not Follow.objects.filter(idea=commented, user=employee).exists()
    content = html(response)
    assert "Tablet i ambulancen" in content
    assert 'name="follow" value="1"' in content
    again = client.post(link, {"follow": "1"})
    assert again.status_code == 200
    assert Follow.objects.filter(idea=commented, user=employee).exists()
    assert 'name="follow" value="1"' not in html(again)


def test_the_unfollow_button_works_with_csrf_checks_on(workplace, employee, commented):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    link = reverse(
        "ideas:unfollow",
        kwargs={"token": idea_tokens.unfollow_token(user_id=employee.pk, idea_id=commented.pk)},
    )
    ask = browser.get(link)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html(ask)).group(1)
    assert browser.post(link, {"follow": "0", "csrfmiddlewaretoken": token}).status_code == 200
    assert not Follow.objects.filter(idea=commented, user=employee).exists()


def test_the_unfollow_link_of_a_person_who_left_still_unfollows_and_cannot_refollow(
    client, workplace, employee, commented
):
    link = reverse(
        "ideas:unfollow",
        kwargs={"token": idea_tokens.unfollow_token(user_id=employee.pk, idea_id=commented.pk)},
    )
    employee.memberships.all().delete()
    assert client.get(link).status_code == 200
    assert client.post(link, {"follow": "0"}).status_code == 200
    assert not Follow.objects.filter(user=employee).exists()
    assert client.post(link, {"follow": "1"}).status_code == 200
    assert not Follow.objects.filter(user=employee).exists()


def test_the_digest_off_link_switches_the_digest_off_and_offers_it_on_again(
    client, workplace, employee, commented
):
    send_digest(employee)
    link = the_link(mail.outbox[0].body, "digest_off")
    # Opening the link (as a mail scanner would) only asks; nothing changes yet.
    ask = client.get(link)  # not logged in
    assert ask.status_code == 200 and 'name="digest" value="0"' in html(ask)
    assert not Preference.objects.filter(user=employee, daily_digest=False).exists()
    response = client.post(link, {"digest": "0"})
    assert response.status_code == 200
    assert not Preference.objects.get(user=employee).daily_digest
    assert 'name="digest" value="1"' in html(response)
    again = client.post(link, {"digest": "1"})
    assert again.status_code == 200
    assert Preference.objects.get(user=employee).daily_digest


def test_the_digest_off_link_keeps_the_language(client, workplace, employee):
    Preference.objects.create(user=employee, language="en")
    client.post(
        reverse("notifications:digest_off", kwargs={"token": tokens.digest_off_token(user_id=employee.pk)})
    )
    preference = Preference.objects.get(user=employee)
    assert not preference.daily_digest and preference.language == "en"


def _forged_tokens(employee, idea):
    good_unfollow = idea_tokens.unfollow_token(user_id=employee.pk, idea_id=idea.pk)
    good_off = tokens.digest_off_token(user_id=employee.pk)
    flipped = good_unfollow[:-1] + ("A" if good_unfollow[-1] != "A" else "B")
    return {
        "unfollow": ["abc", flipped, good_off, good_unfollow + "x", "x" * 2000, "..:..", "%2e%2e"],
        "digest_off": ["abc", good_off[:-1] + ("A" if good_off[-1] != "A" else "B"), good_unfollow, "0"],
    }


@pytest.mark.parametrize("name", ["unfollow", "digest_off"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_forged_or_damaged_token_gives_the_404_page_and_changes_nothing(
    client, workplace, employee, commented, name, method
):
    for token in _forged_tokens(employee, commented)[name]:
        address = reverse(_URL_NAMES[name], kwargs={"token": token})
        response = getattr(client, method)(
            address, {"follow": "1", "digest": "1"} if method == "post" else {}
        )
        assert response.status_code == 404, token
        assert reverse("notifications:preferences") in html(response)
    assert Follow.objects.filter(user=employee).exists()
    assert not Preference.objects.exists()


def test_a_token_for_a_deleted_idea_or_closed_account_gives_404(client, workplace, employee, commented):
    token = idea_tokens.unfollow_token(user_id=employee.pk, idea_id=999999)
    assert client.get(reverse("ideas:unfollow", kwargs={"token": token})).status_code == 404
    off = tokens.digest_off_token(user_id=employee.pk)
    employee.is_active = False
    employee.save()
    assert client.get(reverse("notifications:digest_off", kwargs={"token": off})).status_code == 404
    assert not Preference.objects.exists()


def test_an_unfollow_token_names_one_person_and_one_idea(client, workplace, employee, colleague, commented):
    # The colleague follows too (they commented); the employee's link leaves them alone.
    assert Follow.objects.filter(idea=commented, user=colleague).exists()
    token = idea_tokens.unfollow_token(user_id=employee.pk, idea_id=commented.pk)
    client.post(reverse("ideas:unfollow", kwargs={"token": token}), {"follow": "0"})
    assert Follow.objects.filter(idea=commented, user=colleague).exists()
    assert not Follow.objects.filter(idea=commented, user=employee).exists()


def test_a_person_who_left_the_workplace_hears_nothing_new_from_it(
    client, workplace, leader, employee, colleague, idea
):
    idea_services.comment_create(actor=colleague, idea=idea, body="Jeg følger med")
    assert Follow.objects.filter(idea=idea, user=colleague).exists()
    organisation_services.membership_remove(
        actor=leader, membership=colleague.memberships.get(workplace=workplace)
    )
    idea_services.comment_create(actor=employee, idea=idea, body="Fortroligt: budgettet er skåret")
    client.force_login(colleague)
    assert "Fortroligt" not in html(client.get(reverse("notifications:list")))
    digests_enqueue()
    assert not [m for m in mail.outbox if m.to == [colleague.email] and "Fortroligt" in m.body]


def test_the_digest_carries_a_one_click_unsubscribe_for_mail_programs(client, workplace, employee, commented):
    send_digest(employee)
    message = mail.outbox[0]
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    # What a mail program sends (RFC 8058): a POST without a CSRF token or a session.
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Preference.objects.get(user=employee).daily_digest


def test_the_worker_schedules_the_daily_digest_once(settings, workplace, employee, commented):
    from django_tasks_db.models import DBTaskResult

    from frontloeber.notifications.tasks import digests_schedule, next_digest_time

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert digests_schedule() is True
    assert digests_schedule() is False  # already queued: starting the worker again adds nothing
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("digests_daily")
    assert queued.run_after == next_digest_time()
    assert timezone.localtime(queued.run_after).hour == 7


def test_the_daily_run_sends_the_digests(workplace, employee, commented):
    from frontloeber.notifications.tasks import digests_daily

    digests_daily.enqueue()
    assert [employee.email] in [m.to for m in mail.outbox]
