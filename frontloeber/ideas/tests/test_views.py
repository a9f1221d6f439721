"""The ideas pages through the test client: the board, submitting, the idea page, the leader's actions,
qualification, merging, the inbox and challenges.

Pages render in Danish and many of the new strings are not translated yet, so the tests assert on the
database, status codes, URLs, ids and classes rather than on wording.
"""

import datetime
import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from frontloeber.ideas import services
from frontloeber.ideas.models import (
    Challenge,
    Comment,
    EventKind,
    Follow,
    Idea,
    IdeaEvent,
    IdeaImage,
    IdeaStatus,
    Support,
)
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from frontloeber.workshops.models import ActionItem
from frontloeber.workshops.services import action_item_create
from tests.factories import WorkplaceFactory, make_challenge, make_idea, member, png_bytes, png_upload

pytestmark = pytest.mark.django_db


# --- Fixtures and helpers ---------------------------------------------------------------------------------


@pytest.fixture
def workplace():
    return WorkplaceFactory(name="Børnehuset Mælkebøtten")


@pytest.fixture
def leader(workplace):
    return member(workplace, Role.LEADER, full_name="Lene Leder").user


@pytest.fixture
def employee(workplace):
    return member(workplace, Role.EMPLOYEE, full_name="Erik Ansat").user


@pytest.fixture
def colleague(workplace):
    return member(workplace, Role.EMPLOYEE, full_name="Karen Kollega").user


@pytest.fixture
def observer(workplace):
    return member(workplace, Role.OBSERVER, full_name="Ole Observatør").user


@pytest.fixture
def idea(workplace, leader, employee):
    """A new idea by the employee; the leader exists first, so they are told about it."""
    return make_idea(workplace, author=employee)


def url(name, workplace, **kwargs):
    return reverse(f"ideas:{name}", kwargs={"workplace_slug": workplace.slug, **kwargs})


def idea_url(name, idea, **kwargs):
    return reverse(
        f"ideas:{name}", kwargs={"workplace_slug": idea.workplace.slug, "idea_id": idea.pk, **kwargs}
    )


def html(response):
    return response.content.decode()


def linked_idea_ids(response):
    """The ids of the ideas the page links to, in the order they appear (each once)."""
    ids = []
    for found in re.findall(r'href="/a/[^/"]+/ideer/(\d+)/"', html(response)):
        if int(found) not in ids:
            ids.append(int(found))
    return ids


def idea_form_data(**overrides):
    data = {
        "title": "Tablet med billeder til forældrene",
        "need": "Forældrene vil gerne se, hvad børnene har lavet i dag.",
        "description": "Vi tager billeder på en tablet og viser dem ved afhentning.",
        "value_citizens": "2",
        "value_citizens_why": "Forældrene ser dagen",
        "value_quality": "1",
        "value_quality_why": "",
        "value_routines": "0",
        "value_routines_why": "",
        "concerns": "",
        "tags": "tablet, app",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def not_a_picture(name="billede.png"):
    return SimpleUploadedFile(name, b"This is plain text, not a picture.\n" * 20, content_type="image/png")


def too_large_picture():
    # A real PNG header followed by padding: over 5 MB, whatever its content.
    content = png_bytes() + b"\0" * (5 * 1024 * 1024)
    return SimpleUploadedFile("stort.png", content, content_type="image/png")


# --- 1. The board ---------------------------------------------------------------------------------------


@pytest.fixture
def board_ideas(workplace, leader, employee, colleague):
    """Four ideas that the board's filters tell apart.

    mine: the employee's, new, tag "tablet", "billeder" in the title, strong on citizens.
    qualifying: a colleague's, maturing, tag "app", strong on routines, answers the challenge, two supports,
        followed by the employee.
    withdrawn: a colleague's, withdrawn, tag "robot".
    merged: a colleague's, merged into "qualifying": never on the board.
    """
    challenge = make_challenge(workplace, leader=leader, title="Hvordan kan vi spare tid på madplanen?")
    now = timezone.now()
    mine = make_idea(workplace, author=employee, title="Tablet til billeder af børnenes dag")
    qualifying = make_idea(
        workplace,
        author=colleague,
        title="Madplan i en app",
        need="Madplanen skrives i hånden hver uge.",
        description="En app, der laver indkøbslisten.",
        values={"citizens": (0, ""), "quality": (1, ""), "routines": (3, "Mindre papir")},
        tag_names=["app"],
        challenge=challenge,
    )
    withdrawn = make_idea(
        workplace,
        author=colleague,
        title="Robot til oprydning",
        need="Legetøjet ligger overalt om eftermiddagen.",
        description="En lille robot samler klodser.",
        values={"citizens": (0, ""), "quality": (0, ""), "routines": (1, "")},
        tag_names=["robot"],
    )
    merged = make_idea(
        workplace,
        author=colleague,
        title="Indkøbsliste på telefonen",
        need="Indkøbslisten bliver væk.",
        description="Listen ligger på telefonen.",
        values={"citizens": (0, ""), "quality": (0, ""), "routines": (2, "")},
        tag_names=["app"],
    )
    services.idea_move(actor=leader, idea=qualifying, to_status=IdeaStatus.QUALIFYING)
    services.idea_withdraw(actor=colleague, idea=withdrawn)
    services.idea_merge(actor=leader, idea=merged, into=qualifying)
    services.idea_support(actor=employee, idea=qualifying)
    services.idea_support(actor=leader, idea=qualifying)
    services.idea_follow(actor=employee, idea=qualifying)
    # Fixed times, so "newest" and "recently active" give known orders.
    Idea.objects.filter(pk=mine.pk).update(
        created_at=now - datetime.timedelta(days=1), last_activity_at=now - datetime.timedelta(days=1)
    )
    Idea.objects.filter(pk=qualifying.pk).update(
        created_at=now - datetime.timedelta(days=3), last_activity_at=now - datetime.timedelta(hours=1)
    )
    Idea.objects.filter(pk=withdrawn.pk).update(
        created_at=now - datetime.timedelta(days=2), last_activity_at=now - datetime.timedelta(days=2)
    )
    return {
        "challenge": challenge,
        "mine": mine,
        "qualifying": qualifying,
        "withdrawn": withdrawn,
        "merged": merged,
    }


def test_the_board_lists_the_workplaces_ideas_newest_first_without_merged_or_foreign_ones(
    client, workplace, employee, board_ideas
):
    foreign = make_idea(WorkplaceFactory(), title="Fremmed idé")
    client.force_login(employee)
    response = client.get(url("board", workplace))
    assert response.status_code == 200
    ids = linked_idea_ids(response)
    expected = [board_ideas[k].pk for k in ("mine", "withdrawn", "qualifying")]
    assert ids == expected
    assert board_ideas["merged"].pk not in ids and foreign.pk not in ids
    assert 'id="board-results"' in html(response)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=qualifying", ["qualifying"]),
        ("status=withdrawn", ["withdrawn"]),
        ("status=open", ["mine", "qualifying"]),
        ("status=merged", ["mine", "withdrawn", "qualifying"]),  # not a choice: ignored
        ("tag=app", ["qualifying"]),
        ("tag=robot", ["withdrawn"]),
        ("axis=routines", ["qualifying"]),
        ("axis=citizens", ["mine"]),
        ("mine=on", ["mine"]),
        ("followed=on", ["mine", "qualifying"]),
        ("sort=supported", ["qualifying", "mine", "withdrawn"]),
        ("sort=active", ["qualifying", "mine", "withdrawn"]),
        ("q=billede", ["mine"]),
        ("q=billedet", ["mine"]),
        ("q=madplanen", ["qualifying"]),
        ("q=robotter", ["withdrawn"]),
        ("q=tablet+billeder", ["mine"]),
        ("q=tablet+robot", []),
        ("status=open&tag=app&sort=supported", ["qualifying"]),
    ],
)
def test_the_boards_filters_from_the_query_string(client, workplace, employee, board_ideas, query, expected):
    client.force_login(employee)
    response = client.get(url("board", workplace) + "?" + query)
    assert response.status_code == 200
    assert linked_idea_ids(response) == [board_ideas[k].pk for k in expected]


