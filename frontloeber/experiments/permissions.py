"""Who may run an experiment, write in its log, lead an adoption and publish or take up a case."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from frontloeber.ideas.models import IdeaStatus
from frontloeber.organisations.models import Role
from frontloeber.organisations.permissions import membership_of

from .models import Decision, ExperimentState

# An experiment can start from an idea in these statuses (a re-run starts from "experimenting").
EXPERIMENT_FROM = {IdeaStatus.NEW, IdeaStatus.QUALIFYING, IdeaStatus.EXPERIMENTING}


def can_manage(*, membership, idea) -> bool:
    """A leader, or the person responsible for the idea, runs its experiments."""
    return membership.role == Role.LEADER or (
        membership.role == Role.EMPLOYEE and idea.responsible_id == membership.user_id
    )


def require_manage(*, user, idea):
    membership = membership_of(user=user, workplace=idea.workplace)
    if not can_manage(membership=membership, idea=idea):
        raise PermissionDenied(_("Only a leader or the idea's responsible person can do this."))
    return membership


def can_log(*, membership, experiment, participant_ids) -> bool:
    return can_manage(membership=membership, idea=experiment.idea) or (
        membership.can_contribute and membership.user_id in participant_ids
    )


def experiment_page(*, membership, experiment, participant_ids) -> dict:
    """What the experiment's page offers: preparing it before it starts, evaluating it once it runs, the
    log to those taking part, the skills it needs while it is not concluded."""
    manages = can_manage(membership=membership, idea=experiment.idea)
    under_way = experiment.is_running or experiment.is_evaluating
    return {
        "can_manage": manages,
        "is_leader": membership.is_leader,
        "can_prepare": manages and experiment.is_planned,
        "can_evaluate": manages and under_way,
        "can_log": under_way
        and can_log(membership=membership, experiment=experiment, participant_ids=participant_ids),
        "can_change_skills": manages and not experiment.is_concluded,
    }


def can_record_checkpoint(*, membership, plan) -> bool:
    """A leader, or the plan's responsible person while they still contribute to the workplace."""
    return membership.role == Role.LEADER or (
        membership.role == Role.EMPLOYEE and plan.responsible_id == membership.user_id
    )


def require_record_checkpoint(*, user, plan):
    membership = membership_of(user=user, workplace=plan.workplace)
    if not can_record_checkpoint(membership=membership, plan=plan):
        raise PermissionDenied(_("A leader or the plan's responsible person records the checkpoints."))
    return membership


def can_plan_adoption(*, membership, idea, adopted, plan) -> bool:
    """A leader makes the adoption plan once an experiment decided to adopt, while the idea is tried out."""
    return membership.is_leader and adopted and plan is None and idea.status == IdeaStatus.EXPERIMENTING


def can_publish_case(*, membership, idea, case) -> bool:
    """A leader shares an adopted idea as a case, once."""
    return membership.is_leader and idea.status == IdeaStatus.ADOPTED and case is None


def next_steps(*, membership, idea, experiments, plan, case):
    """What the idea's page offers next, by the rules the services enforce: one experiment at a time and
    none after "adopt"; a plan after "adopt" while the idea is tried out; a case once it is adopted."""
    adopted = any(e.decision == Decision.ADOPT for e in experiments)
    under_way = any(e.state != ExperimentState.CONCLUDED for e in experiments)
    return {
        "can_plan_experiment": can_manage(membership=membership, idea=idea)
        and idea.status in EXPERIMENT_FROM
        and not under_way
        and not adopted,
        "can_plan_adoption": can_plan_adoption(membership=membership, idea=idea, adopted=adopted, plan=plan),
        "can_publish_case": can_publish_case(membership=membership, idea=idea, case=case),
    }


def can_launch(*, membership, plan) -> bool:
    """A leader takes a planned adoption live."""
    return membership.is_leader and plan.is_planned


def can_try_case(*, membership, case, trials):
    """A leader of another workplace that has not taken the case up yet."""
    return (
        membership.role == Role.LEADER
        and case.workplace_id != membership.workplace_id
        and not any(t.workplace_id == membership.workplace_id for t in trials)
    )
