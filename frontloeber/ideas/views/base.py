from functools import wraps

from django.http import HttpResponseNotAllowed
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