def test_the_board_filters_by_challenge(client, workplace, employee, board_ideas):
    client.force_login(employee)
    response = client.get(url("board", workplace) + f"?challenge={board_ideas['challenge'].pk}")
    assert linked_idea_ids(response) == [board_ideas["qualifying"].pk]
    # The chosen filter stays selected in the form.
    assert f'<option value="{board_ideas["challenge"].pk}" selected>' in html(response)


def test_a_full_text_search_ranks_by_relevance_when_asked(client, workplace, employee, board_ideas):
    client.force_login(employee)
    response = client.get(url("board", workplace) + "?q=app&sort=relevance")
    assert response.status_code == 200
    assert linked_idea_ids(response) == [board_ideas["qualifying"].pk]


def test_the_board_shows_cards_by_default_and_a_table_as_a_list(client, workplace, employee, board_ideas):
    client.force_login(employee)
    cards = html(client.get(url("board", workplace)))
    assert 'class="fl-cards"' in cards and "<table" not in cards
    table_response = client.get(url("board", workplace) + "?vis=liste")
    table = html(table_response)
    assert "<table" in table and 'class="fl-cards"' not in table
    assert len(linked_idea_ids(table_response)) == 3


def test_an_htmx_request_for_the_results_gets_only_the_results(client, workplace, employee, board_ideas):
    client.force_login(employee)
    response = client.get(
        url("board", workplace) + "?tag=app",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="board-results",
    )
    assert response.status_code == 200
    content = html(response)
    assert "<html" not in content and "<form" not in content and 'id="board-results"' not in content
    assert linked_idea_ids(response) == [board_ideas["qualifying"].pk]


def test_an_htmx_request_for_another_target_gets_the_whole_page(client, workplace, employee, board_ideas):
    client.force_login(employee)
    response = client.get(url("board", workplace), HTTP_HX_REQUEST="true", HTTP_HX_TARGET="main-content")
    assert "<html" in html(response)


@pytest.mark.parametrize(
    "query",
    [
        "status=xyz",
        "challenge=abc",
        "challenge=999999",
        "challenge=99999999999999999999999",
        "side=999",
        "side=-1",
        "side=abc",
        "tag=findes-ikke",
        "axis=cats",
        "sort=bogus",
        "vis=kalender",
        "mine=maybe",
        "q=" + "x" * 500,
        "q=%22%2A%28%29+AND+OR+NEAR",
        "q=og+i+at",
        "q=%01%02",  # NUL is refused with a page of its own before any view: core/tests/test_bad_input.py
        "status=xyz&challenge=abc&side=999&tag=app",
    ],
)
def test_bad_filter_values_never_break_the_board(client, workplace, employee, board_ideas, query):
    client.force_login(employee)
    response = client.get(url("board", workplace) + "?" + query)
    assert response.status_code == 200


def test_a_partly_broken_query_string_keeps_the_valid_filters(client, workplace, employee, board_ideas):
    client.force_login(employee)
    response = client.get(url("board", workplace) + "?status=xyz&tag=app")
    assert linked_idea_ids(response) == [board_ideas["qualifying"].pk]


def test_an_observer_reads_the_board_without_the_submit_button(client, workplace, observer, board_ideas):
    client.force_login(observer)
    response = client.get(url("board", workplace))
    assert response.status_code == 200
    assert len(linked_idea_ids(response)) == 3
    assert url("idea_create", workplace) not in html(response)


