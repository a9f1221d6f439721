"""The markup that keeps people's text in its place: long words wrap (.fl-user-text), text blocks take their
own direction (dir="auto"), names inside our own lines are isolated (<bdi>). The browser test
(tests/browser/test_user_text.py) checks what a phone then draws."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse

from frontloeber.core.templatetags.frontloeber import leading
from frontloeber.ideas import services as idea_services
from frontloeber.organisations.models import Role
from frontloeber.workshops import services as workshop_services
from tests.factories import WorkplaceFactory, live_session, make_idea, member

RLO = "\u202e"


def render(template, **context):
    return Template("{% load frontloeber %}" + template).render(Context(context))


def test_bdi_isolates_and_escapes_a_name():
    expected = f"<bdi>&lt;b&gt;Karen&lt;/b&gt; {RLO}x</bdi>"
    assert render("{{ name|bdi }}", name=f"<b>Karen</b> {RLO}x") == expected
    assert render("{{ name|bdi }}", name=None) == "<bdi></bdi>"
    # Inside a translated sentence the <bdi> stays markup, and the name inside it stays escaped.
    sentence = render(
        "{% load i18n %}{% blocktranslate with name=n|bdi %}By {{ name }}{% endblocktranslate %}", n="<i>"
    )
    assert sentence == "By <bdi>&lt;i&gt;</bdi>"


def test_a_comment_is_a_block_of_its_own_direction():
    html = render("{{ body|markdown }}", body=f"**Hej** {RLO}med dig")
    assert html.startswith('<div class="fl-user-text" dir="auto"><p><strong>Hej</strong>')
    assert html.endswith("</p></div>")


@pytest.mark.django_db
def test_the_idea_page_isolates_names_and_text(client):
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER, full_name="Lene Leder").user
    trickster = member(workplace, Role.EMPLOYEE, full_name=f"Karen {RLO}Kollega").user
    idea = make_idea(workplace, author=trickster, title=f"Idé {RLO}baglæns")
    comment = idea_services.comment_create(actor=trickster, idea=idea, body=f"Se {RLO}her")
    client.force_login(leader)
    content = client.get(idea.get_absolute_url()).content.decode()
    name = f"<bdi>Karen {RLO}Kollega</bdi>"
    assert f'<h1 dir="auto">Idé {RLO}baglæns</h1>' in content
    assert f"Idé fra {name}" in content  # "Brought by …"
    article = re.search(rf'<article[^>]*id="kommentar-{comment.pk}".*?</article>', content, re.S).group(0)
    assert f'<p class="weight-semibold">{name}' in article
    assert f'<div class="fl-user-text" dir="auto"><p>Se {RLO}her</p></div>' in article
    assert content.count('class="fl-user-text" dir="auto"') >= 3  # the need, the idea, the comment
    # The history names the author in a <bdi> too.
    assert re.search(rf'<span class="weight-semibold">{re.escape(name)}</span>', content)


@pytest.mark.django_db
def test_posts_and_guests_names_on_the_shared_screen_are_isolated(client):
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    session = live_session(workplace, leader=leader)
    session = workshop_services.session_step(actor=leader, session=session, action="next")
    guest = workshop_services.participant_join(session=session, display_name=f"Gæst {RLO}Lone")
    post = workshop_services.post_create(participant=guest, text=f"Idé {RLO}baglæns")
    client.force_login(leader)
    content = client.get(
        reverse("workshops:session_live", kwargs={"workplace_slug": workplace.slug, "session_id": session.pk})
    ).content.decode()
    item = re.search(rf'<li class="fl-post" id="post-{post.pk}">.*?</li>', content, re.S).group(0)
    assert f'<p class="fl-post-text" dir="auto">Idé {RLO}baglæns</p>' in item
    assert f'<p class="fl-post-meta"><bdi>Gæst {RLO}Lone</bdi>' in item


@pytest.mark.django_db
def test_the_member_list_isolates_names(client):
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    member(workplace, Role.EMPLOYEE, full_name=f"Karen {RLO}Kollega")
    client.force_login(leader)
    content = client.get(reverse("organisations:members", kwargs={"workplace_slug": workplace.slug})).content
    assert f"><bdi>Karen {RLO}Kollega</bdi></td>" in content.decode()


def test_a_label_leads_a_message_with_a_colon_unless_it_is_a_question():
    assert leading("Title") == "Title:"
    assert leading("Hvilke personoplysninger?") == "Hvilke personoplysninger?"
    assert leading("Note:") == "Note:"
