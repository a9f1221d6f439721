"""Writes for the question bank. A version's wording comes in by a data migration and is frozen by its first
round (0002 loads version 1 from question_bank_v1.py)."""

from django.utils import timezone

from .models import QuestionBankVersion


def question_bank_lock(*, version):
    """Freeze a version: called when the first round opens with it."""
    if version.locked_at is None:
        QuestionBankVersion.objects.filter(pk=version.pk, locked_at__isnull=True).update(
            locked_at=timezone.now()
        )
        version.refresh_from_db(fields=["locked_at"])
    return version
