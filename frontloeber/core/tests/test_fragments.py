"""Kept fragments (core/fragments.py) and the template's {% kept %} block."""

import itertools

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from frontloeber.core.fragments import fragment_key

BLOCK = Template("{% load frontloeber %}{% kept key %}<p>{{ shown }} {{ counter }}</p>{% endkept %}")


def render(key, shown, counter):
    return BLOCK.render(Context({"key": key, "shown": shown, "counter": counter}))


def test_a_block_is_rendered_once_per_key_and_then_kept():
    calls = itertools.count(1)
    key = fragment_key("test-kept", "a", 1)
    first = render(key, "a", next(calls))
    assert first == "<p>a 1</p>"
    # The same key gives the kept block, even where the context has moved on: the key must hold what it shows.
    assert render(key, "a", next(calls)) == first
    assert render(fragment_key("test-kept", "b", 1), "b", next(calls)) == "<p>b 3</p>"


def test_a_block_without_a_key_is_rendered_each_time():
    assert render("", "a", 1) == "<p>a 1</p>"
    assert render("", "a", 2) == "<p>a 2</p>"


def test_the_key_holds_the_language():
    with translation.override("da"):
        danish = fragment_key("test-kept", "a")
    with translation.override("en"):
        english = fragment_key("test-kept", "a")
    assert danish != english


def test_a_block_without_its_key_is_refused_when_the_template_is_read():
    with pytest.raises(TemplateSyntaxError, match="one argument"):
        Template("{% load frontloeber %}{% kept %}x{% endkept %}")
