from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path, reverse_lazy

from . import views
from .forms import LoginForm

app_name = "accounts"
urlpatterns = [
    path(
        "login/",
        login_not_required(
            views.LoginView.as_view(
                template_name="accounts/login.html",
                authentication_form=LoginForm,
                redirect_authenticated_user=True,
            )
        ),
        name="login",
    ),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("aktiv/", views.still_here, name="still_here"),
    path("", views.account, name="account"),
    path("mine-data/", views.personal_data_download, name="personal_data"),
    path("log-ud-overalt/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("bekraeft/", views.reauthenticate, name="reauthenticate"),
    path(
        "adgangskode/",
        auth_views.PasswordChangeView.as_view(
            template_name="accounts/password_change.html",
            success_url=reverse_lazy("accounts:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "adgangskode/skiftet/",
        auth_views.PasswordChangeDoneView.as_view(template_name="accounts/password_change_done.html"),
        name="password_change_done",
    ),
    path(
        "glemt/",
        login_not_required(
            views.PasswordResetView.as_view(
                template_name="accounts/password_reset.html",
                email_template_name="accounts/email/password_reset.txt",
                subject_template_name="accounts/email/password_reset_subject.txt",
                success_url=reverse_lazy("accounts:password_reset_done"),
            )
        ),
        name="password_reset",
    ),
    path(
        "glemt/sendt/",
        login_not_required(
            auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
        ),
        name="password_reset_done",
    ),
    path(
        "nulstil/<uidb64>/<token>/",
        login_not_required(
            auth_views.PasswordResetConfirmView.as_view(
                template_name="accounts/password_reset_confirm.html",
                success_url=reverse_lazy("accounts:password_reset_complete"),
            )
        ),
        name="password_reset_confirm",
    ),
    path(
        "nulstil/faerdig/",
        login_not_required(
            auth_views.PasswordResetCompleteView.as_view(
                template_name="accounts/password_reset_complete.html"
            )
        ),
        name="password_reset_complete",
    ),
]
