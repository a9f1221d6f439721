from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class PreferenceForm(forms.Form):
    daily_digest = forms.BooleanField(
        label=_("Send me a daily e-mail digest"),
        required=False,
        help_text=_("At most one e-mail a day, and only when something happened in your workplaces."),
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)

    heard = forms.MultipleChoiceField(
        label=_("What you hear about"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Untick what you do not want to hear about, under the bell or in the e-mail. Questions to you "
            "and tasks given to you always come through."
        ),
    )

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["heard"].choices = [(kind.code, kind.label) for kind in kinds]
