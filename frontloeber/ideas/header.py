from .selectors import awaiting_leader


def leader_inbox(request):
    """The header's count of ideas waiting for a leader's answer, for a leader of the current workplace."""
    membership = getattr(request, "membership", None)
    if membership is None or not membership.is_leader:
        return None
    return awaiting_leader(workplace=request.workplace)
