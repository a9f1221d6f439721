from django import forms
from django.utils.translation import gettext_lazy as _

from frontloeber.core.forms import DATE_INPUT, member_choices
from frontloeber.core.text import first_line

from .models import ANSWERED, BarrierKind, Escalation, RaisedKind


class _RegisterForm(forms.Form):
    """A form of the register; a workshop also fills one in from a post (``initial_from``)."""

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        if "owner" in self.fields:
            self.fields["owner"].choices = member_choices(members, empty=_("Choose a person"))


class BarrierForm(_RegisterForm):
    kind = forms.ChoiceField(
        label=_("What kind of barrier?"), choices=[("", _("Choose"))] + BarrierKind.choices
    )
    description = forms.CharField(
        label=_("Describe the barrier"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )

    @classmethod
    def initial_from(cls, post, session):
        return {"description": post.text}


class ActionItemForm(_RegisterForm):
    what = forms.CharField(label=_("What is to be done?"), max_length=200)
    owner = forms.TypedChoiceField(label=_("Who does it?"), coerce=int)
    due_on = forms.DateField(label=_("By when?"), widget=forms.DateInput(**DATE_INPUT))

    @classmethod
    def initial_from(cls, post, session):
        return {"what": first_line(post.text, 200)}


class BarrierRaiseForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What does the decision concern?"), choices=[("", _("Choose"))] + RaisedKind.choices
    )
    why = forms.CharField(
        label=_("Why does it need a decision above the workplace?"),
        help_text=_("What have you tried, and what would you ask the organisation to decide?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class BarrierTakeForm(forms.Form):
    answerer = forms.CharField(
        label=_("Who answers it?"), help_text=_("A person or a unit, e.g. “IT-afdelingen”."), max_length=200
    )
    due_on = forms.DateField(label=_("Answered by"), widget=forms.DateInput(**DATE_INPUT))


class BarrierAnswerForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("The answer"),
        choices=[(value, label) for value, label in Escalation.choices if value in ANSWERED],
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("What was decided, or why not"),
        help_text=_("The leader and the team read it on the barrier."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
