from .selectors import awaiting_leader


def leader_here(request):
    """The inbox count is shown to a leader of the current workplace."""
    membership = getattr(request, "membership", None)
    return membership is not None and membership.is_leader


def leader_inbox(*, user, workplace):
    """The header's count of ideas waiting for a leader's answer."""
    return awaiting_leader(workplace=workplace)
