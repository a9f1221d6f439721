"""The personal link's secret, and the two one-way hashes that are all the database keeps of it.

The invitation stores ``invitation_hash(secret)`` so that a link can be checked; the employee's response
stores ``response_locator(secret)`` so that the same link finds the answers again. Neither hash can be
computed from the other, and the secret itself lives only in the person's e-mail, their address bar and
a cookie on their own device: so nobody with the database (or the server's keys) can tell whose answers are
whose. Keep it that way: never put a secret in a notification, a task argument, a log line or a session.
"""

import hashlib
import secrets


def new_secret() -> str:
    return secrets.token_urlsafe(24)


def _digest(purpose: str, secret: str) -> str:
    return hashlib.sha256(f"frontloeber-reflection:{purpose}:{secret}".encode()).hexdigest()


def invitation_hash(secret: str) -> str:
    return _digest("invitation", secret)


def response_locator(secret: str) -> str:
    return _digest("response", secret)


def looks_like_secret(value: str) -> bool:
    return 20 <= len(value) <= 64 and all(c.isalnum() or c in "-_" for c in value)
