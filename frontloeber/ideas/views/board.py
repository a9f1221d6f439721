from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from frontloeber.core.pagination import paginate
from frontloeber.organisations.tenancy import workplace_view

from .. import selectors
from ..forms import (
    BoardFilterForm,
)

# --- The board ------------------------------------------------------------------------------------------


@workplace_view
@require_GET
def board(request):
    workplace = request.workplace
    challenges = selectors.challenge_choices(workplace=workplace)
    form = BoardFilterForm(
        request.GET or None, challenges=challenges, tags=list(selectors.workplace_tags(workplace=workplace))
    )
    filters = form.filters() if request.GET else selectors.BoardFilters()
    page = paginate(request, selectors.idea_board(workplace=workplace, user=request.user, filters=filters))
    context = {"form": form, "page": page, "filters": filters, "view": form.view if request.GET else "kort"}
    if request.htmx and request.htmx.target == "board-results":
        response = render(request, "ideas/partials/board_results.html", context)
    else:
        response = render(request, "ideas/board.html", context)
    # One address answers a fragment or the whole page: caches (and the back button) must tell them apart.
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response
