import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from frontloeber.core.forms import DATE_INPUT, member_choices

from .models import (
    COMMENT_MAX,
    DESCRIPTION_MAX,
    MESSAGE_MAX,
    NEED_MAX,
    TITLE_MAX,
    VALUE_LEVELS,
    WHY_MAX,
    IdeaStatus,
    ValueAxis,
)
from .selectors import SORTS, BoardFilters


def _text(label, max_length, *, required=True, rows=4, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows, "class": "form-input"}),
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several pictures in one field; the service checks each by its content."""

    widget = MultipleFileInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleImageField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


def _value_field(axis):
    # Starts "not rated": an axis the author skips says nothing, where a preset 0 said "no value".
    return forms.TypedChoiceField(
        label=axis.label,
        choices=[("", _("Not rated"))] + VALUE_LEVELS,
        coerce=int,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


# Each axis's score, then its why: where the value fields come in a form's order.
VALUE_FIELD_NAMES = [
    name for axis in ValueAxis for name in (f"value_{axis.value}", f"value_{axis.value}_why")
]


class ValueFields(forms.Form):
    """The three value axes, each a score (or not rated) and a line of why: on the idea form and in the
    qualification, where the leader can weigh what the author left out."""

    value_citizens = _value_field(ValueAxis.CITIZENS)
    value_citizens_why = forms.CharField(label=_("Why?"), required=False, max_length=WHY_MAX)
    value_quality = _value_field(ValueAxis.QUALITY)
    value_quality_why = forms.CharField(label=_("Why?"), required=False, max_length=WHY_MAX)
    value_routines = _value_field(ValueAxis.ROUTINES)
    value_routines_why = forms.CharField(label=_("Why?"), required=False, max_length=WHY_MAX)

    def value_fields(self):
        return [(self[f"value_{axis.value}"], self[f"value_{axis.value}_why"]) for axis in ValueAxis]

    def values(self):
        """The cleaned axes as the services take them: {axis: (score or None, why)}."""
        data = self.cleaned_data
        return {
            axis.value: (data[f"value_{axis.value}"], data[f"value_{axis.value}_why"]) for axis in ValueAxis
        }

    @staticmethod
    def initial_values(idea):
        return {name: getattr(idea, name) for name in VALUE_FIELD_NAMES}


class IdeaForm(ValueFields):
    field_order = [
        "title",
        "need",
        "description",
        "tags",
        "challenge",
        *VALUE_FIELD_NAMES,
    ]

    title = forms.CharField(
        label=_("Title"), max_length=TITLE_MAX, help_text=_("A few words that say what the idea is.")
    )
    need = _text(
        _("The need or problem"),
        NEED_MAX,
        help_text=_("What in the core task or the daily work would this make better? For whom?"),
    )
    description = _text(
        _("The idea"),
        DESCRIPTION_MAX,
        rows=6,
        help_text=_("How could technology help? Describe it as you see it."),
    )
    tags = forms.CharField(
        label=_("Technology"),
        required=False,
        max_length=400,
        help_text=_(
            "Separate with commas, e.g. tablet, app, video. Suggestions come from your organisation's ideas."
        ),
    )
    challenge = forms.TypedChoiceField(
        label=_("Answers the challenge"), required=False, coerce=int, empty_value=None
    )
    concerns = _text(
        _("Concerns and risks"),
        NEED_MAX,
        required=False,
        rows=3,
        help_text=_("Healthy scepticism is welcome: what worries you, or could go wrong?"),
    )
    images = MultipleImageField(
        label=_("Pictures"),
        help_text=_(
            "Up to 5 pictures (JPEG, PNG or WebP, at most 5 MB each). Only members of the workplace see them."
        ),
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, challenges=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenge"].choices = [("", _("No challenge"))] + [(c.pk, c.title) for c in challenges]
        if not self.is_bound and not self.initial.get("submission_key"):
            self.initial["submission_key"] = uuid.uuid4()

    def service_kwargs(self):
        data = self.cleaned_data
        return {
            "title": data["title"],
            "need": data["need"],
            "description": data["description"],
            "concerns": data["concerns"],
            "tag_names": [name for name in data["tags"].split(",")],
            "values": self.values(),
            "images": data["images"],
        }


class ChallengeForm(forms.Form):
    title = forms.CharField(
        label=_("The challenge"),
        max_length=TITLE_MAX,
        help_text=_("Phrase it from the core task, as a question: “How can we …?”"),
    )
    description = _text(_("Background"), NEED_MAX, required=False, rows=4)
    opens_on = forms.DateField(label=_("Open from"), widget=forms.DateInput(**DATE_INPUT))
    closes_on = forms.DateField(label=_("Open until"), widget=forms.DateInput(**DATE_INPUT))


class CommentForm(forms.Form):
    body = _text(
        _("Comment"),
        COMMENT_MAX,
        rows=3,
        help_text=_("Build on the idea: what would make it better? You can use **bold**, lists and links."),
    )


class AcknowledgeForm(forms.Form):
    message = _text(_("Message to the author"), MESSAGE_MAX, required=False, rows=2)

    def __init__(self, *args, **kwargs):
        # The move form on the same page has a "message" field too: keep the ids apart.
        kwargs.setdefault("auto_id", "id_acknowledge_%s")
        super().__init__(*args, **kwargs)


class MoveForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"))
    message = _text(
        _("Message to the author"),
        MESSAGE_MAX,
        required=False,
        rows=3,
        help_text=_(
            "Required when you park the idea or do not pursue it: say why, and what would have to change."
        ),
    )
    message.required_when = _("required when parking or stopping")

    def __init__(self, *args, allowed=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [(s.value, s.label) for s in map(IdeaStatus, allowed)]


class AskForm(forms.Form):
    question = _text(_("Your question to the author"), MESSAGE_MAX, rows=3)


class AnswerForm(forms.Form):
    answer = _text(_("Your answer"), MESSAGE_MAX, rows=3)


class AssignForm(forms.Form):
    responsible = forms.TypedChoiceField(
        label=_("Responsible person"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible"].choices = member_choices(members, empty=_("Nobody yet"))


class QualificationForm(ValueFields):
    field_order = [
        "benefit",
        "requirements",
        "risks",
        "measures",
        *VALUE_FIELD_NAMES,
    ]

    benefit = _text(_("Who benefits, and how?"), NEED_MAX, required=False, rows=3)
    requirements = _text(
        _("What does it take (time, money, equipment, skills)?"), NEED_MAX, required=False, rows=3
    )
    risks = _text(_("What could go wrong?"), NEED_MAX, required=False, rows=3)
    measures = _text(_("How will we know it works?"), NEED_MAX, required=False, rows=3)
    ready_to_test = forms.BooleanField(label=_("Ready to test"), required=False)

    def service_kwargs(self):
        data = self.cleaned_data
        answers = ("benefit", "requirements", "risks", "measures", "ready_to_test")
        return {**{name: data[name] for name in answers}, "values": self.values()}


class MergeForm(forms.Form):
    into = forms.TypedChoiceField(
        label=_("Merge into"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the idea to merge into.")},
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].choices = [(i.pk, i.title) for i in candidates]


class ResponseTargetForm(forms.Form):
    days = forms.IntegerField(
        label=_("Response target in days"),
        min_value=1,
        max_value=90,
        help_text=_("From 1 to 90 days."),
        error_messages={
            "min_value": _("Choose a number of days from 1 to 90."),
            "max_value": _("Choose a number of days from 1 to 90."),
            "invalid": _("Write a whole number of days, from 1 to 90."),
            "required": _("Write a whole number of days, from 1 to 90."),
        },
    )


class BoardFilterForm(forms.Form):
    """The board's filters, read from the query string. Values that make no sense are ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), required=False)
    challenge = forms.TypedChoiceField(label=_("Challenge"), required=False, coerce=int, empty_value=None)
    tag = forms.ChoiceField(label=_("Technology"), required=False)
    axis = forms.ChoiceField(
        label=_("Value"),
        required=False,
        choices=[("", _("All values"))] + [(a.value, a.label) for a in ValueAxis],
    )
    mine = forms.BooleanField(label=_("My ideas"), required=False)
    followed = forms.BooleanField(label=_("Ideas I follow"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("newest", _("Newest")),
            ("supported", _("Most supported")),
            ("active", _("Recently active")),
            ("relevance", _("Best match (with a search)")),
        ],
    )
    vis = forms.ChoiceField(
        label=_("Show as"), required=False, choices=[("kort", _("Cards")), ("liste", _("List"))]
    )

    def __init__(self, *args, challenges=(), tags=(), **kwargs):
        super().__init__(*args, **kwargs)
        statuses = [s for s in IdeaStatus if s != IdeaStatus.MERGED]
        self.fields["status"].choices = [("", _("All statuses")), ("open", _("Open ideas"))] + [
            (s.value, s.label) for s in statuses
        ]
        self.fields["challenge"].choices = [("", _("All challenges"))] + [(c.pk, c.title) for c in challenges]
        self.fields["tag"].choices = [("", _("All technology"))] + [(t.key, t.name) for t in tags]

    def filters(self) -> BoardFilters:
        data = self.cleaned_data if self.is_valid() else {}
        if not data:
            # Keep what is valid of a partly broken query string rather than dropping every filter.
            data = {name: value for name, value in getattr(self, "cleaned_data", {}).items()}
        q = (data.get("q") or "").strip()
        sort = data.get("sort") or ("relevance" if q else "newest")
        return BoardFilters(
            status=data.get("status") or "",
            challenge=data.get("challenge"),
            tag=data.get("tag") or "",
            axis=data.get("axis") or "",
            mine=bool(data.get("mine")),
            followed=bool(data.get("followed")),
            q=(data.get("q") or "").strip(),
            sort=sort if sort in SORTS or sort == "relevance" else "newest",
        )

    @property
    def view(self):
        data = getattr(self, "cleaned_data", {})
        return data.get("vis") or "kort"
