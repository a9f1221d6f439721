"""Deliveries, sent by the task worker (`make worker`): one attempt per run, and the next queued for later
when it failed (``services.RETRY_AFTER``)."""

from django_tasks import task


@task()
def webhook_deliver(*, delivery_id: int) -> str:
    """Attempt the delivery; queue the next attempt at its time when it is still pending. Only a backend that
    can run a task later (the database backend) retries by itself; with the immediate backend (the tests)
    the delivery waits, and ``webhook_delivery_attempt`` is called again by hand."""
    from .models import WebhookDelivery
    from .services import webhook_delivery_attempt

    delivery = WebhookDelivery.objects.filter(pk=delivery_id).first()
    if delivery is None:
        return "gone"
    delivery = webhook_delivery_attempt(delivery=delivery)
    # Only the run that made the attempt queues the next one (a duplicate run that found it not due, or
    # held by another worker, leaves it to that one).
    retry = delivery.is_pending and getattr(delivery, "attempted_now", False) and delivery.next_attempt_at
    if retry and webhook_deliver.get_backend().supports_defer:
        webhook_deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery_id=delivery.pk)
    return delivery.state
