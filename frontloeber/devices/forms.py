from django import forms
from django.utils.translation import gettext_lazy as _

from frontloeber.accounts.shared_device import IDLE_MINUTES_MAX, IDLE_MINUTES_MIN

from .models import SharedDevice


class MarkSharedForm(forms.Form):
    label = forms.CharField(
        label=_("Name of the device"),
        help_text=_("So you can tell your devices apart in the list, e.g. “iPad in the green room”."),
        max_length=SharedDevice._meta.get_field("label").max_length,
        required=False,
    )


class IdleMinutesForm(forms.Form):
    minutes = forms.IntegerField(
        label=_("Log out after this many minutes without activity"),
        min_value=IDLE_MINUTES_MIN,
        max_value=IDLE_MINUTES_MAX,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limits = {"low": IDLE_MINUTES_MIN, "high": IDLE_MINUTES_MAX}
        field = self.fields["minutes"]
        field.help_text = (
            _("From %(low)d to %(high)d minutes. The same for all the workplace's shared devices.") % limits
        )
        outside = _("Choose a number of minutes from %(low)d to %(high)d.") % limits
        field.error_messages.update(
            required=_("Write a number of minutes."),
            invalid=_("Write a whole number of minutes."),
            min_value=outside,
            max_value=outside,
        )
