import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.actions.forms import ActionItemForm, BarrierForm  # noqa: F401 — offered for posts too
from frontloeber.core.forms import DATE_INPUT, DATETIME_INPUT, member_choices
from frontloeber.core.text import first_line
from frontloeber.ideas.models import DESCRIPTION_MAX, NEED_MAX, TITLE_MAX

from .selectors import post_idea_draft


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


# --- What a post becomes -------------------------------------------------------------------------------


class _OutputForm(forms.Form):
    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        if "owner" in self.fields:
            self.fields["owner"].choices = member_choices(members, empty=_("Choose a person"))

    @classmethod
    def initial_from(cls, post, session):
        return {}


class PostIdeaForm(_OutputForm):
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    need = forms.CharField(
        label=_("The need or problem"), max_length=NEED_MAX, widget=forms.Textarea(attrs={"rows": 3})
    )
    description = forms.CharField(
        label=_("The idea"), max_length=DESCRIPTION_MAX, widget=forms.Textarea(attrs={"rows": 5})
    )

    @classmethod
    def initial_from(cls, post, session):
        return post_idea_draft(post=post, session=session)


class PostChallengeForm(_OutputForm):
    title = forms.CharField(label=_("Title"), max_length=120)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    closes_on = forms.DateField(
        label=_("Open for ideas until"),
        widget=forms.DateInput(**DATE_INPUT),
        help_text=_("It opens today; everyone can send ideas to it until this day."),
    )

    @classmethod
    def initial_from(cls, post, session):
        closes = timezone.localdate() + datetime.timedelta(days=30)
        return {"title": first_line(post.text, 120), "description": post.text, "closes_on": closes}
