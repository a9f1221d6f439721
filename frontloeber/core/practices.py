"""Where a practice's label leads (issue 18, point 3: every practice label links to its page in the practice
guide). The guide is a higher app's page; it registers here, and the ``practice_label`` template tag asks."""

from .registry import Registry

practice_guide = Registry(
    """Callables ``(*, workplace_slug, code) -> str``: the address of the practice's page in the guide for a
    workplace (insights registers its guide). The first registered is used; with none, labels are plain
    text."""
)


def practice_guide_url(*, workplace_slug, code):
    for url_for in practice_guide:
        return url_for(workplace_slug=workplace_slug, code=code)
    return ""
