from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.core.forms import apply_validation_error
from frontloeber.core.pagination import paginate
from frontloeber.organisations.tenancy import organisation_admin_view, workplace_view

from . import registry, selectors, services
from .context_processors import my_admin_organisations, my_memberships
from .forms import DomainForm, InvitationForm, RoleForm, SafetyContactForm, WorkplaceForm
from .models import Role

# --- The person's own home ------------------------------------------------------------------------


@require_GET
def home(request):
    """After login: straight to the only workplace, otherwise the list of the person's workplaces."""
    memberships = my_memberships(request)
    organisations = my_admin_organisations(request)
    if len(memberships) == 1 and not organisations:
        return redirect(memberships[0].workplace)
    return render(
        request, "organisations/home.html", {"memberships": memberships, "organisations": organisations}
    )


# --- Workplace pages -----------------------------------------------------------------------------


@workplace_view
@require_GET
def workplace_home(request):
    context = {"role_counts": selectors.workplace_role_counts(workplace=request.workplace)}
    for section in registry.workplace_home:
        context.update(section(workplace=request.workplace, user=request.user))
    context["panels"] = [p for p in (panel(request=request) for panel in registry.workplace_home_panels) if p]
    return render(request, "organisations/workplace_home.html", context)


def _workplace_form(request, workplace, *, done_url, template, extra=None):
    initial = {"name": workplace.name, "sector": workplace.sector, "core_task": workplace.core_task}
    form = WorkplaceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.workplace_update(actor=request.user, workplace=workplace, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The workplace is saved."))
            return redirect(done_url)
    return render(
        request,
        template,
        {"form": form, "edited_workplace": workplace, "cancel_url": done_url, **(extra or {})},
    )


@workplace_view(roles=[Role.LEADER])
@require_http_methods(["GET", "POST"])
def workplace_edit(request):
    return _workplace_form(
        request,
        request.workplace,
        done_url=request.workplace.get_absolute_url(),
        template="organisations/workplace_form.html",
    )


# --- People: shared by the leader's members page and the organisation admin's workplace page ---------


def _people_context(request, workplace, *, urls):
    return {
        "members": paginate(request, selectors.workplace_members(workplace=workplace)),
        "invitations": selectors.invitations_pending(workplace=workplace),
        "invite_form": InvitationForm(),
        "role_choices": Role.choices,
        "people_urls": urls,
        "managed_workplace": workplace,
    }


def _invite(request, workplace, *, back_url, template, context):
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_create(
                actor=request.user, workplace=workplace, language=get_language(), **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("An invitation is on its way to %(email)s. The link works for 14 days.")
                % {"email": invitation.email},
            )
            return redirect(back_url)
    return render(request, template, {**context, "invite_form": form, "cancel_url": back_url})


def _change_role(request, workplace, membership_id, *, back_url, row_template, urls):
    membership = selectors.access_membership(workplace=workplace, membership_id=membership_id)
    form = RoleForm(request.POST)
    error_message = None
    if form.is_valid():
        try:
            services.membership_change_role(
                actor=request.user, membership=membership, role=form.cleaned_data["role"]
            )
        except ValidationError as error:
            error_message = " ".join(error.messages)
    else:
        error_message = " ".join(form.errors.get("role", [])) or _("Choose a role from the list.")
    if request.htmx:
        membership.refresh_from_db()
        return render(
            request,
            row_template,
            {
                "member": membership,
                "role_choices": Role.choices,
                "people_urls": urls,
                "row_error": error_message,
                "row_saved": error_message is None,
            },
        )
    if error_message:
        messages.error(request, error_message)
    else:
        messages.success(
            request,
            _("%(name)s is now %(role)s.")
            % {"name": membership.user, "role": membership.get_role_display().lower()},
        )
    return redirect(back_url)


def _remove(request, workplace, membership_id, *, back_url, template, urls):
    membership = selectors.access_membership(workplace=workplace, membership_id=membership_id)
    error_message = None
    if request.method == "POST":
        try:
            services.membership_remove(actor=request.user, membership=membership)
        except ValidationError as error:
            error_message = " ".join(error.messages)
        else:
            messages.success(
                request,
                _("%(name)s is no longer a member of %(workplace)s. What they contributed stays.")
                % {"name": membership.user, "workplace": workplace.name},
            )
            return redirect(back_url)
    return render(
        request,
        template,
        {"member": membership, "cancel_url": back_url, "error_message": error_message, "people_urls": urls},
        status=400 if error_message else 200,
    )


def _revoke(request, workplace, invitation_id, *, back_url):
    invitation = selectors.access_invitation(workplace=workplace, invitation_id=invitation_id)
    services.invitation_revoke(actor=request.user, invitation=invitation)
    messages.success(request, _("The invitation to %(email)s is withdrawn.") % {"email": invitation.email})
    return redirect(back_url)


def _workplace_people_urls(workplace):
    slug = {"workplace_slug": workplace.slug}
    return {
        "list": reverse("organisations:members", kwargs=slug),
        "invite": reverse("organisations:member_invite", kwargs=slug),
        "role": "organisations:member_role",
        "remove": "organisations:member_remove",
        "revoke": "organisations:invitation_revoke",
        "kwargs": slug,
    }


@workplace_view(roles=[Role.LEADER])
@require_GET
def members(request):
    urls = _workplace_people_urls(request.workplace)
    links = [link for links in registry.members_page_links for link in links(workplace=request.workplace)]
    return render(
        request,
        "organisations/members.html",
        {**_people_context(request, request.workplace, urls=urls), "links": links},
    )


@workplace_view(roles=[Role.LEADER])
@require_http_methods(["GET", "POST"])
def member_invite(request):
    urls = _workplace_people_urls(request.workplace)
    return _invite(
        request,
        request.workplace,
        back_url=urls["list"],
        template="organisations/invite.html",
        context={"people_urls": urls, "managed_workplace": request.workplace},
    )


@workplace_view(roles=[Role.LEADER])
@require_POST
def member_role(request, membership_id):
    urls = _workplace_people_urls(request.workplace)
    return _change_role(
        request,
        request.workplace,
        membership_id,
        back_url=urls["list"],
        row_template="organisations/partials/member_row.html",
        urls=urls,
    )


@workplace_view(roles=[Role.LEADER])
@require_http_methods(["GET", "POST"])
def member_remove(request, membership_id):
    urls = _workplace_people_urls(request.workplace)
    return _remove(
        request,
        request.workplace,
        membership_id,
        back_url=urls["list"],
        template="organisations/member_remove.html",
        urls=urls,
    )


@workplace_view(roles=[Role.LEADER])
@require_POST
def invitation_revoke(request, invitation_id):
    return _revoke(
        request, request.workplace, invitation_id, back_url=_workplace_people_urls(request.workplace)["list"]
    )


# --- Organisation admin ----------------------------------------------------------------------------


@organisation_admin_view
@require_GET
def organisation_home(request):
    return render(
        request,
        "organisations/organisation_home.html",
        {
            "workplaces": paginate(
                request, selectors.organisation_workplaces(organisation=request.organisation)
            ),
            "links": [
                link
                for links in registry.organisation_home_links
                for link in links(organisation=request.organisation)
            ],
        },
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def organisation_workplace_create(request):
    form = WorkplaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workplace = services.workplace_create(
                actor=request.user, organisation=request.organisation, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("%(workplace)s is created. Invite its leader next.") % {"workplace": workplace.name},
            )
            return redirect(_org_people_urls(request.organisation, workplace)["list"])
    return render(
        request,
        "organisations/workplace_form.html",
        {
            "form": form,
            "cancel_url": reverse(
                "organisations:organisation_home", kwargs={"org_slug": request.organisation.slug}
            ),
        },
    )


def _org_people_urls(organisation, workplace):
    kwargs = {"org_slug": organisation.slug, "workplace_slug": workplace.slug}
    return {
        "list": reverse("organisations:organisation_workplace", kwargs=kwargs),
        "invite": reverse("organisations:organisation_invite", kwargs=kwargs),
        "edit": reverse("organisations:organisation_workplace_edit", kwargs=kwargs),
        "role": "organisations:organisation_member_role",
        "remove": "organisations:organisation_member_remove",
        "revoke": "organisations:organisation_invitation_revoke",
        "kwargs": kwargs,
    }


def _org_workplace(request, workplace_slug):
    return selectors.access_organisation_workplace(
        organisation=request.organisation, workplace_slug=workplace_slug
    )


@organisation_admin_view
@require_GET
def organisation_workplace(request, workplace_slug):
    workplace = _org_workplace(request, workplace_slug)
    urls = _org_people_urls(request.organisation, workplace)
    return render(
        request, "organisations/organisation_workplace.html", _people_context(request, workplace, urls=urls)
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def organisation_workplace_edit(request, workplace_slug):
    workplace = _org_workplace(request, workplace_slug)
    return _workplace_form(
        request,
        workplace,
        done_url=_org_people_urls(request.organisation, workplace)["list"],
        template="organisations/workplace_form.html",
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def organisation_invite(request, workplace_slug):
    workplace = _org_workplace(request, workplace_slug)
    urls = _org_people_urls(request.organisation, workplace)
    return _invite(
        request,
        workplace,
        back_url=urls["list"],
        template="organisations/invite.html",
        context={"people_urls": urls, "managed_workplace": workplace},
    )


@organisation_admin_view
@require_POST
def organisation_member_role(request, workplace_slug, membership_id):
    workplace = _org_workplace(request, workplace_slug)
    urls = _org_people_urls(request.organisation, workplace)
    return _change_role(
        request,
        workplace,
        membership_id,
        back_url=urls["list"],
        row_template="organisations/partials/member_row.html",
        urls=urls,
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def organisation_member_remove(request, workplace_slug, membership_id):
    workplace = _org_workplace(request, workplace_slug)
    urls = _org_people_urls(request.organisation, workplace)
    return _remove(
        request,
        workplace,
        membership_id,
        back_url=urls["list"],
        template="organisations/member_remove.html",
        urls=urls,
    )


@organisation_admin_view
@require_POST
def organisation_invitation_revoke(request, workplace_slug, invitation_id):
    workplace = _org_workplace(request, workplace_slug)
    return _revoke(
        request, workplace, invitation_id, back_url=_org_people_urls(request.organisation, workplace)["list"]
    )


# --- The organisation's e-mail domains and the addresses outside them -----------------------------------


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def domains(request):
    organisation = request.organisation
    form = DomainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain = services.organisation_domain_add(
                actor=request.user, organisation=organisation, domain=form.cleaned_data["domain"]
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("%(domain)s is added.") % {"domain": domain.domain})
            return redirect("organisations:domains", org_slug=organisation.slug)
    return render(
        request,
        "organisations/domains.html",
        {
            "form": form,
            "domains": selectors.organisation_domain_list(organisation=organisation),
            "claims": selectors.domain_claims_pending(organisation=organisation),
        },
        status=400 if form.errors else 200,
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def domain_remove(request, domain_id):
    domain = selectors.access_organisation_domain(organisation=request.organisation, domain_id=domain_id)
    if request.method == "POST":
        services.organisation_domain_remove(actor=request.user, domain=domain)
        messages.success(request, _("%(domain)s is removed.") % {"domain": domain.domain})
        return redirect("organisations:domains", org_slug=request.organisation.slug)
    return render(request, "organisations/domain_remove.html", {"domain": domain})


@organisation_admin_view
@require_GET
def addresses(request):
    organisation = request.organisation
    domains = selectors.organisation_domains(organisation=organisation)
    people = selectors.people_outside_domains(organisation=organisation, domains=domains)
    context = {"people": paginate(request, people), "has_domains": bool(domains)}
    return render(request, "organisations/addresses.html", context)


@organisation_admin_view
@require_POST
def address_approve(request, user_id):
    person = selectors.access_organisation_person(organisation=request.organisation, user_id=user_id)
    services.address_approve(actor=request.user, organisation=request.organisation, user=person)
    messages.success(
        request,
        _("%(email)s is approved: survey rounds created from now on can ask them.") % {"email": person.email},
    )
    return redirect("organisations:addresses", org_slug=request.organisation.slug)


@organisation_admin_view
@require_POST
def address_approval_withdraw(request, user_id):
    person = selectors.access_organisation_person(organisation=request.organisation, user_id=user_id)
    services.address_approval_withdraw(actor=request.user, organisation=request.organisation, user=person)
    messages.success(
        request,
        _("The approval of %(email)s is withdrawn: new survey rounds do not ask them.")
        % {"email": person.email},
    )
    return redirect("organisations:addresses", org_slug=request.organisation.slug)


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def safety_contacts(request):
    """Who reviews experiments' safety checks: the data protection adviser(s) and IT security contact(s)."""
    organisation = request.organisation
    form = SafetyContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            contact = services.safety_contact_add(
                actor=request.user, organisation=organisation, **form.cleaned_data
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is named as %(role)s.")
                % {
                    "name": contact.user.full_name or contact.user.email,
                    "role": contact.get_role_display().lower(),
                },
            )
            return redirect("organisations:safety_contacts", org_slug=organisation.slug)
    return render(
        request,
        "organisations/safety_contacts.html",
        {"form": form, "contacts": selectors.safety_contacts(organisation=organisation)},
        status=400 if form.errors else 200,
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def safety_contact_remove(request, contact_id):
    contact = selectors.access_safety_contact(organisation=request.organisation, contact_id=contact_id)
    if request.method == "POST":
        services.safety_contact_remove(actor=request.user, contact=contact)
        messages.success(
            request,
            _("%(name)s no longer reviews safety checks in that role.")
            % {"name": contact.user.full_name or contact.user.email},
        )
        return redirect("organisations:safety_contacts", org_slug=request.organisation.slug)
    return render(request, "organisations/safety_contact_remove.html", {"contact": contact})
