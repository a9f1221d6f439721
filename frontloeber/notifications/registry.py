from frontloeber.core.registry import Registry

daily_jobs = Registry(
    """Callables ``()`` that the worker runs each morning before it queues the digests, in the order of
    INSTALLED_APPS (experiments: evaluation and checkpoint reminders; reflection: seal, open and remind survey
    rounds; workshops: action items due). What they notify goes out in that morning's digest."""
)

digest_links = Registry(
    """Callables ``(*, notification, user) -> dict`` of extra links under a notification in the digest, as
    site-relative paths (ideas: ``unfollow_url``, to stop following the idea in one click)."""
)

subject_pages = Registry(
    """Callables ``(*, notification) -> str`` giving the site-relative page a notification opens when it is
    about a subject of the registering app, or "" when the subject is not theirs (ideas: the idea's page for
    ``subject_type == "ideas.idea"``). Built from the stored fields, without a query."""
)
