from django.urls import path

from . import views

app_name = "competences"

skills = "a/<slug:workplace_slug>/kompetencer/"
learning = skills + "laering/"
activity = learning + "<int:activity_id>/"

urlpatterns = [
    path(skills, views.skills_map, name="map"),
    path(skills + "mine/", views.rate, name="rate"),
    path(skills + "katalog/", views.catalogue, name="catalogue"),
    path(skills + "katalog/start/", views.catalogue_start, name="catalogue_start"),
    path(skills + "katalog/<int:skill_id>/fjern/", views.skill_retire, name="skill_retire"),
    path(learning, views.activity_list, name="activity_list"),
    path(learning + "ny/", views.activity_create, name="activity_create"),
    path(activity, views.activity_detail, name="activity_detail"),
    path(activity + "rediger/", views.activity_edit, name="activity_edit"),
    path(activity + "aflys/", views.activity_cancel, name="activity_cancel"),
    path(activity + "tilmelding/", views.signup, name="signup"),
    path(activity + "fremmoede/", views.attendance, name="attendance"),
    path(activity + "vurdering/", views.feedback, name="feedback"),
]
