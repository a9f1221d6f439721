"""The organisation admin's page for provisioning: its SCIM tokens, made (the secret shown once) and
revoked."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from frontloeber.accounts.sessions import reauthentication_required
from frontloeber.core.forms import apply_validation_error
from frontloeber.organisations.tenancy import organisation_admin_view

from . import scim, selectors, services
from .forms import TokenForm


def _tokens_page(request, *, form=None, status=200):
    return render(
        request,
        "provisioning/tokens.html",
        {
            "form": form or TokenForm(),
            "tokens": selectors.scim_tokens(organisation=request.organisation),
            "scim_base_url": scim.base_url(request) + "/",
        },
        status=status,
    )


@organisation_admin_view
@reauthentication_required
@never_cache
@require_http_methods(["GET", "POST"])
def tokens(request):
    """The tokens, and a new one: its secret is on the answer to the POST and nowhere else, ever."""
    if request.method == "GET":
        return _tokens_page(request)
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            token, secret = services.scim_token_create(
                actor=request.user, organisation=request.organisation, name=form.cleaned_data["name"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return render(
                request,
                "provisioning/token_created.html",
                {"token": token, "secret": secret, "scim_base_url": scim.base_url(request) + "/"},
            )
    return _tokens_page(request, form=form, status=400)


@organisation_admin_view
@reauthentication_required
@require_http_methods(["GET", "POST"])
def token_revoke(request, token_id):
    token = selectors.access_scim_token(organisation=request.organisation, token_id=token_id)
    if request.method == "POST":
        services.scim_token_revoke(actor=request.user, token=token)
        messages.success(
            request,
            _("The token “%(name)s” is revoked. Requests with it are refused.") % {"name": token.name},
        )
        return redirect("provisioning:tokens", org_slug=request.organisation.slug)
    return render(request, "provisioning/token_revoke.html", {"token": token})
