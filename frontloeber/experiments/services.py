"""Writes for experiments, adoption plans and cases. Each checks the actor; the idea's status follows."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.images import clean_image
from frontloeber.core.text import clean_text
from frontloeber.experiments.notification_kinds import Kind
from frontloeber.ideas import permissions as idea_permissions
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import Idea, IdeaStatus, ValueAxis
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.models import Membership, Role
from frontloeber.organisations.permissions import require_workplace_leader

from . import permissions, selectors
from .models import (
    MAX_CRITERIA,
    TEXT_MAX,
    AdoptionPlan,
    AdoptionState,
    Case,
    CaseTrial,
    Checkpoint,
    CriterionResult,
    Decision,
    Experiment,
    ExperimentState,
    LogEntry,
    SuccessCriterion,
)
from .permissions import EXPERIMENT_FROM

MAX_HOURS = 10_000
MAX_BUDGET = 10_000_000


def require_no_experiment_decides(*, idea):
    """While an experiment runs, or after one decided to adopt, the idea's status follows the experiment and
    its adoption plan; moving or merging it by hand would leave them behind."""
    if (
        idea.experiments.exclude(state=ExperimentState.CONCLUDED).exists()
        or idea.experiments.filter(decision=Decision.ADOPT).exists()
    ):
        raise ValidationError(
            _("The idea's status follows its experiment and adoption plan now; change it from there.")
        )


def _number(value, *, field, maximum, errors, message):
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= maximum:
        errors[field] = message
        return 0
    return number


def _within_reach(day):
    """Plans are for the next two years (and look back as far): further is a typing error, not a plan."""
    today = timezone.localdate()
    return today - datetime.timedelta(days=730) <= day <= today + datetime.timedelta(days=730)


def _clean_frame(
    *,
    workplace,
    hypothesis,
    starts_on,
    ends_on,
    hours,
    budget_dkk,
    equipment,
    stop_rule,
    participants,
    criteria,
):
    errors = {}
    fields = {
        "hypothesis": clean_text(
            hypothesis,
            field="hypothesis",
            required=True,
            max_length=TEXT_MAX,
            errors=errors,
            required_message=_("Write the hypothesis: “We believe that … will lead to …”."),
        ),
        "equipment": clean_text(
            equipment, field="equipment", required=False, max_length=TEXT_MAX, errors=errors
        ),
        "stop_rule": clean_text(
            stop_rule,
            field="stop_rule",
            required=True,
            max_length=TEXT_MAX,
            errors=errors,
            required_message=_("Say when you would stop early, e.g. if it takes time from the children."),
        ),
        "hours": _number(
            hours,
            field="hours",
            maximum=MAX_HOURS,
            errors=errors,
            message=_("Give the hours as a whole number from 0 to 10,000."),
        ),
        "budget_dkk": _number(
            budget_dkk,
            field="budget_dkk",
            maximum=MAX_BUDGET,
            errors=errors,
            message=_("Give the budget in whole kroner, from 0 to 10,000,000."),
        ),
    }
    if not isinstance(starts_on, datetime.date):
        errors["starts_on"] = _("Give the date the experiment starts.")
    elif not _within_reach(starts_on):
        errors["starts_on"] = _("Choose a date within two years from today.")
    if not isinstance(ends_on, datetime.date):
        errors["ends_on"] = _("Give the date the experiment ends.")
    elif not _within_reach(ends_on):
        errors["ends_on"] = _("Choose a date within two years from today.")
    if "starts_on" not in errors and "ends_on" not in errors and ends_on < starts_on:
        errors["ends_on"] = _("The experiment must end on or after the day it starts.")
    fields["starts_on"], fields["ends_on"] = starts_on, ends_on

    people = list(participants or [])
    member_ids = set(
        Membership.objects.filter(
            workplace=workplace,
            user__in=[p for p in people if p is not None],
            role__in=[Role.EMPLOYEE, Role.LEADER],
        ).values_list("user_id", flat=True)
    )
    if any(person is None or person.pk not in member_ids for person in people):
        errors["participants"] = _("Participants must be employees or leaders of this workplace.")

    cleaned_criteria = []
    for number, criterion in enumerate(criteria or [], start=1):
        description = (criterion.get("description") or "").strip()
        measure = (criterion.get("measure") or "").strip()
        axis = criterion.get("axis") or ""
        if not (description or measure):
            continue
        if axis not in ValueAxis.values:
            errors["criteria"] = _("Tie criterion %(n)d to one of the three values.") % {"n": number}
        elif not description or not measure:
            errors["criteria"] = _(
                "Criterion %(n)d needs both what success looks like and how you measure it."
            ) % {"n": number}
        elif len(description) > 300 or len(measure) > 300:
            errors["criteria"] = _("Keep criterion %(n)d to 300 characters a line.") % {"n": number}
        cleaned_criteria.append({"axis": axis, "description": description, "measure": measure})
    if not cleaned_criteria:
        errors["criteria"] = _("Give at least one success criterion.")
    elif len(cleaned_criteria) > MAX_CRITERIA:
        errors["criteria"] = _("Use at most %(max)d success criteria.") % {"max": MAX_CRITERIA}
    if errors:
        raise ValidationError(errors)
    return fields, people, cleaned_criteria


def _set_skills(record, skills):
    """The skills a piece of work needs (None: leave them as they are), from the workplace's catalogue."""
    if skills is None:
        return
    from frontloeber.competences.selectors import workplace_skills

    allowed = set(workplace_skills(workplace=record.workplace).values_list("pk", flat=True))
    if any(skill is None or skill.pk not in allowed for skill in skills):
        raise ValidationError({"skills": _("Choose among the workplace's skills.")})
    record.skills.set(skills)


