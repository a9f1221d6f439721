"""The SCIM 2.0 protocol (RFC 7643, RFC 7644) as Frontløber speaks it, through scim2-models: reading requests
(resources, PatchOp, filters, paging) and writing answers (resources, ListResponse, Error).

Nothing here reads or writes the database; the views ask the selectors and services, and this module turns
their rows into SCIM resources and SCIM payloads into plain values.
"""

import json
from dataclasses import dataclass

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from pydantic import ValidationError
from scim2_models import (
    AuthenticationScheme,
    Bulk,
    ChangePassword,
    Context,
    Email,
    Error,
    ETag,
    Filter,
    Group,
    GroupMember,
    InvalidFilterException,
    InvalidSyntaxException,
    InvalidValueException,
    ListResponse,
    Meta,
    Name,
    Patch,
    PatchOp,
    PayloadTooLargeException,
    ResourceType,
    ResponseParameters,
    SCIMException,
    ScimFilter,
    ScimPolicy,
    ServiceProviderConfig,
    Sort,
    User,
)
from scim2_models.path import CompareOperator, Comparison

from .selectors import DEFAULT_PAGE, MAX_PAGE

CONTENT_TYPE = "application/scim+json"
# A SCIM request's body is a person, a group or a PatchOp: 1 MB is far more than any of them needs.
MAX_BODY_BYTES = 1024 * 1024

# What Frontløber tolerates from provisioning services, Microsoft Entra ID's ways included: attributes it
# does not keep are ignored (the enterprise extension, phone numbers), a "remove" may name its target in
# its value, and an "add" through a filter that matches nothing adds the entry the filter describes.
POLICY = ScimPolicy(
    unknown=ScimPolicy.Unknown.ignore,
    remove_value_as_filter=ScimPolicy.RemoveValue.apply,
    unmatched_path_filter=ScimPolicy.UnmatchedPathFilter.create,
)

# The filters provisioning services send to find a resource before they create it: attribute → the name
# the selectors know it by. Anything else is answered with invalidFilter.
USER_FILTERS = {"username": "userName", "externalid": "externalId", "id": "id"}
GROUP_FILTERS = {"displayname": "displayName", "externalid": "externalId", "id": "id"}


# --- Answers ------------------------------------------------------------------------------------------------


def scim_response(payload: dict, *, status=200, location=None) -> HttpResponse:
    response = HttpResponse(
        json.dumps(payload, ensure_ascii=False, default=str), status=status, content_type=CONTENT_TYPE
    )
    if location:
        response["Location"] = location
    return response


def error_response(error: SCIMException | Error) -> HttpResponse:
    if isinstance(error, SCIMException):
        error = error.to_error()
    payload = error.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE)
    response = scim_response(payload, status=int(error.status or 400))
    if int(error.status or 400) == 401:
        response["WWW-Authenticate"] = 'Bearer realm="Frontloeber SCIM"'
    return response


def validation_error(error: ValidationError) -> SCIMException:
    """The first problem pydantic found, as the SCIM error it stands for."""
    errors = Error.from_validation_errors(error)
    return SCIMException.from_error(errors[0]) if errors else InvalidValueException()


# --- Reading requests -------------------------------------------------------------------------------------


def body_json(request) -> dict:
    try:
        body = request.body
    except RequestDataTooBig:
        body = None
    if body is None or len(body) > MAX_BODY_BYTES:  # sent without a Content-Length, or longer than it said
        raise PayloadTooLargeException(
            detail=_("The request body is larger than %(n)s bytes.") % {"n": MAX_BODY_BYTES}
        )
    try:
        data = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError):
        raise InvalidSyntaxException(detail=_("The request body is not JSON.")) from None
    if not isinstance(data, dict):
        raise InvalidSyntaxException(detail=_("The request body must be a JSON object."))
    return data


