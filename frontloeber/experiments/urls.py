from django.urls import path

from . import views

app_name = "experiments"

workplace = "a/<slug:workplace_slug>/"
experiment = workplace + "afproevninger/<int:experiment_id>/"
plan = workplace + "indfoerelser/<int:plan_id>/"
case = workplace + "cases/<int:case_id>/"
idea = workplace + "ideer/<int:idea_id>/"
review = "org/<slug:org_slug>/sikkerhedstjek/"

urlpatterns = [
    path(workplace + "afproevninger/", views.experiment_list, name="experiment_list"),
    path(workplace + "laering/", views.learned, name="learned"),
    path(idea + "afproevning/ny/", views.experiment_create, name="experiment_create"),
    path(experiment, views.experiment_detail, name="experiment_detail"),
    path(experiment + "rediger/", views.experiment_edit, name="experiment_edit"),
    path(experiment + "annuller/", views.experiment_cancel, name="experiment_cancel"),
    path(experiment + "sikkerhed/", views.experiment_safety, name="experiment_safety"),
    path(
        experiment + "sikkerhed/godkend/", views.experiment_safety_confirm, name="experiment_safety_confirm"
    ),
    path(
        experiment + "sikkerhed/<int:review_id>/pdf/",
        views.experiment_review_pdf,
        name="experiment_review_pdf",
    ),
    path(experiment + "sikkerhed/send/", views.experiment_safety_send, name="experiment_safety_send"),
    path(experiment + "start/", views.experiment_start, name="experiment_start"),
    path(experiment + "faerdigheder/", views.experiment_skills, name="experiment_skills"),
    path(experiment + "evaluer/", views.experiment_evaluate, name="experiment_evaluate"),
    path(experiment + "log/", views.log_entry_create, name="log_entry_create"),
    path(experiment + "log/<int:entry_id>/foto/", views.log_photo, name="log_photo"),
    path(experiment + "afslut/", views.experiment_conclude, name="experiment_conclude"),
    path(idea + "indfoerelse/ny/", views.adoption_create, name="adoption_create"),
    path(plan, views.adoption_detail, name="adoption_detail"),
    path(plan + "rediger/", views.adoption_edit, name="adoption_edit"),
    path(plan + "i-drift/", views.adoption_go_live, name="adoption_go_live"),
    path(plan + "faerdigheder/", views.adoption_skills, name="adoption_skills"),
    path(plan + "opfoelgning/<int:checkpoint_id>/", views.checkpoint_record, name="checkpoint_record"),
    path(workplace + "cases/", views.case_list, name="case_list"),
    path(case, views.case_detail, name="case_detail"),
    path(case + "billeder/<int:image_id>/", views.case_image, name="case_image"),
    path(case + "proev-her/", views.case_try, name="case_try"),
    path(idea + "case/ny/", views.case_publish, name="case_publish"),
    path(review, views.safety_reviews, name="safety_reviews"),
    path(review + "<int:review_id>/", views.safety_review, name="safety_review"),
    path(review + "<int:review_id>/pdf/", views.safety_review_pdf, name="safety_review_pdf"),
]