@transaction.atomic
def skills_needed_set(*, actor, record, skills):
    """Name the skills an experiment or adoption plan needs, also once it runs: the team's map then shows
    them as gaps where too few can, and the page who can help. A concluded experiment is history."""
    if isinstance(record, Experiment):
        permissions.require_manage(user=actor, idea=record.idea)
        if record.state == ExperimentState.CONCLUDED:
            raise ValidationError(_("The experiment is concluded."))
    else:
        idea_permissions.require_leader(user=actor, workplace=record.workplace)
    _set_skills(record, list(skills))
    return record


def _save_criteria(experiment, criteria):
    experiment.criteria.all().delete()
    SuccessCriterion.objects.bulk_create(
        SuccessCriterion(
            organisation_id=experiment.organisation_id,
            workplace_id=experiment.workplace_id,
            experiment=experiment,
            position=position,
            **criterion,
        )
        for position, criterion in enumerate(criteria)
    )


def _lock_idea(idea_id):
    """Lock the idea's row, and only it (``of``): not its workplace, which every write there refers to.

    Every service that locks an idea and one of its experiments or plans locks the idea first, as the
    ideas' own services and experiment_create do, so two of them never each wait for the other."""
    return Idea.objects.select_for_update(of=("self",)).select_related("workplace").get(pk=idea_id)


def _lock(experiment):
    """The experiment's row lock, its idea's first (so the idea's status it reads holds till commit)."""
    _lock_idea(experiment.idea_id)
    return (
        Experiment.objects.select_for_update(of=("self",))
        .select_related("idea__workplace", "workplace")
        .get(pk=experiment.pk)
    )


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
    # A changed plan is a new question for the safety check's confirmation.
    experiment.safety_confirmed_by = None
    experiment.safety_confirmed_at = None
    experiment.save()
    experiment.participants.set(people)
    _save_criteria(experiment, cleaned_criteria)
    _set_skills(experiment, skills)
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
    return experiment


@transaction.atomic
def experiment_safety_confirm(*, actor, experiment):
    """The leader confirms the safety answers; only then can the experiment run."""
    idea_permissions.require_leader(user=actor, workplace=experiment.workplace)
    experiment = _lock(experiment)
    if experiment.state != ExperimentState.PLANNED:
        raise ValidationError(_("The safety check is confirmed before the experiment starts."))
    if not experiment.safety_answered:
        raise ValidationError(_("Answer every question of the safety check first."))
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
    membership = idea_permissions.membership_of(user=actor, workplace=experiment.workplace)
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


# --- Reminders ----------------------------------------------------------------------------------------


