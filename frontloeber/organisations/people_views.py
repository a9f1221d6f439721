"""The organisation admin's pages for people over time (issue 19): who has not been seen and has left, the
erasure of a person, the retention periods and the audit log."""

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.accounts.sessions import proved_recently, reauthenticate_redirect
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate

from . import selectors, services
from .audit import audit_detail_text
from .forms import EraseForm, LeaversForm, RetentionForm, StaffFileForm
from .models import AuditAction
from .selectors import Outcome
from .tenancy import organisation_admin_view

AUDIT_PER_PAGE = 50
DIGITS = re.compile(r"[0-9]{1,12}")


@organisation_admin_view
@require_GET
def people_not_seen(request):
    organisation = request.organisation
    people = paginate(request, selectors.people_not_seen(organisation=organisation, now=timezone.now()))
    return render(request, "organisations/people_not_seen.html", {"people": people})


@organisation_admin_view
@require_POST
def leavers_confirm(request):
    """First the admin's ticks come back as a list to confirm; then, confirmed, they are applied."""
    organisation = request.organisation
    now = timezone.now()
    ticked = request.POST.getlist("people")
    chosen = selectors.people_not_seen_chosen(
        organisation=organisation, now=now, user_ids=[int(pk) for pk in ticked if DIGITS.fullmatch(pk)]
    )
    form = LeaversForm(request.POST, choices=[(person.pk, str(person)) for person in chosen])
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("organisations:people_not_seen", org_slug=organisation.slug)
    if request.POST.get("confirmed") != "yes":
        return render(request, "organisations/leavers_confirm.html", {"people": chosen})
    try:
        count = services.leavers_confirm(actor=request.user, organisation=organisation, users=chosen, now=now)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return render(request, "organisations/leavers_confirm.html", {"people": chosen}, status=400)
    messages.success(request, _("%(count)s people are marked as having left.") % {"count": count})
    return redirect("organisations:people_not_seen", org_slug=organisation.slug)


@organisation_admin_view
@require_GET
def people_who_left(request):
    people = paginate(request, selectors.people_who_left(organisation=request.organisation))
    return render(request, "organisations/people_who_left.html", {"people": people})


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def person_erase(request, user_id):
    organisation = request.organisation
    person = selectors.access_person_of_organisation(organisation=organisation, user_id=user_id)
    if not proved_recently(request):
        return reauthenticate_redirect(request)
    refusal = services.person_erase_refusal(organisation=organisation, user=person, actor=request.user)
    form = EraseForm(request.POST or None)
    if request.method == "POST" and not refusal and form.is_valid():
        shown = str(person)
        try:
            services.person_erase(
                actor=request.user,
                organisation=organisation,
                user=person,
                remove_contributions=form.cleaned_data["contributions"] == "remove",
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("%(person)s is erased.") % {"person": shown})
            return redirect("organisations:people_who_left", org_slug=organisation.slug)
    status = 400 if (request.method == "POST" and (refusal or form.errors)) else 200
    return render(
        request,
        "organisations/person_erase.html",
        {"person": person, "form": form, "refusal": refusal},
        status=status,
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def retention(request):
    organisation = request.organisation
    form = RetentionForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.retention_update(actor=request.user, organisation=organisation, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The retention periods are saved."))
            return redirect("organisations:retention", org_slug=organisation.slug)
    return render(request, "organisations/retention.html", {"form": form}, status=400 if form.errors else 200)


@organisation_admin_view
@require_GET
def audit_log(request):
    action = request.GET.get("handling", "")
    status = 200
    if action and action not in AuditAction.values:
        messages.error(request, _("There is no such kind of entry. All entries are shown."))
        action, status = "", 400
    page = Paginator(
        selectors.audit_entries(organisation=request.organisation, action=action), AUDIT_PER_PAGE
    ).get_page(request.GET.get("side"))
    for entry in page.object_list:
        entry.detail_text = audit_detail_text(entry)
    context = {"entries": page, "actions": AuditAction.choices, "action": action}
    return render(request, "organisations/audit_log.html", context, status=status)


# --- Staff lists (issue 19, point 3) ---------------------------------------------------------------------

STAFF_ROWS_PER_PAGE = 100
OUTCOME_FILTERS = {
    "nye": Outcome.NEW,
    "aendrede": Outcome.CHANGED,
    "uaendrede": Outcome.UNCHANGED,
    "fejl": Outcome.ERROR,
}


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def staff_imports(request):
    organisation = request.organisation
    form = StaffFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            staff_import = services.staff_import_create(
                actor=request.user, organisation=organisation, filename=upload.name, upload=upload
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return redirect(
                "organisations:staff_import", org_slug=organisation.slug, import_id=staff_import.pk
            )
    context = {"form": form, "imports": paginate(request, selectors.staff_imports(organisation=organisation))}
    return render(request, "organisations/staff_imports.html", context, status=400 if form.errors else 200)


def _staff_import_context(request, staff_import):
    context = {"staff_import": staff_import, "running": services.staff_import_running(staff_import)}
    if staff_import.finished_at is None and staff_import.applied_at is None:
        rows = selectors.staff_import_rows(staff_import=staff_import)
        shown = OUTCOME_FILTERS.get(request.GET.get("udfald", ""))
        context.update(
            counts=selectors.staff_import_counts(rows),
            rows=Paginator(
                [row for row in rows if shown is None or row.outcome == shown], STAFF_ROWS_PER_PAGE
            ).get_page(request.GET.get("side")),
            shown=request.GET.get("udfald", ""),
        )
    return context


@organisation_admin_view
@require_GET
def staff_import(request, import_id):
    staff_import = selectors.access_staff_import(organisation=request.organisation, import_id=import_id)
    context = _staff_import_context(request, staff_import)
    if request.htmx and request.GET.get("status"):
        return render(request, "organisations/partials/staff_import_progress.html", context)
    return render(request, "organisations/staff_import.html", context)


@organisation_admin_view
@require_POST
def staff_import_apply(request, import_id):
    staff_import = selectors.access_staff_import(organisation=request.organisation, import_id=import_id)
    try:
        services.staff_import_apply(actor=request.user, staff_import=staff_import)
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect(
        "organisations:staff_import", org_slug=request.organisation.slug, import_id=staff_import.pk
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def staff_import_absent(request, import_id):
    """Who the list leaves out of its workplaces; confirmed, they leave those workplaces."""
    staff_import = selectors.access_staff_import(organisation=request.organisation, import_id=import_id)
    if request.method == "POST":
        try:
            count = services.staff_import_leavers_confirm(actor=request.user, staff_import=staff_import)
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("%(count)s people are marked as having left.") % {"count": count})
            return redirect(
                "organisations:staff_import", org_slug=request.organisation.slug, import_id=staff_import.pk
            )
    absent = selectors.staff_import_absent(staff_import=staff_import)
    context = {"staff_import": staff_import, "absent": paginate(request, absent), "count": len(absent)}
    return render(request, "organisations/staff_import_absent.html", context)
