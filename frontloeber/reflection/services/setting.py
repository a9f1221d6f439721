from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from frontloeber.organisations.models import Organisation
from frontloeber.organisations.permissions import require_administer

from .base import ELIGIBILITY_DAYS

# --- The organisation's setting ------------------------------------------------------------------------


def organisation_threshold_update(*, actor, organisation, threshold, eligibility_days=None) -> Organisation:
    """The organisation's anonymity rules for its rounds: the threshold, and how long a person the round's
    leadership added stays out of its rounds (eligibility.py). Rounds keep the rules they were made with."""
    require_administer(user=actor, organisation=organisation)
    errors = {}
    if not isinstance(threshold, int) or isinstance(threshold, bool) or not 3 <= threshold <= 10:
        errors["threshold"] = _("Choose a number from 3 to 10.")
    if eligibility_days is not None and (
        not isinstance(eligibility_days, int)
        or isinstance(eligibility_days, bool)
        or not ELIGIBILITY_DAYS[0] <= eligibility_days <= ELIGIBILITY_DAYS[1]
    ):
        errors["eligibility_days"] = _("Give a number of days from 14 to 365.")
    if errors:
        raise ValidationError(errors)
    organisation.reflection_threshold = threshold
    fields = ["reflection_threshold"]
    if eligibility_days is not None:
        organisation.survey_eligibility_days = eligibility_days
        fields.append("survey_eligibility_days")
    organisation.save(update_fields=fields)
    return organisation
