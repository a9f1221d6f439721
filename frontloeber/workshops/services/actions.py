"""A session's posts become barriers and action items (the register itself is the actions app).

Without a session these are the actions app's own services; with one, the session's facilitator adds them
(whatever their role), each is linked to the session as an output, and the boards refresh.
"""

from django.db import transaction

from frontloeber.actions import services as register

from ..models import OutputKind
from .live import _bump
from .outputs import _output, _require_not_converted, _require_same_workplace
from .room import _facilitated


@transaction.atomic
def barrier_create(*, actor, workplace, kind, description, session=None, post=None):
    """A barrier for the register; from a workshop (``session`` or one of its ``post``\\ s), its output."""
    if post is not None:
        session = post.session
    if session is None:
        return register.barrier_create(actor=actor, workplace=workplace, kind=kind, description=description)
    session = _facilitated(actor, session)
    _require_same_workplace(session, workplace)
    _require_not_converted(post, OutputKind.BARRIER)
    barrier = register.barrier_add(actor=actor, workplace=workplace, kind=kind, description=description)
    _output(session, post, OutputKind.BARRIER, actor, barrier=barrier)
    _bump(session)
    return barrier


@transaction.atomic
def action_item_create(
    *, actor, workplace, what, owner, due_on, barrier=None, idea=None, post=None, session=None, today=None
):
    """An action item; from a workshop, its output, handed out by the facilitator."""
    if post is not None:
        session = post.session
    fields = {
        "what": what,
        "owner": owner,
        "due_on": due_on,
        "barrier": barrier,
        "idea": idea,
        "today": today,
    }
    if session is None:
        return register.action_item_create(actor=actor, workplace=workplace, **fields)
    session = _facilitated(actor, session)
    _require_same_workplace(session, workplace)
    _require_not_converted(post, OutputKind.ACTION_ITEM)
    item = register.action_item_add(actor=actor, workplace=workplace, **fields)
    _output(session, post, OutputKind.ACTION_ITEM, actor, action_item=item)
    _bump(session)
    return item
