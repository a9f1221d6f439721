from django.urls import reverse
from django.utils.translation import gettext as _


def members_page_links(*, workplace):
    """The members page leads its leaders to the workplace's shared devices (the kindergarten's iPad)."""
    return [
        (_("Shared devices"), reverse("devices:shared_device", kwargs={"workplace_slug": workplace.slug}))
    ]
