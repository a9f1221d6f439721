"""The reflection survey's question bank, versioned. Rounds and answers come with the rest of issue 5.

A version is frozen once it is locked (when the first round opens with it): its wording is then never
changed or deleted, because answers refer to it. A new wording is a new version.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class FrozenVersionError(ValidationError):
    pass


class QuestionBankVersion(models.Model):
    number = models.PositiveIntegerField(_("version"), unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Set when the first round opens with this version; from then on nothing in it may change.
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("question bank version")
        ordering = ["-number"]

    def __str__(self):
        return f"v{self.number}"


class _Frozen(models.Model):
    """Rows of a version refuse to change once the version is locked."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None or self.version.locked_at is not None:
            self._check_unlocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_unlocked()
        return super().delete(*args, **kwargs)

    def _check_unlocked(self):
        if self.version.locked_at is not None:
            raise FrozenVersionError(
                _("This version of the questions is in use and cannot change; make a new version.")
            )


class Practice(_Frozen):
    version = models.ForeignKey(QuestionBankVersion, on_delete=models.PROTECT, related_name="practices")
    code = models.CharField(max_length=4)
    name_da = models.CharField(max_length=100)
    name_en = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="practice_unique_per_version")
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    @property
    def name(self):
        return self.name_en if get_language() == "en" else self.name_da


class ReflectionQuestion(_Frozen):
    version = models.ForeignKey(QuestionBankVersion, on_delete=models.PROTECT, related_name="+")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="reflection_questions")
    text_da = models.TextField()
    text_en = models.TextField()
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["practice", "position"]

    def __str__(self):
        return self.text

    @property
    def text(self):
        return self.text_en if get_language() == "en" else self.text_da


class ItemKind(models.TextChoices):
    LEADER = "leader", _("About the leader")
    CLIMATE = "climate", _("About the unit")


class Item(_Frozen):
    """One statement, worded for each respondent group in Danish and English."""

    version = models.ForeignKey(QuestionBankVersion, on_delete=models.PROTECT, related_name="items")
    practice = models.ForeignKey(Practice, on_delete=models.PROTECT, related_name="items")
    code = models.CharField(max_length=8)
    kind = models.CharField(max_length=10, choices=ItemKind.choices)
    employee_da = models.TextField()
    employee_en = models.TextField()
    leader_da = models.TextField()
    leader_en = models.TextField()
    superior_da = models.TextField()
    superior_en = models.TextField()
    position = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["practice", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="item_unique_per_version")]

    def __str__(self):
        return self.code

    def wording(self, respondent):
        """The statement for ``respondent`` ("employee", "leader" or "superior") in the active language."""
        language = "en" if get_language() == "en" else "da"
        return getattr(self, f"{respondent}_{language}")
