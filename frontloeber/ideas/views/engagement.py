import uuid

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.organisations.tenancy import workplace_view

from .. import selectors, services
from ..forms import (
    CommentForm,
)
from .base import CONTRIBUTORS, post_or_back_to_idea, refused_json, sent_json, wants_json
from .detail import _belongs_to_form, _render_detail

# --- Supports, follows, comments -------------------------------------------------------------------------


def _toggle(request, idea_id, action, partial):
    idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    wanted = request.POST.get("on") == "1"
    error = None
    try:
        action(idea, wanted)
    except (ValidationError, PermissionDenied) as exc:
        error = error_text(exc)
    if request.htmx:
        # 200 even on error: htmx swaps only successful answers, and the partial carries the message.
        idea = selectors.idea_with_my_marks(workplace=request.workplace, idea_id=idea.pk, user=request.user)
        context = {
            "idea": idea,
            "error": error,
            "can_contribute": True,
            "is_author": idea.author_id == request.user.pk,
        }
        return render(request, partial, context)
    if error:
        messages.error(request, error)
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = idea.get_absolute_url()
    return redirect(back)


@workplace_view(roles=CONTRIBUTORS)
@post_or_back_to_idea
def idea_support(request, idea_id):
    return _toggle(
        request,
        idea_id,
        lambda idea, on: services.idea_support(actor=request.user, idea=idea, support=on),
        "ideas/partials/support_button.html",
    )


@workplace_view(roles=CONTRIBUTORS)
@post_or_back_to_idea
def idea_follow(request, idea_id):
    return _toggle(
        request,
        idea_id,
        lambda idea, on: services.idea_follow(actor=request.user, idea=idea, follow=on),
        "ideas/partials/follow_button.html",
    )


@workplace_view(roles=CONTRIBUTORS)
@post_or_back_to_idea
def comment_create(request, idea_id):
    idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    form = CommentForm(request.POST)
    refused = _("The comment was not posted. Correct it and send it again.")
    if form.is_valid():
        try:
            comment = services.comment_create(
                actor=request.user,
                idea=idea,
                body=form.cleaned_data["body"],
                submission_key=_submission_key(request),
            )
        except ValidationError as error:
            if not _belongs_to_form(error, form):
                if wants_json(request):
                    return refused_json(form, error_text(error))
                messages.error(request, error_text(error))
                return redirect(idea.get_absolute_url())
            apply_validation_error(form, error)
        else:
            url = f"{idea.get_absolute_url()}#kommentar-{comment.pk}"
            if wants_json(request):
                return sent_json(url=url, title=idea.title)
            messages.success(request, _("Your comment is posted."))
            return redirect(url)
    if wants_json(request):
        return refused_json(form, refused)
    return _render_detail(request, idea.pk, status=400, comment_form=form)


def _submission_key(request):
    """The key a device gives the comment it sends (offline-forms.js); a key that is no UUID is ignored."""
    try:
        return uuid.UUID(request.POST.get("submission_key", ""))
    except ValueError:
        return None


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def comment_edit(request, idea_id, comment_id):
    idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    comment = selectors.access_comment(idea=idea, comment_id=comment_id)
    if comment.author_id != request.user.pk:
        raise PermissionDenied(_("Only the person who wrote a comment can edit it."))
    form = CommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_update(actor=request.user, comment=comment, body=form.cleaned_data["body"])
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your comment is updated."))
            return redirect(f"{idea.get_absolute_url()}#kommentar-{comment.pk}")
    return render(request, "ideas/comment_edit.html", {"idea": idea, "comment": comment, "form": form})
