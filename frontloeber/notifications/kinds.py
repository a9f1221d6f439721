"""Notification kinds: each app declares its own, with the sentence a notification of that kind reads as.

An app writes a ``notification_kinds.py``::

    class Kind(KindSet):
        IDEA_NEW = kind("idea_new", label=_("A new idea"), text=_("%(actor)s submitted an idea: “%(idea)s”"))

and imports it from its ``AppConfig.ready``; the class statement registers every kind. ``Kind.IDEA_NEW`` is
the stored code (a plain string). A notification's sentence is ``text`` filled with ``actor``, ``idea`` (the
idea's title), ``detail`` (the few words stored with it) and ``status`` (a label from ``statuses``).
"""

from dataclasses import dataclass, field

_KINDS = {}


@dataclass(frozen=True)
class NotificationKind:
    code: str
    label: str
    text: str
    # Kinds whose detail is quoted words (a comment, a question): shown under the sentence, as plain text.
    quotes_detail: bool = False
    # For a change of status: the stored status → its label.
    statuses: dict = field(default_factory=dict, compare=False)
    # Where on the idea's page the notification opens (a comment: the comments).
    anchor: str = ""
    # Asks something of the person (a question about their idea, a task given to them): it cannot be muted.
    always: bool = False
    # A change to a subject that may come several times in minutes (a status, a comment): those close together
    # are one notification (services.GROUP_WINDOW). Reminders and requests stay one each.
    groups: bool = False


def kind(code, *, label, text, quotes_detail=False, statuses=None, anchor="", always=False, groups=False):
    return NotificationKind(code, label, text, quotes_detail, dict(statuses or {}), anchor, always, groups)


class KindSet:
    """A namespace of kinds; subclassing registers them. Attributes read as the stored codes."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        for name, value in list(vars(cls).items()):
            if isinstance(value, NotificationKind):
                registered = _KINDS.get(value.code)
                if registered is not None and registered != value:
                    raise ValueError(f"The notification kind {value.code!r} is declared twice.")
                _KINDS[value.code] = value
                setattr(cls, name, value.code)


def get(code):
    """The registered kind with this code, or None (a row of a kind no app declares any more)."""
    return _KINDS.get(code)


def mutable():
    """The kinds a person may choose not to hear about, in the order of their labels."""
    return sorted((k for k in _KINDS.values() if not k.always), key=lambda k: str(k.label))


def require(code):
    if code not in _KINDS:
        raise ValueError(f"No app declares the notification kind {code!r}.")
    return _KINDS[code]
