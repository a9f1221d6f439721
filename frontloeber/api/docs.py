"""What the API's documentation page explains: every endpoint as the OpenAPI schema describes it, every kind
of problem with what it means and what to do, every scope. The page is made from these, so it lists what the
API has, not what someone remembered to write."""

import re
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from .models import Scope
from .problems import TITLES

# Each kind of problem (``problems.TITLES``): its status, what it means, and what to do about it.
PROBLEM_HELP = {
    "bad-request": (
        400,
        _("The request could not be understood as it was sent."),
        _("Read the “detail”; check the address, the method and the body against the endpoint below."),
    ),
    "invalid-parameters": (
        400,
        _("One or more parameters or fields have a value the API does not accept."),
        _("“errors” names each one and says why. Correct them and send the request again."),
    ),
    "unauthorised": (
        401,
        _("No token was sent, or the token is unknown, revoked or expired, or it is a feed token."),
        _(
            "Send a valid token in the header “Authorization: Bearer <token>”. See whether it is revoked or "
            "expired on the page where it was made, and make a new one if so."
        ),
    ),
    "out-of-scope": (
        403,
        _("The token is valid, but its scopes do not include what this endpoint reads or does."),
        _("Make a token with the scope the “detail” names (a token's scopes cannot be changed)."),
    ),
    "forbidden": (
        403,
        _("The token's person or organisation may not do this, as on the pages."),
        _("Read the “detail”. The same rules apply as when the person uses Frontløber themselves."),
    ),
    "not-found": (
        404,
        _("Nothing exists at this address, or the token may not read it: the answer is the same."),
        _("Check the id; a personal token reads only the workplaces its person is a member of."),
    ),
    "too-large": (
        413,
        _("The request's body is larger than the API accepts (1 MB)."),
        _("Send less in one request."),
    ),
    "too-many-requests": (
        429,
        _("The token has sent more requests this minute than it may."),
        _("Wait the seconds the “Retry-After” header says, then go on. Use updated_since to ask for less."),
    ),
    "method-not-allowed": (
        405,
        _("The address exists, but does not answer this method (GET, POST …)."),
        _("The “Allow” header lists the methods it answers. Most of the API reads only: use GET."),
    ),
    "token-in-address": (
        400,
        _("An API token was sent in the address (?token=). Addresses end up in logs and browser histories."),
        _(
            "Send it in the Authorization header. Only a feed token goes in an address, and only in its "
            "feed's address. Revoke a token that has been in an address, and make a new one."
        ),
    ),
}


@dataclass
class ProblemHelp:
    kind: str
    status: int | None
    title: str
    meaning: str
    remedy: str

    @property
    def type(self):
        return f"/api/v1/problems/{self.kind}"


def problems() -> list[ProblemHelp]:
    found = []
    for kind, title in TITLES.items():
        status, meaning, remedy = PROBLEM_HELP.get(kind, (None, "", ""))
        found.append(ProblemHelp(kind, status, title, meaning, remedy))
    return found


def scopes():
    return Scope.choices


def rate_per_minute():
    from .reader import RATE_PER_MINUTE

    return getattr(settings, "API_RATE_PER_MINUTE", RATE_PER_MINUTE)


@dataclass
class Parameter:
    name: str
    where: str
    required: bool
    type: str
    description: str


def _with_code(text):
    """A description from the schema as HTML: its ``literals`` as code, everything else escaped."""
    parts = re.split(r"``(.+?)``", text)
    return format_html_join(
        "",
        "{}",
        ((format_html("<code>{}</code>", part) if index % 2 else part,) for index, part in enumerate(parts)),
    )


@dataclass
class Endpoint:
    method: str
    path: str
    summary: str
    description: str
    tag: str
    parameters: list = field(default_factory=list)
    body: str = ""

    @property
    def anchor(self):
        return (
            "endpoint-" + self.method.lower() + self.path.replace("/", "-").replace("{", "").replace("}", "")
        )


def _type(schema, components):
    if not schema:
        return ""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        target = components.get(name, {})
        return _type(target, components) if "enum" in target else name
    if "anyOf" in schema:
        return " | ".join(t for t in (_type(s, components) for s in schema["anyOf"]) if t)
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    kind = schema.get("type", "")
    if schema.get("format"):
        kind += f" ({schema['format']})"
    return kind


@cache
def endpoints() -> tuple[Endpoint, ...]:
    """Every operation of the OpenAPI schema, in its order: method, path, summary, parameters."""
    from .api import api

    schema = api.get_openapi_schema()
    components = schema.get("components", {}).get("schemas", {})
    found = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            parameters = [
                Parameter(
                    name=p["name"],
                    where=p.get("in", ""),
                    required=p.get("required", False),
                    type=_type(p.get("schema", {}), components),
                    description=_with_code(
                        p.get("description") or p.get("schema", {}).get("description", "")
                    ),
                )
                for p in operation.get("parameters", [])
            ]
            body = ""
            if content := operation.get("requestBody", {}).get("content", {}):
                body = _type(next(iter(content.values())).get("schema", {}), components)
            found.append(
                Endpoint(
                    method=method.upper(),
                    path=path,
                    summary=operation.get("summary", ""),
                    description=_with_code(operation.get("description", "")),
                    tag=(operation.get("tags") or [""])[0],
                    parameters=parameters,
                    body=body,
                )
            )
    return tuple(found)
