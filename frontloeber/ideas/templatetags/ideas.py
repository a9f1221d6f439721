from django import template

from frontloeber.ideas.models import VALUE_WORDS

register = template.Library()


@register.filter
def value_word(score):
    """A value axis score (0–3) in words, as the idea form offers it."""
    return VALUE_WORDS.get(score, "")
