"""Checking what people type, the same way in every app's services."""

from django.utils.translation import gettext as _


def clean_text(value, *, field, required, max_length, errors, required_message=None):
    """The text stripped and without control characters; a problem goes into ``errors[field]``."""
    value = (value or "").strip()
    # Control characters other than line breaks and tabs have no place in people's text.
    value = "".join(ch for ch in value if ch in "\n\t" or ch >= " ")
    if required and not value:
        errors[field] = required_message or _("This field is required.")
    elif len(value) > max_length:
        errors[field] = _("Keep it to %(max)d characters (it is %(n)d now).") % {
            "max": max_length,
            "n": len(value),
        }
    return value


def whole_number(value):
    """A positive whole number typed or sent by someone, or None for anything else ("²", "-1", "abc").

    ``str.isdigit`` alone lets through digits ``int`` cannot read, such as "²"."""
    value = str(value or "").strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


def first_line(text, length):
    """The text's first line, cut to ``length`` characters with an ellipsis: a title made from a post."""
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= length else line[: length - 1].rstrip() + "…"
