from django import forms
from django.utils.translation import gettext_lazy as _

from frontloeber.organisations.models import Workplace


class LeaderGroupForm(forms.Form):
    name = forms.CharField(label=_("Name of the group"), max_length=100)
    workplaces = forms.ModelMultipleChoiceField(
        label=_("Workplaces"),
        queryset=Workplace.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Their leaders see one another's figures side by side."),
        error_messages={"required": _("Choose at least two workplaces.")},
    )

    def __init__(self, data=None, *, organisation, group=None):
        initial = None
        if group is not None:
            initial = {"name": group.name, "workplaces": list(group.workplaces.all())}
        super().__init__(data, initial=initial)
        self.fields["workplaces"].queryset = Workplace.objects.filter(organisation=organisation).order_by(
            "name"
        )
