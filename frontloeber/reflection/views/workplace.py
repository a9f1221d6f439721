import csv
import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate
from frontloeber.core.pdf import pdf_response
from frontloeber.organisations.models import Role
from frontloeber.organisations.permissions import can_lead
from frontloeber.organisations.tenancy import workplace_view

from .. import selectors, services
from ..forms import ReportSharingForm, RoundForm, SurveyForm
from ..models import AssessorKind, Audience, RoundState
from .base import PENDING_COOKIE, _cookie_name, _cookie_path, _follow_link, _round_or_404

# --- The workplace's reflection page -------------------------------------------------------------------


@workplace_view
@require_GET
def home(request):
    pending = request.COOKIES.get(PENDING_COOKIE)
    if pending:
        # Back from logging in after following an e-mailed link: open it now, and forget the parked copy.
        response = _follow_link(request, pending)
        response.delete_cookie(PENDING_COOKIE, path=_cookie_path(request.workplace))
        return response
    workplace = request.workplace
    current = selectors.round_unfinished(workplace=workplace)
    rounds = selectors.readable_rounds(
        membership=request.membership, rounds=selectors.workplace_rounds(workplace=workplace)
    )
    context = {
        "current": current,
        "rounds": paginate(request, rounds),
        "reads_every_report": request.membership.is_leader,
    }
    if current is not None:
        context["invitation"] = selectors.my_invitation(round_=current, user=request.user)
        if context["invitation"] is None and request.membership.is_employee:
            context["exclusion"] = selectors.my_exclusion(round_=current, user=request.user)
        context["answered_count"] = selectors.answered_count(round_=current)
        context["remembered"] = bool(request.COOKIES.get(_cookie_name(current)))
    return render(request, "reflection/home.html", context)


