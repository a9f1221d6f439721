"""Tombstones: a row the API lists, deleted, leaves its id and time behind for clients that load
incrementally. A workplace deleted leaves one tombstone, not one for each of its rows (a client drops what it
holds of that workplace); an organisation deleted takes its tombstones with it."""

from django.db.models.signals import post_delete
from django.utils import timezone

from frontloeber.experiments.models import AdoptionPlan, Case, CaseTrial, Checkpoint, Experiment
from frontloeber.ideas.models import Idea
from frontloeber.organisations.models import Organisation, Workplace
from frontloeber.workshops.models import SessionOutput, WorkshopSession

from .models import Tombstone

# model → the API's name of its list. Endpoints for more lists add their models here.
RESOURCES = {Idea: "ideas", Workplace: "workplaces"}
RESOURCES.update(
    {
        Experiment: "experiments",
        AdoptionPlan: "adoption-plans",
        Checkpoint: "checkpoints",
        Case: "cases",
        CaseTrial: "case-take-ups",
        WorkshopSession: "workshop-sessions",
        SessionOutput: "workshop-outputs",
    }
)


def resource_register(model, resource):
    RESOURCES[model] = resource
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"api.tombstone.{resource}")


def _deleted(sender, instance, origin=None, **kwargs):
    origin_model = getattr(origin, "model", type(origin))
    if origin_model is Organisation or (origin_model is Workplace and sender is not Workplace):
        return
    Tombstone.objects.create(
        organisation_id=instance.organisation_id,
        workplace_id=instance.pk if sender is Workplace else getattr(instance, "workplace_id", None),
        resource=RESOURCES[sender],
        object_id=instance.pk,
        deleted_at=timezone.now(),
    )


for _model, _resource in list(RESOURCES.items()):
    post_delete.connect(_deleted, sender=_model, dispatch_uid=f"api.tombstone.{_resource}")
