"""Signing a delivery, and keeping the secret it is signed with (README, "Webhooks").

Every delivery carries three headers:

``Webhook-Id``
    the delivery's id (a UUID), the same on every attempt;
``Webhook-Timestamp``
    when this attempt was sent, in whole seconds since 1970 (UTC);
``Webhook-Signature``
    ``v1=`` and the lowercase hex HMAC-SHA256, keyed with the endpoint's secret (the whole ``whsec_…``
    string as UTF-8), of the timestamp, a full stop and the body's bytes: ``f"{timestamp}.".encode() + body``.

A receiver computes the same HMAC, compares it in constant time and refuses a timestamp more than five
minutes from its own clock, so a delivery caught on the way cannot be played again later.

The secret must be at hand to sign, so it is stored, encrypted with Fernet under a key derived from
``SECRET_KEY`` (``SECRET_KEY_FALLBACKS`` still decrypt, so the key can be rotated the way Django rotates it).
"""

import base64
import hashlib
import hmac
import secrets
import time

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.utils.crypto import salted_hmac

SECRET_PREFIX = "whsec_"  # noqa: S105  the secrets' recognisable beginning, not a secret
SIGNATURE_VERSION = "v1"
TOLERANCE_SECONDS = 5 * 60
_KEY_SALT = "frontloeber.webhooks.signing.secret"


def secret_new() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)  # 43 characters, 256 bits


def _key(site_key) -> bytes:
    return salted_hmac(_KEY_SALT, "fernet", secret=site_key, algorithm="sha256").digest()


def _fernet() -> MultiFernet:
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([Fernet(base64.urlsafe_b64encode(_key(key))) for key in keys])


def secret_encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def secret_decrypt(encrypted: str) -> str | None:
    """The secret, or None when no key this site has can read it (SECRET_KEY changed without a fallback)."""
    try:
        return _fernet().decrypt(encrypted.encode()).decode()
    except (InvalidToken, ValueError):
        return None


def signature(*, secret: str, timestamp: int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"{SIGNATURE_VERSION}={mac}"


def signed_headers(*, secret: str, webhook_id: str, body: bytes, timestamp: int | None = None) -> dict:
    timestamp = int(time.time()) if timestamp is None else timestamp
    return {
        "Webhook-Id": webhook_id,
        "Webhook-Timestamp": str(timestamp),
        "Webhook-Signature": signature(secret=secret, timestamp=timestamp, body=body),
    }
