"""The benchmark's municipality (benchmarks/municipality.py) holds rows the product itself could have made:
authors and supporters are members of the idea's workplace, comments carry their stored HTML, the search
text is the one the product indexes. Built small here; PostgreSQL only, as the generator is."""

import pytest
from django.db.models import F

from benchmarks import municipality
from frontloeber.core.markdown import render
from frontloeber.ideas import search
from frontloeber.ideas.models import Comment, Idea, Support
from frontloeber.organisations.models import Membership, Workplace
from tests.factories import OrganisationFactory

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


@pytest.fixture
def small(monkeypatch):
    for name, value in {"WORKPLACES": 6, "IDEAS": 2000, "BUSY_IDEAS": 400, "DISCUSSION": 12}.items():
        monkeypatch.setattr(municipality, name, value)
    organisation = OrganisationFactory()
    return organisation, municipality.build(stdout=lambda *_: None)


def test_the_counts_are_what_was_asked(small):
    _, counts = small
    assert counts["workplaces"] == 6
    assert counts["people"] == counts["memberships"] == 6 * municipality.PEOPLE_PER_WORKPLACE
    assert counts["ideas"] == 2000 and counts["ideas in the busiest workplace"] == 400
    assert counts["supports"] == 2000 * municipality.SUPPORTS_PER_IDEA
    assert counts["comments"] == Comment.objects.count() > 2000 + 12


def test_every_row_is_one_the_product_could_have_made(small):
    organisation, _ = small
    busy = Workplace.objects.get(slug=municipality.BUSY_SLUG)
    assert Membership.objects.filter(workplace=busy, role="leader").count() == 1
    members = set(Membership.objects.values_list("workplace_id", "user_id"))
    assert {(i.workplace_id, i.author_id) for i in Idea.objects.all()} <= members
    assert set(Support.objects.values_list("workplace_id", "user_id")) <= members
    assert not Support.objects.filter(user_id=F("idea__author_id")).exists()
    for comment in Comment.objects.all()[:10]:
        assert comment.body_html == str(render(comment.body))
    for idea in Idea.objects.prefetch_related("tags")[:20]:
        assert idea.search_text == search.document(idea, [t.name for t in idea.tags.all()])
    discussed = Idea.objects.order_by("-comment_count").first()
    assert discussed.comment_count == discussed.comments.count() == 12 + 1 + (discussed.pk % 18 == 0)


def test_the_rare_word_is_found_in_one_idea_of_every_997(small):
    found = search.filter_matching(Idea.objects.all(), municipality.RARE_WORD)
    assert found.count() == len(range(0, 2000, 997))
