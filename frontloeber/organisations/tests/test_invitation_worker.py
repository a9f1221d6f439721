"""Invitation e-mails go through the task worker with the database backend that production uses."""

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from frontloeber.organisations import services
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, member

# The worker closes database connections between tasks, so the test cannot run inside a transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_invitation_is_queued_with_the_invitation_and_sent_by_the_worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    services.invitation_create(actor=leader, workplace=workplace, email="ny@example.dk", role="employee")
    assert mail.outbox == []
    assert (
        DBTaskResult.objects.filter(task_path="frontloeber.organisations.tasks.invitation_send").count() == 1
    )
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert [m.to for m in mail.outbox] == [["ny@example.dk"]]
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
