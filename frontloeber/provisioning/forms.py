from django import forms
from django.utils.translation import gettext_lazy as _

from .services import TOKEN_NAME_MAX


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=TOKEN_NAME_MAX,
        help_text=_("Which service uses it, such as “Entra ID provisioning”. It is shown in the audit log."),
        error_messages={"required": _("Give the token a name, such as the service that will use it.")},
    )
