"""The overview of the five practices at the top of the workplace home (issue 18, point 2): the leader's home
page becomes the workplace's overview, and every member and observer reads it."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .selectors import parse_quarter, workplace_groups, workplace_overview


def overview_panel(*, request):
    overview = workplace_overview(
        workplace=request.workplace, membership=request.membership, quarter=parse_quarter(None)
    )
    groups = workplace_groups(workplace=request.workplace) if request.membership.is_leader else []
    return {"template": "insights/partials/home_panel.html", "overview": overview, "groups": groups}


def organisation_links(*, organisation):
    return [
        (
            _("The five practices across the workplaces"),
            reverse("insights:organisation_overview", kwargs={"org_slug": organisation.slug}),
        ),
        (_("Leader groups"), reverse("insights:leader_groups", kwargs={"org_slug": organisation.slug})),
    ]


def practice_guide_url(*, workplace_slug, code):
    return reverse("insights:practice_guide", kwargs={"workplace_slug": workplace_slug, "code": code})
