from django.urls import path

from . import views

app_name = "insights"

workplace = "a/<slug:workplace_slug>/"
organisation = "org/<slug:org_slug>/"

urlpatterns = [
    path(workplace + "overblik/", views.overview, name="overview"),
    path(workplace + "overblik/tabel.csv", views.overview_csv, name="overview_csv"),
    path(workplace + "overblik/tabel.xlsx", views.overview_xlsx, name="overview_xlsx"),
    path(workplace + "overblik/overblik.pdf", views.overview_pdf, name="overview_pdf"),
    path(workplace + "praksis/<str:code>/", views.practice_guide, name="practice_guide"),
    path(workplace + "ledergrupper/<int:group_id>/", views.leader_group, name="leader_group"),
    path(
        workplace + "ledergrupper/<int:group_id>/tabel.csv", views.leader_group_csv, name="leader_group_csv"
    ),
    path(
        workplace + "ledergrupper/<int:group_id>/tabel.xlsx",
        views.leader_group_xlsx,
        name="leader_group_xlsx",
    ),
    path(organisation + "overblik/", views.organisation_overview, name="organisation_overview"),
    path(organisation + "overblik/tabel.csv", views.organisation_csv, name="organisation_csv"),
    path(organisation + "overblik/tabel.xlsx", views.organisation_xlsx, name="organisation_xlsx"),
    path(organisation + "ledergrupper/", views.leader_groups, name="leader_groups"),
    path(organisation + "ledergrupper/<int:group_id>/", views.leader_group_edit, name="leader_group_edit"),
    path(
        organisation + "ledergrupper/<int:group_id>/oploes/",
        views.leader_group_delete,
        name="leader_group_delete",
    ),
]
