from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Role, SafetyRole, Sector


class WorkplaceForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=Sector.choices,
        error_messages={"invalid_choice": _("Choose a sector from the list.")},
    )
    core_task = forms.CharField(
        label=_("Core task (kerneopgave)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Why the workplace exists, in a few sentences: who it serves and what it does for them. "
            "It is shown wherever ideas are weighed."
        ),
        max_length=2000,
    )


def role_field(**kwargs):
    """The role choice used wherever a role is picked, with one message for a role off the list."""
    return forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        error_messages={"invalid_choice": _("Choose a role from the list: employee, leader or observer.")},
        **kwargs,
    )


class RoleForm(forms.Form):
    role = role_field()


class SafetyContactForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_(
            "A person of the organisation: a member of one of its workplaces, or an organisation admin."
        ),
        error_messages={"required": _("Write the person's e-mail address.")},
    )
    role = forms.ChoiceField(label=_("Role"), choices=SafetyRole.choices, widget=forms.RadioSelect)


class DomainForm(forms.Form):
    domain = forms.CharField(
        label=_("E-mail domain"),
        max_length=253,
        help_text=_("The part after the @ in the staff's work addresses, such as fjordby.dk."),
        error_messages={"required": _("Write a domain such as fjordby.dk, without the @.")},
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
        error_messages={
            "required": _("Write the e-mail address of the person you are inviting."),
            "invalid": _("Write a valid e-mail address, such as name@example.dk."),
            "max_length": _("Write a valid e-mail address, such as name@example.dk."),
        },
    )
    role = role_field(initial=Role.EMPLOYEE)


class AcceptInvitationForm(forms.Form):
    full_name = forms.CharField(
        label=_("Your full name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Write your name as colleagues know you.")},
    )
    password1 = forms.CharField(
        label=_("Choose a password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 10 characters; not only digits and not a common password."),
    )
    password2 = forms.CharField(
        label=_("Repeat the password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords differ. Write the same password twice."))
        elif p1:
            User = get_user_model()
            try:
                password_validation.validate_password(
                    p1, User(email=self.email, full_name=cleaned.get("full_name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class RetentionForm(forms.Form):
    """The organisation's retention periods, each within the range its field allows."""

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        for name in Organisation.RETENTION_FIELDS:
            field = Organisation._meta.get_field(name)
            low, high = (v.limit_value for v in field.validators)
            self.fields[name] = forms.IntegerField(
                label=capfirst(field.verbose_name),
                help_text=field.help_text,
                min_value=low,
                max_value=high,
                initial=getattr(organisation, name),
                error_messages={
                    "required": _("Write a number of days."),
                    "invalid": _("Write a whole number of days."),
                    "min_value": _("At least %(limit_value)s days."),
                    "max_value": _("At most %(limit_value)s days."),
                },
            )


class LeaversForm(forms.Form):
    """The people chosen on the list of those not seen for a long time."""

    people = forms.TypedMultipleChoiceField(
        coerce=int,
        error_messages={
            "required": _("Tick at least one person."),
            "invalid_choice": _("Someone ticked is no longer on the list. Look at the list again."),
        },
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["people"].choices = choices


class EraseForm(forms.Form):
    contributions = forms.ChoiceField(
        label=_("What they wrote"),
        widget=forms.RadioSelect,
        initial="keep",
        choices=[
            (
                "keep",
                _("Keep it, shown as written by “Former employee” (the workplace's history stays whole)"),
            ),
            (
                "remove",
                _(
                    "Remove their ideas and comments (ideas that an experiment or plan was built on stay, as "
                    "written by “Former employee”)"
                ),
            ),
        ],
        error_messages={
            "required": _("Choose what happens to what they wrote."),
            "invalid_choice": _("Choose one of the two."),
        },
    )


class StaffFileForm(forms.Form):
    file = forms.FileField(
        label=_("Staff list (CSV or XLSX)"),
        help_text=_(
            "The first row names the columns: Navn; E-mail; Arbejdsplads; Rolle. The workplace is its name "
            "as in Frontløber; the role is medarbejder, leder or observatør (empty means medarbejder). "
            "At most 20.000 rows and 5 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
        error_messages={"required": _("Choose the file to upload."), "empty": _("The file is empty.")},
    )
