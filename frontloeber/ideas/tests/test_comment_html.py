"""A comment's HTML is made once, when it is written (issue 16): the idea page shows what was stored instead
of turning every comment from Markdown into sanitised HTML on every view."""

import pytest

from frontloeber.ideas import services
from frontloeber.ideas.models import Comment
from tests.factories import make_idea

pytestmark = pytest.mark.django_db


@pytest.fixture
def idea(workplace, leader, employee):
    return make_idea(workplace, author=employee, title="Tablet i ambulancen")


def test_writing_a_comment_stores_its_sanitised_html(idea, colleague):
    comment = services.comment_create(
        actor=colleague, idea=idea, body="Det er **godt**<script>alert(1)</script>"
    )
    stored = Comment.objects.get(pk=comment.pk).body_html
    assert "<strong>godt</strong>" in stored and "<script" not in stored


def test_editing_a_comment_makes_its_html_again(idea, colleague):
    comment = services.comment_create(actor=colleague, idea=idea, body="Første udkast")
    services.comment_update(actor=colleague, comment=comment, body="Nu *rettet*")
    assert Comment.objects.get(pk=comment.pk).body_html == "<p>Nu <em>rettet</em></p>"


def test_the_idea_page_shows_the_stored_html_and_renders_only_rows_without_it(
    client, idea, colleague, leader
):
    stored = services.comment_create(actor=colleague, idea=idea, body="Gemt tekst")
    # What the page shows comes from the stored column, not from the Markdown again.
    Comment.objects.filter(pk=stored.pk).update(body_html="<p>Fra kolonnen</p>")
    # A row written without save() (a bulk load) still shows, made from its Markdown.
    Comment.objects.bulk_create(
        [
            Comment(
                organisation_id=idea.organisation_id,
                workplace_id=idea.workplace_id,
                idea=idea,
                author=colleague,
                body="**Uden** kolonne",
            )
        ]
    )
    client.force_login(leader)
    page = client.get(idea.get_absolute_url()).content.decode()
    assert "<p>Fra kolonnen</p>" in page and "Gemt tekst" not in page
    assert "<strong>Uden</strong> kolonne" in page
