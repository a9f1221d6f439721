"""Helpers shared by the views tests (split from test_views.py)."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import png_bytes
from tests.pages import workplace_urls

url = workplace_urls("ideas")


def idea_url(name, idea, **kwargs):
    return reverse(
        f"ideas:{name}", kwargs={"workplace_slug": idea.workplace.slug, "idea_id": idea.pk, **kwargs}
    )


def html(response):
    return response.content.decode()


def linked_idea_ids(response):
    """The ids of the ideas the page links to, in the order they appear (each once)."""
    ids = []
    for found in re.findall(r'href="/a/[^/"]+/ideer/(\d+)/"', html(response)):
        if int(found) not in ids:
            ids.append(int(found))
    return ids


def not_a_picture(name="billede.png"):
    return SimpleUploadedFile(name, b"This is plain text, not a picture.\n" * 20, content_type="image/png")


def too_large_picture():
    # A real PNG header followed by padding: over 5 MB, whatever its content.
    content = png_bytes() + b"\0" * (5 * 1024 * 1024)
    return SimpleUploadedFile("stort.png", content, content_type="image/png")
