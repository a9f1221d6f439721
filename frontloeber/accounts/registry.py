from frontloeber.core.registry import Registry

login_page = Registry(
    """Callables ``(request) -> dict`` whose results the login page adds to its template
    context (workshops: the rooms a guest in this browser can go back to)."""
)
