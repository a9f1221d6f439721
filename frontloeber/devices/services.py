"""Writes of the devices app. Shared devices (issue 21, point 4): a workplace's leaders (and its
organisation's admins) mark a device as shared, forget it, and set how long a person may be idle on one.
Each is written in the organisation's audit log."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from frontloeber.accounts.shared_device import IDLE_MINUTES_MAX, IDLE_MINUTES_MIN
from frontloeber.organisations.audit import audit_record
from frontloeber.organisations.models import AuditAction
from frontloeber.organisations.permissions import require_edit_workplace

from .models import SharedDevice

LABEL_MAX = SharedDevice._meta.get_field("label").max_length


@transaction.atomic
def shared_device_mark(*, actor, workplace, label="") -> SharedDevice:
    require_edit_workplace(user=actor, workplace=workplace)
    label = (label or "").strip()
    if len(label) > LABEL_MAX:
        raise ValidationError(
            {"label": _("Keep the name to %(count)d characters at most.") % {"count": LABEL_MAX}}
        )
    device = SharedDevice.objects.create(workplace=workplace, label=label, marked_by=actor)
    audit_record(
        organisation=workplace.organisation,
        action=AuditAction.SHARED_DEVICE_MARKED,
        actor=actor,
        workplace=workplace,
        detail={"device": label},
    )
    return device


@transaction.atomic
def shared_device_forget(*, actor, device: SharedDevice):
    """The device is an ordinary one again: its mark now stands for nothing."""
    require_edit_workplace(user=actor, workplace=device.workplace)
    label = device.label
    device.delete()
    audit_record(
        organisation=device.organisation_id,
        action=AuditAction.SHARED_DEVICE_FORGOTTEN,
        actor=actor,
        workplace=device.workplace_id,
        detail={"device": label},
    )


@transaction.atomic
def shared_device_set_idle_minutes(*, actor, workplace, minutes):
    require_edit_workplace(user=actor, workplace=workplace)
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        minutes = 0
    if not IDLE_MINUTES_MIN <= minutes <= IDLE_MINUTES_MAX:
        raise ValidationError(
            {
                "minutes": _("Choose a number of minutes from %(low)d to %(high)d.")
                % {"low": IDLE_MINUTES_MIN, "high": IDLE_MINUTES_MAX}
            }
        )
    before = workplace.shared_device_idle_minutes
    if minutes == before:
        return workplace
    workplace.shared_device_idle_minutes = minutes
    workplace.save(update_fields=["shared_device_idle_minutes"])
    audit_record(
        organisation=workplace.organisation,
        action=AuditAction.SHARED_DEVICE_IDLE_CHANGED,
        actor=actor,
        workplace=workplace,
        detail={"minutes": [before, minutes]},
    )
    return workplace
