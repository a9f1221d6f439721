"""The forms of the token pages: an API token (scopes) or a feed token (one feed), of the organisation or of
the person signed in. The services check everything again; these forms give the page its fields and errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Feed, Scope
from .services import NAME_MAX, VALID_DAYS_DEFAULT, VALID_DAYS_MAX

_NAME_HELP = _("Which report or system uses it, such as “Power BI: the leaders' dashboard”.")
_NAME_ERRORS = {
    "required": _("Give the token a name, such as the report or system that will use it."),
    "max_length": _("The name can be at most %(limit_value)d characters."),
}
_DAYS_ERRORS = {
    "required": _("Say how many days the token is valid, such as 365."),
    "invalid": _("Write a whole number of days, such as 365."),
    "min_value": _("A token is valid for at least %(limit_value)s day."),
    "max_value": _("A token is valid for at most %(limit_value)s days."),
}


def _name():
    return forms.CharField(
        label=_("Name"), max_length=NAME_MAX, help_text=_NAME_HELP, error_messages=_NAME_ERRORS
    )


def _valid_days():
    return forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        max_value=VALID_DAYS_MAX,
        initial=VALID_DAYS_DEFAULT,
        help_text=_("At most a year (365 days). Make a new token before it expires, and revoke the old one."),
        error_messages=_DAYS_ERRORS,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


def _scopes(choices):
    return forms.MultipleChoiceField(
        label=_("What it may read"),
        choices=choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one thing the token may read."),
            "invalid_choice": _("Choose from the list."),
        },
    )


def _feed():
    return forms.ChoiceField(
        label=_("Feed"),
        choices=Feed.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose the feed the token reads."),
            "invalid_choice": _("Choose the feed the token reads."),
        },
    )


ORGANISATION_SCOPES = [(value, label) for value, label in Scope.choices if value != Scope.IDEAS_WRITE]


class OrganisationTokenForm(forms.Form):
    name = _name()
    scopes = _scopes(ORGANISATION_SCOPES)
    valid_days = _valid_days()


class OrganisationFeedTokenForm(forms.Form):
    name = _name()
    feed = _feed()
    valid_days = _valid_days()


class _PersonalMixin:
    """``organisations``: the person's (``selectors.token_organisations``), as a list; the field chooses among
    them alone and gives the organisation itself."""

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self._organisations = {str(o.pk): o for o in organisations}
        field = self.fields["organisation"]
        field.choices = [(str(o.pk), o.name) for o in organisations]
        if len(organisations) == 1:
            field.initial = str(organisations[0].pk)
        else:
            field.choices = [("", _("Choose an organisation"))] + field.choices

    def clean_organisation(self):
        return self._organisations[self.cleaned_data["organisation"]]


def _organisation():
    return forms.ChoiceField(
        label=_("Organisation"),
        help_text=_("The token reads what you may read in this organisation's workplaces."),
        error_messages={
            "required": _("Choose the organisation the token reads."),
            "invalid_choice": _("Choose one of your organisations."),
        },
    )


class PersonalTokenForm(_PersonalMixin, forms.Form):
    organisation = _organisation()
    name = _name()
    scopes = _scopes(Scope.choices)
    valid_days = _valid_days()


class PersonalFeedTokenForm(_PersonalMixin, forms.Form):
    organisation = _organisation()
    name = _name()
    feed = _feed()
    valid_days = _valid_days()
