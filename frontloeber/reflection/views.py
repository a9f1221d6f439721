"""Pages of the reflection survey. There is deliberately no page, export or endpoint that shows one
employee's answers: the report reads only aggregates (selectors.round_report)."""

import csv
import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
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
from frontloeber.organisations.tenancy import organisation_admin_view, workplace_view

from . import selectors, services, tokens
from .forms import RoundForm, SurveyForm, ThresholdForm
from .models import AssessorKind, RoundState

READERS = [Role.LEADER, Role.OBSERVER]


def _round_or_404(workplace, round_id):
    round_ = selectors.access_round(workplace=workplace, round_id=round_id)
    if round_ is None:
        raise Http404(_("No such survey round in this workplace."))
    return round_


# --- The employee's side: answering with the personal link ---------------------------------------------
#
# The link's secret travels from the e-mail into a cookie on the person's own device, and the answer page
# reads it from there: so the address that is logged and shown carries no secret after the first click.


def _cookie_name(round_):
    return f"fl_survey_{round_.pk}"


def _cookie_path(workplace):
    return reverse("reflection:home", kwargs={"workplace_slug": workplace.slug})


def _set_secret_cookie(response, name, secret, *, path, **lifetime):
    """A link's secret in a cookie only this workplace's survey pages receive, unreadable by scripts."""
    response.set_cookie(
        name,
        secret,
        path=path,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
        **lifetime,
    )


def _remember_secret(response, round_, secret):
    until = datetime.datetime.combine(round_.closes_on + datetime.timedelta(days=1), datetime.time())
    _set_secret_cookie(
        response,
        _cookie_name(round_),
        secret,
        path=_cookie_path(round_.workplace),
        expires=timezone.make_aware(until),
    )
    return response


def _answer_url(round_):
    return reverse(
        "reflection:answer", kwargs={"workplace_slug": round_.workplace.slug, "round_id": round_.pk}
    )


PENDING_COOKIE = "fl_survey_link"


@login_not_required
def link_open(request, workplace_slug, secret):
    """The e-mailed link. Someone not logged in yet is sent to log in first, with the secret parked in a
    cookie rather than in the login page's ``next`` address (which logs and login records would keep)."""
    if not request.user.is_authenticated and request.method == "GET":
        home = reverse("reflection:home", kwargs={"workplace_slug": workplace_slug})
        response = redirect_to_login(home)
        if tokens.looks_like_secret(secret):
            _set_secret_cookie(response, PENDING_COOKIE, secret, path=home, max_age=3600)
        return response
    return _open_link(request, workplace_slug, secret)


@workplace_view
@require_GET
def _open_link(request, secret):
    return _follow_link(request, secret)


def _follow_link(request, secret):
    """With the workplace resolved: remember a valid link on this device and go to the answers."""
    invitation = selectors.invitation_for_link(workplace=request.workplace, user=request.user, secret=secret)
    if invitation is None:
        return render(
            request, "reflection/link_invalid.html", {"message": selectors.LINK_NOT_VALID}, status=404
        )
    return _remember_secret(redirect(_answer_url(invitation.round)), invitation.round, secret)


@workplace_view
@require_POST
def answer_start(request, round_id):
    round_ = _round_or_404(request.workplace, round_id)
    try:
        secret = services.answer_link_issue(user=request.user, round_=round_)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("reflection:home", workplace_slug=request.workplace.slug)
    return _remember_secret(redirect(_answer_url(round_)), round_, secret)


