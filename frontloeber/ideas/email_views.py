"""The page the digest's "stop following this idea" link opens; reached without logging in."""

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from . import tokens
from .models import Idea
from .services import idea_follow


def _token_idea(token):
    found = tokens.read_unfollow_token(token)
    if found is None:
        return None, None
    user_id, idea_id = found
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    idea = Idea.objects.select_related("workplace").filter(pk=idea_id).first()
    if user is None or idea is None:
        return None, None
    return user, idea


@login_not_required
@require_http_methods(["GET", "POST"])
def unfollow(request, token):
    """Stop following an idea from the digest's link. GET asks first: mail scanners open links, and must not
    unfollow anyone. A POST stops following (follow=0), or follows again (follow=1); the page after stopping
    offers to follow again."""
    user, idea = _token_idea(token)
    if user is None:
        return render(request, "notifications/link_invalid.html", status=404)
    state = "ask"
    if request.method == "POST":
        follow = request.POST.get("follow") == "1"
        try:
            idea_follow(actor=user, idea=idea, follow=follow)
        except PermissionDenied:  # the person has left the workplace: following ends either way
            follow = False
        state = "following" if follow else "stopped"
    return render(request, "ideas/unfollowed.html", {"idea": idea, "state": state, "token": token})
