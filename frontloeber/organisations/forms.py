from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Role, Sector


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


class DomainForm(forms.Form):
    domain = forms.CharField(
        label=_("E-mail domain"),
        max_length=253,
        help_text=_("The part after the @ in the staff's work addresses, such as fjordby.dk."),
        error_messages={"required": _("Write a domain such as fjordby.dk, without the @.")},
    )
