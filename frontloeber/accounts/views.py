from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render, resolve_url

from frontloeber.core import ratelimit
from frontloeber.core.clientip import client_network

from . import registry

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
        return resolve_url(self.next_page or "organisations:home")

    def get_context_data(self, **kwargs):
        for extra in registry.login_page:
            kwargs.update(extra(self.request))
        return super().get_context_data(**kwargs)
