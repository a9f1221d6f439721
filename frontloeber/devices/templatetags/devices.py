from django import template

from frontloeber.devices.owners import page_owner

register = template.Library()


@register.simple_tag(takes_context=True)
def device_owner(context):
    """The signed-in person's owner tag for drafts kept on the device (see devices/owners.py), or ""."""
    request = context.get("request")
    return page_owner(request) if request is not None else ""
