from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.organisations.models import Membership
from frontloeber.organisations.permissions import require_leader

from .. import selectors
from ..models import ReportShare, Round
from ..notification_kinds import Kind

# --- Sharing a closed round's report (selectors/sharing.py holds the rule it feeds) --------------------

AUDIENCE_ROLE = {audience: role for role, audience in selectors.ROLE_AUDIENCE.items()}


@transaction.atomic
def report_sharing_update(*, actor, round_, audiences, now=None) -> dict:
    """Share the round's report with exactly ``audiences`` (a subset of the audiences offered): shares the
    leader took away are removed, new ones are made and their members told. Returns the shares by audience.
    Only the leader the round is about decides, once the round has closed."""
    require_leader(user=actor, workplace=round_.workplace)
    if actor.pk != round_.leader_id:
        raise PermissionDenied(
            _("Only the leader the round is about decides with whom its report is shared.")
        )
    wanted = set(audiences)
    offered = selectors.offered_audiences(workplace=round_.workplace)
    unknown = wanted - set(offered)
    if unknown:
        raise ValidationError(
            _(
                "A report can be shared with the team, the MED committee and the workplace's leader group, "
                "if any."
            )
        )
    # Locked, so that two tabs saving at once end as the later one says.
    locked = Round.objects.select_for_update(of=("self",)).select_related("workplace").get(pk=round_.pk)
    if not locked.is_closed:
        raise ValidationError(_("A report can be shared when the round has closed."))
    current = selectors.round_shares(round_=locked)
    ReportShare.objects.filter(round=locked).exclude(audience__in=wanted).delete()
    added = [audience for audience in offered if audience in wanted - set(current)]
    when = now or timezone.now()
    for audience in added:
        ReportShare.objects.create(
            round=locked, workplace=locked.workplace, audience=audience, shared_by=actor, shared_at=when
        )
    if added:
        _tell_audiences(locked, added, actor=actor)
    return selectors.round_shares(round_=locked)


def _tell_audiences(round_, audiences, *, actor):
    """Tell the members of the workplace an audience covers. (The leader group's leaders read the figures
    in their group's view; they are not told, being leaders of other workplaces.)"""
    from frontloeber.notifications.services import notification_create

    roles = [AUDIENCE_ROLE[audience] for audience in audiences if audience in AUDIENCE_ROLE]
    if not roles:
        return
    members = Membership.objects.of(round_.workplace).filter(role__in=roles).select_related("user")
    notification_create(
        recipients=[membership.user for membership in members],
        kind=Kind.SURVEY_REPORT_SHARED,
        workplace=round_.workplace,
        actor=actor,
        detail=round_.workplace.name,
        target_url=round_.get_absolute_url(),
    )
