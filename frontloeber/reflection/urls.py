from django.urls import path

from . import views

app_name = "reflection"

workplace = "a/<slug:workplace_slug>/refleksion/"
round_ = workplace + "runder/<int:round_id>/"
organisation = "org/<slug:org_slug>/refleksion/"
org_round = organisation + "runder/<int:round_id>/"

urlpatterns = [
    path(workplace, views.home, name="home"),
    path(workplace + "ny/", views.round_create, name="round_create"),
    path(workplace + "link/<str:secret>/", views.link_open, name="link_open"),
    path(round_, views.round_detail, name="round_detail"),
    path(round_ + "pdf/", views.round_pdf, name="round_pdf"),
    path(round_ + "csv/", views.round_csv, name="round_csv"),
    path(round_ + "deling/", views.round_sharing, name="round_sharing"),
    path(round_ + "selvvurdering/", views.self_assessment, name="self_assessment"),
    path(round_ + "paamind/", views.round_remind, name="round_remind"),
    path(round_ + "luk/", views.round_close, name="round_close"),
    path(round_ + "luk/bed-om-godkendelse/", views.round_request_close, name="round_request_close"),
    path(round_ + "svar/", views.answer, name="answer"),
    path(round_ + "svar/start/", views.answer_start, name="answer_start"),
    path(organisation, views.rollup, name="rollup"),
    path(organisation + "graense/", views.threshold_edit, name="threshold_edit"),
    path(org_round, views.organisation_round, name="organisation_round"),
    path(org_round + "pdf/", views.organisation_round_pdf, name="organisation_round_pdf"),
    path(org_round + "vurdering/", views.superior_assessment, name="superior_assessment"),
    path(org_round + "luk/", views.organisation_round_close, name="organisation_round_close"),
]
