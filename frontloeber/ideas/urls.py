from django.urls import path

from . import email_views, views

app_name = "ideas"

workplace = "a/<slug:workplace_slug>/"
idea = workplace + "ideer/<int:idea_id>/"

urlpatterns = [
    # Under the notification pages, where the digest's links have always pointed.
    path("varsler/stop-foelg/<str:token>/", email_views.unfollow, name="unfollow"),
    path(workplace + "ideer/", views.board, name="board"),
    path(workplace + "ideer/ny/", views.idea_create, name="idea_create"),
    path(workplace + "ideer/lignende/", views.similar, name="similar"),
    path(idea, views.idea_detail, name="idea_detail"),
    path(idea + "rediger/", views.idea_edit, name="idea_edit"),
    path(idea + "traek-tilbage/", views.idea_withdraw, name="idea_withdraw"),
    path(idea + "billeder/<int:image_id>/", views.idea_image, name="idea_image"),
    path(idea + "billeder/<int:image_id>/slet/", views.idea_image_delete, name="idea_image_delete"),
    path(idea + "stoet/", views.idea_support, name="idea_support"),
    path(idea + "foelg/", views.idea_follow, name="idea_follow"),
    path(idea + "kommentarer/", views.comment_create, name="comment_create"),
    path(idea + "kommentarer/<int:comment_id>/", views.comment_edit, name="comment_edit"),
    path(idea + "kvitter/", views.idea_acknowledge, name="idea_acknowledge"),
    path(idea + "status/", views.idea_move, name="idea_move"),
    path(idea + "spoerg/", views.idea_ask, name="idea_ask"),
    path(idea + "besvar/", views.idea_answer, name="idea_answer"),
    path(idea + "ansvarlig/", views.idea_assign, name="idea_assign"),
    path(idea + "modning/", views.idea_qualify, name="idea_qualify"),
    path(idea + "sammenlaeg/", views.idea_merge, name="idea_merge"),
    path(workplace + "indbakke/", views.inbox, name="inbox"),
    path(workplace + "udfordringer/", views.challenge_list, name="challenge_list"),
    path(workplace + "udfordringer/ny/", views.challenge_create, name="challenge_create"),
    path(workplace + "udfordringer/<int:challenge_id>/", views.challenge_detail, name="challenge_detail"),
    path(workplace + "udfordringer/<int:challenge_id>/rediger/", views.challenge_edit, name="challenge_edit"),
]
