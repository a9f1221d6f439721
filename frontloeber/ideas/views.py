import datetime
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.accounts.models import User
from frontloeber.core.files import private_file_response
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate
from frontloeber.core.text import whole_number
from frontloeber.notifications import services as notification_services
from frontloeber.organisations import services as organisation_services
from frontloeber.organisations.models import Role
from frontloeber.organisations.tenancy import workplace_view

from . import permissions, registry, selectors, services
from .forms import (
    AcknowledgeForm,
    AnswerForm,
    AskForm,
    AssignForm,
    BoardFilterForm,
    ChallengeForm,
    CommentForm,
    IdeaForm,
    MergeForm,
    MoveForm,
    QualificationForm,
    ResponseTargetForm,
)
from .models import LEADER_MOVES, QUESTION_FROM, REASON_REQUIRED, IdeaStatus

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


# --- The board ------------------------------------------------------------------------------------------


@workplace_view
@require_GET
def board(request):
    workplace = request.workplace
    challenges = selectors.challenge_choices(workplace=workplace)
    form = BoardFilterForm(
        request.GET or None, challenges=challenges, tags=list(selectors.workplace_tags(workplace=workplace))
    )
    filters = form.filters() if request.GET else selectors.BoardFilters()
    page = paginate(request, selectors.idea_board(workplace=workplace, user=request.user, filters=filters))
    context = {"form": form, "page": page, "filters": filters, "view": form.view if request.GET else "kort"}
    if request.htmx and request.htmx.target == "board-results":
        response = render(request, "ideas/partials/board_results.html", context)
    else:
        response = render(request, "ideas/board.html", context)
    # One address answers a fragment or the whole page: caches (and the back button) must tell them apart.
    patch_vary_headers(response, ["HX-Request", "HX-Target"])
    return response


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


# --- The idea page ---------------------------------------------------------------------------------------


def _detail_context(request, idea, **forms):
    membership = request.membership
    is_leader = membership.role == Role.LEADER
    context = {
        "idea": idea,
        "is_leader": is_leader,
        "is_author": idea.author_id == request.user.pk,
        "can_contribute": membership.role in CONTRIBUTORS,
        "can_edit": permissions.can_edit_idea(membership=membership, idea=idea),
        "can_support": permissions.can_support(membership=membership, idea=idea),
        "can_qualify": permissions.can_qualify(membership=membership, idea=idea),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "now": timezone.now(),
        "target_days": request.workplace.response_target_days,
        # A leader's form that came back with errors is shown even on a closed idea, so its message is seen.
        "leader_form_errors": any(form.errors for form in forms.values() if form is not None),
    }
    if idea.awaiting_leader_since:
        context["waiting_days"] = (context["now"] - idea.awaiting_leader_since).days
        context["overdue"] = selectors.is_overdue(idea, request.workplace, context["now"])
    for panel in registry.idea_page:
        context.update(panel(membership=membership, idea=idea))
    if idea.status in REASON_REQUIRED:
        # The leader's reason for parking or stopping the idea: the first thing its author should read.
        context["status_reason"] = next(
            (e for e in reversed(idea.events.all()) if e.kind == "moved" and e.to_status == idea.status), None
        )
    if idea.status == IdeaStatus.NEEDS_INFO and context["is_author"]:
        context["answer_form"] = forms.get("answer_form") or AnswerForm()
        context["open_question"] = next((e for e in reversed(idea.events.all()) if e.kind == "asked"), None)
    if is_leader:
        allowed = LEADER_MOVES[IdeaStatus(idea.status)]
        # A form handed back with errors is shown even if the idea has moved on, so its message is seen.
        context.update(
            acknowledge_form=forms.get("acknowledge_form") or AcknowledgeForm(),
            move_form=forms.get("move_form") or (MoveForm(allowed=allowed) if allowed else None),
            ask_form=forms.get("ask_form") or (AskForm() if idea.status in QUESTION_FROM else None),
            assign_form=forms.get("assign_form")
            or AssignForm(
                members=selectors.assignable_members(workplace=request.workplace),
                initial={"responsible": idea.responsible_id},
            ),
        )
    return context


def _render_detail(request, idea_id, *, status=200, **forms):
    idea = selectors.idea_detail(workplace=request.workplace, idea_id=idea_id, user=request.user)
    return render(request, "ideas/idea_detail.html", _detail_context(request, idea, **forms), status=status)


@workplace_view
@require_GET
def idea_detail(request, idea_id):
    # Before rendering, so the bell in the header already leaves out what this page shows.
    notification_services.notification_mark_read_for_idea(user=request.user, idea=idea_id)
    return _render_detail(request, idea_id)