def _leaders_by_workplace(workplace_ids):
    """The leaders of these workplaces, read once for a whole run of reminders."""
    leaders = {}
    memberships = Membership.objects.select_related("user").filter(
        workplace_id__in=workplace_ids, role=Role.LEADER
    )
    for membership in memberships:
        leaders.setdefault(membership.workplace_id, []).append(membership.user)
    return leaders


def reminders_send(*, today=None):
    """Ask for evaluations of experiments past their end, and for checkpoints that are due. Each reminder goes
    once. Returns how many experiments and checkpoints were reminded."""
    today = today or timezone.localdate()
    now = timezone.now()
    reminded = 0
    ended = list(
        Experiment.objects.select_related("idea__responsible", "workplace")
        .prefetch_related("participants")
        .filter(
            state__in=[ExperimentState.RUNNING, ExperimentState.EVALUATING],
            ends_on__lt=today,
            evaluation_reminded_at__isnull=True,
        )
    )
    due = list(
        Checkpoint.objects.select_related(
            "plan__idea", "plan__responsible", "plan__workplace", "workplace"
        ).filter(
            due_on__lte=today,
            recorded_at__isnull=True,
            reminded_at__isnull=True,
            plan__state=AdoptionState.LIVE,
        )
    )
    leaders = _leaders_by_workplace({item.workplace_id for item in [*ended, *due]})
    for experiment in ended:
        with transaction.atomic():
            # Claimed with a conditional update: a second worker, or a leader concluding meanwhile, wins.
            claimed = Experiment.objects.filter(pk=experiment.pk, evaluation_reminded_at__isnull=True).update(
                evaluation_reminded_at=now
            )
            if not claimed:
                continue
            Experiment.objects.filter(pk=experiment.pk, state=ExperimentState.RUNNING).update(
                state=ExperimentState.EVALUATING
            )
            notification_create(
                recipients=[
                    *leaders.get(experiment.workplace_id, []),
                    *experiment.participants.all(),
                    experiment.idea.responsible,
                ],
                kind=Kind.EXPERIMENT_EVALUATE,
                workplace=experiment.workplace,
                idea=experiment.idea,
                target_url=experiment.get_absolute_url(),
            )
            reminded += 1
    for checkpoint in due:
        with transaction.atomic():
            if not Checkpoint.objects.filter(pk=checkpoint.pk, reminded_at__isnull=True).update(
                reminded_at=now
            ):
                continue
            notification_create(
                recipients=[*leaders.get(checkpoint.workplace_id, []), checkpoint.plan.responsible],
                kind=Kind.CHECKPOINT_DUE,
                workplace=checkpoint.workplace,
                idea=checkpoint.plan.idea,
                target_url=checkpoint.plan.get_absolute_url(),
            )
            reminded += 1
    return reminded


# --- Adoption -----------------------------------------------------------------------------------------------


def _clean_plan(
    *,
    workplace,
    affected,
    training,
    communication,
    go_live_on,
    responsible,
    first_checkpoint_days,
    second_checkpoint_days,
):
    errors = {}
    fields = {
        "affected": clean_text(
            affected,
            field="affected",
            required=True,
            max_length=TEXT_MAX,
            errors=errors,
            required_message=_("Say who is affected and how their day changes."),
        ),
        "training": clean_text(
            training, field="training", required=False, max_length=TEXT_MAX, errors=errors
        ),
        "communication": clean_text(
            communication, field="communication", required=False, max_length=TEXT_MAX, errors=errors
        ),
    }
    if not isinstance(go_live_on, datetime.date):
        errors["go_live_on"] = _("Give the go-live date.")
    elif not _within_reach(go_live_on):
        errors["go_live_on"] = _("Choose a date within two years from today.")
    fields["go_live_on"] = go_live_on
    first = _number(
        first_checkpoint_days,
        field="first_checkpoint_days",
        maximum=365,
        errors=errors,
        message=_("Give the days after go-live, from 1 to 365."),
    )
    second = _number(
        second_checkpoint_days,
        field="second_checkpoint_days",
        maximum=730,
        errors=errors,
        message=_("Give the days after go-live, from 1 to 730."),
    )
    if not errors.get("first_checkpoint_days") and first < 1:
        errors["first_checkpoint_days"] = _("Give the days after go-live, from 1 to 365.")
    if not errors.get("second_checkpoint_days") and second <= first:
        errors["second_checkpoint_days"] = _("The second checkpoint comes after the first.")
    fields["first_checkpoint_days"], fields["second_checkpoint_days"] = first, second
    if (
        responsible is None
        or not Membership.objects.filter(
            workplace=workplace, user=responsible, role__in=[Role.EMPLOYEE, Role.LEADER]
        ).exists()
    ):
        errors["responsible"] = _("Choose an employee or leader of this workplace.")
    fields["responsible"] = responsible
    if errors:
        raise ValidationError(errors)
    return fields


