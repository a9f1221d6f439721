"""A row that belongs to a workplace belongs to the workplace's organisation, whatever the caller passed.

Neither database can check this across two tables, so saving such a row (a model with a ``workplace`` and
an ``organisation`` foreign key) takes the organisation from the workplace: always for a new row, and for a
stored one whenever its workplace is assigned. ``bulk_create`` sends no signal: the services that use it
pass ``organisation_id=workplace.organisation_id``, and a test reads every row of the demo for a mismatch
(demo/tests/test_tenant_rows.py).
"""

from functools import cache

from django.db.models.signals import pre_save
from django.dispatch import receiver

from .models import Organisation, Workplace


@cache
def is_workplace_row(model):
    fields = {field.name: field for field in model._meta.concrete_fields}
    workplace, organisation = fields.get("workplace"), fields.get("organisation")
    return (
        workplace is not None
        and organisation is not None
        and workplace.related_model is Workplace
        and organisation.related_model is Organisation
    )


@cache
def _parent_fields(model):
    """The foreign keys of ``model`` to other rows of a workplace (an event's idea, an entry's experiment)."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.many_to_one
        and field.name not in ("workplace", "organisation")
        and isinstance(field.related_model, type)
        and is_workplace_row(field.related_model)
    ]


def _known_organisation(model, instance):
    """The workplace's organisation without a query: from the workplace itself, or from a row this one
    belongs to in the same workplace, which was stored through this same path."""
    if model._meta.get_field("workplace").is_cached(instance):
        return instance.workplace.organisation_id
    for field in _parent_fields(model):
        parent = field.get_cached_value(instance) if field.is_cached(instance) else None
        if parent is not None and parent.workplace_id == instance.workplace_id and parent.organisation_id:
            return parent.organisation_id
    return None


@receiver(pre_save, dispatch_uid="organisations.organisation_from_workplace")
def organisation_from_workplace(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not is_workplace_row(sender) or instance.workplace_id is None:
        return
    if update_fields is not None and not {"workplace", "organisation"} & set(update_fields):
        return
    known = _known_organisation(sender, instance)
    if known is not None:
        instance.organisation_id = known
    elif instance._state.adding:  # a new row given only the workplace's id: one query to be sure
        workplaces = Workplace.objects.values_list("organisation_id", flat=True)
        instance.organisation_id = workplaces.get(pk=instance.workplace_id)
    # A stored row whose workplace was not assigned anew keeps the organisation it was stored with.
