"""Rendered HTML kept in this process's memory under a key made of everything it shows.

The key is a digest of the fragment's inputs (the row's shown fields, the language, the time zone), so a
kept fragment is right by construction: a change to any input is a new key, and nothing needs to be told
to forget anything — which is why a cache in each process is safe here, on any number of servers, where
the rate limits need the shared one. Old entries fall out when the store is full. A new release starts
new processes, so a changed template never meets fragments of the old one.
"""

import hashlib

from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone, translation
from django.utils.safestring import mark_safe

# About 1 KB a card: 20,000 of them are ~20 MB per worker.
_store = LocMemCache("frontloeber-fragments", {"TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": 20_000}})


def fragment_key(kind, *inputs):
    """The key of a ``kind`` of fragment showing ``inputs``, in the active language and time zone."""
    shown = (translation.get_language(), timezone.get_current_timezone_name(), *inputs)
    return f"{kind}:{hashlib.blake2b(repr(shown).encode(), digest_size=16).hexdigest()}"


def cached_fragment(key, render):
    """The fragment kept under ``key``, or ``render()``'s HTML, kept for next time."""
    html = _store.get(key)
    if html is None:
        html = str(render())
        _store.set(key, html)
    return mark_safe(html)  # noqa: S308 — only ever a template's output
