from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.organisations.permissions import require_administer, require_leader

from ..models import (
    Assessment,
    AssessmentAnswer,
    AssessorKind,
)
from .answers import _check_values

# --- The leader's and the superior's named assessments -----------------------------------------------


@transaction.atomic
def assessment_submit(*, actor, round_, kind, answers) -> Assessment:
    """The round's leader assesses themself, or an organisation admin assesses the leader."""
    if kind == AssessorKind.LEADER:
        if actor.pk != round_.leader_id:
            raise PermissionDenied(_("Only the leader the round is about can answer the self-assessment."))
        require_leader(user=actor, workplace=round_.workplace)
    elif kind == AssessorKind.SUPERIOR:
        require_administer(user=actor, organisation=round_.organisation)
    else:
        raise ValidationError(_("Unknown kind of assessment."))
    _check_values(version=round_.version, answers=answers)
    assessment, _created = Assessment.objects.select_for_update().get_or_create(
        round=round_,
        kind=kind,
        defaults={
            "organisation_id": round_.organisation_id,
            "workplace_id": round_.workplace_id,
            "author": actor,
        },
    )
    assessment.author = actor
    assessment.updated_at = timezone.now()
    assessment.save(update_fields=["author", "updated_at"])
    assessment.answers.all().delete()
    AssessmentAnswer.objects.bulk_create(
        AssessmentAnswer(assessment=assessment, item_id=item_id, value=value)
        for item_id, value in answers.items()
    )
    return assessment
