"""Reads for challenges and ideas, each scoped to a workplace and costing a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils import timezone

from frontloeber.core.access import one_or_404
from frontloeber.core.pagination import RankedList
from frontloeber.organisations.models import Membership, Role

from . import search
from .models import (
    CLOSED,
    REASON_REQUIRED,
    Challenge,
    Comment,
    Follow,
    Idea,
    IdeaEvent,
    IdeaImage,
    IdeaStatus,
    IdeaTag,
    Support,
    Tag,
)

SORTS = {
    "newest": ("-created_at", "-pk"),
    "supported": ("-support_count", "-created_at", "-pk"),
    "active": ("-last_activity_at", "-pk"),
}


@dataclass(frozen=True)
class BoardFilters:
    status: str = ""
    challenge: int | None = None
    tag: str = ""
    axis: str = ""
    mine: bool = False
    followed: bool = False
    q: str = ""
    sort: str = "newest"


def _ideas(workplace):
    return Idea.objects.of(workplace)


def _with_my_marks(queryset, user):
    return queryset.annotate(
        supported_by_me=Exists(Support.objects.filter(idea=OuterRef("pk"), user=user)),
        followed_by_me=Exists(Follow.objects.filter(idea=OuterRef("pk"), user=user)),
    )


def idea_board(*, workplace, user, filters: BoardFilters):
    """The board: ideas filtered, searched and sorted. Merged ideas are left out; they live on in another."""
    ideas = _ideas(workplace).exclude(status=IdeaStatus.MERGED)
    if filters.status == "open":
        ideas = ideas.exclude(status__in=CLOSED)
    elif filters.status:
        ideas = ideas.filter(status=filters.status)
    if filters.challenge:
        ideas = ideas.filter(challenge_id=filters.challenge)
    if filters.tag:
        # Through the link's own (organisation, workplace, tag) index: joined from the ideas' side, the count
        # visited every idea carrying the tag in the organisation (12,522 for "app": 42 ms).
        tagged = IdeaTag.objects.filter(
            organisation_id=workplace.organisation_id, workplace=workplace, tag__key=filters.tag.lower()
        )
        ideas = ideas.filter(pk__in=tagged.values("idea_id"))
    if filters.axis:
        ideas = ideas.filter(**{f"value_{filters.axis}__gte": 2})
    if filters.mine:
        ideas = ideas.filter(author=user)
    if filters.followed:
        ideas = ideas.filter(Exists(Follow.objects.filter(idea=OuterRef("pk"), user=user)))
    ordering = SORTS.get(filters.sort, SORTS["newest"])
    if filters.q:
        ideas = search.filter_matching(ideas, filters.q, use_index=False)
        if filters.sort == "relevance":
            # Ranking weighs every match: the page's ids are picked first, then only their cards are read.
            return RankedList(
                ideas.order_by("-rank", "-pk"),
                _board_cards(_ideas(workplace), user),
                window_count=search.is_postgres(),
            )
    return _board_cards(ideas, user).order_by(*ordering)


# What a card and a row of the board's table show, and no more: an idea's other texts are most of its row.
CARD_FIELDS = (
    "organisation_id",
    "workplace_id",
    "title",
    "status",
    "need",
    "support_count",
    "comment_count",
    "created_at",
    "author__full_name",
)


def _board_cards(ideas, user):
    """The ideas with what their cards show; their tags as the list ``shown_tags``."""
    # A card says whether the reader supports the idea; following is the idea page's.
    return (
        ideas.annotate(supported_by_me=Exists(Support.objects.filter(idea=OuterRef("pk"), user=user)))
        .select_related("author")
        .only(*CARD_FIELDS)
        .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("key"), to_attr="shown_tags"))
    )


def access_idea(*, workplace, idea_id):
    """One of the workplace's ideas; 404 for another workplace's id as for a missing one."""
    return one_or_404(
        _ideas(workplace)
        .select_related("workplace__organisation", "author", "responsible", "challenge", "merged_into")
        .filter(pk=idea_id)
    )


# What the idea's history shows of each event and of the people and the idea it names.
EVENT_FIELDS = (
    "organisation_id",
    "workplace_id",
    "idea_id",
    "kind",
    "from_status",
    "to_status",
    "message",
    "created_at",
    "actor__full_name",
    "other_idea__title",
    "other_person__full_name",
)


def idea_detail(*, workplace, idea_id, user):
    """The idea page's idea, with everything the page shows loaded in a fixed number of queries."""
    idea = one_or_404(
        _with_my_marks(_ideas(workplace), user)
        .select_related("author", "responsible", "challenge")
        # Of the idea it was merged into, the page shows the title alone.
        .annotate(merged_into_title=F("merged_into__title"))
        .prefetch_related(
            Prefetch("tags", queryset=Tag.objects.order_by("key")),
            Prefetch("images", queryset=IdeaImage.objects.select_related("workplace").order_by("pk")),
            Prefetch(
                "events",
                queryset=IdeaEvent.objects.select_related("actor", "other_idea", "other_person")
                .only(*EVENT_FIELDS)
                .order_by("created_at", "pk"),
            ),
        )
        .filter(pk=idea_id)
    )
    # The caller's workplace (with its organisation) is the idea's: joining both again cost a millisecond.
    idea.workplace = workplace
    return idea


