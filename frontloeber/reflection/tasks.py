"""Background work for the survey, run by the task worker. Task arguments are stored in the queue's table,
so they carry ids only: personal links are made inside the task and go straight into the e-mail."""

from django_tasks import task

from . import services


@task()
def round_invitations_send(*, round_id: int) -> int:
    return services.round_invitations_send(round_id=round_id)
