import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.ideas.models import Idea, ValueAxis
from frontloeber.organisations import permissions as org_permissions
from frontloeber.organisations.models import Membership, Role

from .. import permissions
from ..models import (
    MAX_CRITERIA,
    TEXT_MAX,
    Decision,
    Experiment,
    ExperimentState,
    SuccessCriterion,
)

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
        org_permissions.require_leader(user=actor, workplace=record.workplace)
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
