"""The device's queue (issue 21, point 2): the idea form that opens without the network, and a fresh CSRF
token for the queue when the network returns. The queue itself lives in the browser (drafts.js)."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from frontloeber.ideas.forms import IdeaForm

from .owners import owner_tag
from .views import idea_form_pattern


@login_not_required
@require_GET
def idea_shell(request):
    """The idea form with nothing of anyone in it: the service worker keeps it and shows it at a workplace's
    idea-form address when the network is gone. It is rendered the same for everyone, signed in or not, so
    the copy on a device carries no name, no message and no token; the page's script fills in where the idea
    goes and a fresh key for each draft."""
    form = IdeaForm(initial={"submission_key": ""})
    # No "messages": rendering them would spend the person's pending notices on a page kept in a cache.
    context = {"form": form, "idea_form_pattern": idea_form_pattern(), "messages": ()}
    response = render(request, "devices/idea_shell.html", context)
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
@never_cache
def csrf(request):
    """A fresh CSRF token for the queue before it sends a draft. Only for the signed in: the login middleware
    sends anyone else to the login page, which the queue reads as "sign in to send". With it, the owner tag
    of the person the session belongs to now: the queue sends only that person's drafts, whatever the page
    that asks believes."""
    return JsonResponse({"csrf": get_token(request), "owner": owner_tag(request.user)})
