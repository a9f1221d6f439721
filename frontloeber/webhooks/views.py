"""The organisation admin's webhooks: the list, a new one (its secret shown once), a change, a deletion after
a confirmation, and each one's deliveries with a button that sends a test event."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from frontloeber.accounts.sessions import reauthentication_required
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate
from frontloeber.organisations.tenancy import organisation_admin_view

from . import selectors, services
from .forms import EndpointEditForm, EndpointForm


def _to_detail(request, endpoint):
    return redirect("webhooks:endpoint_detail", org_slug=request.organisation.slug, endpoint_id=endpoint.pk)


@organisation_admin_view
@require_http_methods(["GET"])
def endpoints(request):
    return render(
        request,
        "webhooks/endpoints.html",
        {"endpoints": list(selectors.webhook_endpoints(organisation=request.organisation))},
    )


@organisation_admin_view
@reauthentication_required
@never_cache
@require_http_methods(["GET", "POST"])
def endpoint_create(request):
    """A new webhook: its secret is on the answer to the POST and nowhere else."""
    form = EndpointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            endpoint, secret = services.webhook_endpoint_create(
                actor=request.user, organisation=request.organisation, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return render(request, "webhooks/endpoint_created.html", {"endpoint": endpoint, "secret": secret})
    status = 400 if request.method == "POST" else 200
    return render(request, "webhooks/endpoint_form.html", {"form": form}, status=status)


@organisation_admin_view
@require_http_methods(["GET"])
def endpoint_detail(request, endpoint_id):
    endpoint = selectors.access_webhook_endpoint(organisation=request.organisation, endpoint_id=endpoint_id)
    page = paginate(request, selectors.webhook_deliveries(endpoint=endpoint))
    return render(request, "webhooks/endpoint_detail.html", {"endpoint": endpoint, "page": page})


@organisation_admin_view
@reauthentication_required
@require_http_methods(["GET", "POST"])
def endpoint_edit(request, endpoint_id):
    endpoint = selectors.access_webhook_endpoint(organisation=request.organisation, endpoint_id=endpoint_id)
    initial = {"name": endpoint.name, "events": endpoint.events, "active": endpoint.active}
    form = EndpointEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.webhook_endpoint_update(actor=request.user, endpoint=endpoint, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The webhook “%(name)s” is saved.") % {"name": endpoint.name})
            return _to_detail(request, endpoint)
    status = 400 if request.method == "POST" else 200
    return render(request, "webhooks/endpoint_edit.html", {"form": form, "endpoint": endpoint}, status=status)


@organisation_admin_view
@reauthentication_required
@require_http_methods(["GET", "POST"])
def endpoint_delete(request, endpoint_id):
    endpoint = selectors.access_webhook_endpoint(organisation=request.organisation, endpoint_id=endpoint_id)
    if request.method == "POST":
        services.webhook_endpoint_delete(actor=request.user, endpoint=endpoint)
        deleted = _("The webhook “%(name)s” is deleted. Nothing more is sent to it.")
        messages.success(request, deleted % {"name": endpoint.name})
        return redirect("webhooks:endpoints", org_slug=request.organisation.slug)
    return render(request, "webhooks/endpoint_delete.html", {"endpoint": endpoint})


@organisation_admin_view
@require_POST
def endpoint_test(request, endpoint_id):
    endpoint = selectors.access_webhook_endpoint(organisation=request.organisation, endpoint_id=endpoint_id)
    try:
        services.webhook_test_send(actor=request.user, endpoint=endpoint)
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("A test event is on its way. Its delivery is listed below."))
    return _to_detail(request, endpoint)