def _validate(model, data, context):
    try:
        return model.model_validate(data, scim_ctx=context, scim_policy=POLICY)
    except ValidationError as error:
        raise validation_error(error) from None


def user_from_request(request, *, context=Context.RESOURCE_CREATION_REQUEST) -> User:
    return _validate(User, body_json(request), context)


def group_from_request(request, *, context=Context.RESOURCE_CREATION_REQUEST) -> Group:
    return _validate(Group, body_json(request), context)


def patch_from_request(request, model) -> PatchOp:
    return _validate(PatchOp[model], body_json(request), Context.RESOURCE_PATCH_REQUEST)


def patch_apply(patch: PatchOp, resource) -> None:
    try:
        patch.patch(resource, POLICY)
    except ValidationError as error:
        raise validation_error(error) from None


def parse_filter(text: str, *, model, supported: dict) -> tuple[str, str] | None:
    """``(attribute, value)`` of an ``attribute eq "value"`` filter on a supported attribute; None for no
    filter. Anything else is refused with invalidFilter."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        node = ScimFilter[model](text).ast
    except SCIMException:
        node = None
    if (
        not isinstance(node, Comparison)
        or node.op != CompareOperator.eq
        or node.attr_path.sub_attr is not None
        or (node.attr_path.uri or "").lower() not in ("", str(model.__schema__).lower())
        or node.attr_path.attr.lower() not in supported
        or not isinstance(node.value, str)
    ):
        raise InvalidFilterException(
            detail=_("Frontløber supports filters of the form %(forms)s and no other.")
            % {"forms": ", ".join(f'{name} eq "…"' for name in supported.values())}
        )
    return supported[node.attr_path.attr.lower()], node.value


@dataclass
class Page:
    start: int  # 1-based, as SCIM counts
    count: int


def page_from_request(request) -> Page:
    """``startIndex`` below 1 is read as 1 and a negative ``count`` as 0 (RFC 7644, 3.4.2.4); ``count`` is
    capped at ``MAX_PAGE``."""

    def number(name, default):
        value = request.GET.get(name, "").strip()
        if not value:
            return default
        try:
            return int(value)
        except ValueError:
            raise InvalidValueException(
                detail=_("%(name)s must be a whole number.") % {"name": name}
            ) from None

    start = max(1, number("startIndex", 1))
    count = min(MAX_PAGE, max(0, number("count", DEFAULT_PAGE)))
    return Page(start=start, count=count)


def response_parameters(request) -> ResponseParameters | None:
    attributes = request.GET.get("attributes", "").strip()
    excluded = request.GET.get("excludedAttributes", "").strip()
    if not attributes and not excluded:
        return None
    try:
        return ResponseParameters(
            attributes=[a.strip() for a in attributes.split(",") if a.strip()] or None,
            excluded_attributes=[a.strip() for a in excluded.split(",") if a.strip()] or None,
        )
    except ValidationError as error:
        raise validation_error(error) from None


def wants_members(parameters: ResponseParameters | None) -> bool:
    """Whether a group's members are to be answered (Entra ID asks with ``excludedAttributes=members``)."""
    if parameters is None:
        return True
    excluded = {str(a).lower() for a in parameters.excluded_attributes or []}
    attributes = {str(a).lower() for a in parameters.attributes or []}
    return "members" not in excluded and (not attributes or bool(attributes & {"members", "members.value"}))


# --- People and groups as SCIM resources --------------------------------------------------------------------


def base_url(request) -> str:
    return request.build_absolute_uri(reverse("provisioning:scim_root")).rstrip("/")


