"""Ideas, views: Submitting an idea, Similar ideas."""

import pytest

from frontloeber.ideas import services
from frontloeber.ideas.models import (
    Follow,
    Idea,
    IdeaImage,
    IdeaStatus,
)
from frontloeber.ideas.notification_kinds import Kind
from frontloeber.notifications.models import Notification
from tests.factories import idea_form_data, make_idea, png_upload

from .helpers import (
    html,
    not_a_picture,
    too_large_picture,
    url,
)

pytestmark = pytest.mark.django_db


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
    assert notification.kind == Kind.IDEA_NEW and notification.subject_id == idea.pk
    assert not Notification.objects.filter(recipient=employee).exists()
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Tablet med billeder til forældrene" in html(page)


def test_the_values_start_not_rated_and_an_idea_without_them_says_so(client, workplace, employee, leader):
    client.force_login(employee)
    form = html(client.get(url("idea_create", workplace)))
    for axis in ("citizens", "quality", "routines"):
        assert f'name="value_{axis}" id="id_value_{axis}_0" value="" checked' in form
    assert "Ikke vurderet" in form and "0 – ingen" in form
    data = idea_form_data(value_citizens="", value_quality="", value_routines="0")
    response = client.post(url("idea_create", workplace), data)
    assert response.status_code == 302
    idea = Idea.objects.get(workplace=workplace)
    assert (idea.value_citizens, idea.value_quality, idea.value_routines) == (None, None, 0)
    client.force_login(leader)
    page = html(client.get(idea.get_absolute_url()))
    values = page[page.index('class="fl-values"') :].split("</section>")[0]
    assert values.count("Ikke vurderet") == 2 and "0<span" in values and "ingen" in values


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