@transaction.atomic
def adoption_plan_create(*, actor, idea, skills=None, **plan):
    """After an experiment decided "adopt": the change the leader leads."""
    idea_permissions.require_leader(user=actor, workplace=idea.workplace)
    idea = _lock_idea(idea.pk)
    if idea.status != IdeaStatus.EXPERIMENTING:
        raise ValidationError(
            _("An adoption plan is made for an idea being tried out; this one is “%(status)s”.")
            % {"status": idea.get_status_display()}
        )
    adopted = selectors.adopting_experiment(idea=idea)
    if adopted is None:
        raise ValidationError(_("An adoption plan follows an experiment that decided to adopt the idea."))
    if AdoptionPlan.objects.filter(idea=idea).exists():
        raise ValidationError(_("The idea already has an adoption plan."))
    fields = _clean_plan(workplace=idea.workplace, **plan)
    made = AdoptionPlan.objects.create(
        organisation_id=idea.organisation_id,
        workplace_id=idea.workplace_id,
        idea=idea,
        experiment=adopted,
        **fields,
    )
    _set_skills(made, skills)
    return made


@transaction.atomic
def adoption_plan_update(*, actor, plan, skills=None, **changes):
    idea_permissions.require_leader(user=actor, workplace=plan.workplace)
    plan = AdoptionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.state != AdoptionState.PLANNED:
        raise ValidationError(_("The plan is live; record what changes at the checkpoints."))
    fields = _clean_plan(workplace=plan.workplace, **changes)
    for name, value in fields.items():
        setattr(plan, name, value)
    plan.save()
    _set_skills(plan, skills)
    return plan


@transaction.atomic
def adoption_plan_go_live(*, actor, plan):
    """The plan goes live: the idea is adopted, and the checkpoints are set after the go-live date."""
    idea_permissions.require_leader(user=actor, workplace=plan.workplace)
    _lock_idea(plan.idea_id)
    plan = (
        AdoptionPlan.objects.select_for_update(of=("self",)).select_related("idea__workplace").get(pk=plan.pk)
    )
    if plan.state != AdoptionState.PLANNED:
        raise ValidationError(_("The plan is already live."))
    if plan.idea.status != IdeaStatus.EXPERIMENTING:
        raise ValidationError(
            _("The idea is “%(status)s” now, so the plan cannot go live.")
            % {"status": plan.idea.get_status_display()}
        )
    plan.state = AdoptionState.LIVE
    plan.live_at = timezone.now()
    plan.save(update_fields=["state", "live_at"])
    Checkpoint.objects.bulk_create(
        Checkpoint(
            organisation_id=plan.organisation_id,
            workplace_id=plan.workplace_id,
            plan=plan,
            days=days,
            due_on=plan.go_live_on + datetime.timedelta(days=days),
        )
        for days in (plan.first_checkpoint_days, plan.second_checkpoint_days)
    )
    idea_services.idea_status_follow(actor=actor, idea=plan.idea, to_status=IdeaStatus.ADOPTED)
    return plan


