from django.core.exceptions import PermissionDenied

from frontloeber.organisations.selectors import workplace_contributor_ids

PLAN_AHEAD_DAYS = 366
MINUTES_RANGE = (15, 8 * 60)
SEATS_MAX = 500


def _require_contributor(user, workplace, message):
    if not user.is_authenticated or user.pk not in workplace_contributor_ids(
        workplace=workplace, users=[user]
    ):
        raise PermissionDenied(message)
