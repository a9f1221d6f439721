from django import forms
from django.utils.translation import gettext_lazy as _

from frontloeber.organisations.forms import role_field
from frontloeber.organisations.models import Role

from .models import Protocol, RuleKind
from .saml_metadata import MAX_METADATA_BYTES


class ProtocolForm(forms.Form):
    protocol = forms.ChoiceField(
        label=_("How your identity provider speaks"),
        choices=Protocol.choices,
        widget=forms.RadioSelect,
        error_messages={
            "invalid_choice": _("Choose SAML 2.0 or OpenID Connect."),
            "required": _("Choose one."),
        },
    )


class MetadataForm(forms.Form):
    metadata_file = forms.FileField(
        label=_("The IdP's metadata file (XML)"),
        required=False,
        help_text=_(
            "KOMBIT's Context Handler: the metadata from the administration module. Entra ID: “Federation "
            "metadata XML”."
        ),
    )
    metadata_url = forms.URLField(
        label=_("…or its address"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("Frontløber fetches it from there now."),
    )

    def clean_metadata_file(self):
        upload = self.cleaned_data.get("metadata_file")
        if upload and upload.size > MAX_METADATA_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s KB, which no identity provider's metadata is.")
                % {"size": MAX_METADATA_BYTES // 1024}
            )
        return upload


class OidcForm(forms.Form):
    issuer = forms.URLField(
        label=_("Issuer"),
        max_length=500,
        assume_scheme="https",
        help_text=_("Entra ID: https://login.microsoftonline.com/<tenant id>/v2.0"),
    )
    client_id = forms.CharField(label=_("Client ID"), max_length=200)
    client_secret = forms.CharField(
        label=_("Client secret"),
        max_length=500,
        required=False,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("Leave empty to keep the one saved."),
    )


class AttributesForm(forms.Form):
    label = forms.CharField(label=_("Button text after “Log in with”"), max_length=100, required=False)
    email_attribute = forms.CharField(label=_("Attribute or claim with the e-mail address"), max_length=300)
    first_name_attribute = forms.CharField(label=_("First name"), max_length=300, required=False)
    last_name_attribute = forms.CharField(label=_("Last name"), max_length=300, required=False)
    unit_attribute = forms.CharField(
        label=_("Organisation unit or group (for the workplace rules)"), max_length=300, required=False
    )
    role_attribute = forms.CharField(label=_("Role (for the role rules)"), max_length=300, required=False)
    default_role = role_field(initial=Role.EMPLOYEE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_role"].label = _("Role when no role rule matches")


class RuleForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("The value gives"),
        choices=RuleKind.choices,
        error_messages={"invalid_choice": _("Choose what the rule gives: a workplace or a role.")},
    )
    value = forms.CharField(label=_("Value the identity provider sends"), max_length=300)
    workplace = forms.ChoiceField(label=_("Workplace"), required=False)
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[("", _("The role the role rules give")), *Role.choices],
        error_messages={"invalid_choice": _("Choose a role from the list: employee, leader or observer.")},
    )

    def __init__(self, *args, workplaces=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.workplaces = {str(w.pk): w for w in workplaces}
        self.fields["workplace"].choices = [("", "—")] + [(str(w.pk), w.name) for w in workplaces]
        self.fields["workplace"].error_messages["invalid_choice"] = _("Choose a workplace from the list.")

    def clean_workplace(self):
        return self.workplaces.get(self.cleaned_data.get("workplace") or "")


class LinkForm(forms.Form):
    password = forms.CharField(
        label=_("Your Frontløber password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class ChooseForm(forms.Form):
    email = forms.EmailField(
        label=_("Your work e-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
