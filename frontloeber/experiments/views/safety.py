from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.core.forms import apply_validation_error
from frontloeber.core.pagination import paginate
from frontloeber.core.pdf import pdf_response
from frontloeber.organisations.tenancy import safety_reviewer_view, workplace_view

from .. import permissions, selectors, services
from ..forms import SafetyReviewForm

# --- The safety check's second pair of eyes: the reviewers' pages, and the approval as a PDF --------------


@safety_reviewer_view
@require_GET
def safety_reviews(request):
    page = paginate(
        request, selectors.safety_reviews_for(user=request.user, organisation=request.organisation)
    )
    return render(request, "experiments/safety_reviews.html", {"page": page})


@safety_reviewer_view
@require_http_methods(["GET", "POST"])
def safety_review(request, review_id):
    review = selectors.access_safety_review(
        user=request.user, organisation=request.organisation, review_id=review_id
    )
    form = SafetyReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.safety_review_decide(
                actor=request.user,
                review=review,
                approve=form.cleaned_data["decision"] == "approve",
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your decision is saved, and the experiment's leader is told."))
            return redirect(
                "experiments:safety_review", org_slug=request.organisation.slug, review_id=review.pk
            )
    current = review.version == review.experiment.safety_version
    may_decide = selectors.may_decide_review(user=request.user, review=review)
    return render(
        request,
        "experiments/safety_review.html",
        {"review": review, "form": form if may_decide else None, "current": current, "own": not may_decide},
        status=400 if form.errors else 200,
    )


def _review_pdf(request, review):
    name = f"sikkerhedstjek-{review.experiment_id}-v{review.version}-{review.role}"
    return pdf_response(
        "experiments/safety_review_pdf.html", {"review": review}, filename=name, request=request
    )


@safety_reviewer_view
@require_GET
def safety_review_pdf(request, review_id):
    review = selectors.access_safety_review(
        user=request.user, organisation=request.organisation, review_id=review_id
    )
    return _review_pdf(request, review)


@workplace_view
@require_GET
def experiment_review_pdf(request, experiment_id, review_id):
    """The review as a PDF for the experiment's leaders and its responsible person, for the records system."""
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    if not permissions.can_manage(membership=request.membership, idea=experiment.idea):
        raise PermissionDenied(_("Only a leader or the idea's responsible person can do this."))
    return _review_pdf(
        request, selectors.access_experiment_review(experiment=experiment, review_id=review_id)
    )
