from django.urls import path

from . import views

app_name = "workshops"

library = "a/<slug:workplace_slug>/workshops/"

sessions = library + "sessioner/"
session = sessions + "<int:session_id>/"
live = session + "styr/"

urlpatterns = [
    path(library, views.library, name="library"),
    # Before the formats' pages, whose slugs would otherwise take "sessioner".
    path(sessions, views.session_list, name="session_list"),
    path(sessions + "ny/", views.session_plan, name="session_plan"),
    path(session, views.session_detail, name="session_detail"),
    path(session + "rediger/", views.session_edit, name="session_edit"),
    path(session + "aflys/", views.session_cancel, name="session_cancel"),
    path(session + "start/", views.session_start, name="session_start"),
    path(live, views.session_live, name="session_live"),
    path(live + "tavle/", views.session_live_board, name="session_live_board"),
    path(live + "skaerm/", views.session_present, name="session_present"),
    path(live + "skaerm/tavle/", views.session_present_board, name="session_present_board"),
    path(live + "handling/", views.session_control, name="session_control"),
    path(live + "opslag/<int:post_id>/", views.post_arrange, name="post_arrange"),
    path(live + "opslag/<int:post_id>/fjern/", views.post_remove, name="post_remove"),
    path(live + "deltagere/<int:participant_id>/", views.participant_group, name="participant_group"),
    path(live + "deltagere/<int:participant_id>/fjern/", views.participant_remove, name="participant_remove"),
    path(session + "resultater/", views.session_outputs, name="session_outputs"),
    path(session + "resultater/alle-til-ideer/", views.session_posts_to_ideas, name="session_posts_to_ideas"),
    path(session + "resultater/<int:post_id>/<slug:kind>/", views.post_convert, name="post_convert"),
    path(session + "laering/ny/", views.session_learning_activity, name="session_learning_activity"),
    path(session + "referat/", views.session_summary, name="session_summary"),
    path(session + "referat.pdf", views.session_summary_pdf, name="session_summary_pdf"),
    path(library + "<slug:format_slug>/materialer.pdf", views.format_materials, name="format_materials"),
    path(library + "<slug:format_slug>/", views.format_detail, name="format_detail"),
]
