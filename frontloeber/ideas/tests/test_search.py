"""Full-text search and similar ideas, on whichever database the suite runs (SQLite FTS5 or PostgreSQL)."""

import pytest
from django.core.paginator import Paginator
from django.db import connection

from frontloeber.ideas import search, selectors, services
from frontloeber.ideas.models import Idea
from frontloeber.ideas.selectors import BoardFilters
from tests.factories import WorkplaceFactory, make_idea, member

pytestmark = pytest.mark.django_db


def new_idea(workplace, title, need="", description="Se titlen.", tag_names=(), **kwargs):
    return make_idea(
        workplace, title=title, need=need or title, description=description, tag_names=tag_names, **kwargs
    )


def titles(ideas):
    return {idea.title for idea in ideas}


def board(workplace, **filters):
    return selectors.idea_board(
        workplace=workplace, user=member(workplace).user, filters=BoardFilters(**filters)
    )


def test_danish_stems():
    assert search.terms("billeder")[0] == search.terms("billedet")[0] == search.terms("billede")[0]
    assert search.terms("og i at det") == []


def test_search_finds_other_forms_of_a_word_and_needs_every_word(workplace):
    new_idea(workplace, "Billeder af børnenes dag", need="Forældrene vil se dagen", tag_names=[])
    new_idea(workplace, "Sensorer i sengen", need="Nattevagten skal ikke forstyrre", tag_names=["sensorer"])
    assert titles(board(workplace, q="billede")) == {"Billeder af børnenes dag"}
    assert titles(board(workplace, q="forældrenes billeder")) == {"Billeder af børnenes dag"}
    assert titles(board(workplace, q="billede sensor")) == set()
    assert titles(board(workplace, q="sensor")) == {"Sensorer i sengen"}
    # Tags are searchable too, and words typed half-way match (as people type).
    assert titles(board(workplace, q="sens")) == {"Sensorer i sengen"}


def test_search_input_that_is_only_noise_or_syntax_finds_nothing_and_does_not_fail(workplace):
    new_idea(workplace, "Billeder af dagen")
    for query in (
        '"',
        "*",
        "og i at",
        "AND OR NOT",
        "'); DROP TABLE ideas_idea; --",
        "a:b & | !",
        "billeder*",
    ):
        found = titles(board(workplace, q=query))
        assert found == ({"Billeder af dagen"} if query == "billeder*" else set()), query


def test_search_stays_in_the_workplace(workplace):
    new_idea(WorkplaceFactory(), "Billeder af dagen")
    assert titles(board(workplace, q="billeder")) == set()


def test_similar_ideas_rank_the_closest_first_and_skip_merged_and_withdrawn(workplace):
    close = new_idea(workplace, "Tablet til billeder af børnenes dag", need="Forældre vil se billeder")
    new_idea(workplace, "Billeder til forældre", need="Noget helt andet")
    new_idea(workplace, "Sensorer i sengen", need="Nattevagten")
    withdrawn = new_idea(workplace, "Tablet med billeder", need="Forældre")
    services.idea_withdraw(actor=withdrawn.author, idea=withdrawn)
    found = selectors.similar_ideas(
        workplace=workplace, text="billeder fra dagen på en tablet til forældrene"
    )
    assert found[0] == close
    assert "Sensorer i sengen" not in titles(found)
    assert "Tablet med billeder" not in titles(found)
    assert selectors.similar_ideas(workplace=workplace, text="og i at") == []
    assert selectors.similar_ideas(workplace=workplace, text="tablet", exclude_id=close.pk) == []


def test_editing_an_idea_updates_the_index(workplace):
    idea = new_idea(workplace, "Billeder af dagen")
    services.idea_update(
        actor=idea.author,
        idea=idea,
        title="Videoopkald med pårørende",
        need="Pårørende bor langt væk",
        description="Skærm i fællesrummet",
        tag_names=[],
    )
    assert titles(board(workplace, q="billeder")) == set()
    assert titles(board(workplace, q="videoopkald")) == {"Videoopkald med pårørende"}


def test_search_is_backed_by_an_index(workplace):
    """The search condition can be answered from the full-text index alone (at scale the planner picks it
    when it narrows more than the workplace does)."""
    new_idea(workplace, "Billeder af dagen")
    queryset = search.filter_matching(Idea.objects.all(), "billeder")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")
            plan = queryset.explain()
            cursor.execute("SET enable_seqscan = on")
        assert "ideas_idea_search_vector" in plan
    else:
        assert "ideas_idea_fts VIRTUAL TABLE" in queryset.explain()


def test_a_search_within_one_workplace_checks_its_ideas_not_the_index(workplace):
    """The board, similar ideas and merge candidates read one workplace: there the index would gather every
    idea of the organisation under a common prefix first (search.py, _matching), so the condition is one
    the index cannot answer, with the same ideas found and ranked."""
    new_idea(workplace, "Billeder af dagen", tag_names=["tablet"])
    new_idea(workplace, "Billedtavle til morgenmødet")
    new_idea(workplace, "Kalender i gangen")
    new_idea(WorkplaceFactory(organisation=workplace.organisation), "Billeder i en anden afdeling")
    ideas = Idea.objects.filter(organisation=workplace.organisation, workplace=workplace)
    walked = search.filter_matching(ideas, "billed", use_index=False)
    indexed = search.filter_matching(ideas, "billed")
    assert titles(walked) == titles(indexed) == {"Billeder af dagen", "Billedtavle til morgenmødet"}
    assert [(i.pk, i.rank) for i in walked.order_by("-rank", "-pk")] == [
        (i.pk, i.rank) for i in indexed.order_by("-rank", "-pk")
    ]
    assert titles(board(workplace, q="billed")) == titles(walked)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = off")  # the index would be chosen now if it could be
            plan = walked.explain()
            cursor.execute("SET enable_seqscan = on")
        assert "ideas_idea_search_vector" not in plan and "ts_match_vq" in plan


def test_a_search_best_first_is_paged_like_any_list(workplace, django_assert_num_queries):
    """Best match first, the board picks a page's ids with the number of all matches (core.pagination,
    RankedList) and then reads only their cards: the same ideas in the same order as ranking them all."""
    for i in range(7):
        title = f"Billeder af dagen {i}" if i % 3 else f"Tavle {i}"
        new_idea(workplace, title, need="Billeder til forældrene" if i % 2 else "Et skema")
    new_idea(workplace, "Kalender i gangen")
    ideas = Idea.objects.filter(organisation=workplace.organisation, workplace=workplace)
    expected = [i.pk for i in search.filter_matching(ideas, "billeder").order_by("-rank", "-pk")]
    assert len(expected) == 5
    found = board(workplace, q="billeder", sort="relevance")
    assert [i.pk for i in found] == expected
    pages = Paginator(board(workplace, q="billeder", sort="relevance"), 2)
    # The count brings the first page's ids (PostgreSQL counts in the same query, SQLite in one of its own).
    with django_assert_num_queries(1 if connection.vendor == "postgresql" else 2):
        assert pages.count == 5 and pages.num_pages == 3
    paged = []
    for number in pages.page_range:
        paged += [i.pk for i in pages.page(number).object_list]
    assert paged == expected
    assert board(workplace, q="kalender", sort="relevance")[0].title == "Kalender i gangen"
    assert list(board(workplace, q="robotter", sort="relevance")) == []
