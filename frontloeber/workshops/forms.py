from django import forms
from django.utils.translation import gettext_lazy as _

from frontloeber.core.forms import DATETIME_INPUT, member_choices


class SessionForm(forms.Form):
    """Plan or change a session. Choices come from the workplace: formats, members, what it can be about."""

    format = forms.ChoiceField(label=_("Workshop"))
    starts_at = forms.DateTimeField(
        label=_("Starts"), input_formats=["%Y-%m-%dT%H:%M"], widget=forms.DateTimeInput(**DATETIME_INPUT)
    )
    place = forms.CharField(
        label=_("Place or link"),
        required=False,
        max_length=200,
        help_text=_("The room, or the link to a video meeting."),
    )
    facilitator = forms.TypedChoiceField(label=_("Facilitator"), coerce=int)
    about = forms.ChoiceField(
        label=_("What is it about?"),
        required=False,
        help_text=_("A challenge, an idea, an experiment or an adoption plan the workshop works on."),
    )
    invited = forms.TypedMultipleChoiceField(
        label=_("Invite"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, formats, members, about_choices, fixed_format=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].choices = [(f.slug, f"{f.practice} · {f.name}") for f in formats]
        if fixed_format is not None:
            del self.fields["format"]
        self.fields["facilitator"].choices = member_choices(members, empty=_("Choose a person"))
        self.fields["invited"].choices = member_choices(members)
        labels = {
            "challenge": _("Challenges"),
            "idea": _("Ideas"),
            "experiment": _("Experiments"),
            "adoption_plan": _("Adoption plans"),
        }
        self.fields["about"].choices = [("", _("Nothing in particular"))] + [
            (labels[kind], options) for kind, options in about_choices.items() if options
        ]
