"""The barrier register and the action items: a workplace's list of each, and a leader's changes."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate
from frontloeber.core.text import whole_number
from frontloeber.ideas.selectors import access_idea
from frontloeber.organisations.models import Role
from frontloeber.organisations.permissions import can_contribute
from frontloeber.organisations.selectors import workplace_members
from frontloeber.organisations.tenancy import organisation_admin_view, workplace_view

from . import selectors, services
from .forms import ActionItemForm, BarrierAnswerForm, BarrierForm, BarrierRaiseForm, BarrierTakeForm
from .models import ANSWERED, BarrierStatus


@workplace_view
@require_http_methods(["GET", "POST"])
def barrier_list(request):
    status = request.GET.get("status", "")
    if status not in BarrierStatus.values:
        status = ""
    if request.method == "POST" and not can_contribute(membership=request.membership):
        raise PermissionDenied(_("Only the workplace's employees and leaders can add barriers."))
    form = BarrierForm(request.POST or None, members=[])
    if request.method == "POST" and form.is_valid():
        try:
            services.barrier_create(
                actor=request.user,
                workplace=request.workplace,
                kind=form.cleaned_data["kind"],
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        except PermissionDenied as denied:
            form.add_error(None, str(denied))
        else:
            messages.success(request, _("The barrier is in the register."))
            return redirect("actions:barrier_list", workplace_slug=request.workplace.slug)
    return render(
        request,
        "actions/barrier_list.html",
        {
            "page": paginate(
                request, selectors.workplace_barriers(workplace=request.workplace, status=status)
            ),
            "status": status,
            "statuses": BarrierStatus.choices,
            "form": form,
        },
    )


@workplace_view(roles=[Role.LEADER])
@require_POST
def barrier_edit(request, barrier_id):
    barrier = selectors.access_barrier(workplace=request.workplace, barrier_id=barrier_id)
    try:
        services.barrier_update(actor=request.user, barrier=barrier, status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The barrier's status is saved."))
    return redirect(_barrier_url(barrier))


@workplace_view(roles=[Role.LEADER])
@require_http_methods(["GET", "POST"])
def barrier_raise(request, barrier_id):
    """A leader raises a barrier to the organisation when removing it needs a decision above the workplace."""
    barrier = selectors.access_barrier(workplace=request.workplace, barrier_id=barrier_id)
    form = BarrierRaiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.barrier_raise(
                actor=request.user,
                barrier=barrier,
                kind=form.cleaned_data["kind"],
                why=form.cleaned_data["why"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The barrier is raised to the organisation. Its admins are told."))
            return redirect(_barrier_url(barrier))
    return render(
        request,
        "actions/barrier_raise.html",
        {
            "barrier": barrier,
            "form": form,
            "waiting": barrier.waits_for_answer,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@organisation_admin_view
@require_http_methods(["GET"])
def organisation_barriers(request):
    waiting_only = request.GET.get("vis") == "venter"
    return render(
        request,
        "actions/organisation_barriers.html",
        {
            "page": paginate(
                request,
                selectors.organisation_raised_barriers(
                    organisation=request.organisation, waiting_only=waiting_only
                ),
            ),
            "waiting_only": waiting_only,
        },
    )


@organisation_admin_view
@require_http_methods(["GET", "POST"])
def organisation_barrier(request, barrier_id):
    barrier = selectors.access_organisation_barrier(organisation=request.organisation, barrier_id=barrier_id)
    action = request.POST.get("action", "")
    take_form = BarrierTakeForm(
        request.POST if action == "take" else None,
        initial={"answerer": barrier.answerer, "due_on": barrier.answer_due_on},
    )
    answer_form = BarrierAnswerForm(request.POST if action == "answer" else None)
    if request.method == "POST":
        form = take_form if action == "take" else answer_form if action == "answer" else None
        if form is None:
            raise Http404(_("No such action."))
        if form.is_valid():
            try:
                if action == "take":
                    services.barrier_take(
                        actor=request.user,
                        barrier=barrier,
                        answerer=form.cleaned_data["answerer"],
                        due_on=form.cleaned_data["due_on"],
                    )
                    messages.success(request, _("The barrier is taken up."))
                else:
                    services.barrier_answer(
                        actor=request.user,
                        barrier=barrier,
                        outcome=form.cleaned_data["outcome"],
                        answer=form.cleaned_data["answer"],
                    )
                    messages.success(request, _("The answer is given. The leader who raised it is told."))
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                return redirect(
                    "actions:organisation_barrier", org_slug=request.organisation.slug, barrier_id=barrier.pk
                )
    return render(
        request,
        "actions/organisation_barrier.html",
        {
            "barrier": barrier,
            "history": selectors.barrier_escalation_history(barrier=barrier),
            "take_form": take_form,
            "answer_form": answer_form,
            "answered": barrier.escalation in ANSWERED,
        },
        status=400
        if (take_form.is_bound and take_form.errors) or (answer_form.is_bound and answer_form.errors)
        else 200,
    )


def _linked_to(request):
    """The barrier (``?barriere=``) or idea (``?ide=``) a new action item is for; 404 if not ours."""
    barrier_id, idea_id = request.GET.get("barriere", ""), request.GET.get("ide", "")
    barrier = idea = None
    if barrier_id:
        barrier = selectors.access_barrier(workplace=request.workplace, barrier_id=_id_or_404(barrier_id))
    if idea_id:
        idea = access_idea(workplace=request.workplace, idea_id=_id_or_404(idea_id))
    return barrier, idea


def _id_or_404(value):
    number = whole_number(value)
    if number is None:
        raise Http404
    return number


@workplace_view
@require_http_methods(["GET", "POST"])
def action_items(request):
    """My action items, overdue first; a leader can see everyone's and add new ones, also for a barrier or
    an idea (the form then says which, and saving goes back to it)."""
    everyone = request.membership.is_leader and request.GET.get("alle") == "1"
    items = selectors.action_items_for(workplace=request.workplace, owner=None if everyone else request.user)
    barrier, idea = _linked_to(request)
    form = None
    if request.membership.is_leader:
        members = list(workplace_members(workplace=request.workplace).exclude(role=Role.OBSERVER))
        form = ActionItemForm(request.POST or None, members=members)
        if request.method == "POST" and form.is_valid():
            users = {m.user_id: m.user for m in members}
            data = form.cleaned_data
            try:
                services.action_item_create(
                    actor=request.user,
                    workplace=request.workplace,
                    what=data["what"],
                    owner=users.get(data["owner"]),
                    due_on=data["due_on"],
                    barrier=barrier,
                    idea=idea,
                )
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("The action item is saved, and its owner has been told."))
                if idea is not None:
                    return redirect(idea.get_absolute_url() + "#action-items")
                if barrier is not None:
                    return redirect(_barrier_url(barrier))
                return redirect("actions:action_items", workplace_slug=request.workplace.slug)
    elif request.method == "POST":
        raise PermissionDenied(_("Only a leader of the workplace can do this."))
    return render(
        request,
        "actions/action_items.html",
        {
            "page": paginate(request, items),
            "everyone": everyone,
            "form": form,
            "for_barrier": barrier,
            "for_idea": idea,
            "today": timezone.localdate(),
        },
    )


def _barrier_url(barrier):
    url = reverse("actions:barrier_list", kwargs={"workplace_slug": barrier.workplace.slug})
    return f"{url}#barrier-{barrier.pk}"


@workplace_view
@require_POST
def action_item_edit(request, item_id):
    item = selectors.access_action_item(workplace=request.workplace, item_id=item_id)
    try:
        services.action_item_update(actor=request.user, item=item, status=request.POST.get("status", ""))
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The action item is saved."))
    return redirect(
        request.POST.get("next")
        if url_has_allowed_host_and_scheme(request.POST.get("next"), allowed_hosts={request.get_host()})
        else reverse("actions:action_items", kwargs={"workplace_slug": request.workplace.slug})
    )