@workplace_view(roles=[Role.LEADER])
@require_http_methods(["GET", "POST"])
def round_create(request):
    today = timezone.localdate()
    form = RoundForm(
        request.POST or None, initial={"opens_on": today, "closes_on": today + datetime.timedelta(days=21)}
    )
    if request.method == "POST" and form.is_valid():
        try:
            round_ = services.round_open(actor=request.user, workplace=request.workplace, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            n = round_.invited_count
            if round_.state() == RoundState.OPEN:
                text = ngettext(
                    "The round is open. %(n)d employee is asked, with a personal link.",
                    "The round is open. %(n)d employees are asked, each with a personal link.",
                    n,
                )
            else:
                text = ngettext(
                    "The round is planned. %(n)d employee will be asked on the day it opens.",
                    "The round is planned. %(n)d employees will be asked on the day it opens.",
                    n,
                )
            messages.success(request, text % {"n": n})
            return redirect(round_.get_absolute_url())
    preview = selectors.round_preview(workplace=request.workplace, leader=request.user)
    return render(
        request,
        "reflection/round_form.html",
        {
            "form": form,
            "employees": preview["asked"],
            "preview": preview,
            "threshold": request.organisation.reflection_threshold,
            "version": selectors.current_version(),
        },
    )


def _file_name(round_):
    prefix = _("reflection")  # outside the f-string, where makemessages can see it
    return f"{prefix}-{round_.workplace.slug}-{round_.opens_on.isoformat()}"


def _report_context(request, round_, *, organisation_view=False):
    if round_.is_closed and round_.sealed_at is None:
        # The daily task seals rounds after their last day; a report read before that seals it first.
        round_.sealed_at = services.round_seal(round_=round_).sealed_at
    # An organisation admin who added people to the workplace just before the round does not see its figures:
    # in the organisation's views, nor as the workplace's observer (a MED member may be an admin too). The
    # leadership's own additions were not asked, so a leader is not asked who reads.
    reads_as_leader = not organisation_view and can_lead(membership=request.membership)
    viewer = None if reads_as_leader else request.user
    audience = None if organisation_view else selectors.report_audience(membership=request.membership)
    report = selectors.round_report(round_=round_, viewer=viewer, audience=audience)
    return {"round": round_, "report": report, "workplace": round_.workplace}


def _report_round_or_404(request, round_id):
    """The round, if the member may read its report (selectors/sharing.py): 404 otherwise."""
    return selectors.access_report(
        workplace=request.workplace, membership=request.membership, round_id=round_id
    )


def _oversight_context(round_):
    """What leaders and organisation admins see about who was asked: those left out, and why."""
    exclusions = selectors.round_exclusions(round_=round_)
    return {"exclusions": exclusions, "exclusion_reasons": {exclusion.reason for exclusion in exclusions}}


@workplace_view
@require_GET
def round_detail(request, round_id):
    round_ = _report_round_or_404(request, round_id)
    context = _report_context(request, round_)
    context["is_round_leader"] = request.user.pk == round_.leader_id
    context["report_audience"] = selectors.report_audience(membership=request.membership)
    if request.membership.is_leader:
        context.update(_oversight_context(round_))
        context.update(_sharing_context(request, round_))
    return render(request, "reflection/round_detail.html", context)


def _sharing_context(request, round_, form=None):
    shares = selectors.round_shares(round_=round_)
    if form is None and selectors.may_share(actor=request.user, round_=round_):
        offered = selectors.offered_audiences(workplace=round_.workplace)
        form = ReportSharingForm(initial={"audiences": list(shares)}, offered=offered)
    return {"shares": [shares[a] for a in Audience.values if a in shares], "sharing_form": form}


@workplace_view(roles=[Role.LEADER])
@require_POST
def round_sharing(request, round_id):
    """The round's leader chooses with whom its report is shared (the form on the round's page)."""
    round_ = _round_or_404(request.workplace, round_id)
    offered = selectors.offered_audiences(workplace=round_.workplace)
    form = ReportSharingForm(request.POST, offered=offered)
    if form.is_valid():
        try:
            shares = services.report_sharing_update(
                actor=request.user, round_=round_, audiences=form.cleaned_data["audiences"]
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_text(error))
        else:
            if shares:
                names = [str(Audience(audience).label) for audience in offered if audience in shares]
                messages.success(
                    request, _("The report is shared with: %(audiences)s.") % {"audiences": ", ".join(names)}
                )
            else:
                messages.success(
                    request,
                    _(
                        "The report is not shared: only you, the workplace's other leaders and the "
                        "organisation's admins can read it."
                    ),
                )
        return redirect(round_.get_absolute_url() + "#sharing")
    context = _report_context(request, round_)
    context["is_round_leader"] = request.user.pk == round_.leader_id
    context.update(_oversight_context(round_))
    context.update(_sharing_context(request, round_, form=form))
    return render(request, "reflection/round_detail.html", context, status=400)


@workplace_view
@require_GET
def round_pdf(request, round_id):
    round_ = _report_round_or_404(request, round_id)
    context = _report_context(request, round_)
    return pdf_response("reflection/report_pdf.html", context, filename=_file_name(round_), request=request)


@workplace_view
@require_GET
def round_csv(request, round_id):
    """The report's figures as a spreadsheet: aggregates only, under the same threshold as the page."""
    round_ = _report_round_or_404(request, round_id)
    report = _report_context(request, round_)["report"]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_file_name(round_)}.csv"'
    response.write("\ufeff")  # so spreadsheet programs read the Danish letters right
    writer = csv.writer(response, delimiter=";")
    scale = ["1", "2", "3", "4", "5"]
    writer.writerow(
        [_("Practice"), _("Statement"), _("Team mean"), _("Leader"), _("Superior"), *scale, _("Don't know")]
    )

    def number(value):
        if value is None:
            return ""
        return formats.number_format(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), 2)

    for practice in report.practices:
        writer.writerow(
            [
                practice.practice.name,
                "",
                number(practice.team),
                number(practice.leader),
                number(practice.superior),
            ]
        )
        for item in practice.items:
            writer.writerow(
                [
                    practice.practice.code,
                    item.item.wording("employee"),
                    number(item.team),
                    "" if item.leader is None else item.leader,
                    "" if item.superior is None else item.superior,
                    *(item.distribution or [""] * 5),
                    "" if item.dont_know is None else item.dont_know,
                ]
            )
    if not report.shown:
        writer.writerow([])
        writer.writerow([_reason_hidden(report)])
    return response