def test_a_long_board_is_paginated(client, workplace, leader, employee):
    for i in range(51):
        Idea.objects.create(
            organisation=workplace.organisation,
            workplace=workplace,
            author=employee,
            title=f"Idé {i}",
            need="x",
            description="x",
        )
    client.force_login(employee)
    first = client.get(url("board", workplace))
    assert len(linked_idea_ids(first)) == 50 and 'rel="next"' in html(first)
    second = client.get(url("board", workplace) + "?side=2")
    assert len(linked_idea_ids(second)) == 1 and 'rel="prev"' in html(second)
    # The page links keep the filters.
    filtered = html(client.get(url("board", workplace) + "?status=new&vis=liste"))
    assert re.search(r'href="\?[^"]*status=new[^"]*" rel="next"', filtered)
    assert re.search(r'href="\?[^"]*side=2[^"]*" rel="next"', filtered)


# --- 2. Query counts -------------------------------------------------------------------------------------

BOARD_QUERIES = 12
# The leader's idea page adds the assignable members and the header's inbox count; both mark the idea's
# notifications read and read its experiments, adoption plan and case.
# Two of them are the workshops the idea came from and its action items.
DETAIL_QUERIES = {"leader": 20, "employee": 18}
INBOX_QUERIES = 9
CHALLENGE_LIST_QUERIES = 9
CHALLENGE_DETAIL_QUERIES = 11


def test_the_board_costs_the_same_queries_for_2_and_15_ideas(
    client, workplace, leader, employee, django_assert_num_queries
):
    challenge = make_challenge(workplace, leader=leader)
    client.force_login(leader)
    for n in (2, 15):
        while Idea.objects.filter(workplace=workplace).count() < n:
            i = Idea.objects.filter(workplace=workplace).count()
            idea = make_idea(workplace, challenge=challenge, tag_names=[f"tag{i}", "app", "tablet"])
            services.idea_support(actor=employee, idea=idea)
            services.idea_follow(actor=employee, idea=idea)
        for query in ("", "?vis=liste", "?q=tablet&sort=supported&status=open"):
            with django_assert_num_queries(BOARD_QUERIES):
                response = client.get(url("board", workplace) + query)
            assert len(linked_idea_ids(response)) == n


def _grow_idea(idea, workplace, leader, n):
    """Give the idea n comments, n supports, n tags and a history of more than n events."""
    while idea.comments.count() < n:
        person = member(workplace).user
        services.comment_create(actor=person, idea=idea, body=f"**Godt** tænkt {idea.comments.count()}")
        services.idea_support(actor=person, idea=idea)
        services.idea_assign(actor=leader, idea=idea, responsible=person)
    services.idea_update(
        actor=idea.author,
        idea=idea,
        title=idea.title,
        need=idea.need,
        description=idea.description,
        tag_names=[f"teknologi{i}" for i in range(n)],
        challenge=idea.challenge,
    )


@pytest.mark.parametrize("who", ["leader", "employee"])
def test_the_idea_page_costs_the_same_queries_for_1_and_8_comments_supports_tags_and_events(
    client, workplace, leader, employee, django_assert_num_queries, who
):
    challenge = make_challenge(workplace, leader=leader)
    idea = make_idea(workplace, author=employee, challenge=challenge, images=[png_upload()])
    client.force_login(leader if who == "leader" else employee)
    for n in (1, 8):
        _grow_idea(idea, workplace, leader, n)
        while ActionItem.objects.filter(idea=idea).count() < n:
            action_item_create(
                actor=leader,
                workplace=workplace,
                what="Køb tablet",
                owner=employee,
                due_on=timezone.localdate(),
                idea=idea,
            )
        with django_assert_num_queries(DETAIL_QUERIES[who]):
            response = client.get(idea.get_absolute_url())
        assert html(response).count('class="fl-comment') == n
        assert html(response).count("Køb tablet") == n
        assert html(response).count("/billeder/") >= 1


def count_queries(client, address):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(address)
    assert response.status_code == 200
    return len(queries)


def test_the_idea_page_costs_the_same_queries_for_1_and_5_pictures(client, workplace, leader, employee):
    idea = make_idea(workplace, author=employee, images=[png_upload()])
    client.force_login(leader)
    with_one = count_queries(client, idea.get_absolute_url())
    services.idea_update(
        actor=employee,
        idea=idea,
        title=idea.title,
        need=idea.need,
        description=idea.description,
        images=[png_upload() for _ in range(4)],
    )
    assert idea.images.count() == 5
    assert count_queries(client, idea.get_absolute_url()) == with_one


def test_the_inbox_costs_the_same_queries_for_2_and_15_waiting_ideas(
    client, workplace, leader, django_assert_num_queries
):
    challenge = make_challenge(workplace, leader=leader)
    client.force_login(leader)
    for n in (2, 15):
        while Idea.objects.filter(workplace=workplace).count() < n:
            make_idea(workplace, challenge=challenge)
        with django_assert_num_queries(INBOX_QUERIES):
            response = client.get(url("inbox", workplace))
        assert len(linked_idea_ids(response)) == n


def test_a_challenge_page_costs_the_same_queries_for_1_and_10_ideas(
    client, workplace, leader, django_assert_num_queries
):
    challenge = make_challenge(workplace, leader=leader)
    client.force_login(leader)
    for n in (1, 10):
        while challenge.ideas.count() < n:
            make_idea(workplace, challenge=challenge, tag_names=["app", f"t{challenge.ideas.count()}"])
        with django_assert_num_queries(CHALLENGE_DETAIL_QUERIES):
            response = client.get(challenge.get_absolute_url())
        assert len(linked_idea_ids(response)) == n


def test_the_challenge_list_costs_the_same_queries_for_1_and_10_challenges(client, workplace, leader):
    make_idea(workplace, challenge=make_challenge(workplace, leader=leader))
    client.force_login(leader)
    with_one = count_queries(client, url("challenge_list", workplace))
    for i in range(9):
        make_challenge(workplace, leader=leader, title=f"Hvordan {i}?")
    assert count_queries(client, url("challenge_list", workplace)) == with_one


