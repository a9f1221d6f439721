from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("laest/", views.mark_all_read, name="mark_all_read"),
    path("<int:notification_id>/", views.notification_open, name="open"),
    path("indstillinger/", views.preferences, name="preferences"),
    path("stop-mail/<str:token>/", views.digest_off, name="digest_off"),
]
