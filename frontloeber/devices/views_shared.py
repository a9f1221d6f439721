"""Shared devices (issue 21, point 4): the page where a workplace's leader, on the device itself, marks it
as shared (the kindergarten's iPad), makes it an ordinary device again, sets the idle time and forgets a
device from afar. An organisation's admin has the same page under the organisation's pages."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frontloeber.accounts import shared_device as device_mark
from frontloeber.core.forms import apply_validation_error
from frontloeber.organisations import selectors as organisation_selectors
from frontloeber.organisations.permissions import can_edit_workplace
from frontloeber.organisations.tenancy import organisation_admin_view, workplace_view

from . import selectors, services
from .forms import IdleMinutesForm, MarkSharedForm


def _leader_workplace(request):
    # Only those who may mark a device see the page at all; a member is told no more than a stranger.
    if not can_edit_workplace(user=request.user, workplace=request.workplace):
        raise Http404(_("No such page."))
    return request.workplace


def _admin_workplace(request, workplace_slug):
    return organisation_selectors.access_organisation_workplace(
        organisation=request.organisation, workplace_slug=workplace_slug
    )


def _urls(workplace, organisation=None):
    if organisation is None:
        kwargs = {"workplace_slug": workplace.slug}
        return {
            "page": reverse("devices:shared_device", kwargs=kwargs),
            "forget": reverse("devices:shared_device_forget", kwargs=kwargs),
        }
    kwargs = {"org_slug": organisation.slug, "workplace_slug": workplace.slug}
    return {
        "page": reverse("devices:organisation_shared_device", kwargs=kwargs),
        "forget": reverse("devices:organisation_shared_device_forget", kwargs=kwargs),
    }


def _page(request, workplace, urls):
    devices = list(selectors.shared_devices(workplace=workplace))
    this_key = str(device_mark.marked_key(request) or "")
    this_device = next((d for d in devices if str(d.key) == this_key), None)
    mark_form = MarkSharedForm(request.POST if request.POST.get("action") == "mark" else None)
    idle_form = IdleMinutesForm(
        request.POST if request.POST.get("action") == "idle" else None,
        initial={"minutes": workplace.shared_device_idle_minutes},
    )
    if request.method == "POST":
        if mark_form.is_bound and mark_form.is_valid():
            try:
                device = services.shared_device_mark(
                    actor=request.user, workplace=workplace, label=mark_form.cleaned_data["label"]
                )
            except ValidationError as error:
                apply_validation_error(mark_form, error)
            else:
                messages.success(
                    request,
                    _("This device is now shared by %(workplace)s. Each person logs in as themselves.")
                    % {"workplace": workplace.name},
                )
                response = redirect(urls["page"])
                device_mark.set_mark(response, device.key)
                return response
        elif idle_form.is_bound and idle_form.is_valid():
            try:
                services.shared_device_set_idle_minutes(
                    actor=request.user, workplace=workplace, minutes=idle_form.cleaned_data["minutes"]
                )
            except ValidationError as error:
                apply_validation_error(idle_form, error)
            else:
                messages.success(request, _("The idle time is saved."))
                return redirect(urls["page"])
        elif not (mark_form.is_bound or idle_form.is_bound):
            messages.error(request, _("Choose what to do on the page."))
            return redirect(urls["page"])
    return render(
        request,
        "devices/shared_device.html",
        {
            "managed_workplace": workplace,
            "devices": devices,
            "this_device": this_device,
            # Marked for another workplace (or one of another organisation): said plainly, never named.
            "marked_elsewhere": this_device is None and request.shared_device is not None,
            "mark_form": mark_form,
            "idle_form": idle_form,
            "urls": urls,
        },
        status=400 if request.method == "POST" else 200,
    )


def _forget(request, workplace, urls):
    try:
        device_id = int(request.POST.get("device", ""))
    except ValueError:
        raise Http404(_("No such shared device.")) from None
    device = selectors.access_shared_device(workplace=workplace, device_id=device_id)
    this_one = str(device.key) == str(device_mark.marked_key(request) or "")
    services.shared_device_forget(actor=request.user, device=device)
    if this_one:
        messages.success(request, _("This device is an ordinary device again."))
    else:
        messages.success(
            request,
            _("%(device)s is no longer a shared device.") % {"device": device.label or _("The device")},
        )
    response = redirect(urls["page"])
    if this_one:
        device_mark.remove_mark(response)
    return response


@workplace_view
@require_http_methods(["GET", "POST"])
def shared_device(request):
    workplace = _leader_workplace(request)
    return _page(request, workplace, _urls(workplace))


@workplace_view
@require_POST
def shared_device_forget(request):
    workplace = _leader_workplace(request)
    return _forget(request, workplace, _urls(workplace))


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def organisation_shared_device(request, workplace_slug):
    workplace = _admin_workplace(request, workplace_slug)
    return _page(request, workplace, _urls(workplace, request.organisation))


@organisation_admin_view
@require_POST
def organisation_shared_device_forget(request, workplace_slug):
    workplace = _admin_workplace(request, workplace_slug)
    return _forget(request, workplace, _urls(workplace, request.organisation))
