from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from frontloeber.sso.urls import protocol_urlpatterns as sso_protocol_urlpatterns

urlpatterns = [
    path("", include("frontloeber.core.urls")),
    path("konto/", include("frontloeber.accounts.urls")),
    path("", include("frontloeber.organisations.urls")),
    path("", include("frontloeber.ideas.urls")),
    path("", include("frontloeber.experiments.urls")),
    path("", include("frontloeber.reflection.urls")),
    path("", include("frontloeber.actions.urls")),
    path("", include("frontloeber.workshops.urls")),
    path("", include("frontloeber.workshops.join_urls")),
    path("", include("frontloeber.competences.urls")),
    path("", include("frontloeber.insights.urls")),
    path("varsler/", include("frontloeber.notifications.urls")),
    path("", include("frontloeber.sso.urls")),
    path("", include("frontloeber.provisioning.urls")),
    path("", include("frontloeber.webhooks.urls")),
    path("", include("frontloeber.devices.urls")),
    path("", include("frontloeber.api.urls")),
    path("", include(sso_protocol_urlpatterns)),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("admin/", admin.site.urls),
]

handler400 = "frontloeber.core.views.bad_request"
handler403 = "frontloeber.core.views.permission_denied"
handler404 = "frontloeber.core.views.page_not_found"
handler500 = "frontloeber.core.views.server_error"
