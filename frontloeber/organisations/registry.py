from frontloeber.core.registry import Registry

workplace_home = Registry(
    """Callables ``(*, workplace, user) -> dict`` whose results the workplace home adds to its template
    context (reflection: the survey waiting for this person's answer). The sections are in the template."""
)
