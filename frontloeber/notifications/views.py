from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.accounts.models import User
from frontloeber.core.pagination import paginate

from . import kinds, selectors, services, tokens
from .forms import PreferenceForm
from .registry import subject_pages


@require_GET
def notification_list(request):
    page = paginate(request, selectors.notifications_for(user=request.user))
    return render(request, "notifications/list.html", {"page": page})


@require_POST
def mark_all_read(request):
    count = services.notification_mark_read(user=request.user)
    if count:
        messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


@require_GET
def notification_open(request, notification_id):
    notification = selectors.notifications_for(user=request.user).filter(pk=notification_id).first()
    if notification is None:
        raise Http404
    services.notification_mark_read(user=request.user, notification_id=notification.pk)
    if notification.target_url.startswith("/") and not notification.target_url.startswith("//"):
        return redirect(notification.target_url)
    page = next(filter(None, (opens(notification=notification) for opens in subject_pages)), "")
    if page:
        declared = kinds.get(notification.kind)
        anchor = declared.anchor if declared is not None else ""
        return redirect(page + anchor)
    return redirect(notification.workplace.get_absolute_url())


@require_http_methods(["GET", "POST"])
def preferences(request):
    preference = selectors.preference_for(user=request.user)
    mutable = kinds.mutable()
    muted = selectors.muted_kinds(user=request.user)
    form = PreferenceForm(
        request.POST or None,
        kinds=mutable,
        initial={
            "daily_digest": preference.daily_digest,
            "language": preference.language,
            "heard": [kind.code for kind in mutable if kind.code not in muted],
        },
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        heard = set(data.pop("heard"))
        services.preference_update(
            user=request.user, muted_kinds=[kind.code for kind in mutable if kind.code not in heard], **data
        )
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@login_not_required
@csrf_exempt  # the signed token is the credential; mail programs' one-click unsubscribe posts without a form
@require_http_methods(["GET", "POST"])
def digest_off(request, token):
    """Stop the daily digest. GET asks first: mail scanners open links, and must not switch anything off.
    A POST switches it off, or on again with digest=1 (an RFC 8058 one-click POST switches it off)."""
    user_id = tokens.read_digest_off_token(token)
    user = User.objects.filter(pk=user_id, is_active=True).first() if user_id else None
    if user is None:
        return render(request, "notifications/link_invalid.html", status=404)
    preference = selectors.preference_for(user=user)
    state = "ask"
    if request.method == "POST":
        on = request.POST.get("digest") == "1"
        services.preference_update(user=user, daily_digest=on, language=preference.language)
        state = "on" if on else "off"
    return render(
        request,
        "notifications/digest_off.html",
        {"state": state, "token": token, "settings_url": reverse("notifications:preferences")},
    )