def test_the_challenge_list_with_one_challenge_costs_the_pinned_queries(
    client, workplace, leader, django_assert_num_queries
):
    make_idea(workplace, challenge=make_challenge(workplace, leader=leader))
    client.force_login(leader)
    with django_assert_num_queries(CHALLENGE_LIST_QUERIES):
        assert client.get(url("challenge_list", workplace)).status_code == 200


# --- 3. Submitting an idea ---------------------------------------------------------------------------------


def test_submitting_an_idea_creates_it_with_its_tags_and_tells_the_leader(
    client, workplace, leader, employee
):
    client.force_login(employee)
    form = client.get(url("idea_create", workplace))
    assert form.status_code == 200
    assert 'name="submission_key"' in html(form)
    response = client.post(url("idea_create", workplace), idea_form_data())
    idea = Idea.objects.get()
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    assert idea.author == employee and idea.status == IdeaStatus.NEW
    assert (idea.value_citizens, idea.value_quality, idea.value_routines) == (2, 1, 0)
    assert sorted(idea.tags.values_list("key", flat=True)) == ["app", "tablet"]
    assert idea.awaiting_leader_since is not None
    assert Follow.objects.filter(idea=idea, user=employee).exists()
    notification = Notification.objects.get(recipient=leader)
    assert notification.kind == Kind.IDEA_NEW and notification.idea == idea
    assert not Notification.objects.filter(recipient=employee).exists()
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Tablet med billeder til forældrene" in html(page)


def test_submitting_with_a_picture_stores_it_without_the_uploaders_file_name(client, workplace, employee):
    client.force_login(employee)
    response = client.post(
        url("idea_create", workplace), {**idea_form_data(), "images": [png_upload("mit-barn-Ida.png")]}
    )
    assert response.status_code == 302
    image = IdeaImage.objects.get()
    assert image.content_type == "image/png" and "Ida" not in image.image.name
    assert (image.width, image.height) == (8, 8)


def test_the_same_form_submitted_twice_makes_one_idea(client, workplace, leader, employee):
    client.force_login(employee)
    data = idea_form_data()
    first = client.post(url("idea_create", workplace), data)
    second = client.post(url("idea_create", workplace), data)
    assert Idea.objects.count() == 1
    assert first["Location"] == second["Location"] == Idea.objects.get().get_absolute_url()
    assert Notification.objects.filter(recipient=leader).count() == 1


@pytest.mark.parametrize(
    "bad",
    [
        {"title": ""},
        {"title": "   "},
        {"title": "x" * 151},
        {"need": ""},
        {"description": ""},
        {"value_quality": "7"},
        {"value_quality": "-1"},
        {"value_citizens": "abc"},
        {"value_routines_why": "x" * 301},
        {"tags": ", ".join(f"tag{i}" for i in range(9))},
        {"tags": "x" * 41},
        {"submission_key": "not-a-uuid"},
        {"challenge": "999999"},
        {"images": "text file renamed .png"},
        {"images": "over 5 MB"},
        {"images": "six pictures"},
    ],
    ids=lambda bad: next(iter(bad)) + ":" + str(next(iter(bad.values())))[:20],
)
def test_bad_input_shows_the_error_summary_and_creates_nothing(client, workplace, leader, employee, bad):
    data = idea_form_data()
    images = {
        "text file renamed .png": [not_a_picture()],
        "over 5 MB": [too_large_picture()],
        "six pictures": [png_upload(f"b{i}.png") for i in range(6)],
    }
    if "images" in bad:
        data["images"] = images[bad["images"]]
    else:
        data.update(bad)
    client.force_login(employee)
    response = client.post(url("idea_create", workplace), data)
    assert response.status_code in (200, 400)
    assert 'id="error-summary"' in html(response)
    assert not Idea.objects.exists() and not IdeaImage.objects.exists()
    assert not Notification.objects.exists()


def test_a_rejected_form_keeps_what_was_typed(client, workplace, employee):
    client.force_login(employee)
    response = client.post(url("idea_create", workplace), idea_form_data(title="", need="Mit behov er klart"))
    assert "Mit behov er klart" in html(response)
    assert 'aria-invalid="true"' in html(response)


def test_html_in_the_title_and_need_is_shown_as_text(client, workplace, leader, employee):
    client.force_login(employee)
    client.post(
        url("idea_create", workplace),
        idea_form_data(
            title="<script>alert('titel')</script> Idé",
            need="<script>alert('behov')</script><img src=x onerror=alert(1)>",
        ),
    )
    idea = Idea.objects.get()
    for person in (employee, leader):
        client.force_login(person)
        for page in (
            client.get(url("board", workplace)),
            client.get(url("board", workplace) + "?vis=liste"),
            client.get(idea.get_absolute_url()),
            client.get(url("inbox", workplace)) if person == leader else client.get(url("board", workplace)),
        ):
            content = html(page)
            assert "<script>alert(" not in content
            assert "<img src=x" not in content
            assert "&lt;script&gt;alert(" in content


@pytest.mark.parametrize("method", ["get", "post"])
def test_an_observer_cannot_submit_an_idea(client, workplace, leader, observer, method):
    client.force_login(observer)
    response = getattr(client, method)(url("idea_create", workplace), idea_form_data())
    assert response.status_code == 403
    assert not Idea.objects.exists() and not Notification.objects.exists()


# --- 4. Similar ideas ------------------------------------------------------------------------------------


def test_similar_ideas_are_found_by_shared_words(client, workplace, employee, idea):
    other = make_idea(workplace, title="Robot til oprydning", need="Klodser overalt", description="En robot")
    client.force_login(employee)
    response = client.get(url("similar", workplace) + "?title=billede&need=forældrene")
    assert response.status_code == 200
    content = html(response)
    assert "<html" not in content
    assert idea.title in content and other.title not in content
    assert 'class="fl-similar-list"' in content


def test_similar_ideas_can_leave_out_the_idea_being_edited(client, workplace, employee, idea):
    client.force_login(employee)
    response = client.get(url("similar", workplace) + f"?title={idea.title}&idea={idea.pk}")
    assert idea.title not in html(response)
    assert client.get(url("similar", workplace) + "?title=x&idea=abc").status_code == 200


