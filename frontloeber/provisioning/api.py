"""The SCIM 2.0 endpoints under ``/scim/v2/`` (RFC 7644): Users and Groups, and the three discovery
endpoints. A request carries ``Authorization: Bearer <secret>``; the token names the organisation, and
everything read or written is that organisation's. Every answer is SCIM JSON, errors included.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from pydantic import ValidationError
from scim2_models import (
    Context,
    Error,
    Group,
    NotFoundException,
    PayloadTooLargeException,
    SCIMException,
    UnauthorizedException,
    User,
)

from frontloeber.core import ratelimit

from . import scim, selectors, services

# Requests one token may make a minute: a provisioning cycle of a large municipality stays well below it.
REQUESTS_PER_MINUTE = 600


def _authenticated(request):
    scheme, _sep, secret = request.META.get("HTTP_AUTHORIZATION", "").strip().partition(" ")
    token = services.scim_token_use(secret=secret.strip()) if scheme.lower() == "bearer" else None
    if token is None:
        # The same answer for no token, a wrong one, a revoked one and an expired one.
        raise UnauthorizedException(detail=_("A valid bearer token is required."))
    return token


def _check_limits(request, token):
    limit = getattr(settings, "SCIM_REQUESTS_PER_MINUTE", REQUESTS_PER_MINUTE)
    if ratelimit.hit(f"provisioning.scim.{token.pk}", window=60) > limit:
        return Error(
            status=429,
            detail=_("Too many requests with this token: at most %(n)s a minute. Try again in a minute.")
            % {"n": limit},
        )
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = scim.MAX_BODY_BYTES + 1
    if length > scim.MAX_BODY_BYTES:
        raise PayloadTooLargeException(
            detail=_("The request body is larger than %(n)s bytes.") % {"n": scim.MAX_BODY_BYTES}
        )
    return None


def scim_endpoint(*methods):
    """A SCIM endpoint: no session or CSRF (the bearer token is the credential), the token resolved to
    ``request.scim_token`` and ``request.organisation`` before anything else, the token's rate limit, and
    every refusal answered as a SCIM error."""

    def decorator(view):
        @csrf_exempt
        @login_not_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                token = _authenticated(request)
                limited = _check_limits(request, token)
                if limited is not None:
                    response = scim.error_response(limited)
                    response["Retry-After"] = "60"
                    return response
                if request.method not in methods:
                    response = scim.error_response(
                        Error(
                            status=405,
                            detail=_("%(method)s is not supported here.") % {"method": request.method},
                        )
                    )
                    response["Allow"] = ", ".join(methods)
                    return response
                request.scim_token = token
                request.organisation = token.organisation
                return view(request, *args, **kwargs)
            except SCIMException as error:
                return scim.error_response(error)
            except ValidationError as error:
                return scim.error_response(scim.validation_error(error))
            except Http404:
                return scim.error_response(NotFoundException(detail=_("No such resource.")))

        return wrapper

    return decorator


# --- Discovery ----------------------------------------------------------------------------------------------


@scim_endpoint("GET")
def root(request):
    raise NotFoundException(
        detail=_("Use /Users, /Groups, /ServiceProviderConfig, /ResourceTypes or /Schemas.")
    )


@scim_endpoint("GET")
def service_provider_config(request):
    config = scim.service_provider_config()
    config.meta.location = f"{scim.base_url(request)}/ServiceProviderConfig"
    return scim.scim_response(config.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE))


def _discovery(request, found, key):
    """A discovery list, or the one entry whose id is ``key``."""
    if key is None:
        return scim.scim_response(scim.discovery_list_payload(found))
    for entry in found:
        if entry.id == key:
            return scim.scim_response(entry.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE))
    raise Http404


@scim_endpoint("GET")
def resource_types(request, name=None):
    return _discovery(request, scim.resource_types(base=scim.base_url(request)), name)


@scim_endpoint("GET")
def schemas(request, urn=None):
    return _discovery(request, scim.schemas(base=scim.base_url(request)), urn)


# --- Users --------------------------------------------------------------------------------------------------


def _person_values(resource: User) -> services.PersonValues:
    name = scim.name_of(resource)
    return services.PersonValues(
        email=resource.user_name or "",
        full_name=name.full_name,
        given_name=name.given_name,
        family_name=name.family_name,
        external_id=(resource.external_id or "").strip(),
        active=resource.active,
    )


def _person_or_404(request, user_id):
    person = selectors.scim_person_find(organisation=request.organisation, user_id=user_id)
    if person is None:
        raise Http404
    return person


def _person_response(request, user, *, status=200):
    person = _person_or_404(request, user.pk)
    resource = scim.user_resource(person, base=scim.base_url(request))
    payload = scim.resource_payload(resource, scim.response_parameters(request))
    return scim.scim_response(payload, status=status, location=resource.meta.location)


@scim_endpoint("GET", "POST")
def users(request):
    organisation = request.organisation
    if request.method == "POST":
        resource = scim.user_from_request(request)
        user = services.scim_person_create(token=request.scim_token, values=_person_values(resource))
        return _person_response(request, user, status=201)
    parameters = scim.response_parameters(request)
    found = scim.parse_filter(request.GET.get("filter"), model=User, supported=scim.USER_FILTERS)
    if found is None:
        people = selectors.scim_people(organisation=organisation)
    else:
        people = selectors.scim_people_filtered(organisation=organisation, attribute=found[0], value=found[1])
    page = scim.page_from_request(request)
    total = people.count()
    rows = list(people[page.start - 1 : page.start - 1 + page.count]) if page.count and total else []
    base = scim.base_url(request)
    resources = [scim.user_resource(person, base=base) for person in rows]
    return scim.scim_response(scim.list_payload(resources, total=total, page=page, parameters=parameters))


@scim_endpoint("GET", "PUT", "PATCH", "DELETE")
def user(request, user_id):
    person = _person_or_404(request, user_id)
    token = request.scim_token
    if request.method == "GET":
        return _person_response(request, person)
    if request.method == "DELETE":
        services.scim_person_delete(token=token, user=person)
        return HttpResponse(status=204)
    if request.method == "PUT":
        resource = scim.user_from_request(request, context=Context.RESOURCE_REPLACEMENT_REQUEST)
    else:
        patch = scim.patch_from_request(request, User)
        resource = scim.user_resource(person, base=scim.base_url(request))
        scim.patch_apply(patch, resource)
    services.scim_person_update(token=token, user=person, values=_person_values(resource))
    return _person_response(request, person)


# --- Groups -------------------------------------------------------------------------------------------------


def _group_values(resource: Group, *, members_default=None) -> services.GroupValues:
    return services.GroupValues(
        display_name=resource.display_name or "",
        external_id=(resource.external_id or "").strip(),
        member_ids=scim.member_ids_of(resource) if resource.members is not None else members_default,
    )


def _group_or_404(request, group_id, *, with_members=True):
    group = selectors.scim_group_find(
        organisation=request.organisation, group_id=group_id, with_members=with_members
    )
    if group is None:
        raise Http404
    return group


def _group_response(request, group_id, *, status=200):
    parameters = scim.response_parameters(request)
    members = scim.wants_members(parameters)
    group = _group_or_404(request, group_id, with_members=members)
    resource = scim.group_resource(group, base=scim.base_url(request), members=members)
    payload = scim.resource_payload(resource, parameters)
    return scim.scim_response(payload, status=status, location=resource.meta.location)


@scim_endpoint("GET", "POST")
def groups(request):
    organisation = request.organisation
    if request.method == "POST":
        resource = scim.group_from_request(request)
        group = services.scim_group_create(token=request.scim_token, values=_group_values(resource))
        return _group_response(request, group.pk, status=201)
    parameters = scim.response_parameters(request)
    members = scim.wants_members(parameters)
    found = scim.parse_filter(request.GET.get("filter"), model=Group, supported=scim.GROUP_FILTERS)
    if found is None:
        rows = selectors.scim_groups(organisation=organisation, with_members=members)
    else:
        rows = selectors.scim_groups_filtered(
            organisation=organisation, attribute=found[0], value=found[1], with_members=members
        )
    page = scim.page_from_request(request)
    total = rows.count()
    chosen = list(rows[page.start - 1 : page.start - 1 + page.count]) if page.count and total else []
    base = scim.base_url(request)
    resources = [scim.group_resource(group, base=base, members=members) for group in chosen]
    return scim.scim_response(scim.list_payload(resources, total=total, page=page, parameters=parameters))


@scim_endpoint("GET", "PUT", "PATCH", "DELETE")
def group(request, group_id):
    token = request.scim_token
    if request.method == "GET":
        return _group_response(request, group_id)
    found = _group_or_404(request, group_id, with_members=request.method == "PATCH")
    if request.method == "DELETE":
        services.scim_group_delete(token=token, group=found)
        return HttpResponse(status=204)
    if request.method == "PUT":
        resource = scim.group_from_request(request, context=Context.RESOURCE_REPLACEMENT_REQUEST)
        values = _group_values(resource, members_default=[])
    else:
        patch = scim.patch_from_request(request, Group)
        resource = scim.group_resource(found, base=scim.base_url(request))
        scim.patch_apply(patch, resource)
        values = _group_values(resource, members_default=[])
    services.scim_group_update(token=token, group=found, values=values)
    return _group_response(request, found.pk)