@transaction.atomic
def checkpoint_record(*, actor, checkpoint, users, affected, values, notes="", adjusted=""):
    """How it goes after go-live: how many of those affected use it, the value seen, what was adjusted."""
    plan = checkpoint.plan
    permissions.require_record_checkpoint(user=actor, plan=plan)
    if plan.state != AdoptionState.LIVE:
        raise ValidationError(_("Checkpoints are recorded once the plan is live."))
    errors = {}
    users = _number(
        users, field="users", maximum=100_000, errors=errors, message=_("Give a whole number, 0 or more.")
    )
    affected = _number(
        affected,
        field="affected",
        maximum=100_000,
        errors=errors,
        message=_("Give a whole number, 0 or more."),
    )
    if not errors and users > affected:
        errors["users"] = _("More people cannot use it than are affected.")
    scores = {}
    for axis in ValueAxis:
        scores[f"value_{axis.value}"] = _number(
            (values or {}).get(axis.value),
            field=f"value_{axis.value}",
            maximum=3,
            errors=errors,
            message=_("Choose a value from 0 to 3."),
        )
    notes = clean_text(notes, field="notes", required=False, max_length=TEXT_MAX, errors=errors)
    adjusted = clean_text(adjusted, field="adjusted", required=False, max_length=TEXT_MAX, errors=errors)
    if errors:
        raise ValidationError(errors)
    Checkpoint.objects.filter(pk=checkpoint.pk).update(
        users=users,
        affected=affected,
        notes=notes,
        adjusted=adjusted,
        recorded_by=actor,
        recorded_at=timezone.now(),
        **scores,
    )
    checkpoint.refresh_from_db()
    return checkpoint


# --- Cases -------------------------------------------------------------------------------------------


@transaction.atomic
def case_publish(*, actor, idea, summary, value_achieved, what_it_took, learnings, contact):
    """Publish an adopted idea to the organisation's case library."""
    idea_permissions.require_leader(user=actor, workplace=idea.workplace)
    idea = _lock_idea(idea.pk)
    if idea.status != IdeaStatus.ADOPTED:
        raise ValidationError(_("Only an adopted idea can be published as a case."))
    if Case.objects.filter(idea=idea).exists():
        raise ValidationError(_("The idea is already published as a case."))
    errors = {}
    texts = {
        "summary": summary,
        "value_achieved": value_achieved,
        "what_it_took": what_it_took,
        "learnings": learnings,
    }
    fields = {
        name: clean_text(value, field=name, required=True, max_length=TEXT_MAX, errors=errors)
        for name, value in texts.items()
    }
    if contact is None or not Membership.objects.filter(workplace=idea.workplace, user=contact).exists():
        errors["contact"] = _("Choose a member of this workplace as the contact person.")
    if errors:
        raise ValidationError(errors)
    return Case.objects.create(
        organisation_id=idea.organisation_id,
        workplace_id=idea.workplace_id,
        idea=idea,
        contact=contact,
        published_by=actor,
        **fields,
    )


@transaction.atomic
def case_try_here(*, actor, case, workplace):
    """A leader of another workplace takes up a case: a linked idea starts there, in their name."""
    if workplace.organisation_id != case.organisation_id:
        raise PermissionDenied(_("Cases are shared within their organisation."))
    require_workplace_leader(user=actor, workplace=workplace)
    if workplace.pk == case.workplace_id:
        raise ValidationError(_("The case comes from this workplace already."))
    if CaseTrial.objects.filter(case=case, workplace=workplace).exists():
        raise ValidationError(_("Your workplace is already trying this case."))
    source = case.idea
    idea = idea_services.idea_create(
        actor=actor,
        workplace=workplace,
        title=source.title,
        need=source.need,
        description=_("Taken up from the case from %(workplace)s: %(summary)s")
        % {"workplace": case.workplace.name, "summary": case.summary},
        values={axis.value: (getattr(source, f"value_{axis.value}"), "") for axis in ValueAxis},
        tag_names=[tag.name for tag in source.tags.all()],
    )
    try:
        with transaction.atomic():
            trial = CaseTrial.objects.create(
                organisation_id=case.organisation_id,
                workplace=workplace,
                case=case,
                idea=idea,
                created_by=actor,
            )
    except IntegrityError:
        raise ValidationError(_("Your workplace is already trying this case.")) from None
    Case.objects.filter(pk=case.pk).update(trial_count=F("trial_count") + 1)
    notification_create(
        recipients=[case.contact],
        kind=Kind.CASE_TRIED,
        workplace=case.workplace,
        actor=actor,
        idea=source,
        detail=workplace.name,
    )
    return trial
