from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DevicesConfig(AppConfig):
    """The app on the person's device (issue 21): the manifest and service worker that make Frontløber
    installable, the pages it shows offline, the queue of ideas and comments kept on the device until the
    network returns, and shared devices (a workplace's iPad) that forget the person who used them."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "frontloeber.devices"
    label = "devices"
    verbose_name = _("Devices")

    def ready(self):
        from frontloeber.accounts.registry import shared_devices
        from frontloeber.core.head import head_templates
        from frontloeber.organisations.registry import members_page_links

        from . import selectors
        from .links import members_page_links as shared_device_links

        # Every page's <head>: the manifest, the service worker and the device's queue (points 1 and 2).
        head_templates.register("devices/partials/head.html")
        # What a shared device's mark stands for (point 4): accounts reads it for the idle time and login.
        shared_devices.register(selectors.marked_device)
        members_page_links.register(shared_device_links)
