"""The organisation's own sign-in: the way in for everyone (choose, start, link) and the admin's pages."""

from allauth.socialaccount.models import SocialAccount
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.accounts import shared_device
from frontloeber.accounts.sessions import reauthentication_required
from frontloeber.core import ratelimit
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.next_address import local_next
from frontloeber.core.pagination import paginate
from frontloeber.organisations.models import Workplace
from frontloeber.organisations.tenancy import organisation_admin_view

from . import selectors, services
from .adapter import BACKENDS, LINK_SESSION_KEY
from .forms import AttributesForm, ChooseForm, LinkForm, MetadataForm, OidcForm, ProtocolForm, RuleForm
from .models import LinkRequest, MappingRule, RuleKind
from .saml_metadata import certificate_fingerprint, certificate_not_after

# Wrong passwords on the linking page per account in a quarter of an hour: a sign-in the IdP vouched for
# must not become a way to guess another account's password.
LINK_TRIES = 10
LINK_WINDOW = 15 * 60


# --- The way in -------------------------------------------------------------------------------------------


@login_not_required
@require_GET
def choose(request):
    """Found by the e-mail's domain, or chosen from the organisations that sign in here."""
    form = ChooseForm(request.GET or None)
    found = None
    if request.GET and form.is_valid():
        found = selectors.identity_provider_for_email(form.cleaned_data["email"])
        if found is None:
            form.add_error(
                "email",
                _("No organisation signs in here with addresses like this one. Log in with your password."),
            )
    providers = [
        p for p in selectors.identity_providers_in_use().order_by("organisation__name") if p.is_configured
    ]
    return render(
        request,
        "sso/choose.html",
        {
            "form": form,
            "found": found,
            "providers": providers,
            "next": local_next(request, request.GET.get("next")),
        },
    )


