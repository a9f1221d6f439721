from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.accounts.models import User
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.notifications import services as notification_services
from frontloeber.organisations.tenancy import workplace_view

from .. import permissions, registry, selectors, services
from ..forms import (
    AcknowledgeForm,
    AnswerForm,
    AskForm,
    AssignForm,
    CommentForm,
    MergeForm,
    MoveForm,
    QualificationForm,
)
from ..models import LEADER_MOVES, IdeaStatus
from .base import CONTRIBUTORS, LEADERS, post_or_back_to_idea

# --- The idea page ---------------------------------------------------------------------------------------


def _detail_context(request, idea, **forms):
    membership = request.membership
    context = {
        "idea": idea,
        **permissions.idea_page(membership=membership, idea=idea),
        "comment_form": forms.get("comment_form") or CommentForm(),
        "comment_page": selectors.idea_comments(idea=idea, page=request.GET.get("kommentarer")),
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
    context["status_reason"] = selectors.status_reason(idea=idea)
    if context["can_answer_question"]:
        context["answer_form"] = forms.get("answer_form") or AnswerForm()
        context["open_question"] = selectors.open_question(idea=idea)
    if context["is_leader"]:
        allowed = context["allowed_moves"]
        # A form handed back with errors is shown even if the idea has moved on, so its message is seen.
        context.update(
            acknowledge_form=forms.get("acknowledge_form") or AcknowledgeForm(),
            move_form=forms.get("move_form") or (MoveForm(allowed=allowed) if allowed else None),
            ask_form=forms.get("ask_form") or (AskForm() if context["can_ask"] else None),
            assign_form=forms.get("assign_form")
            or AssignForm(
                members=selectors.assignable_members(workplace=request.workplace),
                initial={"responsible": idea.responsible_id},
            ),
        )
    return context


def _render_detail(request, idea_id, *, status=200, mark_read=False, **forms):
    idea = selectors.idea_detail(workplace=request.workplace, idea_id=idea_id, user=request.user)
    if mark_read:
        # Once the idea is known to be this workplace's (another's 404s before anything is written), and
        # before rendering, so the bell in the header already leaves out what this page shows.
        notification_services.notification_mark_read_about(user=request.user, subject=idea)
    return render(request, "ideas/idea_detail.html", _detail_context(request, idea, **forms), status=status)


@workplace_view
@require_GET
def idea_detail(request, idea_id):
    return _render_detail(request, idea_id, mark_read=True)


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
        **QualificationForm.initial_values(idea),
    }
    form = QualificationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.idea_qualify(actor=request.user, idea=idea, **form.service_kwargs())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The qualification is saved."))
            return redirect(idea.get_absolute_url())
    can_mark_ready = permissions.can_mark_ready(membership=request.membership, idea=idea)
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
