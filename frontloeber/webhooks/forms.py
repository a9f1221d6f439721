from django import forms
from django.utils.translation import gettext_lazy as _

from .models import NAME_MAX, URL_MAX, EndpointFormat, EventKind

_NAME = forms.CharField(
    label=_("Name"),
    max_length=NAME_MAX,
    help_text=_("Which system receives it, such as “Teams: the leaders' channel”."),
    error_messages={
        "required": _("Give the webhook a name, such as the system that receives it."),
        "max_length": _("The name can be at most %(limit_value)d characters."),
    },
)
_EVENTS = forms.MultipleChoiceField(
    label=_("Events"),
    choices=EventKind.choices,
    widget=forms.CheckboxSelectMultiple,
    error_messages={
        "required": _("Choose at least one event."),
        "invalid_choice": _("Choose the events from the list."),
    },
)


class EndpointForm(forms.Form):
    name = _NAME
    url = forms.CharField(
        label=_("Address"),
        max_length=URL_MAX,
        widget=forms.URLInput,
        help_text=_("Where Frontløber sends the events: an https:// address on the internet."),
        error_messages={
            "required": _("Write the address the events should be sent to."),
            "max_length": _("The address can be at most %(limit_value)d characters."),
        },
    )
    format = forms.ChoiceField(
        label=_("Format"),
        choices=EndpointFormat.choices,
        initial=EndpointFormat.JSON,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a format: signed JSON or a Teams channel."),
            "invalid_choice": _("Choose a format: signed JSON or a Teams channel."),
        },
    )
    events = _EVENTS


class EndpointEditForm(forms.Form):
    name = _NAME
    events = _EVENTS
    active = forms.BooleanField(label=_("In use: send the events"), required=False)