@pytest.mark.parametrize("query", ["", "?title=&need=", "?title=+++", "?title=og+i+at", "?title=%22%2A"])
def test_similar_ideas_without_meaningful_text_give_the_hint_not_an_error(
    client, workplace, employee, idea, query
):
    client.force_login(employee)
    response = client.get(url("similar", workplace) + query)
    assert response.status_code == 200
    assert 'class="fl-similar-list"' not in html(response)
    assert "<p" in html(response)


def test_similar_ideas_leave_out_withdrawn_ideas(client, workplace, employee, idea):
    services.idea_withdraw(actor=employee, idea=idea)
    client.force_login(employee)
    response = client.get(url("similar", workplace) + "?title=billeder")
    assert idea.title not in html(response)


def test_the_no_script_check_for_similar_ideas_shows_them_without_submitting(
    client, workplace, employee, colleague, idea
):
    client.force_login(colleague)
    data = idea_form_data(title="Billeder fra dagen", need="Forældre vil se billeder", check_similar="1")
    response = client.post(url("idea_create", workplace), data)
    assert response.status_code == 200
    content = html(response)
    assert 'class="fl-similar-list"' in content and idea.get_absolute_url() in content
    assert 'value="Billeder fra dagen"' in content  # the form keeps what was typed
    assert data["submission_key"] in content  # and its one-time key
    assert Idea.objects.count() == 1
    # Submitting afterwards with the same key makes the idea once.
    del data["check_similar"]
    assert client.post(url("idea_create", workplace), data).status_code == 302
    assert client.post(url("idea_create", workplace), data).status_code == 302
    assert Idea.objects.filter(author=colleague).count() == 1


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


# --- 7. Qualification and merging ------------------------------------------------------------------------

QUALIFICATION = {
    "benefit": "Forældrene og børnene.",
    "requirements": "To tablets og en time om ugen.",
    "risks": "Billeder af børn uden samtykke.",
    "measures": "Vi spørger forældrene efter en måned.",
}


def test_the_author_saves_the_four_answers(client, workplace, leader, employee, idea):
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    client.force_login(employee)
    assert client.get(idea_url("idea_qualify", idea)).status_code == 200
    response = client.post(idea_url("idea_qualify", idea), QUALIFICATION)
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    idea.refresh_from_db()
    assert idea.qualification_benefit == QUALIFICATION["benefit"]
    assert idea.qualification_requirements == QUALIFICATION["requirements"]
    assert idea.qualification_risks == QUALIFICATION["risks"]
    assert idea.qualification_measures == QUALIFICATION["measures"]
    assert not idea.ready_to_test
    assert IdeaEvent.objects.filter(idea=idea, kind=EventKind.QUALIFIED).exists()
    assert QUALIFICATION["risks"] in html(client.get(idea.get_absolute_url()))


def test_ready_to_test_needs_all_four_answers(client, workplace, leader, idea):
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    client.force_login(leader)
    partial = {"benefit": QUALIFICATION["benefit"], "risks": QUALIFICATION["risks"], "ready_to_test": "on"}
    response = client.post(idea_url("idea_qualify", idea), partial)
    assert response.status_code in (200, 400)
    assert 'id="error-summary"' in html(response) and 'id="id_ready_to_test-error"' in html(response)
    idea.refresh_from_db()
    assert not idea.ready_to_test and idea.qualification_benefit == ""
    response = client.post(idea_url("idea_qualify", idea), {**QUALIFICATION, "ready_to_test": "on"})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.ready_to_test
    assert IdeaEvent.objects.filter(idea=idea, kind=EventKind.READY).exists()


def test_the_responsible_person_marks_the_idea_ready_to_test(client, workplace, leader, colleague, idea):
    services.idea_assign(actor=leader, idea=idea, responsible=colleague)
    client.force_login(colleague)
    response = client.post(idea_url("idea_qualify", idea), {**QUALIFICATION, "ready_to_test": "on"})
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.ready_to_test


def test_the_author_cannot_mark_the_idea_ready_to_test(client, workplace, leader, employee, idea):
    client.force_login(employee)
    response = client.post(idea_url("idea_qualify", idea), {**QUALIFICATION, "ready_to_test": "on"})
    assert 'id="error-summary"' in html(response)
    idea.refresh_from_db()
    assert not idea.ready_to_test


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_others_than_author_responsible_and_leader_cannot_qualify(client, workplace, idea, role):
    client.force_login(member(workplace, role).user)
    assert client.get(idea_url("idea_qualify", idea)).status_code == 403
    assert client.post(idea_url("idea_qualify", idea), QUALIFICATION).status_code == 403
    idea.refresh_from_db()
    assert idea.qualification_benefit == ""


def test_merging_a_duplicate_moves_supports_and_comments_and_tells_its_author(
    client, workplace, leader, employee, colleague, idea
):
    duplicate = make_idea(workplace, author=colleague, title="Billeder til forældrene på en tablet")
    supporter = member(workplace).user
    services.idea_support(actor=supporter, idea=duplicate)
    services.idea_support(actor=employee, idea=duplicate)  # the target's own author: not kept
    comment = services.comment_create(actor=supporter, idea=duplicate, body="Samme som den anden?")
    client.force_login(leader)
    page = client.get(idea_url("idea_merge", duplicate))
    assert page.status_code == 200
    assert f'name="into" id="id_into_0" value="{idea.pk}"' in html(page)
    assert "checked" not in html(page)  # nothing is chosen for the leader
    # Choosing shows both ideas first; nothing is merged yet.
    compare = client.post(idea_url("idea_merge", duplicate), {"into": str(idea.pk)})
    assert compare.status_code == 200 and 'name="confirm" value="1"' in html(compare)
    assert Idea.objects.get(pk=duplicate.pk).status == IdeaStatus.NEW
    response = client.post(idea_url("idea_merge", duplicate), {"into": str(idea.pk), "confirm": "1"})
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    duplicate.refresh_from_db()
    idea.refresh_from_db()
    assert duplicate.status == IdeaStatus.MERGED and duplicate.merged_into == idea
    assert duplicate.awaiting_leader_since is None
    assert set(Support.objects.filter(idea=idea).values_list("user_id", flat=True)) == {supporter.pk}
    assert idea.support_count == 1 and duplicate.support_count == 0
    comment.refresh_from_db()
    assert comment.idea == idea and idea.comment_count == 1
    notification = Notification.objects.get(recipient=colleague, kind=Kind.IDEA_MERGED)
    assert notification.idea == idea and notification.detail == duplicate.title
    # The duplicate's page points to where it went; the board leaves it out.
    assert idea.get_absolute_url() in html(client.get(duplicate.get_absolute_url()))
    assert duplicate.pk not in linked_idea_ids(client.get(url("board", workplace)))


