from django import template
from django.template.loader import render_to_string

from frontloeber.core.fragments import cached_fragment, fragment_key
from frontloeber.ideas.models import VALUE_WORDS

register = template.Library()


@register.filter
def value_word(score):
    """A value axis score (0–3) in words, as the idea form offers it."""
    return VALUE_WORDS.get(score, "")


@register.simple_tag(takes_context=True)
def idea_card(context, idea):
    """The board's card of ``idea``, rendered once for what it shows and then kept (core/fragments.py).
    The key holds every value the card template reads."""
    workplace = context["request"].workplace
    key = fragment_key(
        "idea-card",
        idea.pk,
        workplace.slug,
        idea.title,
        idea.status,
        idea.author.full_name,
        idea.created_at,
        idea.need,
        [tag.name for tag in idea.shown_tags],
        idea.support_count,
        idea.comment_count,
        bool(idea.supported_by_me),
    )
    return cached_fragment(
        key,
        lambda: render_to_string(
            "ideas/partials/idea_card.html", {"idea": idea, "request": context["request"]}
        ),
    )


@register.simple_tag(takes_context=True)
def idea_comment(context, comment):
    """A comment of the idea page's discussion, rendered once for what it shows and then kept, as a card is.
    The key holds every value the comment's template reads, and whether the reader may still edit it."""
    request = context["request"]
    can_edit = comment.author_id == request.user.pk and context["now"] < comment.editable_until()
    key = fragment_key(
        "idea-comment",
        comment.pk,
        comment.idea_id,
        request.workplace.slug,
        comment.author.full_name,
        comment.by_leader,
        comment.created_at,
        comment.edited_at,
        comment.html,
        can_edit,
    )
    return cached_fragment(
        key,
        lambda: render_to_string(
            "ideas/partials/comment.html", {"comment": comment, "can_edit": can_edit, "request": request}
        ),
    )