def _leader_action(request, idea_id, form_class, form_key, action, success, form_kwargs=None):
    """Run a leader's (or author's) form action on an idea; errors re-render the idea page with the form.

    ``success`` is the message, or a function of the updated idea that returns it (to name people);
    ``form_kwargs`` is a function of the idea giving the form's arguments."""
    idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    form = form_class(request.POST, **(form_kwargs(idea) if form_kwargs else {}))
    if form.is_valid():
        try:
            updated = action(idea, form.cleaned_data) or idea
        except ValidationError as error:
            if not _belongs_to_form(error, form):
                # The idea moved on meanwhile (withdrawn, merged, answered): say why on the idea's page.
                messages.error(request, error_text(error))
                return redirect(idea.get_absolute_url())
            apply_validation_error(form, error)
        else:
            messages.success(request, success(updated) if callable(success) else success)
            return redirect(idea.get_absolute_url())
    return _render_detail(request, idea.pk, status=400, **{form_key: form})


def _belongs_to_form(error, form):
    return hasattr(error, "error_dict") and any(field in form.fields for field in error.error_dict)


@workplace_view(roles=LEADERS)
@post_or_back_to_idea
def idea_acknowledge(request, idea_id):
    return _leader_action(
        request,
        idea_id,
        AcknowledgeForm,
        "acknowledge_form",
        lambda idea, data: services.idea_acknowledge(actor=request.user, idea=idea, message=data["message"]),
        lambda idea: (
            _("%(name)s has been told that you are looking at the idea.") % {"name": idea.author.full_name}
        ),
    )


@workplace_view(roles=LEADERS)
@post_or_back_to_idea
def idea_move(request, idea_id):
    return _leader_action(
        request,
        idea_id,
        MoveForm,
        "move_form",
        lambda idea, data: services.idea_move(
            actor=request.user, idea=idea, to_status=data["to_status"], message=data["message"]
        ),
        lambda idea: (
            _("The idea is now “%(status)s”, and %(name)s has been told.")
            % {"status": idea.get_status_display(), "name": idea.author.full_name}
        ),
        form_kwargs=lambda idea: {"allowed": LEADER_MOVES[IdeaStatus(idea.status)] or list(IdeaStatus)},
    )


@workplace_view(roles=LEADERS)
@post_or_back_to_idea
def idea_ask(request, idea_id):
    return _leader_action(
        request,
        idea_id,
        AskForm,
        "ask_form",
        lambda idea, data: services.idea_ask(actor=request.user, idea=idea, question=data["question"]),
        _("Your question is sent to the author. The idea comes back to your inbox when they answer."),
    )


@workplace_view(roles=CONTRIBUTORS)
@post_or_back_to_idea
def idea_answer(request, idea_id):
    return _leader_action(
        request,
        idea_id,
        AnswerForm,
        "answer_form",
        lambda idea, data: services.idea_answer(actor=request.user, idea=idea, answer=data["answer"]),
        _("Your answer is sent to your leader."),
    )