@login_not_required
@require_POST
def start(request, key):
    """Off to the organisation's identity provider. With ``reauthenticate``, the signed-in person is asked
    again there (ForceAuthn / prompt=login), and only by a provider they are linked to."""
    provider = selectors.identity_provider_by_key(key=key)
    reauthenticate = request.GET.get("reauthenticate") == "1"
    if reauthenticate and not (
        request.user.is_authenticated
        and SocialAccount.objects.filter(user=request.user, provider=provider.provider_id).exists()
    ):
        raise Http404
    app = selectors.social_app(provider)
    allauth_provider = app.get_provider(request)
    return allauth_provider.redirect(
        request,
        process="login",
        next_url=local_next(request, request.POST.get("next")) or None,
        # On a shared device the identity provider's own session belongs to the last person at the screen:
        # the next one must be asked again, or they would be signed in as the one before them.
        reauthenticate=reauthenticate or shared_device.current(request) is not None,
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def link(request):
    """An address the provider vouched for already has an account: its password links the two, or an admin
    of the organisation confirms it."""
    pending = request.session.get(LINK_SESSION_KEY) or {}
    link_request = (
        LinkRequest.objects.select_related("user", "organisation").filter(pk=pending.get("link")).first()
    )
    if link_request is None:
        return render(request, "sso/link_gone.html", status=404)
    form = LinkForm(request.POST or None)
    wrong_tries = f"sso-link:{link_request.user_id}"
    if request.method == "POST" and ratelimit.count(wrong_tries) >= LINK_TRIES:
        return render(
            request, "sso/link.html", {"form": form, "link_request": link_request, "paused": True}, status=429
        )
    if request.method == "POST" and form.is_valid():
        try:
            account, provider = services.link_prove(link=link_request, password=form.cleaned_data["password"])
        except ValidationError as error:
            ratelimit.hit(wrong_tries, window=LINK_WINDOW)
            apply_validation_error(form, error)
        else:
            del request.session[LINK_SESSION_KEY]
            user = account.user
            asserted = selectors.asserted_identity(provider=provider, extra_data=account.extra_data)
            services.sign_in_apply(provider=provider, user=user, asserted=asserted)
            request.fl_proved = True  # the account's password, just typed
            login(request, user, backend=BACKENDS[provider.protocol])
            messages.success(
                request, _("Your account is linked. Next time the organisation's sign-in is enough.")
            )
            return HttpResponseRedirect(
                local_next(request, pending.get("next")) or reverse("organisations:home")
            )
    return render(request, "sso/link.html", {"form": form, "link_request": link_request})


# --- The admin's pages ------------------------------------------------------------------------------------


def _provider_context(request, provider, **extra):
    organisation = request.organisation
    context = {"provider": provider, "domains": list(organisation.domains.all())}
    if provider is not None and provider.is_saml:
        metadata = reverse("saml_metadata", kwargs={"organization_slug": provider.key})
        acs = reverse("saml_acs", kwargs={"organization_slug": provider.key})
        context.update(
            sp_metadata_url=request.build_absolute_uri(metadata),
            sp_acs_url=request.build_absolute_uri(acs),
            sp_fingerprint=certificate_fingerprint(provider.sp_certificate),
            sp_not_after=certificate_not_after(provider.sp_certificate),
            next_fingerprint=provider.sp_next_certificate
            and certificate_fingerprint(provider.sp_next_certificate),
            idp_fingerprints=[certificate_fingerprint(c) for c in provider.idp_certificates or []],
        )
    elif provider is not None:
        callback = reverse("openid_connect_callback", kwargs={"provider_id": provider.provider_id})
        context["redirect_uri"] = request.build_absolute_uri(callback)
    context.setdefault("protocol_form", ProtocolForm())
    if provider is not None:
        context.setdefault("metadata_form", MetadataForm(initial={"metadata_url": provider.metadata_url}))
        context.setdefault(
            "oidc_form", OidcForm(initial={"issuer": provider.issuer, "client_id": provider.client_id})
        )
        context.setdefault(
            "attributes_form",
            AttributesForm(initial={name: getattr(provider, name) for name in services.ATTRIBUTE_FIELDS}),
        )
        context["link_requests"] = selectors.link_requests(organisation=organisation)[:50]
    context.update(extra)
    return context


def _settings_page(request, provider, status=200, **extra):
    return render(request, "sso/settings.html", _provider_context(request, provider, **extra), status=status)


@organisation_admin_view
@reauthentication_required
@require_GET
def sso_settings(request):
    return _settings_page(request, selectors.identity_provider_of(organisation=request.organisation))


def _back(request):
    return redirect("sso:settings", org_slug=request.organisation.slug)


def _provider_or_404(request):
    provider = selectors.identity_provider_of(organisation=request.organisation)
    if provider is None:
        raise Http404
    return provider


@organisation_admin_view
@reauthentication_required
@require_POST
def sso_create(request):
    form = ProtocolForm(request.POST)
    if form.is_valid():
        try:
            services.identity_provider_create(
                actor=request.user, organisation=request.organisation, protocol=form.cleaned_data["protocol"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            return _back(request)
    return _settings_page(request, None, status=400, protocol_form=form)


def _save(request, provider, form, save, *, success, form_name):
    """A settings form posted: saved and back to the page with a message, or the page again with why not."""
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, success)
            return _back(request)
    return _settings_page(request, provider, status=400, **{form_name: form})


@organisation_admin_view
@reauthentication_required
@require_POST
def sso_metadata(request):
    provider = _provider_or_404(request)

    def save(data):
        upload = data.get("metadata_file")
        services.identity_provider_saml_metadata(
            actor=request.user,
            provider=provider,
            content=upload.read() if upload else b"",
            url=data.get("metadata_url") or "",
        )

    form = MetadataForm(request.POST, request.FILES)
    success = _("The identity provider's metadata is read.")
    return _save(request, provider, form, save, success=success, form_name="metadata_form")


@organisation_admin_view
@reauthentication_required
@require_POST
def sso_oidc(request):
    provider = _provider_or_404(request)

    def save(data):
        services.identity_provider_oidc_update(actor=request.user, provider=provider, **data)

    success = _("The OpenID Connect provider answered and is saved.")
    return _save(request, provider, OidcForm(request.POST), save, success=success, form_name="oidc_form")


@organisation_admin_view
@reauthentication_required
@require_POST
def sso_attributes(request):
    provider = _provider_or_404(request)

    def save(data):
        services.identity_provider_attributes(actor=request.user, provider=provider, **data)

    form = AttributesForm(request.POST)
    return _save(request, provider, form, save, success=_("Saved."), form_name="attributes_form")


@organisation_admin_view
@reauthentication_required
@require_POST
def sso_switch(request):
    """Sign-in in use or not, password login on or off, a new certificate made or switched to."""
    provider = _provider_or_404(request)
    what = request.POST.get("what")
    actions = {
        "enable": lambda: services.identity_provider_enable(
            actor=request.user, provider=provider, enabled=True
        ),
        "disable": lambda: services.identity_provider_enable(
            actor=request.user, provider=provider, enabled=False
        ),
        "passwords_off": lambda: services.password_login_set(
            actor=request.user, organisation=request.organisation, allowed=False
        ),
        "passwords_on": lambda: services.password_login_set(
            actor=request.user, organisation=request.organisation, allowed=True
        ),
        "certificate_prepare": lambda: services.sp_certificate_prepare(actor=request.user, provider=provider),
        "certificate_switch": lambda: services.sp_certificate_switch(actor=request.user, provider=provider),
    }
    if what not in actions:
        messages.error(request, _("Choose what to change."))
        return _settings_page(request, provider, status=400)
    try:
        actions[what]()
    except ValidationError as error:
        messages.error(request, error_text(error))
        return _settings_page(request, provider, status=400)
    messages.success(request, _("Saved."))
    return _back(request)


@organisation_admin_view
@reauthentication_required
@require_POST
def sso_link_decide(request, request_id):
    link_request = selectors.access_link_request(organisation=request.organisation, request_id=request_id)
    try:
        if request.POST.get("decision") == "confirm":
            services.link_confirm(actor=request.user, link=link_request)
            messages.success(
                request,
                _("Linked. %(person)s can sign in with the organisation's sign-in.")
                % {"person": link_request.user},
            )
        else:
            services.link_refuse(actor=request.user, link=link_request)
            messages.success(request, _("Refused. Nothing was linked."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return _back(request)


# --- The mapping ------------------------------------------------------------------------------------------


def _mapping_page(request, provider, *, form=None, preview=None, pending=None, status=200):
    organisation = request.organisation
    workplaces = list(Workplace.objects.filter(organisation=organisation).order_by("name"))
    rules = paginate(request, selectors.mapping_rules_listed(organisation=organisation))
    return render(
        request,
        "sso/mapping.html",
        {
            "provider": provider,
            "rules": rules,
            "form": form or RuleForm(workplaces=workplaces),
            "preview": preview,
            "pending": pending,
        },
        status=status,
    )


@organisation_admin_view
@reauthentication_required
@require_http_methods(["GET", "POST"])
def mapping(request):
    """Rules added in two steps: the preview of what the rule does to today's people, then the save."""
    provider = _provider_or_404(request)
    organisation = request.organisation
    if request.method == "GET":
        return _mapping_page(request, provider)
    workplaces = list(Workplace.objects.filter(organisation=organisation).order_by("name"))
    form = RuleForm(request.POST, workplaces=workplaces)
    if not form.is_valid():
        return _mapping_page(request, provider, form=form, status=400)
    data = form.cleaned_data
    try:
        if request.POST.get("confirmed") == "yes":
            services.mapping_rule_add(actor=request.user, organisation=organisation, **data)
            messages.success(request, _("The rule is saved. It applies at each person's next sign-in."))
            return redirect("sso:mapping", org_slug=organisation.slug)
        rule = services.mapping_rule_build(organisation=organisation, **data)
    except ValidationError as error:
        apply_validation_error(form, error)
        return _mapping_page(request, provider, form=form, status=400)
    rules = [*selectors.mapping_rules(organisation=organisation), rule]
    preview = selectors.mapping_preview(provider=provider, rules=rules)
    return _mapping_page(request, provider, form=form, preview=preview, pending=rule)


@organisation_admin_view
@reauthentication_required
@require_http_methods(["GET", "POST"])
def mapping_rule_remove(request, rule_id):
    provider = _provider_or_404(request)
    rule = (
        MappingRule.objects.filter(organisation=request.organisation, pk=rule_id)
        .select_related("target_workplace")
        .first()
    )
    if rule is None:
        raise Http404
    if request.method == "POST":
        services.mapping_rule_remove(actor=request.user, rule=rule)
        messages.success(request, _("The rule is removed. It stops applying at each person's next sign-in."))
        return redirect("sso:mapping", org_slug=request.organisation.slug)
    rules = [r for r in selectors.mapping_rules(organisation=request.organisation) if r.pk != rule.pk]
    preview = selectors.mapping_preview(provider=provider, rules=rules)
    return render(
        request, "sso/mapping_rule_remove.html", {"rule": rule, "preview": preview, "kinds": RuleKind}
    )
