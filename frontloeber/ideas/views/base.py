from functools import wraps

from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import redirect

from frontloeber.organisations.models import Role

from .. import selectors

CONTRIBUTORS = [Role.EMPLOYEE, Role.LEADER]
LEADERS = [Role.LEADER]


def post_or_back_to_idea(view):
    """An action on an idea takes a POST; a GET (a reload, a language switch) goes to the idea's page."""

    @wraps(view)
    def wrapper(request, idea_id, *args, **kwargs):
        if request.method in ("GET", "HEAD"):
            idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
            return redirect(idea.get_absolute_url())
        if request.method != "POST":
            return HttpResponseNotAllowed(["GET", "POST"])
        return view(request, idea_id, *args, **kwargs)

    return wrapper


# --- Answers to a device's queue of drafts (issue 21): the idea form and the comment box ---------------


def wants_json(request):
    """A device's queue sends the ordinary form and asks for JSON: it has no page to show an answer in."""
    return "application/json" in request.headers.get("Accept", "")


def sent_json(*, url, title):
    return JsonResponse({"url": url, "title": title}, status=201)


def refused_json(form, message):
    """The form's errors as the queue keeps them beside the draft, in the person's language."""
    errors = {field: [str(text) for text in texts] for field, texts in form.errors.items()}
    return JsonResponse({"message": str(message), "errors": errors}, status=400)
