import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.events import event_publish
from frontloeber.core.text import clean_text
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import IdeaStatus, ValueAxis
from frontloeber.organisations import permissions as org_permissions
from frontloeber.organisations.models import Membership, Role

from .. import permissions, selectors
from ..models import (
    TEXT_MAX,
    AdoptionPlan,
    AdoptionState,
    Checkpoint,
)
from .base import _lock_idea, _number, _set_skills, _within_reach

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
    org_permissions.require_leader(user=actor, workplace=idea.workplace)
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
    org_permissions.require_leader(user=actor, workplace=plan.workplace)
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
    org_permissions.require_leader(user=actor, workplace=plan.workplace)
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
    event_publish(kind="adoption_plan.live", subject=plan)
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
        updated_at=timezone.now(),
        **scores,
    )
    checkpoint.refresh_from_db()
    return checkpoint
