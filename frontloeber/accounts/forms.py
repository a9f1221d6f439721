from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from . import registry


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    error_messages = {
        "invalid_login": _("The e-mail address or password is wrong. Check both and try again."),
        "inactive": _("This account is closed."),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        for refusal in registry.password_login_refusal:
            reason = refusal(user=user)
            if reason:
                raise forms.ValidationError(reason, code="password_login_off")


class ReauthenticateForm(forms.Form):
    """The signed-in person's password once more."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is wrong. Try again."), code="wrong")
        return password


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's, but a person who never chose a password (imported from a staff list, issue 19) may choose
    one here too: the welcome link they got is single-use."""

    def get_users(self, email):
        return get_user_model()._default_manager.filter(email__iexact=email, is_active=True).iterator()
