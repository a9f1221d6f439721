from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.core.files import private_file_response
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.text import whole_number
from frontloeber.organisations.tenancy import workplace_view

from .. import permissions, registry, selectors, services
from ..forms import (
    IdeaForm,
)
from .base import CONTRIBUTORS, refused_json, sent_json, wants_json

# --- Submitting and editing -------------------------------------------------------------------------------


def _challenge_from(form, workplace):
    challenge_id = form.cleaned_data.get("challenge")
    if not challenge_id:
        return None
    return selectors.challenges(workplace=workplace).filter(pk=challenge_id).first()


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def idea_create(request):
    workplace = request.workplace
    challenges = list(selectors.open_challenges(workplace=workplace))
    initial = {}
    challenge_id = whole_number(request.GET.get("udfordring"))
    if challenge_id:
        initial["challenge"] = challenge_id
    form = IdeaForm(request.POST or None, request.FILES or None, challenges=challenges, initial=initial)
    similar, similar_work = [], {}
    if request.method == "POST":
        if "check_similar" in request.POST:
            text = f"{request.POST.get('title', '')} {request.POST.get('need', '')}"
            similar = selectors.similar_ideas(workplace=workplace, text=text)
            similar_work = _similar_work(request, text)
            form = IdeaForm(initial=request.POST.dict(), challenges=challenges)
        elif form.is_valid():
            try:
                idea = services.idea_create(
                    actor=request.user,
                    workplace=workplace,
                    challenge=_challenge_from(form, workplace),
                    submission_key=form.cleaned_data["submission_key"],
                    **form.service_kwargs(),
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                if wants_json(request):
                    return sent_json(url=idea.get_absolute_url(), title=idea.title)
                days = workplace.response_target_days
                messages.success(
                    request,
                    ngettext(
                        "Thank you! Your idea is submitted, and your leader has been told. "
                        "You will get an answer within %(days)d day.",
                        "Thank you! Your idea is submitted, and your leader has been told. "
                        "You will get an answer within %(days)d days.",
                        days,
                    )
                    % {"days": days},
                )
                return redirect(idea.get_absolute_url())
        if wants_json(request):
            return refused_json(form, _("The idea was not submitted. Correct it and send it again."))
    return render(
        request,
        "ideas/idea_form.html",
        {
            "form": form,
            "similar": similar,
            **similar_work,
            "checked_similar": "check_similar" in request.POST,
            "tag_suggestions": selectors.organisation_tags(organisation=request.organisation),
        },
    )


@workplace_view(roles=CONTRIBUTORS)
@require_GET
def similar(request):
    """Similar ideas beside the form, updated as the person types (htmx)."""
    text = f"{request.GET.get('title', '')} {request.GET.get('need', '')}"[:1000]
    ideas = selectors.similar_ideas(
        workplace=request.workplace, text=text, exclude_id=whole_number(request.GET.get("idea"))
    )
    return render(
        request,
        "ideas/partials/similar.html",
        {
            "similar": ideas,
            **_similar_work(request, text),
            "checked_similar": bool(text.strip()),
        },
    )


def _similar_work(request, text):
    found = {}
    for extra in registry.similar_work:
        found.update(extra(workplace=request.workplace, text=text))
    return found


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def idea_edit(request, idea_id):
    idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    if not permissions.can_edit_idea(membership=request.membership, idea=idea):
        raise PermissionDenied(_("Only the author can edit an idea, and only while it is new."))
    challenges = list(selectors.open_challenges(workplace=request.workplace))
    if idea.challenge and idea.challenge not in challenges:
        challenges.append(idea.challenge)
    initial = {
        "title": idea.title,
        "need": idea.need,
        "description": idea.description,
        "concerns": idea.concerns,
        "tags": ", ".join(tag.name for tag in idea.tags.all()),
        "challenge": idea.challenge_id,
        **{f"value_{axis}": getattr(idea, f"value_{axis}") for axis in ("citizens", "quality", "routines")},
        **{
            f"value_{axis}_why": getattr(idea, f"value_{axis}_why")
            for axis in ("citizens", "quality", "routines")
        },
    }
    form = IdeaForm(request.POST or None, request.FILES or None, challenges=challenges, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_update(
                actor=request.user,
                idea=idea,
                challenge=_challenge_from(form, request.workplace),
                **form.service_kwargs(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(idea.get_absolute_url())
    return render(
        request,
        "ideas/idea_form.html",
        {
            "form": form,
            "idea": idea,
            "images": selectors.idea_images(idea=idea),
            "tag_suggestions": selectors.organisation_tags(organisation=request.organisation),
        },
    )


@workplace_view
@require_GET
def idea_image(request, idea_id, image_id):
    """A picture, served through the tenancy check: only members of the workplace see it."""
    idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    image = selectors.access_image(idea=idea, image_id=image_id)
    return private_file_response(image.image, image.content_type)


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def idea_image_delete(request, idea_id, image_id):
    idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    image = selectors.access_image(idea=idea, image_id=image_id)
    if request.method == "GET" and not permissions.can_edit_idea(membership=request.membership, idea=idea):
        raise PermissionDenied(_("Only the author can remove pictures, while the idea is new."))
    if request.method == "POST":
        try:
            services.idea_image_delete(actor=request.user, idea=idea, image_id=image.pk)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("The picture is removed."))
            return redirect("ideas:idea_edit", workplace_slug=request.workplace.slug, idea_id=idea.pk)
        return redirect(idea.get_absolute_url())
    return render(request, "ideas/image_delete.html", {"idea": idea, "image": image})


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def idea_withdraw(request, idea_id):
    idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    if request.method == "GET" and not permissions.can_edit_idea(membership=request.membership, idea=idea):
        raise PermissionDenied(_("Only the author can withdraw an idea, and only while it is new."))
    if request.method == "POST":
        try:
            services.idea_withdraw(actor=request.user, idea=idea)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, _("Your idea is withdrawn. It stays on the board as withdrawn."))
        return redirect(idea.get_absolute_url())
    return render(request, "ideas/idea_withdraw.html", {"idea": idea})
