import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.events import event_publish
from frontloeber.core.images import clean_image
from frontloeber.core.text import clean_text
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import IdeaStatus
from frontloeber.organisations import permissions as org_permissions
from frontloeber.organisations.models import Role

from .. import permissions
from ..models import (
    TEXT_MAX,
    CriterionResult,
    Decision,
    Experiment,
    ExperimentState,
    LogEntry,
    SuccessCriterion,
)
from ..permissions import EXPERIMENT_FROM
from .base import _clean_frame, _lock, _lock_idea, _save_criteria, _set_skills
from .safety import _ask_for_review

# --- Experiments ----------------------------------------------------------------------------------------


@transaction.atomic
def experiment_create(
    *,
    actor,
    idea,
    hypothesis,
    starts_on,
    ends_on,
    stop_rule,
    criteria,
    hours=0,
    budget_dkk=0,
    equipment="",
    participants=(),
    follows=None,
    skills=None,
):
    """Plan an experiment for an idea: hypothesis, criteria, time box, frames, participants, stop rule, and
    the skills it needs."""
    permissions.require_manage(user=actor, idea=idea)
    # The idea's row lock makes a double submit wait, and then find the first experiment.
    idea = _lock_idea(idea.pk)
    if idea.status not in EXPERIMENT_FROM:
        raise ValidationError(
            _("An experiment starts from a new, maturing or already tested idea; this one is “%(status)s”.")
            % {"status": idea.get_status_display()}
        )
    if Experiment.objects.filter(idea=idea).exclude(state=ExperimentState.CONCLUDED).exists():
        raise ValidationError(_("The idea already has an experiment under way; conclude it first."))
    if Experiment.objects.filter(idea=idea, decision=Decision.ADOPT).exists():
        raise ValidationError(
            _("An experiment decided to adopt the idea: what comes next is its adoption plan.")
        )
    fields, people, cleaned_criteria = _clean_frame(
        workplace=idea.workplace,
        hypothesis=hypothesis,
        starts_on=starts_on,
        ends_on=ends_on,
        hours=hours,
        budget_dkk=budget_dkk,
        equipment=equipment,
        stop_rule=stop_rule,
        participants=participants,
        criteria=criteria,
    )
    experiment = Experiment.objects.create(
        organisation_id=idea.organisation_id,
        workplace_id=idea.workplace_id,
        idea=idea,
        follows=follows,
        created_by=actor,
        **fields,
    )
    experiment.participants.set(people)
    _save_criteria(experiment, cleaned_criteria)
    _set_skills(experiment, skills)
    return experiment


@transaction.atomic
def experiment_update(*, actor, experiment, skills=None, **frame):
    """Change the plan while the experiment has not started."""
    permissions.require_manage(user=actor, idea=experiment.idea)
    experiment = _lock(experiment)
    if experiment.state != ExperimentState.PLANNED:
        raise ValidationError(_("The plan can change only before the experiment starts."))
    fields, people, cleaned_criteria = _clean_frame(workplace=experiment.workplace, **frame)
    for name, value in fields.items():
        setattr(experiment, name, value)
    # A changed plan is a new question for the safety check's confirmation, and for its reviewers.
    experiment.safety_confirmed_by = None
    experiment.safety_confirmed_at = None
    experiment.save()
    experiment.participants.set(people)
    _save_criteria(experiment, cleaned_criteria)
    _set_skills(experiment, skills)
    if experiment.safety_answered and experiment.safety_roles_needed:
        _ask_for_review(experiment, actor=actor)
    return experiment


@transaction.atomic
def experiment_cancel(*, actor, experiment):
    """Drop a plan that never started (so another can be made); a started experiment is concluded instead."""
    permissions.require_manage(user=actor, idea=experiment.idea)
    experiment = _lock(experiment)
    if experiment.state != ExperimentState.PLANNED:
        raise ValidationError(
            _("Only a planned experiment can be cancelled; conclude a started one instead.")
        )
    idea = experiment.idea
    experiment.delete()
    return idea


SAFETY_TEXT = ("personal_data_which", "legal_basis", "dpo_contact", "consent_how", "it_what")