def test_an_idea_cannot_be_merged_into_itself_or_a_foreign_idea(client, workplace, leader, colleague, idea):
    make_idea(workplace, author=colleague, title="Noget andet")
    foreign = make_idea(WorkplaceFactory())
    client.force_login(leader)
    for into in (idea.pk, foreign.pk, "abc", ""):
        response = client.post(idea_url("idea_merge", idea), {"into": str(into)})
        assert response.status_code in (200, 400, 404)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


# --- 8. Withdrawing and editing --------------------------------------------------------------------------


def test_withdrawing_asks_first_then_withdraws(client, workplace, leader, employee, idea):
    client.force_login(employee)
    confirm = client.get(idea_url("idea_withdraw", idea))
    assert confirm.status_code == 200 and '<form method="post">' in html(confirm)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW
    response = client.post(idea_url("idea_withdraw", idea))
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.WITHDRAWN and idea.awaiting_leader_since is None
    client.force_login(leader)
    assert idea.pk not in linked_idea_ids(client.get(url("inbox", workplace)))


def test_another_employee_cannot_withdraw_the_idea(client, workplace, colleague, idea):
    client.force_login(colleague)
    response = client.post(idea_url("idea_withdraw", idea), follow=True)
    assert "alert alert-error" in html(response)
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.NEW


def test_the_author_edits_the_idea_while_it_is_new(client, workplace, employee, idea):
    client.force_login(employee)
    form = client.get(idea_url("idea_edit", idea))
    assert form.status_code == 200 and f'value="{idea.title}"' in html(form)
    response = client.post(
        idea_url("idea_edit", idea),
        idea_form_data(title="Tablet og projektor", tags="tablet, projektor", value_quality="3"),
    )
    assert response.status_code == 302 and response["Location"] == idea.get_absolute_url()
    idea.refresh_from_db()
    assert idea.title == "Tablet og projektor" and idea.value_quality == 3
    assert sorted(idea.tags.values_list("key", flat=True)) == ["projektor", "tablet"]
    assert IdeaEvent.objects.filter(idea=idea, kind=EventKind.EDITED).exists()
    assert Idea.objects.count() == 1
    # The search finds the new words.
    found = client.get(url("board", workplace) + "?q=projektor")
    assert linked_idea_ids(found) == [idea.pk]


def test_another_employee_cannot_edit_the_idea(client, workplace, colleague, idea):
    client.force_login(colleague)
    assert client.get(idea_url("idea_edit", idea)).status_code == 403
    assert client.post(idea_url("idea_edit", idea), idea_form_data(title="Kapret")).status_code == 403
    idea.refresh_from_db()
    assert idea.title != "Kapret"


def test_the_author_cannot_edit_after_the_leader_moved_the_idea(client, workplace, leader, employee, idea):
    services.idea_move(actor=leader, idea=idea, to_status=IdeaStatus.QUALIFYING)
    client.force_login(employee)
    assert client.get(idea_url("idea_edit", idea)).status_code == 403
    assert client.post(idea_url("idea_edit", idea), idea_form_data(title="For sent")).status_code == 403
    idea.refresh_from_db()
    assert idea.title != "For sent"
    assert idea_url("idea_edit", idea) not in html(client.get(idea.get_absolute_url()))


def test_editing_a_comment_within_15_minutes(client, workplace, colleague, idea):
    comment = services.comment_create(actor=colleague, idea=idea, body="Førstee udkast")
    client.force_login(colleague)
    assert idea_url("comment_edit", idea, comment_id=comment.pk) in html(client.get(idea.get_absolute_url()))
    assert client.get(idea_url("comment_edit", idea, comment_id=comment.pk)).status_code == 200
    response = client.post(idea_url("comment_edit", idea, comment_id=comment.pk), {"body": "Første udkast"})
    assert response.status_code == 302
    assert response["Location"] == f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
    comment.refresh_from_db()
    assert comment.body == "Første udkast" and comment.edited_at is not None


def test_editing_a_comment_is_refused_after_15_minutes(client, workplace, colleague, idea):
    comment = services.comment_create(actor=colleague, idea=idea, body="Gammel kommentar")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=16))
    client.force_login(colleague)
    assert idea_url("comment_edit", idea, comment_id=comment.pk) not in html(
        client.get(idea.get_absolute_url())
    )
    response = client.post(idea_url("comment_edit", idea, comment_id=comment.pk), {"body": "Ny tekst"})
    assert response.status_code in (200, 400, 403)
    assert response.status_code == 403 or 'id="error-summary"' in html(response)
    comment.refresh_from_db()
    assert comment.body == "Gammel kommentar" and comment.edited_at is None


def test_only_the_writer_edits_a_comment(client, workplace, employee, colleague, idea):
    comment = services.comment_create(actor=colleague, idea=idea, body="Min kommentar")
    client.force_login(employee)
    assert client.get(idea_url("comment_edit", idea, comment_id=comment.pk)).status_code == 403
    assert (
        client.post(idea_url("comment_edit", idea, comment_id=comment.pk), {"body": "x"}).status_code == 403
    )
    comment.refresh_from_db()
    assert comment.body == "Min kommentar"


