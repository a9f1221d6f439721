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
