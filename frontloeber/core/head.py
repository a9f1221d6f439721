"""What every page's <head> holds beyond core's own styles and scripts.

Core's base template knows no higher app: an app that needs something in every page's <head> (devices: the
manifest, the service worker and the device's queue of drafts) registers a template from its
``AppConfig.ready``, and base.html includes each in turn.
"""

from .registry import Registry

head_templates = Registry("Template names included, in order, in every page's <head> (base.html).")


def head(request):
    """Context processor: the registered head templates."""
    return {"head_templates": list(head_templates)}
