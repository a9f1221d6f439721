from django.urls import path

from . import views

app_name = "workshops"

library = "a/<slug:workplace_slug>/workshops/"

sessions = library + "sessioner/"

urlpatterns = [
    path(library, views.library, name="library"),
    # Before the formats' pages, whose slugs would otherwise take "sessioner".
    path(sessions, views.session_list, name="session_list"),
    path(sessions + "ny/", views.session_plan, name="session_plan"),
    path(sessions + "<int:session_id>/", views.session_detail, name="session_detail"),
    path(sessions + "<int:session_id>/rediger/", views.session_edit, name="session_edit"),
    path(sessions + "<int:session_id>/aflys/", views.session_cancel, name="session_cancel"),
    path(library + "<slug:format_slug>/", views.format_detail, name="format_detail"),
]
