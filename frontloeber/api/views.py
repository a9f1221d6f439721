"""The pages where API tokens are made and revoked (the organisation admin's, and each person's own), and the
API's documentation page.

A token's secret is on the answer to the POST that made it and nowhere else, ever: the list shows its first
characters only. Revoking asks first, then refuses the token at once.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.accounts.sessions import reauthentication_required
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate
from frontloeber.organisations.tenancy import organisation_admin_view

from . import docs, selectors, services
from .forms import (
    OrganisationFeedTokenForm,
    OrganisationTokenForm,
    PersonalFeedTokenForm,
    PersonalTokenForm,
)
from .models import Feed
from .problems import TITLES

FEED_KIND = "feed"


def _made(request, token, secret, *, back_url):
    """The answer to the POST that made ``token``: its secret, once, with what to paste where."""
    api_root = request.build_absolute_uri(reverse("api:token")).removesuffix("token")
    feeds = []
    if token.feed:
        for fmt in ("csv", "xlsx"):
            address = request.build_absolute_uri(
                reverse("api_pages:feed", kwargs={"feed": token.feed, "fmt": fmt})
            )
            feeds.append((fmt.upper(), f"{address}?token={secret}"))
        curl = f'curl -o {token.feed}.csv "{feeds[0][1]}"'
    else:
        curl = f'curl -H "Authorization: Bearer {secret}" {api_root}token'
    response = render(
        request,
        "api/token_created.html",
        {
            "token": token,
            "secret": secret,
            "curl": curl,
            "feeds": feeds,
            "api_root": api_root,
            "back_url": back_url,
        },
    )
    response["Cache-Control"] = "no-store"
    return response


def _which_form(request, token_form_class, feed_form_class, **kwargs):
    """The form the POST came from (the page has one for an API token and one for a feed token), bound, and
    the other one empty."""
    if request.POST.get("kind") == FEED_KIND:
        return token_form_class(prefix="token", **kwargs), feed_form_class(
            request.POST, prefix="feed", **kwargs
        )
    return token_form_class(request.POST, prefix="token", **kwargs), feed_form_class(prefix="feed", **kwargs)


# --- The organisation's tokens --------------------------------------------------------------------------


def _organisation_page(request, *, token_form=None, feed_form=None, status=200):
    organisation = request.organisation
    return render(
        request,
        "api/organisation_tokens.html",
        {
            "token_form": token_form or OrganisationTokenForm(prefix="token"),
            "feed_form": feed_form or OrganisationFeedTokenForm(prefix="feed"),
            "page": paginate(request, selectors.organisation_tokens(organisation=organisation)),
            "revoke_url_name": "api_pages:organisation_token_revoke",
        },
        status=status,
    )


@organisation_admin_view
@reauthentication_required
@never_cache
@require_http_methods(["GET", "POST"])
def organisation_tokens(request):
    """The organisation's tokens (its own and its people's), and a new one: an API token or a feed token."""
    if request.method == "GET":
        return _organisation_page(request)
    token_form, feed_form = _which_form(request, OrganisationTokenForm, OrganisationFeedTokenForm)
    form = feed_form if feed_form.is_bound else token_form
    if form.is_valid():
        data = form.cleaned_data
        try:
            token, secret = services.organisation_token_create(
                actor=request.user,
                organisation=request.organisation,
                name=data["name"],
                scopes=data.get("scopes") or [],
                feed=data.get("feed", ""),
                valid_days=data["valid_days"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            back = reverse("api_pages:organisation_tokens", kwargs={"org_slug": request.organisation.slug})
            return _made(request, token, secret, back_url=back)
    return _organisation_page(request, token_form=token_form, feed_form=feed_form, status=400)


@organisation_admin_view
@reauthentication_required
@require_http_methods(["GET", "POST"])
def organisation_token_revoke(request, token_id):
    token = selectors.access_organisation_token(organisation=request.organisation, token_id=token_id)
    back = reverse("api_pages:organisation_tokens", kwargs={"org_slug": request.organisation.slug})
    return _revoke(request, token, back_url=back)


def _revoke(request, token, *, back_url):
    if request.method == "POST":
        services.token_revoke(actor=request.user, token=token)
        messages.success(
            request,
            _("The API token “%(name)s” is revoked: requests with it are refused from now on.")
            % {"name": token.name},
        )
        return redirect(back_url)
    return render(request, "api/token_revoke.html", {"token": token, "back_url": back_url})


# --- A person's own tokens ------------------------------------------------------------------------------


def _personal_page(request, organisations, *, token_form=None, feed_form=None, status=200):
    if organisations and token_form is None:
        token_form = PersonalTokenForm(prefix="token", organisations=organisations)
        feed_form = PersonalFeedTokenForm(prefix="feed", organisations=organisations)
    return render(
        request,
        "api/personal_tokens.html",
        {
            "token_form": token_form,
            "feed_form": feed_form,
            "has_organisations": bool(organisations),
            "page": paginate(request, selectors.personal_tokens(user=request.user)),
            "revoke_url_name": "api_pages:personal_token_revoke",
        },
        status=status,
    )


@reauthentication_required
@never_cache
@require_http_methods(["GET", "POST"])
def personal_tokens(request):
    """The person's own tokens, and a new one for one of their organisations."""
    organisations = list(selectors.token_organisations(user=request.user))
    if request.method == "GET":
        return _personal_page(request, organisations)
    if not organisations:
        return _personal_page(request, organisations, status=400)
    token_form, feed_form = _which_form(
        request, PersonalTokenForm, PersonalFeedTokenForm, organisations=organisations
    )
    form = feed_form if feed_form.is_bound else token_form
    if form.is_valid():
        data = form.cleaned_data
        try:
            token, secret = services.personal_token_create(
                actor=request.user,
                organisation=data["organisation"],
                name=data["name"],
                scopes=data.get("scopes") or [],
                feed=data.get("feed", ""),
                valid_days=data["valid_days"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        except PermissionDenied as error:
            form.add_error("organisation", error_text(error))
        else:
            return _made(request, token, secret, back_url=reverse("api_pages:personal_tokens"))
    return _personal_page(request, organisations, token_form=token_form, feed_form=feed_form, status=400)


@reauthentication_required
@require_http_methods(["GET", "POST"])
def personal_token_revoke(request, token_id):
    token = selectors.access_personal_token(user=request.user, token_id=token_id)
    return _revoke(request, token, back_url=reverse("api_pages:personal_tokens"))


# --- Documentation --------------------------------------------------------------------------------------


@login_not_required
@require_GET
def documentation(request):
    """How to use the API, for a person: tokens, scopes, paging, problems, limits, and every endpoint."""
    return render(
        request,
        "api/docs.html",
        {
            "endpoints": docs.endpoints(),
            "problems": docs.problems(),
            "scopes": docs.scopes(),
            "feeds": Feed.choices,
            "rate_per_minute": docs.rate_per_minute(),
            "api_root": request.build_absolute_uri(reverse("api:token")).removesuffix("token"),
        },
    )


@login_not_required
@require_GET
def problem(request, kind):
    """A problem's ``type`` address leads to its explanation on the documentation page."""
    if kind not in TITLES:
        raise Http404
    return redirect(reverse("api_pages:docs") + f"#problem-{kind}")
