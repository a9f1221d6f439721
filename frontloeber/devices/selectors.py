"""Reads of the devices app. Shared devices (issue 21, point 4): a workplace's marked devices, and what a
device's mark stands for, which accounts asks through ``accounts.registry.shared_devices``."""

import uuid

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from frontloeber.accounts.shared_device import SharedDevice as MarkedDevice
from frontloeber.sso import selectors as sso_selectors

from .models import SharedDevice


def shared_devices(*, workplace):
    return SharedDevice.objects.of(workplace).select_related("marked_by")


def access_shared_device(*, workplace, device_id):
    device = shared_devices(workplace=workplace).filter(pk=device_id).first()
    if device is None:
        raise Http404(_("No such shared device."))
    return device


def shared_device_find(*, key):
    """The shared device with this key, or None (a forgotten device, a key that is no UUID)."""
    try:
        key = uuid.UUID(str(key))
    except ValueError:
        return None
    return SharedDevice.objects.select_related("workplace__organisation").filter(key=key).first()


def _organisation_sign_in(organisation):
    """The organisation's own sign-in as the login page's button: only its provider, never the list of
    every organisation that signs in here."""
    provider = sso_selectors.identity_provider_of(organisation=organisation)
    if provider is None or not provider.enabled or not provider.is_configured:
        return []
    return [
        {
            "label": _("Log in with %(organisation)s") % {"organisation": provider.shown_name},
            "action": reverse("sso:start", kwargs={"key": provider.key}),
        }
    ]


def marked_device(*, key):
    """What a device's mark stands for (registered in ``accounts.registry.shared_devices``)."""
    device = shared_device_find(key=key)
    if device is None:
        return None
    workplace = device.workplace
    return MarkedDevice(
        key=str(device.key),
        workplace_name=workplace.name,
        idle_minutes=workplace.shared_device_idle_minutes,
        sign_in_options=lambda: _organisation_sign_in(workplace.organisation),
    )
