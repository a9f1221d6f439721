from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from frontloeber.competences.selectors import help_for
from frontloeber.core.forms import apply_validation_error
from frontloeber.ideas import selectors as idea_selectors
from frontloeber.ideas.models import ValueAxis
from frontloeber.organisations.tenancy import workplace_view

from .. import permissions, selectors, services
from ..forms import (
    AdoptionPlanForm,
    CheckpointForm,
)
from .base import CONTRIBUTORS, LEADERS, _members, _post_action, _skills, _users
from .experiments import _skills_form

# --- Adoption ----------------------------------------------------------------------------------------------


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def adoption_create(request, idea_id):
    idea = idea_selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    members = _members(request.workplace)
    experiment = selectors.adopting_experiment(idea=idea)
    form = AdoptionPlanForm(
        request.POST or None,
        members=members,
        skills=_skills(request.workplace),
        initial=selectors.adoption_plan_seed(idea=idea, experiment=experiment),
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.adoption_plan_create(actor=request.user, idea=idea, **form.plan(_users(members)))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The adoption plan is made. Set it live on the go-live date."))
            return redirect(plan.get_absolute_url())
    return render(
        request, "experiments/adoption_form.html", {"form": form, "idea": idea, "experiment": experiment}
    )


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def adoption_edit(request, plan_id):
    plan = selectors.access_plan(workplace=request.workplace, plan_id=plan_id)
    members = _members(request.workplace)
    form = AdoptionPlanForm(
        request.POST or None,
        members=members,
        skills=_skills(request.workplace),
        initial=AdoptionPlanForm.initial_for(plan),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.adoption_plan_update(actor=request.user, plan=plan, **form.plan(_users(members)))
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The adoption plan is saved."))
            return redirect(plan.get_absolute_url())
    return render(request, "experiments/adoption_form.html", {"form": form, "idea": plan.idea, "plan": plan})


@workplace_view
@require_GET
def adoption_detail(request, plan_id):
    plan = selectors.access_plan(workplace=request.workplace, plan_id=plan_id)
    can_record = permissions.can_record_checkpoint(membership=request.membership, plan=plan)
    needed = list(plan.skills.all())
    return render(
        request,
        "experiments/adoption_detail.html",
        {
            "plan": plan,
            "can_record": can_record,
            "today": timezone.localdate(),
            "is_leader": request.membership.is_leader,
            "can_launch": permissions.can_launch(membership=request.membership, plan=plan),
            **selectors.plan_next(membership=request.membership, plan=plan),
            "help": help_for(
                workplace=request.workplace, skills=needed, viewer_is_leader=request.membership.is_leader
            ),
            "skills_url": reverse(
                "experiments:adoption_skills",
                kwargs={"workplace_slug": request.workplace.slug, "plan_id": plan.pk},
            ),
            "skills_form": _skills_form(request, plan, needed=needed)
            if request.membership.is_leader
            else None,
        },
    )


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def adoption_go_live(request, plan_id):
    plan = selectors.access_plan(workplace=request.workplace, plan_id=plan_id)
    return _post_action(
        request,
        plan.get_absolute_url(),
        lambda: services.adoption_plan_go_live(actor=request.user, plan=plan),
        _("The plan is live and the idea is adopted. You will be reminded of the checkpoints."),
    )


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def checkpoint_record(request, plan_id, checkpoint_id):
    plan = selectors.access_plan(workplace=request.workplace, plan_id=plan_id)
    checkpoint = selectors.access_checkpoint(plan=plan, checkpoint_id=checkpoint_id)
    if not permissions.can_record_checkpoint(membership=request.membership, plan=plan):
        raise PermissionDenied(_("A leader or the plan's responsible person records the checkpoints."))
    initial = {
        "users": checkpoint.users,
        "affected": checkpoint.affected,
        "value_citizens": checkpoint.value_citizens,
        "value_quality": checkpoint.value_quality,
        "value_routines": checkpoint.value_routines,
        "notes": checkpoint.notes,
        "adjusted": checkpoint.adjusted,
    }
    form = CheckpointForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.checkpoint_record(
                actor=request.user,
                checkpoint=checkpoint,
                users=data["users"],
                affected=data["affected"],
                values={axis.value: data[f"value_{axis.value}"] for axis in ValueAxis},
                notes=data["notes"],
                adjusted=data["adjusted"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The checkpoint is recorded."))
            return redirect(plan.get_absolute_url())
    return render(
        request, "experiments/checkpoint_form.html", {"form": form, "plan": plan, "checkpoint": checkpoint}
    )
