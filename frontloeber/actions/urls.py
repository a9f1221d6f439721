from django.urls import path

from . import views

app_name = "actions"

urlpatterns = [
    path("a/<slug:workplace_slug>/barrierer/", views.barrier_list, name="barrier_list"),
    path("a/<slug:workplace_slug>/barrierer/<int:barrier_id>/", views.barrier_edit, name="barrier_edit"),
    path(
        "a/<slug:workplace_slug>/barrierer/<int:barrier_id>/rejs/", views.barrier_raise, name="barrier_raise"
    ),
    path("org/<slug:org_slug>/barrierer/", views.organisation_barriers, name="organisation_barriers"),
    path(
        "org/<slug:org_slug>/barrierer/<int:barrier_id>/",
        views.organisation_barrier,
        name="organisation_barrier",
    ),
    path("a/<slug:workplace_slug>/opgaver/", views.action_items, name="action_items"),
    path("a/<slug:workplace_slug>/opgaver/<int:item_id>/", views.action_item_edit, name="action_item_edit"),
]