def user_resource(person, *, base: str) -> User:
    deactivated = getattr(person, "scim_deactivated_at", None)
    return User(
        id=str(person.pk),
        external_id=getattr(person, "scim_external_id", None) or None,
        user_name=person.email,
        display_name=person.full_name or None,
        name=Name(
            formatted=person.full_name or None,
            given_name=getattr(person, "scim_given_name", None) or None,
            family_name=getattr(person, "scim_family_name", None) or None,
        ),
        active=bool(person.is_active and deactivated is None),
        emails=[Email(value=person.email, type=Email.Type.work, primary=True)],
        meta=Meta(
            resource_type="User",
            created=person.date_joined,
            last_modified=getattr(person, "scim_updated_at", None) or person.date_joined,
            location=f"{base}/Users/{person.pk}",
        ),
    )


def group_resource(group, *, base: str, members=True) -> Group:
    return Group(
        id=str(group.pk),
        external_id=group.external_id or None,
        display_name=group.display_name,
        members=[
            GroupMember(
                value=str(member.user_id),
                display=str(member.user),
                type="User",
                ref=f"{base}/Users/{member.user_id}",
            )
            for member in group.memberships.all()
        ]
        if members
        else None,
        meta=Meta(
            resource_type="Group",
            created=group.created_at,
            last_modified=group.updated_at,
            location=f"{base}/Groups/{group.pk}",
        ),
    )


def resource_payload(resource, parameters=None) -> dict:
    return resource.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE, response_parameters=parameters)


def list_payload(resources: list, *, total: int, page: Page, parameters=None) -> dict:
    response = ListResponse[User | Group](
        total_results=total, start_index=page.start, items_per_page=len(resources), resources=resources
    )
    return response.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE, response_parameters=parameters)


# --- The person's values as Frontløber keeps them ----------------------------------------------------------


@dataclass
class PersonName:
    full_name: str | None  # None: the resource names nobody, the name stays as it is
    given_name: str
    family_name: str


def name_of(user: User) -> PersonName:
    """The name to keep: given and family name, else the display name, else the formatted name."""
    name = user.name
    given = str(getattr(name, "given_name", None) or "").strip()[:150]
    family = str(getattr(name, "family_name", None) or "").strip()[:150]
    full = None
    for candidate in (f"{given} {family}".strip(), user.display_name, getattr(name, "formatted", None)):
        if candidate and str(candidate).strip():
            full = str(candidate).strip()[:150]
            break
    return PersonName(full_name=full, given_name=given, family_name=family)


def member_ids_of(group: Group) -> list[str]:
    return [str(member.value).strip() for member in group.members or [] if member.value]


# --- Discovery ----------------------------------------------------------------------------------------------


def service_provider_config() -> ServiceProviderConfig:
    return ServiceProviderConfig(
        patch=Patch(supported=True),
        bulk=Bulk(supported=False, max_operations=0, max_payload_size=0),
        filter=Filter(supported=True, max_results=MAX_PAGE),
        change_password=ChangePassword(supported=False),
        sort=Sort(supported=False),
        etag=ETag(supported=False),
        authentication_schemes=[
            AuthenticationScheme(
                type="oauthbearertoken",
                name="Bearer token",
                description="A token an organisation admin makes on the organisation's Provisioning page.",
                primary=True,
            )
        ],
        meta=Meta(resource_type="ServiceProviderConfig"),
    )


def resource_types(*, base: str) -> list[ResourceType]:
    types = []
    for model in (User, Group):
        resource_type = ResourceType.from_resource(model)
        resource_type.meta = Meta(
            resource_type="ResourceType", location=f"{base}/ResourceTypes/{model.__name__}"
        )
        types.append(resource_type)
    return types


def schemas(*, base: str) -> list:
    found = []
    for model in (User, Group):
        schema = model.to_schema()
        schema.meta = Meta(resource_type="Schema", location=f"{base}/Schemas/{model.__schema__}")
        found.append(schema)
    return found


def discovery_list_payload(resources: list) -> dict:
    return {
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
        "totalResults": len(resources),
        "startIndex": 1,
        "itemsPerPage": len(resources),
        "Resources": [
            resource.model_dump(scim_ctx=Context.RESOURCE_QUERY_RESPONSE) for resource in resources
        ],
    }
