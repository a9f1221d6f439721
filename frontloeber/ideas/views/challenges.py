import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.core.forms import apply_validation_error
from frontloeber.core.pagination import paginate
from frontloeber.organisations.tenancy import workplace_view

from .. import selectors, services
from ..forms import (
    ChallengeForm,
)
from .base import LEADERS

# --- Challenges ------------------------------------------------------------------------------------------


@workplace_view
@require_GET
def challenge_list(request):
    page = paginate(request, selectors.challenges(workplace=request.workplace))
    return render(request, "ideas/challenge_list.html", {"page": page, "today": timezone.localdate()})


@workplace_view
@require_GET
def challenge_detail(request, challenge_id):
    challenge = selectors.access_challenge(workplace=request.workplace, challenge_id=challenge_id)
    filters = selectors.BoardFilters(challenge=challenge.pk)
    page = paginate(
        request, selectors.idea_board(workplace=request.workplace, user=request.user, filters=filters)
    )
    return render(
        request,
        "ideas/challenge_detail.html",
        {"challenge": challenge, "page": page, "is_open": challenge.is_open(), "view": "liste"},
    )


def _challenge_form(request, challenge=None):
    initial = {}
    if challenge is not None:
        initial = {
            "title": challenge.title,
            "description": challenge.description,
            "opens_on": challenge.opens_on,
            "closes_on": challenge.closes_on,
        }
    else:
        today = timezone.localdate()
        initial = {"opens_on": today, "closes_on": today + datetime.timedelta(days=30)}
    form = ChallengeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if challenge is None:
                challenge = services.challenge_create(
                    actor=request.user, workplace=request.workplace, **form.cleaned_data
                )
            else:
                services.challenge_update(actor=request.user, challenge=challenge, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The challenge is saved."))
            return redirect(challenge.get_absolute_url())
    return render(request, "ideas/challenge_form.html", {"form": form, "challenge": challenge})


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def challenge_create(request):
    return _challenge_form(request)


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def challenge_edit(request, challenge_id):
    return _challenge_form(
        request, selectors.access_challenge(workplace=request.workplace, challenge_id=challenge_id)
    )
