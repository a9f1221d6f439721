from django.urls import path

from . import views, views_queue, views_shared

app_name = "devices"
urlpatterns = [
    # The installable app (issue 21, point 1): served from the site's root so the service worker's scope is
    # the whole site.
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("start/", views.start, name="start"),
    # Pages the service worker keeps (point 3): empty of anything personal.
    path("enhed/offline/", views.offline, name="offline"),
    # The device's queue (point 2): the idea form kept for offline, and a fresh token before a draft is sent.
    path("enhed/ny-ide/", views_queue.idea_shell, name="idea_shell"),
    path("enhed/csrf/", views_queue.csrf, name="csrf"),
    # Shared devices (point 4): marked by a leader on the device itself, or by an organisation's admin.
    path("a/<slug:workplace_slug>/delt-enhed/", views_shared.shared_device, name="shared_device"),
    path(
        "a/<slug:workplace_slug>/delt-enhed/glem/",
        views_shared.shared_device_forget,
        name="shared_device_forget",
    ),
    path(
        "org/<slug:org_slug>/arbejdspladser/<slug:workplace_slug>/delt-enhed/",
        views_shared.organisation_shared_device,
        name="organisation_shared_device",
    ),
    path(
        "org/<slug:org_slug>/arbejdspladser/<slug:workplace_slug>/delt-enhed/glem/",
        views_shared.organisation_shared_device_forget,
        name="organisation_shared_device_forget",
    ),
]