@workplace_view
@require_http_methods(["GET", "POST"])
def answer(request, round_id):
    round_ = _round_or_404(request.workplace, round_id)
    secret = request.COOKIES.get(_cookie_name(round_), "")
    invitation = selectors.invitation_for_link(workplace=request.workplace, user=request.user, secret=secret)
    reissued = None
    if (invitation is None or invitation.round_id != round_.pk) and request.method == "POST":
        # The link on this device was replaced (a reminder, another device) while the person was answering:
        # someone who has not answered yet may simply get a fresh one, so the answers they typed are kept.
        try:
            reissued = services.answer_link_issue(user=request.user, round_=round_)
        except (ValidationError, PermissionDenied):
            reissued = None
        if reissued is not None:
            secret = reissued
            invitation = selectors.invitation_for_link(
                workplace=request.workplace, user=request.user, secret=secret
            )
    if invitation is None or invitation.round_id != round_.pk:
        mine = selectors.my_invitation(round_=round_, user=request.user)
        return render(
            request,
            "reflection/answer_start.html",
            {"round": round_, "invitation": mine, "state": round_.state()},
            status=200 if mine else 404,
        )
    state = round_.state()
    saved = selectors.response_for_link(round_=round_, secret=secret)
    answers, comments = saved or ({}, {})
    practices = selectors.practices_with_items(version=round_.version)
    form = SurveyForm(
        request.POST or None, practices=practices, respondent="employee", answers=answers, comments=comments
    )
    if request.method == "POST" and form.is_valid():
        try:
            _response, first_time = services.response_submit(
                user=request.user,
                workplace=request.workplace,
                secret=secret,
                answers=form.answers(),
                comments=form.comments(),
            )
        except (ValidationError, PermissionDenied) as error:
            if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
                apply_validation_error(form, error)
            else:
                form.add_error(None, error_text(error))
        else:
            closes = formats.date_format(round_.closes_on, "DATE_FORMAT")
            if first_time:
                messages.success(
                    request,
                    _(
                        "Thank you. Your answers are saved anonymously. You can change them until %(day)s on "
                        "this device, or with the link we have e-mailed you."
                    )
                    % {"day": closes},
                )
            else:
                messages.success(request, _("Your changed answers are saved."))
            response = redirect("reflection:home", workplace_slug=request.workplace.slug)
            return _remember_secret(response, round_, secret) if reissued else response
    return render(
        request,
        "reflection/answer.html",
        {"round": round_, "form": form, "state": state, "changing": saved is not None},
    )


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
    context = {
        "current": current,
        "rounds": paginate(request, selectors.workplace_rounds(workplace=workplace)),
        "can_read_reports": request.membership.role in READERS,
    }
    if current is not None:
        context["current_state"] = current.state()
        context["invitation"] = selectors.my_invitation(round_=current, user=request.user)
        if context["invitation"] is None and request.membership.role == Role.EMPLOYEE:
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
    reads_as_leader = not organisation_view and request.membership.role == Role.LEADER
    viewer = None if reads_as_leader else request.user
    report = selectors.round_report(round_=round_, viewer=viewer)
    return {"round": round_, "report": report, "workplace": round_.workplace}


def _oversight_context(round_):
    """What leaders and organisation admins see about who was asked: those left out, and why."""
    exclusions = selectors.round_exclusions(round_=round_)
    return {"exclusions": exclusions, "exclusion_reasons": {exclusion.reason for exclusion in exclusions}}


@workplace_view(roles=READERS)
@require_GET
def round_detail(request, round_id):
    round_ = _round_or_404(request.workplace, round_id)
    context = _report_context(request, round_)
    context["is_round_leader"] = request.user.pk == round_.leader_id
    if request.membership.is_leader:
        context.update(_oversight_context(round_))
    return render(request, "reflection/round_detail.html", context)


@workplace_view(roles=READERS)
@require_GET
def round_pdf(request, round_id):
    round_ = _round_or_404(request.workplace, round_id)
    context = _report_context(request, round_)
    return pdf_response("reflection/report_pdf.html", context, filename=_file_name(round_), request=request)


@workplace_view(roles=READERS)
@require_GET
def round_csv(request, round_id):
    """The report's figures as a spreadsheet: aggregates only, under the same threshold as the page."""
    round_ = _round_or_404(request.workplace, round_id)
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
        {"round": round_, "form": form, "kind": kind, "cancel_url": done_url, "changing": saved is not None},
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


# --- The organisation: roll-up, the superior's assessment, the threshold --------------------------------


@organisation_admin_view
@require_GET
def rollup(request):
    organisation = request.organisation
    rollup = selectors.organisation_rollup(organisation=organisation, viewer=request.user)
    return render(
        request,
        "reflection/rollup.html",
        {
            "rollup": rollup,
            # The organisation's figures are over every workplace; the table shows them a page at a time.
            "page": paginate(request, rollup["rows"]),
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
    round_ = selectors.access_organisation_round(organisation=organisation, round_id=round_id)
    if round_ is None:
        raise Http404(_("No such survey round in this organisation."))
    return round_


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
