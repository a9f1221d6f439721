from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.core.forms import apply_validation_error
from frontloeber.core.pagination import paginate
from frontloeber.core.pdf import pdf_response
from frontloeber.organisations.tenancy import organisation_admin_view

from .. import selectors, services
from ..forms import ThresholdForm
from ..models import AssessorKind
from .workplace import _assessment_form, _close_page, _file_name, _oversight_context, _report_context

# --- The organisation: roll-up, the superior's assessment, the threshold --------------------------------


@organisation_admin_view
@require_GET
def rollup(request):
    organisation = request.organisation
    # The organisation's figures are over every workplace; the table shows them a page at a time.
    page = paginate(request, selectors.rollup_workplaces(organisation=organisation))
    rollup = selectors.organisation_rollup(
        organisation=organisation, viewer=request.user, workplaces=page.object_list
    )
    return render(
        request,
        "reflection/rollup.html",
        {
            "rollup": rollup,
            "page": page,
            "threshold_form": ThresholdForm(initial=_survey_rules(organisation)),
        },
    )


def _survey_rules(organisation):
    return {
        "threshold": organisation.reflection_threshold,
        "eligibility_days": organisation.survey_eligibility_days,
    }


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def threshold_edit(request):
    organisation = request.organisation
    form = ThresholdForm(request.POST or None, initial=_survey_rules(organisation))
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_threshold_update(
                actor=request.user,
                organisation=organisation,
                threshold=form.cleaned_data["threshold"],
                eligibility_days=form.cleaned_data["eligibility_days"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The survey's anonymity rules are saved."))
            return redirect("reflection:rollup", org_slug=organisation.slug)
    status = 400 if form.errors else 200
    return render(request, "reflection/threshold_form.html", {"form": form}, status=status)


def _org_round_or_404(organisation, round_id):
    return selectors.access_organisation_round(organisation=organisation, round_id=round_id)


@organisation_admin_view
@require_GET
def organisation_round(request, round_id):
    round_ = _org_round_or_404(request.organisation, round_id)
    context = _report_context(request, round_, organisation_view=True)
    context["organisation_view"] = True
    context.update(_oversight_context(round_))
    context["may_approve_close"] = round_.is_open and services.may_approve_early_close(
        actor=request.user, round_=round_
    )
    return render(request, "reflection/round_detail.html", context)


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def organisation_round_close(request, round_id):
    """An organisation admin approves closing a round early, and closes it (after a confirmation)."""
    round_ = _org_round_or_404(request.organisation, round_id)
    back = reverse(
        "reflection:organisation_round", kwargs={"org_slug": request.organisation.slug, "round_id": round_.pk}
    )
    return _close_page(
        request,
        round_,
        done_url=back,
        cancelled_url=reverse("reflection:rollup", kwargs={"org_slug": request.organisation.slug}),
        may_close=round_.is_open and services.may_approve_early_close(actor=request.user, round_=round_),
        extra={"approving": True, "cancel_url": back},
    )


@organisation_admin_view
@require_GET
def organisation_round_pdf(request, round_id):
    round_ = _org_round_or_404(request.organisation, round_id)
    return pdf_response(
        "reflection/report_pdf.html",
        _report_context(request, round_, organisation_view=True),
        filename=_file_name(round_),
        request=request,
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def superior_assessment(request, round_id):
    round_ = _org_round_or_404(request.organisation, round_id)
    done_url = reverse(
        "reflection:organisation_round", kwargs={"org_slug": request.organisation.slug, "round_id": round_.pk}
    )
    return _assessment_form(
        request, round_, kind=AssessorKind.SUPERIOR, respondent="superior", done_url=done_url
    )
