from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from frontloeber.organisations.tenancy import workplace_view

from .. import selectors
from ..models import PracticeCode, SessionState
from ..permissions import can_facilitate
from .sessions import _session_or_404


@workplace_view
@require_GET
def library(request):
    practice = request.GET.get("praksis", "")
    if practice not in PracticeCode.values:
        practice = ""
    return render(
        request,
        "workshops/library.html",
        {
            "formats": selectors.format_list(practice=practice or None),
            "practice": practice,
            "practices": PracticeCode.choices,
        },
    )


@workplace_view
@require_GET
def format_detail(request, format_slug):
    workshop = selectors.access_format(slug=format_slug)
    return render(request, "workshops/format_detail.html", {"workshop": workshop})


def _facilitated_or_404(request, session_id):
    """The session, for its facilitator or a leader; to anyone else it does not exist."""
    session = _session_or_404(request.workplace, session_id)
    if not can_facilitate(membership=request.membership, session=session):
        raise Http404(_("No such workshop in this workplace."))
    return session


def _outputs_url(session):
    return reverse(
        "workshops:session_outputs",
        kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk},
    )


def _live_url(session):
    return reverse(
        "workshops:session_live", kwargs={"workplace_slug": session.workplace.slug, "session_id": session.pk}
    )


def _board_url(session):
    """Where the facilitator goes back to: the live screen while it runs, the outputs after."""
    return _live_url(session) if session.state == SessionState.LIVE else _outputs_url(session)
