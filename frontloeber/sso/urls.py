from functools import wraps

from allauth.socialaccount.providers.openid_connect import views as oidc_views
from allauth.socialaccount.providers.saml import views as saml_views
from django.urls import path

from . import views


def _with_host(view):
    """python3-saml reads the Host header itself; a request without one (HTTP/1.0) gets the host Django
    settles on instead of a KeyError."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.META.setdefault("HTTP_HOST", request.get_host())
        return view(request, *args, **kwargs)

    return wrapper


app_name = "sso"

organisation = "org/<slug:org_slug>/sso/"

urlpatterns = [
    path("sso/", views.choose, name="choose"),
    path("sso/forbind/", views.link, name="link"),
    path("sso/<slug:key>/log-ind/", _with_host(views.start), name="start"),
    path(organisation, views.sso_settings, name="settings"),
    path(organisation + "opret/", views.sso_create, name="create"),
    path(organisation + "metadata/", views.sso_metadata, name="metadata"),
    path(organisation + "openid-connect/", views.sso_oidc, name="oidc"),
    path(organisation + "attributter/", views.sso_attributes, name="attributes"),
    path(organisation + "skift/", views.sso_switch, name="switch"),
    path(organisation + "forbindelser/<int:request_id>/", views.sso_link_decide, name="link_decide"),
    path(organisation + "regler/", views.mapping, name="mapping"),
    path(organisation + "regler/<int:rule_id>/fjern/", views.mapping_rule_remove, name="mapping_rule_remove"),
]

# allauth's protocol endpoints, by the names allauth reverses (outside the "sso" namespace). Its own login
# pages are left out: a sign-in starts at views.start, which posts.
protocol_urlpatterns = [
    path("sso/saml/<str:organization_slug>/acs/", _with_host(saml_views.acs), name="saml_acs"),
    path(
        "sso/saml/<str:organization_slug>/acs/finish/",
        _with_host(saml_views.finish_acs),
        name="saml_finish_acs",
    ),
    path("sso/saml/<str:organization_slug>/sls/", _with_host(saml_views.sls), name="saml_sls"),
    path("sso/saml/<str:organization_slug>/metadata/", _with_host(saml_views.metadata), name="saml_metadata"),
    path(
        "sso/oidc/<str:provider_id>/login/callback/",
        _with_host(oidc_views.callback),
        name="openid_connect_callback",
    ),
]
