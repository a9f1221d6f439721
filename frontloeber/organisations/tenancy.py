"""Tenancy: every tenant view resolves its workplace (or organisation) and the person's standing first.

A workplace that does not exist and one the person is not a member of give the same 404, so a slug or an
id leaks nothing.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from . import selectors


def workplace_view(view=None, *, roles=None):
    """Resolve ``request.workplace``, ``request.membership`` and ``request.organisation`` from the URL.

    ``roles`` limits the view to members with one of those roles; other members get 403 with a reason.
    """

    def decorator(func):
        @wraps(func)
        def wrapper(request, workplace_slug, *args, **kwargs):
            membership = selectors.membership_for_user(user=request.user, workplace_slug=workplace_slug)
            if membership is None:
                raise Http404(_("No such workplace, or you are not a member of it."))
            if roles is not None and membership.role not in roles:
                raise PermissionDenied(_("Your role in this workplace does not allow this."))
            membership.user = request.user  # the person is known: permissions that read it need no query
            request.membership = membership
            request.workplace = membership.workplace
            request.organisation = membership.workplace.organisation
            return func(request, *args, **kwargs)

        return wrapper

    return decorator(view) if view is not None else decorator


def organisation_admin_view(func):
    """Resolve ``request.organisation`` for an organisation admin; anyone else gets 404."""

    @wraps(func)
    def wrapper(request, org_slug, *args, **kwargs):
        organisation = selectors.organisation_for_admin(user=request.user, org_slug=org_slug)
        if organisation is None:
            raise Http404(_("No such organisation, or you do not administer it."))
        request.organisation = organisation
        return func(request, *args, **kwargs)

    return wrapper


def safety_reviewer_view(func):
    """Resolve ``request.organisation`` for a person named to review its safety checks or one of its admins
    (who review where nobody is named); anyone else gets 404."""

    @wraps(func)
    def wrapper(request, org_slug, *args, **kwargs):
        organisation = selectors.organisation_for_safety_reviewer(user=request.user, org_slug=org_slug)
        if organisation is None:
            raise Http404(_("No such organisation, or you review none of its safety checks."))
        request.organisation = organisation
        return func(request, *args, **kwargs)

    return wrapper
