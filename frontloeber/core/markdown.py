"""People's text as Markdown, rendered to HTML and then sanitised with nh3, so HTML and script they type
are shown inert and never run."""

import html as html_lib
import re

import markdown as md
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "pre", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


_HEADING = re.compile(r"<h[1-6]>(.*?)</h[1-6]>", re.S)


def render(text: str):
    html = md.markdown(text or "", extensions=["sane_lists", "nl2br"], output_format="html")
    # A heading in a comment would break the page's outline: it becomes a bold paragraph.
    html = _HEADING.sub(r"<p><strong>\1</strong></p>", html)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 — nh3 has removed everything that could run


def plain(text: str) -> str:
    """The words of a person's Markdown without its marks, for excerpts and e-mails."""
    html = md.markdown(text or "", output_format="html")
    words = nh3.clean(html, tags=set())
    return " ".join(html_lib.unescape(words).split())
