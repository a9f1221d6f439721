"""What several of this app's tests share."""

from django.urls import reverse


def org_url(name, organisation, **kwargs):
    """The address of an organisation page by its name in the "organisations" namespace."""
    return reverse(f"organisations:{name}", kwargs={"org_slug": organisation.slug, **kwargs})
