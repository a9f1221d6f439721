from frontloeber.core.registry import Registry

workplace_home = Registry(
    """Callables ``(*, workplace, user) -> dict`` whose results the workplace home adds to its template
    context (reflection: the survey waiting for this person's answer). The sections are in the template."""
)

workplace_home_panels = Registry(
    """Callables ``(*, request) -> dict | None`` that put a panel at the top of the workplace home: a dict
    with ``template`` (the panel's template) and the context it reads, or None for no panel. insights
    registers the overview of the five practices, which makes the home page the workplace's overview."""
)

organisation_home_links = Registry(
    """Callables ``(*, organisation) -> [(label, url)]``: links the organisation's home page offers its admins
    to pages of higher apps (insights' table of the workplaces, the barriers raised to the organisation)."""
)

members_page_links = Registry(
    """Callables ``(*, workplace) -> [(label, url)]``: links the workplace's members page offers its leaders
    to pages of higher apps (devices: the workplace's shared devices)."""
)
