"""Who reads the API: the token a request sends, resolved first (as a page resolves its workplace), and
what it may read.

``Reader.workplace_ids()`` is the tenancy of every endpoint: an organisation token reads all of its
organisation's workplaces, a personal token those where its person is a member today. Every list filters
on them, and a workplace, idea or round asked for by id outside them is a 404, as on the pages.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from frontloeber.core import ratelimit
from frontloeber.organisations.models import Membership, Role, Workplace

from . import services
from .models import ApiToken
from .problems import Problem

# Requests a token may send in a minute, by default: a Power BI refresh of every list pages through them in
# well under a minute at the size of a large municipality (see README, "Data out").
RATE_PER_MINUTE = 600


@dataclass
class Reader:
    token: ApiToken
    _memberships: dict | None = field(default=None, repr=False)
    _workplace_ids: frozenset | None = field(default=None, repr=False)

    @property
    def organisation(self):
        return self.token.organisation

    @property
    def organisation_id(self):
        return self.token.organisation_id

    @property
    def user(self):
        return self.token.user

    @property
    def is_organisation(self):
        return self.token.user_id is None

    def require(self, scope):
        if scope not in self.token.scopes:
            raise Problem(
                403,
                "out-of-scope",
                _("This token may not read or do this: it needs the scope “%(scope)s”.") % {"scope": scope},
            )

    def memberships(self) -> dict:
        """The person's memberships in the organisation, by workplace id (empty for an organisation token)."""
        if self._memberships is None:
            self._memberships = (
                {}
                if self.is_organisation
                else {
                    m.workplace_id: m
                    for m in Membership.objects.filter(
                        user_id=self.token.user_id, workplace__organisation_id=self.organisation_id
                    )
                }
            )
        return self._memberships

    def workplace_ids(self) -> frozenset:
        if self._workplace_ids is None:
            if self.is_organisation:
                ids = Workplace.objects.filter(organisation_id=self.organisation_id).values_list(
                    "pk", flat=True
                )
                self._workplace_ids = frozenset(ids)
            else:
                self._workplace_ids = frozenset(self.memberships())
        return self._workplace_ids

    def leads(self, workplace_id) -> bool:
        membership = self.memberships().get(workplace_id)
        return membership is not None and membership.role == Role.LEADER

    def workplace(self, workplace_id) -> Workplace:
        """A workplace this token reads, by id; any other id is a 404."""
        if workplace_id not in self.workplace_ids():
            raise Problem(404, "not-found", _("No such workplace, or this token may not read it."))
        return Workplace.objects.select_related("organisation").get(pk=workplace_id)


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``. A feed token is refused here: it reads its feed, nothing else.
    An API token in the address is refused outright (addresses end up in logs and browser histories)."""

    openapi_scheme = "bearer"

    def __call__(self, request):
        if "token" in request.GET or "access_token" in request.GET:
            raise Problem(
                400,
                "token-in-address",
                _(
                    "Send the token in the Authorization header, not in the address. Only a feed token goes "
                    "in a feed's address."
                ),
            )
        return super().__call__(request)

    def authenticate(self, request, token):
        found = services.token_use(secret=token)
        if found is None or found.is_feed:
            return None
        rate_limit(found)
        request.reader = Reader(found)
        return request.reader


def rate_limit(token):
    limit = getattr(settings, "API_RATE_PER_MINUTE", RATE_PER_MINUTE)
    if ratelimit.hit(f"api-token:{token.pk}", window=60) > limit:
        raise Problem(
            429,
            "too-many-requests",
            _("This token may send %(n)s requests a minute. Wait a minute and send it again.") % {"n": limit},
            headers={"Retry-After": "60"},
        )
