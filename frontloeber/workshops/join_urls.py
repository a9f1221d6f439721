"""The participants' side of a running workshop, reached by its join code (see ``join_views``)."""

from django.urls import path

from . import join_views

app_name = "join"

urlpatterns = [
    path("w/", join_views.enter, name="enter"),
    path("w/<str:code>/", join_views.room, name="room"),
    path("w/<str:code>/tavle/", join_views.room_board, name="room_board"),
    path("w/<str:code>/opslag/", join_views.post_create, name="post_create"),
    path("w/<str:code>/opslag/<int:post_id>/stem/", join_views.vote, name="vote"),
    path("w/<str:code>/opslag/<int:post_id>/slet/", join_views.post_delete, name="post_delete"),
]
