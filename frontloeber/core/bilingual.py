"""Product content written in both languages, as ``<field>_da`` and ``<field>_en`` columns."""

from django.utils.translation import get_language


class Bilingual:
    """``obj.local("name")`` reads ``name_en`` when the active language is English, ``name_da`` otherwise."""

    def local(self, field):
        return getattr(self, f"{field}_en" if get_language() == "en" else f"{field}_da")
