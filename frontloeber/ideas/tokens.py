"""The signed link in the digest that stops following an idea in one click, without logging in.

It only ever switches following off, and the landing page offers to follow again, so a mail scanner that
follows the link does no harm that cannot be undone.
"""

from django.core import signing
from django.urls import reverse

from frontloeber.notifications.tokens import MAX_AGE

from .notification_kinds import idea_id_of

UNFOLLOW_SALT = (
    "frontloeber.notifications.unfollow"  # as when the link lived with notifications: old links work
)


def unfollow_token(*, user_id, idea_id):
    return signing.dumps([user_id, idea_id], salt=UNFOLLOW_SALT, compress=True)


def read_unfollow_token(token):
    """(user_id, idea_id), or None for a forged, damaged or expired link."""
    try:
        user_id, idea_id = signing.loads(token, salt=UNFOLLOW_SALT, max_age=MAX_AGE)
        return int(user_id), int(idea_id)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def digest_unfollow_link(*, notification, user):
    """The digest's "stop following this idea" link under a notification about an idea."""
    idea_id = idea_id_of(notification)
    if not idea_id:
        return {}
    token = unfollow_token(user_id=user.pk, idea_id=idea_id)
    return {"unfollow_url": reverse("ideas:unfollow", kwargs={"token": token})}
