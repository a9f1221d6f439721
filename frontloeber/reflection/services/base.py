import logging

from django.utils import timezone

from ..models import (
    QuestionBankVersion,
)

ROUND_MAX_DAYS = 56
ROUND_MAX_DAYS_AHEAD = 90
REMIND_DAYS_BEFORE_CLOSE = 2
COMMENT_MAX_LENGTH = 1500
ELIGIBILITY_DAYS = (14, 365)

logger = logging.getLogger(__name__)


def question_bank_lock(*, version):
    """Freeze a version: called when the first round opens with it."""
    if version.locked_at is None:
        QuestionBankVersion.objects.filter(pk=version.pk, locked_at__isnull=True).update(
            locked_at=timezone.now()
        )
        version.refresh_from_db(fields=["locked_at"])
    return version