@workplace_view(roles=LEADERS)
@post_or_back_to_idea
def idea_assign(request, idea_id):
    def assign(idea, data):
        person = None
        if data["responsible"]:
            person = User.objects.filter(
                pk=data["responsible"], memberships__workplace=request.workplace
            ).first()
            if person is None:
                raise ValidationError({"responsible": _("Choose an employee or leader of this workplace.")})
        return services.idea_assign(actor=request.user, idea=idea, responsible=person)

    return _leader_action(
        request,
        idea_id,
        AssignForm,
        "assign_form",
        assign,
        lambda idea: (
            _("%(name)s is now responsible for the idea.") % {"name": idea.responsible.full_name}
            if idea.responsible
            else _("Nobody is responsible for the idea now.")
        ),
        form_kwargs=lambda idea: {"members": selectors.assignable_members(workplace=request.workplace)},
    )


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def idea_qualify(request, idea_id):
    idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    if not permissions.can_qualify(membership=request.membership, idea=idea):
        raise PermissionDenied(
            _("Only the author, the responsible person and the leaders can work on the qualification.")
        )
    initial = {
        "benefit": idea.qualification_benefit,
        "requirements": idea.qualification_requirements,
        "risks": idea.qualification_risks,
        "measures": idea.qualification_measures,
        "ready_to_test": idea.ready_to_test,
    }
    form = QualificationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_qualify(actor=request.user, idea=idea, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The qualification is saved."))
            return redirect(idea.get_absolute_url())
    can_mark_ready = request.membership.role == Role.LEADER or idea.responsible_id == request.user.pk
    return render(
        request, "ideas/idea_qualify.html", {"idea": idea, "form": form, "can_mark_ready": can_mark_ready}
    )


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def idea_merge(request, idea_id):
    idea = selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    query = request.GET.get("q", "")[:200]
    candidates = selectors.merge_candidates(idea=idea, query=query)
    form = MergeForm(request.POST or None, candidates=candidates)
    if request.method == "POST" and form.is_valid():
        into = selectors.access_idea(workplace=request.workplace, idea_id=form.cleaned_data["into"])
        if request.POST.get("confirm") != "1":
            # Both ideas side by side before anything that cannot be undone.
            context = {"idea": idea, "into": into, "query": query}
            return render(request, "ideas/idea_merge_confirm.html", context)
        try:
            services.idea_merge(actor=request.user, idea=idea, into=into)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("The ideas are merged, and the author has been told where their idea went.")
            )
            return redirect(into.get_absolute_url())
    return render(
        request,
        "ideas/idea_merge.html",
        {"idea": idea, "form": form, "candidates": candidates, "query": query},
    )


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
    if form.is_valid():
        try:
            comment = services.comment_create(actor=request.user, idea=idea, body=form.cleaned_data["body"])
        except ValidationError as error:
            if not _belongs_to_form(error, form):
                messages.error(request, error_text(error))
                return redirect(idea.get_absolute_url())
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your comment is posted."))
            return redirect(f"{idea.get_absolute_url()}#kommentar-{comment.pk}")
    return _render_detail(request, idea.pk, status=400, comment_form=form)


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


# --- The leader's inbox ---------------------------------------------------------------------------------


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def inbox(request):
    workplace = request.workplace
    target_form = ResponseTargetForm(request.POST or None, initial={"days": workplace.response_target_days})
    if request.method == "POST" and target_form.is_valid():
        try:
            organisation_services.workplace_set_response_target(
                actor=request.user, workplace=workplace, days=target_form.cleaned_data["days"]
            )
        except ValidationError as error:
            apply_validation_error(target_form, error)
        else:
            messages.success(request, _("The response target is saved."))
            return redirect("ideas:inbox", workplace_slug=workplace.slug)
    page = paginate(request, selectors.leader_inbox(workplace=workplace))
    now = timezone.now()
    rows = [
        {
            "idea": idea,
            "age_days": (now - idea.awaiting_leader_since).days,
            "overdue": selectors.is_overdue(idea, workplace, now),
        }
        for idea in page.object_list
    ]
    return render(
        request,
        "ideas/inbox.html",
        {"page": page, "rows": rows, "target_form": target_form},
        status=400 if target_form.errors else 200,
    )


# --- Challenges ------------------------------------------------------------------------------------------


@workplace_view
@require_GET
def challenge_list(request):
    page = paginate(request, selectors.challenges(workplace=request.workplace))
    return render(request, "ideas/challenge_list.html", {"page": page, "today": timezone.localdate()})


@workplace_view
@require_GET
def challenge_detail(request, challenge_id):
    challenge = selectors.access_challenge(workplace=request.workplace, challenge_id=challenge_id)
    filters = selectors.BoardFilters(challenge=challenge.pk)
    page = paginate(
        request, selectors.idea_board(workplace=request.workplace, user=request.user, filters=filters)
    )
    return render(
        request,
        "ideas/challenge_detail.html",
        {"challenge": challenge, "page": page, "is_open": challenge.is_open(), "view": "liste"},
    )


def _challenge_form(request, challenge=None):
    initial = {}
    if challenge is not None:
        initial = {
            "title": challenge.title,
            "description": challenge.description,
            "opens_on": challenge.opens_on,
            "closes_on": challenge.closes_on,
        }
    else:
        today = timezone.localdate()
        initial = {"opens_on": today, "closes_on": today + datetime.timedelta(days=30)}
    form = ChallengeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if challenge is None:
                challenge = services.challenge_create(
                    actor=request.user, workplace=request.workplace, **form.cleaned_data
                )
            else:
                services.challenge_update(actor=request.user, challenge=challenge, **form.cleaned_data)
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The challenge is saved."))
            return redirect(challenge.get_absolute_url())
    return render(request, "ideas/challenge_form.html", {"form": form, "challenge": challenge})


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def challenge_create(request):
    return _challenge_form(request)


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def challenge_edit(request, challenge_id):
    return _challenge_form(
        request, selectors.access_challenge(workplace=request.workplace, challenge_id=challenge_id)
    )
