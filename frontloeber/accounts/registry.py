from frontloeber.core.registry import Registry

login_page = Registry(
    """Callables ``(request) -> dict`` whose results the login page adds to its template
    context (workshops: the rooms a guest in this browser can go back to)."""
)

personal_data = Registry(
    """Callables ``(*, user) -> dict[str, list[dict]]``: what an app holds about the person, one list of rows
    per file of their data export (issue 19, point 4, art. 15). A file's name is the key (without ending); the
    rows' keys are its columns. Every app that keeps something about a person registers one."""
)

erasure = Registry(
    """Callables ``(*, user, former, remove_contributions) -> None`` run inside an erasure, before the account
    is deleted (issue 19, point 4, art. 17): an app removes or rewrites what of the person's it holds that the
    deletion itself would not (names written into rows, contributions the admin chose to remove). What points
    at the person with ``PROTECT`` is handed to ``former``, the former-employee account, afterwards;
    ``CASCADE`` rows go and ``SET_NULL`` references are cleared by the deletion."""
)

password_login_refusal = Registry(
    """Callables ``(*, user) -> str | None``: why this person may not sign in with a password (their
    organisation signs its people in through its own identity provider, issue 19), or None. Any one refusing
    is enough: a person in several organisations follows the strictest."""
)

sign_in_options = Registry(
    """Callables ``(request, *, next_url, user=None) -> list[dict]``: other ways to sign in that the login
    page offers (``user`` None) and the re-authentication page offers the signed-in ``user`` (asking the
    identity provider again). Each dict has ``label`` and ``action``, a URL the button posts ``next`` to
    (or sends it to by GET, with ``by_get``)."""
)

personal_data_exported = Registry(
    """Callables ``(*, user, now) -> None`` told when a person has downloaded their data (art. 15):
    organisations writes it in the audit log of each of their organisations."""
)


def sign_in_options_for(request, *, next_url, user=None) -> list[dict]:
    """Every other way to sign in the registered apps offer, in order (``sign_in_options``)."""
    return [option for offer in sign_in_options for option in offer(request, next_url=next_url, user=user)]


shared_devices = Registry(
    """Callables ``(*, key) -> accounts.shared_device.SharedDevice | None``: what a shared device's mark
    (issue 21, point 4) stands for, or None for a key that stands for nothing (the device was forgotten).
    The devices app registers the one lookup; the first that knows the key answers."""
)
