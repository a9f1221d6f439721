"""Every refusal of the API as an RFC 9457 problem detail (``application/problem+json``).

``type`` names the kind of problem (a relative address, explained on the API's documentation page), ``title``
says it in the reader's language (Danish unless they ask for English), ``detail`` says what to do about it,
and bad parameters list each one in ``errors``. Whatever a service or selector raises (``PermissionDenied``,
``Http404``, Django's ``ValidationError``) reaches the client in this shape, never as a page or a 500.
"""

import json

from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse
from django.http.request import RawPostDataException
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

MEDIA_TYPE = "application/problem+json"

TITLES = {
    "bad-request": gettext_lazy("The request is not valid"),
    "invalid-parameters": gettext_lazy("Some parameters are not valid"),
    "unauthorised": gettext_lazy("A valid token is needed"),
    "out-of-scope": gettext_lazy("The token's scopes do not allow this"),
    "forbidden": gettext_lazy("Not allowed"),
    "not-found": gettext_lazy("Not found"),
    "too-large": gettext_lazy("The request is too large"),
    "too-many-requests": gettext_lazy("Too many requests"),
    "method-not-allowed": gettext_lazy("This method is not allowed here"),
    "token-in-address": gettext_lazy("An API token does not belong in the address"),
}


class Problem(Exception):
    def __init__(self, status: int, kind: str, detail: str = "", *, errors=None, headers=None):
        super().__init__(detail or kind)
        self.status, self.kind, self.detail = status, kind, detail
        self.errors = errors or []
        self.headers = headers or {}


def problem_response(status, kind, detail="", *, errors=None, headers=None) -> HttpResponse:
    body = {"type": f"/api/v1/problems/{kind}", "title": str(TITLES[kind]), "status": status}
    if detail:
        body["detail"] = str(detail)
    if errors:
        body["errors"] = errors
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=MEDIA_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _parameter_errors(exc: NinjaValidationError):
    errors = []
    for error in exc.errors:
        where = [str(part) for part in error.get("loc", ())]
        # ninja names where a value came from first (query, path, body); the client knows the name alone.
        name = ".".join(where[1:]) or ".".join(where)
        if error.get("type") == "extra_forbidden":
            message = _("This field is not known; leave it out.")
        elif error.get("type") == "missing":
            message = _("This field is required.")
        else:
            message = _("This value is not valid: %(reason)s") % {"reason": error.get("msg", "")}
        errors.append({"name": name, "detail": message})
    return errors


def install(api):
    """Makes ``api`` answer every refusal as a problem detail."""

    @api.exception_handler(Problem)
    def _problem(request, exc):
        return problem_response(exc.status, exc.kind, exc.detail, errors=exc.errors, headers=exc.headers)

    @api.exception_handler(NinjaValidationError)
    def _invalid(request, exc):
        return problem_response(
            400,
            "invalid-parameters",
            _("Correct the parameters named in “errors” and send the request again."),
            errors=_parameter_errors(exc),
        )

    @api.exception_handler(DjangoValidationError)
    def _refused(request, exc):
        if hasattr(exc, "error_dict"):
            errors = [
                {"name": field, "detail": " ".join(str(m) for m in messages)}
                for field, messages in exc.message_dict.items()
            ]
        else:
            errors = [{"name": "", "detail": str(m)} for m in exc.messages]
        return problem_response(
            400, "invalid-parameters", " ".join(e["detail"] for e in errors), errors=errors
        )

    @api.exception_handler(AuthenticationError)
    def _unauthorised(request, exc):
        return problem_response(
            401,
            "unauthorised",
            _(
                "Send a valid, unexpired API token in the Authorization header: “Authorization: Bearer "
                "<token>”. An organisation admin makes organisation tokens; anyone can make a personal one."
            ),
            headers={"WWW-Authenticate": 'Bearer realm="frontloeber"'},
        )

    @api.exception_handler(PermissionDenied)
    def _forbidden(request, exc):
        return problem_response(403, "forbidden", str(exc) or _("You may not do this."))

    @api.exception_handler(Http404)
    def _missing(request, exc):
        return problem_response(
            404, "not-found", _("Nothing with this address exists, or this token may not read it.")
        )

    @api.exception_handler(RequestDataTooBig)
    def _too_large(request, exc):
        return problem_response(413, "too-large", _("Send at most 1 MB in one request."))

    @api.exception_handler(RawPostDataException)
    def _not_json(request, exc):
        # A multipart form: the site's NUL check (core.middleware) read it as a form before the API could.
        return problem_response(
            400, "bad-request", _("Send the body as JSON, with the header “Content-Type: application/json”.")
        )

    @api.exception_handler(HttpError)
    def _http_error(request, exc):
        kind = {401: "unauthorised", 403: "forbidden", 404: "not-found", 413: "too-large"}.get(
            exc.status_code, "bad-request"
        )
        return problem_response(exc.status_code, kind, str(exc))
