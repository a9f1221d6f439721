from django.db import transaction
from django.utils import timezone

from frontloeber.experiments.notification_kinds import Kind
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.models import Membership, Role

from ..models import (
    AdoptionState,
    Checkpoint,
    Experiment,
    ExperimentState,
)

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
                evaluation_reminded_at=now, updated_at=now
            )
            if not claimed:
                continue
            Experiment.objects.filter(pk=experiment.pk, state=ExperimentState.RUNNING).update(
                state=ExperimentState.EVALUATING, updated_at=now
            )
            notification_create(
                recipients=[
                    *leaders.get(experiment.workplace_id, []),
                    *experiment.participants.all(),
                    experiment.idea.responsible,
                ],
                kind=Kind.EXPERIMENT_EVALUATE,
                workplace=experiment.workplace,
                subject=experiment.idea,
                target_url=experiment.get_absolute_url(),
            )
            reminded += 1
    for checkpoint in due:
        with transaction.atomic():
            if not Checkpoint.objects.filter(pk=checkpoint.pk, reminded_at__isnull=True).update(
                reminded_at=now, updated_at=now
            ):
                continue
            notification_create(
                recipients=[*leaders.get(checkpoint.workplace_id, []), checkpoint.plan.responsible],
                kind=Kind.CHECKPOINT_DUE,
                workplace=checkpoint.workplace,
                subject=checkpoint.plan.idea,
                target_url=checkpoint.plan.get_absolute_url(),
            )
            reminded += 1
    return reminded
