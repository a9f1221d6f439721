from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect

from frontloeber.competences.selectors import workplace_skills
from frontloeber.core.forms import error_text
from frontloeber.ideas import selectors as idea_selectors
from frontloeber.organisations.models import Role

CONTRIBUTORS = [Role.EMPLOYEE, Role.LEADER]
LEADERS = [Role.LEADER]


def _members(workplace):
    return list(idea_selectors.assignable_members(workplace=workplace))


def _skills(workplace):
    return list(workplace_skills(workplace=workplace))


def _users(members):
    return {m.user_id: m.user for m in members}


def _post_action(request, target, action, success):
    """A one-button action (start, confirm, go live): a message either way, back to the page."""
    if request.method != "POST":
        return redirect(target)
    try:
        action()
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, success)
    return redirect(target)
