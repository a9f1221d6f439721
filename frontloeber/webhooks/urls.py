from django.urls import path

from . import views

app_name = "webhooks"

organisation = "org/<slug:org_slug>/webhooks/"
endpoint = organisation + "<int:endpoint_id>/"

urlpatterns = [
    path(organisation, views.endpoints, name="endpoints"),
    path(organisation + "ny/", views.endpoint_create, name="endpoint_create"),
    path(endpoint, views.endpoint_detail, name="endpoint_detail"),
    path(endpoint + "rediger/", views.endpoint_edit, name="endpoint_edit"),
    path(endpoint + "slet/", views.endpoint_delete, name="endpoint_delete"),
    path(endpoint + "test/", views.endpoint_test, name="endpoint_test"),
]