COMMENTS_PER_PAGE = 30


@dataclass(frozen=True)
class CommentPage:
    """One page of an idea's discussion: ``number`` 1 holds the newest comments, in the order written."""

    comments: list
    number: int
    earlier: int  # comments before this page
    total: int

    @property
    def has_earlier(self):
        return self.earlier > 0

    @property
    def has_later(self):
        return self.number > 1


def idea_comments(*, idea, page=None):
    """A page of the idea's comments in one query. A long discussion opens at its newest comments (what a
    person following a notification came for); earlier ones are a page back, so the page's cost does not
    grow with the discussion."""
    total = idea.comment_count
    last_page = max(1, -(-total // COMMENTS_PER_PAGE))
    number = min(max(int(page), 1), last_page) if str(page or "").isdigit() else 1
    start = (number - 1) * COMMENTS_PER_PAGE
    newest_first = (
        Comment.objects.filter(organisation_id=idea.organisation_id, workplace_id=idea.workplace_id)
        .filter(idea=idea)
        .select_related("author")
        .order_by("-created_at", "-pk")[start : start + COMMENTS_PER_PAGE]
    )
    comments = list(reversed(newest_first))
    return CommentPage(
        comments=comments, number=number, earlier=max(0, total - start - len(comments)), total=total
    )


def idea_with_my_marks(*, workplace, idea_id, user):
    """The idea with the person's support and follow marks, for redrawing those buttons."""
    idea = _with_my_marks(_ideas(workplace), user).select_related("workplace").filter(pk=idea_id).first()
    if idea is None:
        raise Http404
    return idea


def idea_images(*, idea):
    return list(IdeaImage.objects.select_related("workplace").filter(idea=idea).order_by("pk"))


def access_comment(*, idea, comment_id):
    comment = (
        Comment.objects.select_related("idea__workplace", "author").filter(idea=idea, pk=comment_id).first()
    )
    if comment is None:
        raise Http404
    return comment


def access_image(*, idea, image_id):
    image = IdeaImage.objects.filter(
        organisation_id=idea.organisation_id, workplace_id=idea.workplace_id, idea=idea, pk=image_id
    ).first()
    if image is None:
        raise Http404
    return image


def leader_inbox(*, workplace):
    """Ideas waiting for the leader, the longest waiting first."""
    return (
        _ideas(workplace)
        .filter(awaiting_leader_since__isnull=False)
        .select_related("author", "challenge")
        .order_by("awaiting_leader_since", "pk")
    )


def awaiting_leader(*, workplace):
    """The workplace's ideas waiting for a leader's answer (the inbox's count)."""
    return _ideas(workplace).filter(awaiting_leader_since__isnull=False)


def is_overdue(idea, workplace, now=None):
    now = now or timezone.now()
    return (now - idea.awaiting_leader_since).days >= workplace.response_target_days


def similar_ideas(*, workplace, text, exclude_id=None, limit=5):
    """Existing ideas of the workplace that share words with ``text`` (Danish stems), best first."""
    ideas = _ideas(workplace).exclude(status__in=[IdeaStatus.MERGED, IdeaStatus.WITHDRAWN])
    if exclude_id:
        ideas = ideas.exclude(pk=exclude_id)
    return list(search.rank_similar(ideas, text, use_index=False).select_related("workplace")[:limit])


def merge_candidates(*, idea, query="", limit=30):
    """Ideas a duplicate could be merged into: those matching ``query``, else the most similar open ones
    and then the newest."""
    open_ideas = (
        _ideas(idea.workplace)
        .exclude(pk=idea.pk)
        .exclude(status__in=[IdeaStatus.MERGED, IdeaStatus.WITHDRAWN])
    )
    if query.strip():
        matching = search.filter_matching(open_ideas, query, use_index=False)
        return list(matching.order_by("-rank", "-pk")[:limit])
    similar = list(search.rank_similar(open_ideas, f"{idea.title} {idea.need}", use_index=False)[:limit])
    if len(similar) < limit:
        seen = {i.pk for i in similar}
        similar += [i for i in open_ideas.order_by("-created_at")[: limit * 2] if i.pk not in seen][
            : limit - len(similar)
        ]
    return similar


def challenges(*, workplace):
    return (
        Challenge.objects.of(workplace)
        .select_related("workplace")
        .annotate(idea_count=Count("ideas", filter=~Q(ideas__status=IdeaStatus.MERGED)))
        .order_by("-closes_on", "-pk")
    )


def challenge_choices(*, workplace):
    """The workplace's challenges as the board's filter offers them: no counts needed."""
    return list(Challenge.objects.of(workplace).only("pk", "title").order_by("-closes_on", "-pk"))


def open_challenges(*, workplace):
    today = timezone.localdate()
    return (
        Challenge.objects.of(workplace)
        .filter(
            opens_on__lte=today,
            closes_on__gte=today,
        )
        .order_by("closes_on", "pk")
    )


def access_challenge(*, workplace, challenge_id):
    challenge = challenges(workplace=workplace).filter(pk=challenge_id).first()
    if challenge is None:
        raise Http404
    return challenge


def organisation_tags(*, organisation, limit=300):
    """The organisation's technology tags, most used first: the suggestions beside the tag field."""
    return list(
        Tag.objects.filter(organisation=organisation)
        .annotate(uses=Count("ideas"))
        .order_by("-uses", "key")
        .values_list("name", flat=True)[:limit]
    )


def workplace_tags(*, workplace):
    """The tags used on the workplace's ideas, for the board's filter."""
    # One probe of the link's (organisation, workplace, tag) index per tag of the organisation.
    used_here = IdeaTag.objects.of(workplace).filter(tag_id=OuterRef("pk"))
    return Tag.objects.filter(Exists(used_here), organisation_id=workplace.organisation_id).order_by("key")


def assignable_members(*, workplace):
    return (
        Membership.objects.select_related("user")
        .filter(workplace=workplace, role__in=[Role.EMPLOYEE, Role.LEADER])
        .order_by("user__full_name", "user__email")
    )


def status_reason(*, idea):
    """The leader's reason for parking or stopping the idea (the first thing its author should read), from
    the events ``idea_detail`` loaded; None in other statuses."""
    if idea.status not in REASON_REQUIRED:
        return None
    return next((e for e in reversed(idea.events.all()) if e.is_moved and e.to_status == idea.status), None)


def open_question(*, idea):
    """The leader's question the author is asked to answer, from the loaded events."""
    return next((e for e in reversed(idea.events.all()) if e.is_asked), None)
