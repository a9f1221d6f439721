"""The API's addresses (/api/v1/…, its schema and documentation) and the pages where tokens are made."""

from functools import wraps

from django.urls import include, path, re_path
from django.utils import translation
from django.utils.translation import gettext as _

from . import feeds, views
from .api import api
from .problems import problem_response


def _as_api_view(view):
    """An endpoint as a client program meets it: in the language its Accept-Language asks for (Danish
    unless it asks for English: a program, unlike a browser, says what it means), signed in by its token,
    not by a session, so the site's login requirement steps aside (each endpoint refuses a request without a
    valid token itself), and a wrong method answered as a problem, not as the site's page."""

    @wraps(view)
    def api_view(request, *args, **kwargs):
        with translation.override(translation.get_language_from_request(request)):
            response = view(request, *args, **kwargs)
            if response.status_code == 405:
                allowed = response.get("Allow", "")
                response = problem_response(
                    405,
                    "method-not-allowed",
                    _("This address answers only %(methods)s.") % {"methods": allowed},
                    headers={"Allow": allowed},
                )
        return response

    api_view.login_required = False
    api_view.refuse_nul = _nul_refused
    return api_view


def _nul_refused(request):
    """A NUL character in the address (core.middleware.RefuseNulMiddleware refuses it before any view)."""
    with translation.override(translation.get_language_from_request(request)):
        return problem_response(
            400,
            "invalid-parameters",
            _("The address holds a NUL character, which cannot be used; leave it out and send it again."),
        )


def _open(patterns):
    for pattern in patterns:
        pattern.callback = _as_api_view(pattern.callback)
    return patterns


_patterns, _app_name, _namespace = api.urls

# The pages: the organisation admin's tokens, a person's own, the documentation, the feeds.
pages = [
    path("org/<slug:org_slug>/api/", views.organisation_tokens, name="organisation_tokens"),
    path(
        "org/<slug:org_slug>/api/<int:token_id>/tilbagekald/",
        views.organisation_token_revoke,
        name="organisation_token_revoke",
    ),
    path("konto/api/", views.personal_tokens, name="personal_tokens"),
    path("konto/api/<int:token_id>/tilbagekald/", views.personal_token_revoke, name="personal_token_revoke"),
    path("api/v1/docs", views.documentation, name="docs"),
    path("api/v1/problems/<slug:kind>", views.problem, name="problem"),
    re_path(r"^api/v1/feeds/(?P<feed>[\w-]+)\.(?P<fmt>\w+)$", _as_api_view(feeds.feed_view), name="feed"),
]

urlpatterns = [
    path("", include((pages, "api_pages"))),
    path("api/v1/", include((_open(_patterns), _app_name), namespace=_namespace)),
]
