"""People's text as Markdown, rendered to HTML and then sanitised with nh3, so HTML and script they type
are shown inert and never run."""

import markdown as md
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "pre", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def render(text: str):
    html = md.markdown(text or "", extensions=["sane_lists", "nl2br"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 — nh3 has removed everything that could run
