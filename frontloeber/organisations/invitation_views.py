"""Accepting an invitation: the page an invitation e-mail leads to, also for people without an account."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from frontloeber.accounts.registry import sign_in_options_for

from . import services
from .forms import AcceptInvitationForm


def _invalid(request, error):
    status = 404 if error.reason == "forged" else 410
    return render(request, "organisations/invitation_invalid.html", {"reason": error.reason}, status=status)


@login_not_required
@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    try:
        invitation = services.invitation_check(token=token)
    except services.InvitationInvalid as error:
        return _invalid(request, error)

    context = {"invitation": invitation, "workplace": invitation.workplace}
    user = request.user
    if user.is_authenticated:
        if user.email.lower() != invitation.email.lower():
            return render(request, "organisations/invitation_wrong_account.html", context, status=403)
        if request.method == "POST":
            try:
                membership = services.invitation_accept_existing(token=token, user=user)
            except services.InvitationInvalid as error:
                return _invalid(request, error)
            messages.success(
                request, _("Welcome to %(workplace)s.") % {"workplace": membership.workplace.name}
            )
            return redirect(membership.workplace)
        return render(request, "organisations/invitation_join.html", context)

    if get_user_model().objects.filter(email__iexact=invitation.email).exists():
        return render(request, "organisations/invitation_login.html", context)

    if not invitation.workplace.organisation.password_login:
        # The organisation's own sign-in makes the account; the invitation is accepted when they are back.
        context["sign_in_options"] = sign_in_options_for(request, next_url=request.path)
        context["next"] = request.path
        return render(request, "organisations/invitation_sign_in_elsewhere.html", context)

    form = AcceptInvitationForm(request.POST or None, email=invitation.email)
    if request.method == "POST" and form.is_valid():
        try:
            membership = services.invitation_accept_new_user(
                token=token, full_name=form.cleaned_data["full_name"], password=form.cleaned_data["password1"]
            )
        except services.InvitationInvalid as error:
            return _invalid(request, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request, _("Welcome to %(workplace)s.") % {"workplace": membership.workplace.name}
            )
            return redirect(membership.workplace)
    context["form"] = form
    return render(request, "organisations/invitation_signup.html", context)
