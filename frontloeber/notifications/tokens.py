"""Signed links in e-mails, so one click stops the digest without logging in.

The links only ever switch something off, and the landing page offers to switch it on again, so a mail
scanner that follows a link does no harm that cannot be undone.
"""

from django.core import signing

DIGEST_OFF_SALT = "frontloeber.notifications.digest-off"
MAX_AGE = 60 * 60 * 24 * 60  # links in a digest work for 60 days


def digest_off_token(*, user_id):
    return signing.dumps(user_id, salt=DIGEST_OFF_SALT)


def read_digest_off_token(token):
    try:
        return int(signing.loads(token, salt=DIGEST_OFF_SALT, max_age=MAX_AGE))
    except (signing.BadSignature, ValueError, TypeError):
        return None
