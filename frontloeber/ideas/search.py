"""Full-text search over ideas, with Danish stemming on both databases.

PostgreSQL: the title (weight A) and the whole text (weight B) as ``to_tsvector('danish', …)``, stored in
the generated column ``ideas_idea.search_vector`` with its GIN index (migration 0004), so a search reads the
vector instead of computing it for every idea of the workplace. SQLite: an FTS5 table ``ideas_idea_fts``
with the title and the whole text already stemmed here by the Snowball Danish stemmer PostgreSQL uses (FTS5
has no Danish tokenizer of its own), ranked with the title counting more. Either way a search for "billeder"
finds "billede" and "billedet", and an idea whose title says it comes before one that mentions it in passing.
"""

import re

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Expression, F, FloatField, Func, Value

FTS_TABLE = "ideas_idea_fts"
TITLE_WEIGHT = 4.0  # SQLite's bm25 column weight for the title; PostgreSQL's A against B is alike
MAX_TERMS = 12

# Snowball's Danish stop words: words too common to say anything about what an idea is about.
DANISH_STOP_WORDS = frozenset(
    """ad af alle alt anden at blev blive bliver da de dem den denne der deres det dette dig din disse dog du
    efter eller en end er et for fra ham han hans har havde have hende hendes her hos hun hvad hvis hvor i
    ikke ind jeg jer jo kunne man mange med meget men mig min mine mit mod ned noget nogle nu når og også om
    op os over på selv sig sin sine sit skal skulle som sådan thi til ud under var vi vil ville vor være været
    kan vores kan så få""".split()
)

_stemmer = snowballstemmer.stemmer("danish")
_WORD = re.compile(r"\w+", re.UNICODE)


def terms(text: str) -> list[str]:
    """The distinct stems of the meaningful words in ``text``, in order of appearance."""
    seen = []
    for word in _WORD.findall((text or "").lower()):
        if word in DANISH_STOP_WORDS or word.isdigit() or len(word) < 2:
            continue
        stem = _stemmer.stemWord(word)
        if stem not in seen:
            seen.append(stem)
    return seen


def _words(text: str) -> list[str]:
    """The distinct meaningful words (unstemmed), for PostgreSQL, which stems them itself."""
    seen = []
    for word in _WORD.findall((text or "").lower()):
        if word in DANISH_STOP_WORDS or word.isdigit() or len(word) < 2:
            continue
        if word not in seen:
            seen.append(word)
    return seen


def document(idea, tag_names) -> str:
    return "\n".join([idea.title, idea.need, idea.description, " ".join(tag_names)])


class StoredVector(Expression):
    """The idea's stored text vector (PostgreSQL's generated column, migration 0004), of whichever alias the
    idea table has in the query being compiled."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        return f"{compiler.quote_name_unless_alias(compiler.query.base_table)}.search_vector", []


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def index(idea, tag_names) -> None:
    """Store the idea's searchable text (and its stems on SQLite). Called by every service that changes it."""
    text = document(idea, tag_names)
    type(idea).objects.filter(pk=idea.pk).update(search_text=text)
    idea.search_text = text
    if not is_postgres():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [idea.pk])  # noqa: S608
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} (rowid, title, stems) VALUES (%s, %s, %s)",  # noqa: S608
                [idea.pk, " ".join(terms(idea.title)), " ".join(terms(text))],
            )


def _nothing(queryset):
    # Still carries "rank", so a caller may order by it.
    return queryset.annotate(rank=Value(0.0, output_field=FloatField())).none()


def _fts_match(stems, *, any_term):
    joiner = " OR " if any_term else " AND "
    return joiner.join(f'"{stem}"*' for stem in stems)


def filter_matching(queryset, query: str, *, use_index=True):
    """Ideas matching every meaningful word of ``query``, best match first. ``use_index=False`` for ideas of
    one workplace: see ``_matching``."""
    if is_postgres():
        words = _words(query)[:MAX_TERMS]
        if not words:
            return _nothing(queryset)
        tsquery = SearchQuery(" & ".join(f"{w}:*" for w in words), config="danish", search_type="raw")
        return _matching(queryset, tsquery, use_index)
    stems = terms(query)[:MAX_TERMS]
    if not stems:
        return _nothing(queryset)
    return _sqlite_ranked(queryset, _fts_match(stems, any_term=False))


def rank_similar(queryset, text: str, *, use_index=True):
    """Ideas sharing any meaningful word with ``text``, those sharing the most (and rarest) first."""
    if is_postgres():
        words = _words(text)[:MAX_TERMS]
        if not words:
            return _nothing(queryset)
        tsquery = SearchQuery(" | ".join(f"{w}:*" for w in words), config="danish", search_type="raw")
        return _matching(queryset, tsquery, use_index).order_by("-rank", "-pk")
    stems = terms(text)[:MAX_TERMS]
    if not stems:
        return _nothing(queryset)
    return _sqlite_ranked(queryset, _fts_match(stems, any_term=True)).order_by("-rank", "-pk")


def _matching(queryset, tsquery, use_index):
    # Within one workplace the index is the slow way. For a prefix query (every word is one, so search finds
    # as you type) the GIN index must gather every idea of the organisation under that prefix before the
    # workplace narrows them: 340 ms for a common word at the size of a large municipality, and the planner
    # cannot see it coming, as it guesses 2 % for any prefix. Checking the stored vector of each of the
    # workplace's ideas (its tenant index finds them) costs 15 ms for the busiest workplace's 5,000, whatever
    # the word. The function form of @@ is one no index answers, so the planner keeps to the workplace.
    queryset = queryset.annotate(search_vector=StoredVector())
    if use_index:
        queryset = queryset.filter(search_vector=tsquery)
    else:
        queryset = queryset.filter(
            Func(F("search_vector"), tsquery, function="ts_match_vq", output_field=BooleanField())
        )
    return queryset.annotate(rank=SearchRank(F("search_vector"), tsquery))


def _sqlite_ranked(queryset, match):
    # A join, so FTS5 computes bm25() once per matching row (a correlated subquery would re-run the MATCH
    # for every row). bm25() is lower for better matches; negated, "-rank" sorts best first on both databases.
    return queryset.extra(  # noqa: S610 — the match string is a bound parameter
        select={"rank": f"-bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0)"},
        tables=[FTS_TABLE],
        where=[f"{FTS_TABLE}.rowid = ideas_idea.id", f"{FTS_TABLE} MATCH %s"],
        params=[match],
    )
