from django import forms
from django.utils.translation import gettext_lazy as _

from frontloeber.core.forms import DATE_INPUT, member_choices
from frontloeber.core.text import first_line

from .models import BarrierKind


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
