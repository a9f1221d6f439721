from django import forms
from django.utils.translation import gettext_lazy as _

from frontloeber.core.forms import DATETIME_INPUT, member_choices

from .models import DESCRIPTION_MAX, NAME_MAX, ActivityKind, Level, SkillArea

LEVEL_CHOICES = [(str(value), label) for value, label in Level.choices]


class RatingForm(forms.Form):
    """One row per skill: a level from 0 to 3 (or none yet) and "I want to learn this"; then how to share."""

    visible_to_team = forms.BooleanField(
        label=_("My colleagues may see my ratings"),
        required=False,
        help_text=_("Your leaders always see them. If you say no, colleagues see only the team's counts."),
    )
    willing_to_help = forms.BooleanField(
        label=_("Colleagues may ask me for help with what I can teach"),
        required=False,
        help_text=_(
            "If your colleagues may see your ratings, you are named as a helper for the skills you rate 3."
        ),
    )

    def __init__(self, *args, skills, **kwargs):
        super().__init__(*args, **kwargs)
        self.skills = list(skills)
        for skill in self.skills:
            self.fields[f"level_{skill.pk}"] = forms.ChoiceField(
                label=skill.shown_name,
                choices=LEVEL_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose a level from 0 to 3.")},
            )
            self.fields[f"learn_{skill.pk}"] = forms.BooleanField(
                label=_("I want to learn this"), required=False
            )

    def clean(self):
        data = super().clean()
        for skill in self.skills:
            if (
                data.get(f"learn_{skill.pk}")
                and data.get(f"level_{skill.pk}") == ""
                and not self.initial.get(f"level_{skill.pk}")
            ):
                self.add_error(f"level_{skill.pk}", _("Tap your level too, so the team's map can count you."))
        return data

    @staticmethod
    def initial_for(*, skills, ratings, profile):
        initial = {"visible_to_team": profile.visible_to_team, "willing_to_help": profile.willing_to_help}
        for skill in skills:
            rating = ratings.get(skill.pk)
            if rating is not None:
                initial[f"level_{skill.pk}"] = str(rating.level)
                initial[f"learn_{skill.pk}"] = rating.wants_to_learn
        return initial

    def rows(self):
        """(skill, its level field, its learn field) for the template."""
        return [(skill, self[f"level_{skill.pk}"], self[f"learn_{skill.pk}"]) for skill in self.skills]

    def ratings(self):
        data = self.cleaned_data
        return {
            skill.pk: (
                int(data[f"level_{skill.pk}"]) if data[f"level_{skill.pk}"] != "" else None,
                data[f"learn_{skill.pk}"],
            )
            for skill in self.skills
        }


class SkillForm(forms.Form):
    area = forms.ChoiceField(label=_("Area"), choices=[("", _("Choose"))] + SkillArea.choices)
    name = forms.CharField(label=_("Skill"), max_length=NAME_MAX)
    description = forms.CharField(
        label=_("What it covers"),
        max_length=DESCRIPTION_MAX,
        required=False,
        help_text=_("A line that makes it easy to rate, e.g. which system or device."),
    )

    def __init__(self, *args, for_organisation=False, **kwargs):
        super().__init__(*args, **kwargs)
        if for_organisation:
            self.fields["for_organisation"] = forms.BooleanField(
                label=_("For every workplace in the organisation"),
                required=False,
                help_text=_("As an organisation admin you add to the shared catalogue."),
            )


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("Choose"))] + ActivityKind.choices)
    title = forms.CharField(label=_("Title"), max_length=120)
    skills = forms.TypedMultipleChoiceField(
        label=_("Skills it builds"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    starts_at = forms.DateTimeField(
        label=_("Starts"), input_formats=["%Y-%m-%dT%H:%M"], widget=forms.DateTimeInput(**DATETIME_INPUT)
    )
    minutes = forms.IntegerField(label=_("Length in minutes"), initial=60, min_value=15, max_value=480)
    place = forms.CharField(label=_("Place or link"), max_length=200, required=False)
    host = forms.TypedChoiceField(
        label=_("Host"), coerce=int, help_text=_("Who runs it: a helper, a leader.")
    )
    seats = forms.IntegerField(
        label=_("Seats"), required=False, min_value=1, max_value=500, help_text=_("Leave empty for no limit.")
    )
    description = forms.CharField(
        label=_("What happens"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, skills, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skills"].choices = [(s.pk, s.shown_name) for s in skills]
        self.fields["host"].choices = member_choices(members, empty=_("Choose a person"))
        self.skills_by_id = {s.pk: s for s in skills}
        self.users_by_id = {m.user_id: m.user for m in members}

    @staticmethod
    def initial_for(activity):
        from django.utils import timezone

        return {
            "kind": activity.kind,
            "title": activity.title,
            "skills": [s.pk for s in activity.skills.all()],
            "starts_at": timezone.localtime(activity.starts_at),
            "minutes": activity.minutes,
            "place": activity.place,
            "host": activity.host_id,
            "seats": activity.seats,
            "description": activity.description,
        }

    def activity(self):
        """The cleaned activity for the services, with skills and host as objects."""
        data = dict(self.cleaned_data)
        data["skills"] = [self.skills_by_id.get(pk) for pk in data["skills"]]
        data["host"] = self.users_by_id.get(data["host"])
        return data


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How useful was it?"),
        coerce=int,
        choices=[(n, str(n)) for n in range(1, 6)],
        widget=forms.RadioSelect,
        help_text=_("1 not useful, 5 very useful"),
    )
    feedback = forms.CharField(label=_("A word on it"), max_length=300, required=False)
