from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontloeber.competences.selectors import help_for
from frontloeber.core.files import private_file_response
from frontloeber.core.forms import apply_validation_error, error_text
from frontloeber.core.pagination import paginate
from frontloeber.ideas import selectors as idea_selectors
from frontloeber.organisations.tenancy import workplace_view

from .. import permissions, selectors, services
from ..forms import (
    ConcludeForm,
    ExperimentForm,
    LogEntryForm,
    SafetyForm,
    SkillsNeededForm,
)
from ..models import ExperimentState
from .base import CONTRIBUTORS, LEADERS, _members, _post_action, _skills, _users

# --- Experiments ----------------------------------------------------------------------------------------


@workplace_view
@require_GET
def experiment_list(request):
    state = request.GET.get("tilstand", "")
    page = paginate(request, selectors.experiments(workplace=request.workplace, state=state))
    return render(
        request,
        "experiments/experiment_list.html",
        {
            "page": page,
            "state": state if state in ExperimentState.values else "",
            "states": ExperimentState.choices,
        },
    )


@workplace_view
@require_GET
def learned(request):
    page = paginate(request, selectors.learned(workplace=request.workplace))
    return render(request, "experiments/learned.html", {"page": page})


def _experiment_initial(experiment):
    initial = {
        "hypothesis": experiment.hypothesis,
        "starts_on": experiment.starts_on,
        "ends_on": experiment.ends_on,
        "hours": experiment.hours,
        "budget_dkk": experiment.budget_dkk,
        "equipment": experiment.equipment,
        "stop_rule": experiment.stop_rule,
        "participants": [p.pk for p in experiment.participants.all()],
        "skills": [s.pk for s in experiment.skills.all()],
    }
    for n, criterion in enumerate(experiment.criteria.all()):
        initial.update(
            {
                f"criterion_{n}_axis": criterion.axis,
                f"criterion_{n}_description": criterion.description,
                f"criterion_{n}_measure": criterion.measure,
            }
        )
    return initial


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def experiment_create(request, idea_id):
    idea = idea_selectors.access_idea(workplace=request.workplace, idea_id=idea_id)
    if not permissions.can_manage(membership=request.membership, idea=idea):
        raise PermissionDenied(_("Only a leader or the idea's responsible person can do this."))
    members = _members(request.workplace)
    form = ExperimentForm(
        request.POST or None,
        members=members,
        skills=_skills(request.workplace),
        initial=ExperimentForm.initial_new(selectors.experiment_plan_seed(idea=idea)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            experiment = services.experiment_create(
                actor=request.user, idea=idea, **form.frame(_users(members))
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("The experiment is planned. Answer the safety check before it starts.")
            )
            return redirect(experiment.get_absolute_url())
    return render(request, "experiments/experiment_form.html", {"form": form, "idea": idea})


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def experiment_edit(request, experiment_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    if not permissions.can_manage(membership=request.membership, idea=experiment.idea):
        raise PermissionDenied(_("Only a leader or the idea's responsible person can do this."))
    members = _members(request.workplace)
    form = ExperimentForm(
        request.POST or None,
        members=members,
        skills=_skills(request.workplace),
        initial=_experiment_initial(experiment),
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.experiment_update(
                actor=request.user, experiment=experiment, **form.frame(_users(members))
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The plan is saved."))
            return redirect(experiment.get_absolute_url())
    return render(
        request,
        "experiments/experiment_form.html",
        {"form": form, "idea": experiment.idea, "experiment": experiment},
    )


@workplace_view
@require_GET
def experiment_detail(request, experiment_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    return _render_experiment(request, experiment)


def _render_experiment(request, experiment, *, log_form=None, status=200):
    membership = request.membership
    needed = list(experiment.skills.all())
    participant_ids = {p.pk for p in experiment.participants.all()}
    context = {
        "experiment": experiment,
        **permissions.experiment_page(
            membership=membership, experiment=experiment, participant_ids=participant_ids
        ),
        "log_form": log_form or LogEntryForm(initial={"entry_date": timezone.localdate()}),
        "today": timezone.localdate(),
        "help": help_for(workplace=request.workplace, skills=needed, viewer_is_leader=membership.is_leader),
        **selectors.experiment_next(membership=membership, experiment=experiment),
        **selectors.experiment_reviews(experiment=experiment),
    }
    if context["can_change_skills"]:
        context["skills_url"] = reverse(
            "experiments:experiment_skills",
            kwargs={"workplace_slug": request.workplace.slug, "experiment_id": experiment.pk},
        )
        context["skills_form"] = _skills_form(request, experiment, needed=needed)
    return render(request, "experiments/experiment_detail.html", context, status=status)


def _skills_form(request, record, data=None, *, needed=None):
    needed = list(record.skills.all()) if needed is None else needed
    return SkillsNeededForm(
        data, skills=_skills(request.workplace), initial={"skills": [s.pk for s in needed]}
    )


def _skills_needed(request, record):
    """Save the skills a running experiment or a plan needs; back to its page either way."""
    form = _skills_form(request, record, request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose among the workplace's skills."))
        services.skills_needed_set(actor=request.user, record=record, skills=form.chosen())
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("The skills it needs are saved."))
    return redirect(record.get_absolute_url())


@workplace_view(roles=CONTRIBUTORS)
@require_POST
def experiment_skills(request, experiment_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    return _skills_needed(request, experiment)


@workplace_view(roles=LEADERS)
@require_POST
def adoption_skills(request, plan_id):
    return _skills_needed(request, selectors.access_plan(workplace=request.workplace, plan_id=plan_id))


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def experiment_cancel(request, experiment_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    if not permissions.can_manage(membership=request.membership, idea=experiment.idea):
        raise PermissionDenied(_("Only a leader or the idea's responsible person can do this."))
    if request.method == "POST":
        try:
            idea = services.experiment_cancel(actor=request.user, experiment=experiment)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return redirect(experiment.get_absolute_url())
        messages.success(request, _("The planned experiment is cancelled."))
        return redirect(idea.get_absolute_url())
    return render(request, "experiments/experiment_cancel.html", {"experiment": experiment})


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def experiment_safety(request, experiment_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    if not permissions.can_manage(membership=request.membership, idea=experiment.idea):
        raise PermissionDenied(_("Only a leader or the idea's responsible person can do this."))

    def yes_no(value):
        return "" if value is None else ("yes" if value else "no")

    initial = {
        "personal_data": yes_no(experiment.personal_data),
        "vulnerable_citizens": yes_no(experiment.vulnerable_citizens),
        "needs_it": yes_no(experiment.needs_it),
        **{name: getattr(experiment, name) for name in services.SAFETY_TEXT},
    }
    form = SafetyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.experiment_safety_update(actor=request.user, experiment=experiment, **form.answers())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(
                request, _("The safety check is answered. A leader confirms it before the start.")
            )
            return redirect(experiment.get_absolute_url())
    return render(request, "experiments/safety_form.html", {"form": form, "experiment": experiment})


@workplace_view(roles=LEADERS)
@require_http_methods(["GET", "POST"])
def experiment_safety_confirm(request, experiment_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    return _post_action(
        request,
        experiment.get_absolute_url(),
        lambda: services.experiment_safety_confirm(actor=request.user, experiment=experiment),
        _("You have confirmed the safety check. The experiment can start."),
    )


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def experiment_safety_send(request, experiment_id):
    """Answers given before the reviews existed go to the reviewers they need."""
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    return _post_action(
        request,
        experiment.get_absolute_url(),
        lambda: services.experiment_safety_send(actor=request.user, experiment=experiment),
        _(
            "The answers are sent to the organisation's reviewers. The experiment can start once they "
            "approve."
        ),
    )


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def experiment_start(request, experiment_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    return _post_action(
        request,
        experiment.get_absolute_url(),
        lambda: services.experiment_start(actor=request.user, experiment=experiment),
        _("The experiment is running. Write what you notice in the learning log."),
    )


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def experiment_evaluate(request, experiment_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    return _post_action(
        request,
        experiment.get_absolute_url(),
        lambda: services.experiment_evaluate(actor=request.user, experiment=experiment),
        _("The experiment is being evaluated. Record the results when you are ready."),
    )


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def log_entry_create(request, experiment_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    if request.method != "POST":
        return redirect(experiment.get_absolute_url())
    form = LogEntryForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.log_entry_add(actor=request.user, experiment=experiment, **form.cleaned_data)
        except ValidationError as error:
            if not hasattr(error, "error_dict"):
                # The log is closed (not started, or concluded): say so on the experiment's page.
                messages.error(request, error_text(error))
                return redirect(experiment.get_absolute_url())
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Your note is in the learning log."))
            return redirect(experiment.get_absolute_url() + "#log-heading")
    return _render_experiment(request, experiment, log_form=form, status=400)


@workplace_view
@require_GET
def log_photo(request, experiment_id, entry_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    entry = selectors.access_log_entry(experiment=experiment, entry_id=entry_id)
    return private_file_response(entry.photo, entry.photo_content_type or "application/octet-stream")


@workplace_view(roles=CONTRIBUTORS)
@require_http_methods(["GET", "POST"])
def experiment_conclude(request, experiment_id):
    experiment = selectors.access_experiment(workplace=request.workplace, experiment_id=experiment_id)
    if not permissions.can_manage(membership=request.membership, idea=experiment.idea):
        raise PermissionDenied(_("Only a leader or the idea's responsible person can do this."))
    form = ConcludeForm(request.POST or None, criteria=experiment.criteria.all())
    if request.method == "POST" and form.is_valid():
        try:
            services.experiment_conclude(
                actor=request.user,
                experiment=experiment,
                results=form.results(),
                decision=form.cleaned_data["decision"],
                learnings=form.cleaned_data["learnings"],
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The experiment is concluded, and what you learned is kept."))
            return redirect(experiment.get_absolute_url())
    return render(request, "experiments/conclude_form.html", {"form": form, "experiment": experiment})