@transaction.atomic
def experiment_safety_update(
    *,
    actor,
    experiment,
    personal_data,
    vulnerable_citizens,
    needs_it,
    personal_data_which="",
    legal_basis="",
    dpo_contact="",
    consent_how="",
    it_what="",
):
    """Answer the safety check. Changing an answer takes back the leader's confirmation."""
    permissions.require_manage(user=actor, idea=experiment.idea)
    experiment = _lock(experiment)
    if experiment.state != ExperimentState.PLANNED:
        raise ValidationError(_("The safety check is answered before the experiment starts."))
    errors = {}
    answers = {
        "personal_data": personal_data,
        "vulnerable_citizens": vulnerable_citizens,
        "needs_it": needs_it,
    }
    for name, answer in answers.items():
        if answer not in (True, False):
            errors[name] = _("Answer yes or no.")
    texts = {
        "personal_data_which": personal_data_which,
        "legal_basis": legal_basis,
        "dpo_contact": dpo_contact,
        "consent_how": consent_how,
        "it_what": it_what,
    }
    required = {
        "personal_data_which": personal_data is True,
        "legal_basis": personal_data is True,
        "dpo_contact": personal_data is True,
        "consent_how": vulnerable_citizens is True,
        "it_what": needs_it is True,
    }
    cleaned = {
        name: clean_text(
            value,
            field=name,
            required=required[name],
            max_length=200 if name == "dpo_contact" else TEXT_MAX,
            errors=errors,
            required_message=_("Answer this, since you said yes above."),
        )
        for name, value in texts.items()
    }
    if errors:
        raise ValidationError(errors)
    for name, value in {**answers, **cleaned}.items():
        setattr(experiment, name, value)
    experiment.safety_confirmed_by = None
    experiment.safety_confirmed_at = None
    experiment.save()
    # Answers that need the data protection adviser or the IT security contact go to them, as a new version.
    _ask_for_review(experiment, actor=actor)
    return experiment


@transaction.atomic
def experiment_safety_confirm(*, actor, experiment):
    """The leader confirms the safety answers; only then can the experiment run. Answers that need a
    reviewer are confirmed by the reviewers' approval instead (services/safety.py)."""
    org_permissions.require_leader(user=actor, workplace=experiment.workplace)
    experiment = _lock(experiment)
    if experiment.state != ExperimentState.PLANNED:
        raise ValidationError(_("The safety check is confirmed before the experiment starts."))
    if not experiment.safety_answered:
        raise ValidationError(_("Answer every question of the safety check first."))
    if experiment.safety_roles_needed:
        raise ValidationError(
            _(
                "These answers go to the organisation's data protection adviser or IT security contact: the "
                "experiment can start once they approve."
            )
        )
    experiment.safety_confirmed_by = actor
    experiment.safety_confirmed_at = timezone.now()
    experiment.save(update_fields=["safety_confirmed_by", "safety_confirmed_at"])
    return experiment


@transaction.atomic
def experiment_start(*, actor, experiment):
    permissions.require_manage(user=actor, idea=experiment.idea)
    experiment = _lock(experiment)
    if experiment.state != ExperimentState.PLANNED:
        raise ValidationError(_("Only a planned experiment can start."))
    if experiment.idea.status not in EXPERIMENT_FROM:
        raise ValidationError(
            _("The idea is “%(status)s” now, so the experiment cannot start.")
            % {"status": experiment.idea.get_status_display()}
        )
    if not (experiment.safety_answered and experiment.safety_confirmed_at):
        raise ValidationError(
            _("The safety check must be answered and confirmed by a leader before it runs.")
        )
    if experiment.ends_on < timezone.localdate():
        raise ValidationError(_("The end date has passed; change the plan's dates before it starts."))
    experiment.state = ExperimentState.RUNNING
    experiment.started_at = timezone.now()
    experiment.save(update_fields=["state", "started_at"])
    idea_services.idea_status_follow(
        actor=actor, idea=experiment.idea, to_status=IdeaStatus.EXPERIMENTING, message=experiment.hypothesis
    )
    return experiment


@transaction.atomic
def experiment_evaluate(*, actor, experiment):
    """End the running period (early, or when the end date has come) and turn to the evaluation."""
    permissions.require_manage(user=actor, idea=experiment.idea)
    experiment = _lock(experiment)
    if experiment.state != ExperimentState.RUNNING:
        raise ValidationError(_("Only a running experiment can move to its evaluation."))
    experiment.state = ExperimentState.EVALUATING
    experiment.save(update_fields=["state"])
    return experiment


