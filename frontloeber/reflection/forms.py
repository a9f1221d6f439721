from django import forms
from django.utils.translation import gettext_lazy as _

from frontloeber.core.forms import DATE_INPUT

from .services import COMMENT_MAX_LENGTH

DONT_KNOW = "x"


class RoundForm(forms.Form):
    opens_on = forms.DateField(
        label=_("Opens"), widget=forms.DateInput(**DATE_INPUT), help_text=_("Everyone is asked on this day.")
    )
    closes_on = forms.DateField(
        label=_("Last day to answer"),
        widget=forms.DateInput(**DATE_INPUT),
        help_text=_("Two to three weeks gives everyone a chance, also those on leave or on night shifts."),
    )


def scale_choices():
    return [
        ("1", _("Strongly disagree")),
        ("2", _("Disagree")),
        ("3", _("Neither")),
        ("4", _("Agree")),
        ("5", _("Strongly agree")),
        (DONT_KNOW, _("Don't know")),
    ]


class SurveyForm(forms.Form):
    """One radio scale per statement, worded for the respondent, and for employees a comment per practice.

    ``practices`` come from ``selectors.practices_with_items``; ``initial`` from the saved answers."""

    def __init__(self, *args, practices, respondent, answers=None, comments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.practices = practices
        self.respondent = respondent
        answers = answers or {}
        comments = comments or {}
        self.groups = []
        for practice in practices:
            names = []
            for item in practice.items.all():
                name = f"item_{item.pk}"
                initial = answers.get(item.pk, "")
                self.fields[name] = forms.ChoiceField(
                    label=item.wording(respondent),
                    choices=scale_choices(),
                    widget=forms.RadioSelect,
                    initial=DONT_KNOW if item.pk in answers and initial is None else str(initial or ""),
                    error_messages={"required": _("Choose an answer, or “Don't know”.")},
                )
                self.fields[name].item_code = item.code
                names.append(name)
            comment_name = None
            if respondent == "employee":
                comment_name = f"comment_{practice.pk}"
                self.fields[comment_name] = forms.CharField(
                    label=_("Anything to add about “%(practice)s”?") % {"practice": practice.name},
                    required=False,
                    max_length=COMMENT_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=comments.get(practice.pk, ""),
                    help_text=_("Write so that nobody can tell it was you."),
                )
            self.groups.append({"practice": practice, "items": names, "comment": comment_name})

    def bound_groups(self):
        return [
            {
                "practice": group["practice"],
                "items": [self[name] for name in group["items"]],
                "comment": self[group["comment"]] if group["comment"] else None,
            }
            for group in self.groups
        ]

    def unanswered(self):
        """The statements with an error (in practice: not answered), for a short error summary."""
        return [self[name] for name in self.fields if name.startswith("item_") and self[name].errors]

    def other_errors(self):
        return [self[name] for name in self.fields if not name.startswith("item_") and self[name].errors]

    def answers(self):
        result = {}
        for practice in self.practices:
            for item in practice.items.all():
                raw = self.cleaned_data[f"item_{item.pk}"]
                result[item.pk] = None if raw == DONT_KNOW else int(raw)
        return result

    def comments(self):
        if self.respondent != "employee":
            return {}
        return {
            practice.pk: self.cleaned_data.get(f"comment_{practice.pk}", "") for practice in self.practices
        }


class ThresholdForm(forms.Form):
    threshold = forms.TypedChoiceField(
        label=_("Fewest employee answers before results are shown"),
        coerce=int,
        choices=[(n, str(n)) for n in range(3, 11)],
        help_text=_(
            "Below this number a round's report shows no figure from the employees' answers. Five is the "
            "usual choice; a higher number protects small teams better."
        ),
    )
    eligibility_days = forms.IntegerField(
        label=_("Days before a person the leadership added is asked"),
        min_value=14,
        max_value=365,
        help_text=_(
            "A person the round's leader (or another leader of the workplace) invited, or whose role they "
            "changed, within this many days before a round is not asked in it. This keeps a leader from "
            "adding accounts they control and reading the others' answers by subtraction. At least 14; 30 is "
            "usual."
        ),
        error_messages={
            "required": _("Give a number of days from 14 to 365."),
            "invalid": _("Give a number of days from 14 to 365."),
            "min_value": _("Give a number of days from 14 to 365."),
            "max_value": _("Give a number of days from 14 to 365."),
        },
    )


class ReportSharingForm(forms.Form):
    audiences = forms.MultipleChoiceField(
        label=_("Share the report with"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "They read the report as you see it, under the same anonymity rules. Until you share it, only "
            "you, the workplace's other leaders and the organisation's admins can read it. You can stop "
            "sharing at any time."
        ),
    )

    def __init__(self, *args, offered, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["audiences"].choices = [(audience.value, audience.label) for audience in offered]
