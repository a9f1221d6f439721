from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.core.files import private_file_response
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate
from frontloeber.ideas import selectors as idea_selectors
from frontloeber.organisations.tenancy import workplace_view

from .. import permissions, selectors, services
from ..forms import (
    CaseForm,
)
from .base import LEADERS, _members, _users

# --- Cases ------------------------------------------------------------------------------------------------


@workplace_view
@require_GET
def case_list(request):
    query = request.GET.get("q", "")[:200]
    page = paginate(request, selectors.cases(organisation=request.organisation, query=query))
    return render(request, "experiments/case_list.html", {"page": page, "query": query})


@workplace_view
@require_GET
def case_detail(request, case_id):
    case = selectors.access_case(organisation=request.organisation, case_id=case_id)
    trials = list(case.trials.all())
    tried_here = next((t for t in trials if t.workplace_id == request.workplace.pk), None)
    can_try = permissions.can_try_case(membership=request.membership, case=case, trials=trials)
    context = {
        "case": case,
        "tried_here": tried_here,
        "can_try": can_try,
        "results": selectors.case_results(case=case),
    }
    return render(request, "experiments/case_detail.html", context)


@workplace_view
@require_GET
def case_image(request, case_id, image_id):
    """The case's pictures, for members anywhere in the organisation (the case is what it publishes)."""
    case = selectors.access_case(organisation=request.organisation, case_id=case_id)
    image = next((i for i in case.idea.images.all() if i.pk == image_id), None)
    if image is None:
        raise Http404
    return private_file_response(image.image, image.content_type)


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def case_publish(request, idea_id):
    idea = idea_selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    members = _members(request.workplace)
    seed = selectors.case_seed(
        idea=idea,
        experiment=selectors.adopting_experiment(idea=idea),
        plan=selectors.plan_for_idea(idea=idea),
    )
    form = CaseForm(request.POST or None, members=members, initial=seed)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["contact"] = _users(members).get(data["contact"])
        try:
            case = services.case_publish(actor=request.user, idea=idea, **data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The case is published to the whole organisation."))
            return redirect("experiments:case_detail", workplace_slug=request.workplace.slug, case_id=case.pk)
    return render(request, "experiments/case_form.html", {"form": form, "idea": idea})


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def case_try(request, case_id):
    case = selectors.access_case(organisation=request.organisation, case_id=case_id)
    back = reverse(
        "experiments:case_detail", kwargs={"workplace_slug": request.workplace.slug, "case_id": case.pk}
    )
    if request.method != "POST":
        return redirect(back)
    try:
        trial = services.case_try_here(actor=request.user, case=case, workplace=request.workplace)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
        return redirect(back)
    messages.success(request, _("The case is now an idea in your workplace. Take it on from here."))
    return redirect(trial.idea.get_absolute_url())
