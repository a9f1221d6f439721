from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from frontloeber.core.forms import apply_validation_error
from frontloeber.core.pagination import paginate
from frontloeber.organisations import services as organisation_services
from frontloeber.organisations.tenancy import workplace_view

from .. import selectors
from ..forms import (
    ResponseTargetForm,
)
from .base import LEADERS

# --- The leader's inbox ---------------------------------------------------------------------------------


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def inbox(request):
    workplace = request.workplace
    target_form = ResponseTargetForm(request.POST or None, initial={"days": workplace.response_target_days})
    if request.method == "POST" and target_form.is_valid():
        try:
            organisation_services.workplace_set_response_target(
                actor=request.user, workplace=workplace, days=target_form.cleaned_data["days"]
            )
        except ValidationError as error:
            apply_validation_error(target_form, error)
        else:
            messages.success(request, _("The response target is saved."))
            return redirect("ideas:inbox", workplace_slug=workplace.slug)
    page = paginate(request, selectors.leader_inbox(workplace=workplace))
    now = timezone.now()
    rows = [
        {
            "idea": idea,
            "age_days": (now - idea.awaiting_leader_since).days,
            "overdue": selectors.is_overdue(idea, workplace, now),
        }
        for idea in page.object_list
    ]
    return render(
        request,
        "ideas/inbox.html",
        {"page": page, "rows": rows, "target_form": target_form},
        status=400 if target_form.errors else 200,
    )