@transaction.atomic
def log_entry_add(*, actor, experiment, entry_date, text, photo=None):
    """A dated note in the learning log, by a participant, the responsible person or a leader."""
    membership = org_permissions.membership_of(user=actor, workplace=experiment.workplace)
    participant_ids = set(experiment.participants.values_list("pk", flat=True))
    if not permissions.can_log(membership=membership, experiment=experiment, participant_ids=participant_ids):
        raise PermissionDenied(
            _("The experiment's participants, its responsible person and the leaders write here.")
        )
    if experiment.state not in (ExperimentState.RUNNING, ExperimentState.EVALUATING):
        raise ValidationError(_("The learning log is open while the experiment runs and is evaluated."))
    errors = {}
    text = clean_text(
        text,
        field="text",
        required=True,
        max_length=TEXT_MAX,
        errors=errors,
        required_message=_("Write what happened."),
    )
    if not isinstance(entry_date, datetime.date):
        errors["entry_date"] = _("Give the date.")
    elif entry_date < experiment.starts_on:
        errors["entry_date"] = _("The log starts on the experiment's first day.")
    elif entry_date > timezone.localdate():
        errors["entry_date"] = _("The log is about what has happened: the date cannot be in the future.")
    if errors:
        raise ValidationError(errors)
    entry = LogEntry(
        organisation_id=experiment.organisation_id,
        workplace_id=experiment.workplace_id,
        experiment=experiment,
        author=actor,
        entry_date=entry_date,
        text=text,
    )
    if photo:
        content, content_type = clean_image(photo, field="photo")
        entry.photo.save(content.name, content, save=False)
        entry.photo_content_type = content_type
    entry.save()
    return entry


@transaction.atomic
def experiment_conclude(*, actor, experiment, results, decision, learnings):
    """Record each criterion's result, the learnings and the decision: adopt, adjust and run again, or stop.

    ``results`` maps a criterion id to (result, evidence)."""
    permissions.require_manage(user=actor, idea=experiment.idea)
    experiment = _lock(experiment)
    if experiment.state not in (ExperimentState.RUNNING, ExperimentState.EVALUATING):
        raise ValidationError(_("Only a running or evaluated experiment can be concluded."))
    errors = {}
    learnings = clean_text(
        learnings,
        field="learnings",
        required=True,
        max_length=TEXT_MAX,
        errors=errors,
        required_message=_("Write what you learned: it is the result others can use, whatever the decision."),
    )
    if decision not in Decision.values:
        errors["decision"] = _("Choose a decision: adopt, adjust and try again, or stop.")
    criteria = list(experiment.criteria.all())
    results = results or {}
    for criterion in criteria:
        result, evidence = results.get(criterion.pk, ("", ""))
        if result not in CriterionResult.values:
            errors["results"] = _("Give every criterion a result: met, partly met or not met.")
            continue
        criterion.result = result
        criterion.evidence = clean_text(
            evidence, field="results", required=False, max_length=TEXT_MAX, errors=errors
        )
    if errors:
        raise ValidationError(errors)
    SuccessCriterion.objects.bulk_update(criteria, ["result", "evidence"])
    now = timezone.now()
    experiment.state = ExperimentState.CONCLUDED
    experiment.decision = decision
    experiment.learnings = learnings
    experiment.concluded_at = now
    experiment.save(update_fields=["state", "decision", "learnings", "concluded_at"])
    event_publish(kind="experiment.concluded", subject=experiment)
    if decision == Decision.ADJUST:
        length = experiment.ends_on - experiment.starts_on
        start = max(timezone.localdate(), experiment.ends_on) + datetime.timedelta(days=1)
        follow_up = Experiment.objects.create(
            organisation_id=experiment.organisation_id,
            workplace_id=experiment.workplace_id,
            idea=experiment.idea,
            follows=experiment,
            hypothesis=experiment.hypothesis,
            starts_on=start,
            ends_on=start + length,
            hours=experiment.hours,
            budget_dkk=experiment.budget_dkk,
            equipment=experiment.equipment,
            stop_rule=experiment.stop_rule,
            created_by=actor,
        )
        # Only those still contributing to the workplace come along to the next round.
        follow_up.participants.set(
            experiment.participants.filter(
                memberships__workplace_id=experiment.workplace_id,
                memberships__role__in=[Role.EMPLOYEE, Role.LEADER],
            )
        )
        _save_criteria(
            follow_up,
            [{"axis": c.axis, "description": c.description, "measure": c.measure} for c in criteria],
        )
    elif decision == Decision.STOP and experiment.idea.status in EXPERIMENT_FROM:
        idea_services.idea_status_follow(
            actor=actor,
            idea=experiment.idea,
            to_status=IdeaStatus.NOT_PURSUED,
            message=_("Stopped after the experiment. What we learned: %(learnings)s")
            % {"learnings": learnings},
        )
    return experiment
