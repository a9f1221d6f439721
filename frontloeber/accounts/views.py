from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.core import ratelimit
from frontloeber.core.clientip import client_network
from frontloeber.core.next_address import local_next

from . import personal_data, registry, sessions, shared_device
from .forms import PasswordResetForm, ReauthenticateForm

# Password-reset e-mails per hour: from one address (then a 429 page), and to one e-mail address (then none,
# quietly: the page reads the same, so it tells nobody whether the address has an account).
RESETS_PER_ADDRESS = 10
RESETS_PER_EMAIL = 3
RESET_WINDOW = 60 * 60


class PasswordResetView(auth_views.PasswordResetView):
    """Django's password reset, rate-limited so that nobody floods a colleague's mailbox with reset links."""

    form_class = PasswordResetForm

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
        device = shared_device.current(self.request)
        if device is not None:
            # A shared device asks for the e-mail and password, or the organisation's own sign-in: nothing
            # of another organisation, nor a way back to a workshop someone joined as a guest here.
            kwargs["shared_device"] = device
            kwargs["sign_in_options"] = device.sign_in_options()
            return super().get_context_data(**kwargs)
        for extra in registry.login_page:
            kwargs.update(extra(self.request))
        kwargs["sign_in_options"] = registry.sign_in_options_for(
            self.request, next_url=self.get_redirect_url()
        )
        return super().get_context_data(**kwargs)


class LogoutView(auth_views.LogoutView):
    """Django's sign-out. On a shared device the browser is also told to forget what the app kept in it
    (drafts, the service worker and its caches, the HTTP cache) before the next person signs in; the page's
    script has sent or, after a warning, deleted the drafts first."""

    def post(self, request, *args, **kwargs):
        device = shared_device.current(request)
        response = super().post(request, *args, **kwargs)
        if device is not None:
            response["Clear-Site-Data"] = shared_device.CLEAR_SITE_DATA
            messages.success(request, _("You are signed out. The device is ready for the next person."))
        return response


@never_cache
@require_GET
def still_here(request):
    """A shared device's script says the person is still at the screen (typing, reading) though the page
    asks the server for nothing: the request itself keeps the session alive (``SessionLimitsMiddleware``)."""
    return HttpResponse(status=204)


# --- The person's account: their data, their sessions (issue 19, points 4 and 5) -----------------------

EXPORT_LOCK_SECONDS = 120
# Password tries on the re-authentication page per person in a quarter of an hour: a stolen session cannot
# guess its way to the gravest changes.
REAUTHENTICATE_TRIES = 10
REAUTHENTICATE_WINDOW = 15 * 60


@require_GET
def account(request):
    return render(request, "accounts/account.html", {"idle_minutes": settings.SESSION_IDLE_MINUTES})


@require_POST
def personal_data_download(request):
    """The person's data as a ZIP. Asked for twice at once (a double click, two tabs), the second answer says
    the first is on its way instead of building it again."""
    lock = f"personal-data-export:{request.user.pk}"
    if not cache.add(lock, 1, EXPORT_LOCK_SECONDS):
        messages.info(request, _("Your data is already being put together. Wait a moment and try again."))
        return render(
            request, "accounts/account.html", {"idle_minutes": settings.SESSION_IDLE_MINUTES}, status=429
        )
    try:
        content = personal_data.personal_data_zip(user=request.user)
    finally:
        cache.delete(lock)
    response = HttpResponse(content, content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="frontloeber-mine-data-{stamp}.zip"'
    return response


@require_POST
def sign_out_everywhere(request):
    sessions.sign_out_everywhere(user=request.user)
    logout(request)
    messages.success(request, _("You are signed out on every device, this one included."))
    return redirect("accounts:login")


@require_http_methods(["GET", "POST"])
def reauthenticate(request):
    """Asks the signed-in person for their password again before a grave change, then goes on to it."""
    next_url = local_next(request, request.POST.get("next") or request.GET.get("next"))
    form = ReauthenticateForm(request.user, request.POST or None)
    wrong_tries = f"reauthenticate:{request.user.pk}"
    if request.method == "POST":
        if ratelimit.count(wrong_tries) >= REAUTHENTICATE_TRIES:
            return render(request, "accounts/reauthenticate_slow_down.html", status=429)
        if form.is_valid():
            sessions.mark_proved(request)
            return HttpResponseRedirect(next_url or reverse("accounts:account"))
        ratelimit.hit(wrong_tries, window=REAUTHENTICATE_WINDOW)
    options = registry.sign_in_options_for(request, next_url=next_url, user=request.user)
    return render(
        request,
        "accounts/reauthenticate.html",
        {"form": form, "next": next_url, "sign_in_options": options},
    )