def _reason_hidden(report):
    if not report.closed:
        return _("The team's results are shown when the round has closed.")
    return _("Too few answers: the team's results are shown from %(n)d answers.") % {"n": report.threshold}


@workplace_view(roles=[Role.LEADER])
@require_http_methods(["GET", "POST"])
def self_assessment(request, round_id):
    round_ = _round_or_404(request.workplace, round_id)
    if request.user.pk != round_.leader_id:
        raise PermissionDenied(_("Only the leader the round is about can answer the self-assessment."))
    return _assessment_form(
        request, round_, kind=AssessorKind.LEADER, respondent="leader", done_url=round_.get_absolute_url()
    )


def _assessment_form(request, round_, *, kind, respondent, done_url):
    practices = selectors.practices_with_items(version=round_.version)
    saved = selectors.assessment_values(round_=round_, kind=kind)
    form = SurveyForm(request.POST or None, practices=practices, respondent=respondent, answers=saved)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_submit(actor=request.user, round_=round_, kind=kind, answers=form.answers())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your assessment is saved. You can change it later."))
            return redirect(done_url)
    return render(
        request,
        "reflection/assessment.html",
        {
            "round": round_,
            "form": form,
            "is_self": kind == AssessorKind.LEADER,
            "cancel_url": done_url,
            "changing": saved is not None,
        },
    )


@workplace_view(roles=[Role.LEADER])
@require_POST
def round_remind(request, round_id):
    round_ = _round_or_404(request.workplace, round_id)
    try:
        count = services.round_remind(actor=request.user, round_=round_)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        if count:
            messages.success(
                request,
                ngettext(
                    "A reminder with a new link went to the %(n)d employee who has not answered yet.",
                    "A reminder with a new link went to the %(n)d employees who have not answered yet.",
                    count,
                )
                % {"n": count},
            )
        else:
            messages.success(request, _("Everyone has answered: nobody needed a reminder."))
    return redirect(round_.get_absolute_url())


def _close_page(request, round_, *, done_url, cancelled_url, may_close, extra=None):
    """Close (or cancel) the round after a confirmation, as its leader or an organisation admin approving."""
    error_message = None
    if request.method == "POST":
        try:
            closed = services.round_close(actor=request.user, round_=round_)
        except (ValidationError, PermissionDenied) as error:
            error_message = error_text(error)
        else:
            if closed is None:
                messages.success(request, _("The planned round is cancelled. Nobody had been asked yet."))
                return redirect(cancelled_url)
            messages.success(request, _("The round is closed. Its report is ready."))
            return redirect(done_url)
    return render(
        request,
        "reflection/round_close.html",
        {
            "round": round_,
            "answered_count": selectors.answered_count(round_=round_),
            "error_message": error_message,
            "threshold": selectors.effective_threshold(round_),
            "may_close": may_close,
            **(extra or {}),
        },
        status=400 if error_message else 200,
    )


@workplace_view(roles=[Role.LEADER])
@require_http_methods(["GET", "POST"])
def round_close(request, round_id):
    round_ = _round_or_404(request.workplace, round_id)
    return _close_page(
        request,
        round_,
        done_url=round_.get_absolute_url(),
        cancelled_url=reverse("reflection:home", kwargs={"workplace_slug": request.workplace.slug}),
        may_close=services.early_close_allowed(round_=round_),
    )


@workplace_view(roles=[Role.LEADER])
@require_POST
def round_request_close(request, round_id):
    """Ask the organisation's admins to approve closing the round before its last day."""
    round_ = _round_or_404(request.workplace, round_id)
    try:
        services.round_request_early_close(actor=request.user, round_=round_)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _(
                "The organisation's admins are asked to approve closing the round early. Until one of them "
                "does, it stays open."
            ),
        )
    return redirect(round_.get_absolute_url())