# --- 9. Pictures -----------------------------------------------------------------------------------------


@pytest.fixture
def idea_with_picture(workplace, leader, employee):
    return make_idea(workplace, author=employee, images=[png_upload()])


def test_a_picture_is_served_to_members_with_its_type_and_nosniff(
    client, workplace, observer, idea_with_picture
):
    image = idea_with_picture.images.get()
    client.force_login(observer)
    page = html(client.get(idea_with_picture.get_absolute_url()))
    assert f'src="{image.get_absolute_url()}"' in page
    response = client.get(image.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_picture_of_another_idea_or_a_missing_one_gives_404(client, workplace, employee, idea_with_picture):
    other = make_idea(workplace, author=employee, title="Uden billede")
    image = idea_with_picture.images.get()
    client.force_login(employee)
    assert client.get(idea_url("idea_image", other, image_id=image.pk)).status_code == 404
    assert client.get(idea_url("idea_image", idea_with_picture, image_id=999999)).status_code == 404


def test_removing_a_picture_asks_first_then_removes_it(client, workplace, employee, idea_with_picture):
    image = idea_with_picture.images.get()
    storage, name = image.image.storage, image.image.name
    assert storage.exists(name)
    client.force_login(employee)
    delete_url = idea_url("idea_image_delete", idea_with_picture, image_id=image.pk)
    assert delete_url in html(client.get(idea_url("idea_edit", idea_with_picture)))
    confirm = client.get(delete_url)
    assert confirm.status_code == 200 and image.get_absolute_url() in html(confirm)
    assert IdeaImage.objects.exists()
    response = client.post(delete_url)
    assert response.status_code == 302 and response["Location"] == idea_url("idea_edit", idea_with_picture)
    assert not IdeaImage.objects.exists() and not storage.exists(name)


def test_the_picture_removal_page_uses_no_inline_style_the_csp_blocks(
    client, workplace, employee, idea_with_picture
):
    image = idea_with_picture.images.get()
    client.force_login(employee)
    response = client.get(idea_url("idea_image_delete", idea_with_picture, image_id=image.pk))
    policy = response["Content-Security-Policy"]
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert " style=" not in html(response)


def test_another_employee_cannot_remove_a_picture(client, workplace, colleague, idea_with_picture):
    client.force_login(colleague)
    image = idea_with_picture.images.get()
    client.post(idea_url("idea_image_delete", idea_with_picture, image_id=image.pk))
    assert IdeaImage.objects.filter(pk=image.pk).exists()


# --- 10. The inbox ---------------------------------------------------------------------------------------


@pytest.fixture
def waiting(workplace, leader):
    """Three ideas waiting 1, 20 and 5 days (target 14 days)."""
    now = timezone.now()
    ideas = {}
    for days in (1, 20, 5):
        idea = make_idea(workplace, title=f"Venter {days} dage")
        Idea.objects.filter(pk=idea.pk).update(awaiting_leader_since=now - datetime.timedelta(days=days))
        ideas[days] = idea
    return ideas


def inbox_rows(response):
    """(idea id, overdue) for each row of the inbox table, in order."""
    return [
        (int(idea_id), bool(overdue))
        for overdue, idea_id in re.findall(
            r'<tr( class="is-overdue")?>\s*<td[^>]*><a href="/a/[^/]+/ideer/(\d+)/"', html(response)
        )
    ]


def test_the_inbox_lists_the_longest_waiting_first_and_marks_the_overdue(client, workplace, leader, waiting):
    assert workplace.response_target_days == 14
    client.force_login(leader)
    response = client.get(url("inbox", workplace))
    assert response.status_code == 200
    assert inbox_rows(response) == [(waiting[20].pk, True), (waiting[5].pk, False), (waiting[1].pk, False)]


def test_changing_the_response_target_saves_it_and_changes_what_is_overdue(
    client, workplace, leader, waiting
):
    client.force_login(leader)
    response = client.post(url("inbox", workplace), {"days": "4"})
    assert response.status_code == 302 and response["Location"] == url("inbox", workplace)
    workplace.refresh_from_db()
    assert workplace.response_target_days == 4
    rows = inbox_rows(client.get(url("inbox", workplace)))
    assert rows == [(waiting[20].pk, True), (waiting[5].pk, True), (waiting[1].pk, False)]
    client.post(url("inbox", workplace), {"days": "7"})
    workplace.refresh_from_db()
    assert workplace.response_target_days == 7


@pytest.mark.parametrize("days", ["0", "abc", "-3", "91", "", "1.5"])
def test_a_bad_response_target_is_refused_with_the_error(client, workplace, leader, days):
    client.force_login(leader)
    response = client.post(url("inbox", workplace), {"days": days})
    assert response.status_code == 400
    assert 'id="error-summary"' in html(response)
    workplace.refresh_from_db()
    assert workplace.response_target_days == 14


def test_the_header_shows_the_inbox_count_to_the_leader_only(client, workplace, leader, employee, waiting):
    client.force_login(leader)
    content = html(client.get(url("board", workplace)))
    assert re.search(r'<span class="fl-count">3<span class="sr-only">', content)
    assert url("inbox", workplace) in content
    client.force_login(employee)
    content = html(client.get(url("board", workplace)))
    assert 'class="fl-count"' not in content and url("inbox", workplace) not in content


def test_an_empty_inbox_has_no_count_in_the_header(client, workplace, leader):
    client.force_login(leader)
    response = client.get(url("inbox", workplace))
    assert response.status_code == 200 and inbox_rows(response) == []
    assert 'class="fl-count"' not in html(response)


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_the_inbox_is_for_leaders(client, workplace, role):
    client.force_login(member(workplace, role).user)
    assert client.get(url("inbox", workplace)).status_code == 403
    assert client.post(url("inbox", workplace), {"days": "3"}).status_code == 403
    workplace.refresh_from_db()
    assert workplace.response_target_days == 14


# --- 11. Challenges --------------------------------------------------------------------------------------


def test_a_leader_posts_a_challenge(client, workplace, leader):
    client.force_login(leader)
    assert client.get(url("challenge_create", workplace)).status_code == 200
    today = timezone.localdate()
    response = client.post(
        url("challenge_create", workplace),
        {
            "title": "Hvordan kan vi gøre aflevering lettere?",
            "description": "Morgenen er travl.",
            "opens_on": today.isoformat(),
            "closes_on": (today + datetime.timedelta(days=14)).isoformat(),
        },
    )
    challenge = Challenge.objects.get()
    assert response.status_code == 302 and response["Location"] == challenge.get_absolute_url()
    assert challenge.created_by == leader and challenge.workplace == workplace
    assert challenge.is_open()


@pytest.mark.parametrize(
    "bad",
    [
        {"closes_on": "2020-01-01", "opens_on": "2020-02-01"},
        {"title": ""},
        {"title": "x" * 151},
        {"opens_on": "not a date"},
        {"closes_on": ""},
    ],
)
def test_a_bad_challenge_is_refused_with_the_error(client, workplace, leader, bad):
    client.force_login(leader)
    data = {"title": "Hvordan?", "description": "", "opens_on": "2026-01-01", "closes_on": "2026-12-31"}
    response = client.post(url("challenge_create", workplace), {**data, **bad})
    assert response.status_code in (200, 400)
    assert 'id="error-summary"' in html(response)
    assert not Challenge.objects.exists()


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_only_leaders_post_or_edit_challenges(client, workplace, leader, role):
    existing = make_challenge(workplace, leader=leader)
    client.force_login(member(workplace, role).user)
    data = {"title": "Hvordan?", "opens_on": "2026-01-01", "closes_on": "2026-12-31"}
    assert client.get(url("challenge_create", workplace)).status_code == 403
    assert client.post(url("challenge_create", workplace), data).status_code == 403
    edit = url("challenge_edit", workplace, challenge_id=existing.pk)
    assert client.post(edit, data).status_code == 403
    assert Challenge.objects.count() == 1 and Challenge.objects.get().title == existing.title


def test_a_leader_edits_a_challenge(client, workplace, leader):
    challenge = make_challenge(workplace, leader=leader)
    client.force_login(leader)
    edit = url("challenge_edit", workplace, challenge_id=challenge.pk)
    assert client.get(edit).status_code == 200
    response = client.post(
        edit,
        {
            "title": "Hvordan kan vi bruge video?",
            "description": "",
            "opens_on": challenge.opens_on.isoformat(),
            "closes_on": challenge.closes_on.isoformat(),
        },
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.title == "Hvordan kan vi bruge video?"


def test_the_challenge_list_and_page_show_its_ideas(client, workplace, leader, employee):
    challenge = make_challenge(workplace, leader=leader)
    answer = make_idea(workplace, author=employee, challenge=challenge, title="Svar på udfordringen")
    unrelated = make_idea(workplace, author=employee, title="Noget helt andet")
    client.force_login(employee)
    listing = client.get(url("challenge_list", workplace))
    assert listing.status_code == 200 and challenge.get_absolute_url() in html(listing)
    detail = client.get(challenge.get_absolute_url())
    assert detail.status_code == 200
    assert linked_idea_ids(detail) == [answer.pk]
    assert unrelated.pk not in linked_idea_ids(detail)
    assert f"{url('idea_create', workplace)}?udfordring={challenge.pk}" in html(detail)


def test_the_challenge_list_counts_its_ideas_without_merged_ones(client, workplace, leader, employee):
    challenge = make_challenge(workplace, leader=leader)
    first = make_idea(workplace, author=employee, challenge=challenge, title="Første svar")
    make_idea(workplace, author=employee, challenge=challenge, title="Andet svar")
    duplicate = make_idea(workplace, challenge=challenge, title="Første svar igen")
    services.idea_merge(actor=leader, idea=duplicate, into=first)
    client.force_login(employee)
    content = html(client.get(url("challenge_list", workplace)))
    assert re.search(r'<p class="fl-card-meta fl-muted">2 ', content)
    assert len(linked_idea_ids(client.get(challenge.get_absolute_url()))) == 2


def test_submitting_from_a_challenge_preselects_it(client, workplace, leader, employee):
    challenge = make_challenge(workplace, leader=leader)
    client.force_login(employee)
    response = client.get(url("idea_create", workplace) + f"?udfordring={challenge.pk}")
    assert response.status_code == 200
    assert f'<option value="{challenge.pk}" selected>' in html(response)
    for bad in ("abc", "999999", ""):
        assert client.get(url("idea_create", workplace) + f"?udfordring={bad}").status_code == 200
    response = client.post(url("idea_create", workplace), idea_form_data(challenge=str(challenge.pk)))
    assert response.status_code == 302
    assert Idea.objects.get().challenge == challenge


def test_a_closed_challenge_cannot_be_answered(client, workplace, leader, employee):
    today = timezone.localdate()
    closed = make_challenge(
        workplace,
        leader=leader,
        opens_on=today - datetime.timedelta(days=30),
        closes_on=today - datetime.timedelta(days=1),
    )
    client.force_login(employee)
    assert f'<option value="{closed.pk}"' not in html(client.get(url("idea_create", workplace)))
    response = client.post(url("idea_create", workplace), idea_form_data(challenge=str(closed.pk)))
    assert response.status_code in (200, 400) and 'id="error-summary"' in html(response)
    assert not Idea.objects.exists()


def test_a_missing_challenge_gives_404(client, workplace, employee):
    client.force_login(employee)
    assert client.get(url("challenge_detail", workplace, challenge_id=999999)).status_code == 404


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
    assert list(unread.values_list("idea", flat=True)) == [other.pk]
