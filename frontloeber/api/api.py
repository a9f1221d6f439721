"""The API under /api/v1/: one NinjaAPI, its routers, the token every endpoint needs, problem details."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from . import problems
from .endpoints import core
from .endpoints import experiments as experiments_endpoints
from .endpoints import figures as figures_endpoints
from .endpoints import workshops as workshops_endpoints
from .reader import TokenAuth

NOT_MODIFIED = {"description": "Not Modified: unchanged since the ETag sent in If-None-Match."}
# Answered by the web server before the request reaches the API (gunicorn reads a request line of at most
# 4,094 bytes), in its own shape.
URI_TOO_LONG = {"description": "URI Too Long: the address is longer than the web server reads."}


class FrontloeberAPI(NinjaAPI):
    """The schema says what the endpoints send: a problem detail as ``application/problem+json`` (ninja would
    document it as ``application/json``), a 304 to a GET whose ETag the client sent in If-None-Match, and
    the web server's 414 to an address too long for it."""

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        for methods in schema["paths"].values():
            for method, operation in methods.items():
                responses = operation["responses"]
                for response in responses.values():
                    content = response.get("content", {})
                    body = content.get("application/json", {})
                    if body.get("schema", {}).get("$ref", "").endswith("/Problem"):
                        content[problems.MEDIA_TYPE] = content.pop("application/json")
                if method == "get":
                    responses.setdefault(304, NOT_MODIFIED)
                responses.setdefault(414, URI_TOO_LONG)
        return schema


api = FrontloeberAPI(
    title="Frontløber API",
    version="1",
    description=(
        "Read what your organisation's token, or your own, may read: workplaces, ideas, experiments, "
        "adoption, cases, workshops, skills coverage, practice indicators and survey figures. People appear "
        "only as pseudonyms. Every list is paged by a cursor, filtered by updated_since, and answers with an "
        "ETag. Errors are RFC 9457 problem details."
    ),
    auth=TokenAuth(),
    urls_namespace="api",
    docs_url="/docs/swagger",
    openapi_url="/openapi.json",
)
problems.install(api)
api.add_router("/", core.router)
api.add_router("/", experiments_endpoints.router)
api.add_router("/", figures_endpoints.router)
api.add_router("/", workshops_endpoints.router)

TITLE = _("Frontløber API")
