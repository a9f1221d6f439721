"""Where the token pages are linked from: the organisation's home page offers its admins theirs."""

from django.urls import reverse
from django.utils.translation import gettext as _


def organisation_home_links(*, organisation):
    return [
        (
            _("API tokens and feeds"),
            reverse("api_pages:organisation_tokens", kwargs={"org_slug": organisation.slug}),
        )
    ]
