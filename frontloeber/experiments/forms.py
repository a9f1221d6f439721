import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.core.forms import DATE_INPUT, member_choices
from frontloeber.ideas.models import VALUE_LEVELS, ValueAxis

from .models import MAX_CRITERIA, TEXT_MAX, CriterionResult, Decision


def _text(label, *, required=True, rows=3, help_text="", max_length=TEXT_MAX):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _skill_choices(form, skills):
    form.skills_by_id = {s.pk: s for s in skills}
    form.fields["skills"].choices = [(s.pk, s.shown_name) for s in skills]


def _chosen_skills(form):
    """The chosen skills, or None (leave them be) when the workplace has no catalogue to choose from."""
    if not form.skills_by_id:
        return None
    return [form.skills_by_id.get(pk) for pk in form.cleaned_data["skills"]]


class ExperimentForm(forms.Form):
    hypothesis = _text(
        _("Hypothesis"),
        help_text=_("“We believe that … will lead to …”: what you expect, and for whom."),
    )
    starts_on = forms.DateField(label=_("Start"), widget=forms.DateInput(**DATE_INPUT))
    ends_on = forms.DateField(label=_("End"), widget=forms.DateInput(**DATE_INPUT))
    hours = forms.IntegerField(label=_("Hours set aside"), min_value=0, initial=0)
    budget_dkk = forms.IntegerField(label=_("Budget in DKK"), min_value=0, initial=0)
    equipment = _text(_("Equipment"), required=False, rows=2)
    participants = forms.TypedMultipleChoiceField(
        label=_("Participants"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )
    stop_rule = _text(
        _("Stop rule"),
        rows=2,
        help_text=_("When do you stop early? Stopping with what you learned is a result too."),
    )

    skills = forms.TypedMultipleChoiceField(
        label=_("Skills it needs"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The page then shows who can help, and the learning planned for them."),
    )

    def __init__(self, *args, members=(), skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].choices = member_choices(members)
        _skill_choices(self, skills)
        for n in range(MAX_CRITERIA):
            self.fields[f"criterion_{n}_axis"] = forms.ChoiceField(
                label=_("Value"), required=False, choices=[("", "—")] + list(ValueAxis.choices)
            )
            self.fields[f"criterion_{n}_description"] = forms.CharField(
                label=_("Success looks like"), required=False, max_length=300
            )
            self.fields[f"criterion_{n}_measure"] = forms.CharField(
                label=_("How we measure it"), required=False, max_length=300
            )
        for name in ("axis", "description", "measure"):
            self.fields[f"criterion_0_{name}"].required_when = _("at least one criterion")

    def criteria_rows(self):
        return [
            (
                n + 1,
                self[f"criterion_{n}_axis"],
                self[f"criterion_{n}_description"],
                self[f"criterion_{n}_measure"],
            )
            for n in range(MAX_CRITERIA)
        ]

    @staticmethod
    def initial_new(seed=None):
        """A new plan: four weeks from today, drafted from what the idea already says (``seed``, from
        ``selectors.experiment_plan_seed``); without one, the first criterion about the citizens."""
        today = timezone.localdate()
        initial = {
            "starts_on": today,
            "ends_on": today + datetime.timedelta(days=28),
            "criterion_0_axis": ValueAxis.CITIZENS,
        }
        if seed:
            initial.update(
                {name: seed[name] for name in ("hypothesis", "equipment", "stop_rule", "participants")}
            )
            for n, criterion in enumerate(seed["criteria"][:MAX_CRITERIA]):
                initial.update({f"criterion_{n}_{name}": value for name, value in criterion.items()})
        return initial

    def frame(self, users_by_id):
        data = self.cleaned_data
        return {
            "hypothesis": data["hypothesis"],
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "hours": data["hours"],
            "budget_dkk": data["budget_dkk"],
            "equipment": data["equipment"],
            "stop_rule": data["stop_rule"],
            "participants": [users_by_id.get(pk) for pk in data["participants"]],
            "skills": _chosen_skills(self),
            "criteria": [
                {
                    "axis": data[f"criterion_{n}_axis"],
                    "description": data[f"criterion_{n}_description"],
                    "measure": data[f"criterion_{n}_measure"],
                }
                for n in range(MAX_CRITERIA)
            ],
        }


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class SafetyForm(forms.Form):
    personal_data = forms.ChoiceField(
        label=_("Does it touch personal data?"), choices=YES_NO, widget=forms.RadioSelect
    )
    personal_data_which = _text(_("Which personal data?"), required=False, rows=2)
    legal_basis = _text(_("The legal basis"), required=False, rows=2)
    dpo_contact = forms.CharField(
        label=_("Who did you ask? (the organisation's data-protection contact)"),
        required=False,
        max_length=200,
    )
    vulnerable_citizens = forms.ChoiceField(
        label=_("Does it involve citizens who cannot easily consent (children, people with disabilities)?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    consent_how = _text(
        _("How are relatives or guardians informed, and how do they agree?"), required=False, rows=2
    )
    needs_it = forms.ChoiceField(
        label=_("Does it need the IT department (a new device, a new app, the network)?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
    )
    it_what = _text(_("What must the IT department do, and have they said yes?"), required=False, rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("personal_data", "vulnerable_citizens", "needs_it"):
            self.fields[name].error_messages["required"] = _("Answer yes or no.")
        for name in ("personal_data_which", "legal_basis", "dpo_contact", "consent_how", "it_what"):
            self.fields[name].required_when = _("required if you answered yes")

    def answers(self):
        data = dict(self.cleaned_data)
        for name in ("personal_data", "vulnerable_citizens", "needs_it"):
            data[name] = data[name] == "yes"
        return data


class LogEntryForm(forms.Form):
    entry_date = forms.DateField(label=_("Date"), widget=forms.DateInput(**DATE_INPUT))
    text = _text(_("What happened, what did you notice?"))
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 5 MB. Never a photo where a citizen can be recognised."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )


class ConcludeForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect)
    learnings = _text(
        _("What we learned"),
        rows=4,
        help_text=_("Required, whatever the decision: it is the result others can use."),
    )

    def __init__(self, *args, criteria=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"result_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.description,
                choices=CriterionResult.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose met, partly met or not met.")},
            )
            self.fields[f"evidence_{criterion.pk}"] = forms.CharField(
                label=_("Evidence for “%(criterion)s”") % {"criterion": criterion.description},
                required=False,
                max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def criteria_rows(self):
        return [(c, self[f"result_{c.pk}"], self[f"evidence_{c.pk}"]) for c in self.criteria]

    def results(self):
        return {
            c.pk: (self.cleaned_data[f"result_{c.pk}"], self.cleaned_data[f"evidence_{c.pk}"])
            for c in self.criteria
        }


class AdoptionPlanForm(forms.Form):
    affected = _text(_("Who is affected, and how does their day change?"), rows=4)
    training = _text(_("Training needed"), required=False)
    communication = _text(_("Communication: who is told what, when"), required=False)
    go_live_on = forms.DateField(label=_("Go-live date"), widget=forms.DateInput(**DATE_INPUT))
    responsible = forms.TypedChoiceField(label=_("Responsible"), coerce=int)
    first_checkpoint_days = forms.IntegerField(
        label=_("First checkpoint, days after go-live"), initial=30, min_value=1
    )
    second_checkpoint_days = forms.IntegerField(
        label=_("Second checkpoint, days after go-live"), initial=90, min_value=1
    )

    skills = forms.TypedMultipleChoiceField(
        label=_("Skills it needs"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The plan's page then shows who can help, and the learning planned for them."),
    )

    def __init__(self, *args, members=(), skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].choices = member_choices(members, empty=_("Choose a person"))
        _skill_choices(self, skills)

    @staticmethod
    def initial_for(plan):
        return {
            "affected": plan.affected,
            "training": plan.training,
            "communication": plan.communication,
            "go_live_on": plan.go_live_on,
            "responsible": plan.responsible_id,
            "first_checkpoint_days": plan.first_checkpoint_days,
            "second_checkpoint_days": plan.second_checkpoint_days,
            "skills": [s.pk for s in plan.skills.all()],
        }

    def plan(self, users_by_id):
        """The cleaned plan for the services, with the responsible person as a user."""
        data = dict(self.cleaned_data)
        data["responsible"] = users_by_id.get(data["responsible"])
        data["skills"] = _chosen_skills(self)
        return data


class CheckpointForm(forms.Form):
    users = forms.IntegerField(label=_("How many use it"), min_value=0)
    affected = forms.IntegerField(label=_("Of how many affected"), min_value=0)
    value_citizens = forms.TypedChoiceField(
        label=ValueAxis.CITIZENS.label, choices=VALUE_LEVELS, coerce=int, widget=forms.RadioSelect
    )
    value_quality = forms.TypedChoiceField(
        label=ValueAxis.QUALITY.label, choices=VALUE_LEVELS, coerce=int, widget=forms.RadioSelect
    )
    value_routines = forms.TypedChoiceField(
        label=ValueAxis.ROUTINES.label, choices=VALUE_LEVELS, coerce=int, widget=forms.RadioSelect
    )
    notes = _text(_("The value you see"), required=False)
    adjusted = _text(_("What was adjusted"), required=False)


class CaseForm(forms.Form):
    summary = _text(
        _("Summary"),
        rows=3,
        help_text=_("What you did, in a few sentences a colleague elsewhere understands."),
    )
    value_achieved = _text(
        _("Value achieved"),
        rows=3,
        help_text=_("For citizens, for the professional quality, for the daily routines."),
    )
    what_it_took = _text(_("What it took"), rows=3, help_text=_("Time, money, equipment, skills."))
    learnings = _text(_("Learnings"), rows=3)
    contact = forms.TypedChoiceField(label=_("Contact person"), coerce=int)

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact"].choices = member_choices(members, empty=_("Choose a person"))


class SkillsNeededForm(forms.Form):
    skills = forms.TypedMultipleChoiceField(
        label=_("Skills it needs"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        _skill_choices(self, skills)

    def chosen(self):
        return [self.skills_by_id.get(pk) for pk in self.cleaned_data["skills"]]


class SafetyReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("approve", _("Approve: it can start")), ("changes", _("Ask for changes"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Approve, or ask for changes.")},
    )
    comment = _text(
        _("Comment"),
        required=False,
        help_text=_("Required when you ask for changes: say what should change. The leader sees it."),
    )
