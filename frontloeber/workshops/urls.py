from django.urls import path

from . import views

app_name = "workshops"

library = "a/<slug:workplace_slug>/workshops/"

urlpatterns = [
    path(library, views.library, name="library"),
    path(library + "<slug:format_slug>/", views.format_detail, name="format_detail"),
]
