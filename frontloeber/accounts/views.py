from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from frontloeber.core import ratelimit
from frontloeber.core.clientip import client_network

from . import services
from .forms import AcceptInvitationForm
from .models import User

# Password-reset e-mails per hour: from one address (then a 429 page), and to one e-mail address (then none,
# quietly: the page reads the same, so it tells nobody whether the address has an account).
RESETS_PER_ADDRESS = 10
RESETS_PER_EMAIL = 3
RESET_WINDOW = 60 * 60


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, rate-limited so that nobody floods a colleague's mailbox with reset links."""

    def form_valid(self, form):
        sent_from_here = ratelimit.hit(f"reset:address:{client_network(self.request)}", window=RESET_WINDOW)
        if sent_from_here > RESETS_PER_ADDRESS:
            return render(self.request, "accounts/password_reset_slow_down.html", status=429)
        email = form.cleaned_data["email"].strip().lower()
        if ratelimit.hit(f"reset:email:{email}", window=RESET_WINDOW) > RESETS_PER_EMAIL:
            return redirect(self.get_success_url())
        return super().form_valid(form)


class LoginView(auth_views.LoginView):
    """Django's login, but a `next` pointing back at the login page goes home instead of looping."""

    def get_redirect_url(self):
        url = super().get_redirect_url()
        return "" if url.split("?")[0] == self.request.path else url

    def get_default_redirect_url(self):
        return resolve_url(self.next_page or "core:home")

    def get_context_data(self, **kwargs):
        # A workshop guest has no login; a member's page sends them here, so show the way back instead.
        from frontloeber.workshops.selectors import guest_ids_of, guest_rooms

        rooms = guest_rooms(guest_ids=guest_ids_of(self.request.session))
        return super().get_context_data(**kwargs, guest_rooms=rooms)


def _invalid(request, error):
    status = 404 if error.reason == "forged" else 410
    return render(request, "accounts/invitation_invalid.html", {"reason": error.reason}, status=status)


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
            return render(request, "accounts/invitation_wrong_account.html", context, status=403)
        if request.method == "POST":
            try:
                membership = services.invitation_accept_existing(token=token, user=user)
            except services.InvitationInvalid as error:
                return _invalid(request, error)
            messages.success(
                request, _("Welcome to %(workplace)s.") % {"workplace": membership.workplace.name}
            )
            return redirect(membership.workplace)
        return render(request, "accounts/invitation_join.html", context)

    if User.objects.filter(email__iexact=invitation.email).exists():
        return render(request, "accounts/invitation_login.html", context)

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
    return render(request, "accounts/invitation_signup.html", context)
