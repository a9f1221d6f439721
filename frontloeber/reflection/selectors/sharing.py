"""Who reads a survey round's report (issue 17, point 7): the one rule every page, file and later figure of
the survey asks.

A round's report is its leader's until they share it. The workplace's leaders and the organisation's admins
(in the organisation's own views) read every round; anyone else reads a closed round only when its leader
has shared the report with the audience the person belongs to: an employee is the team, an observer the MED
committee. The leader group (issue 18) is offered once the workplace is in one: its figures then appear to the
leaders of the group's other workplaces, side by side (insights).
"""

from django.utils.translation import gettext as _

from frontloeber.core.access import one_or_404
from frontloeber.organisations.models import LeaderGroupMember, Role

from ..models import Audience, ReportShare
from .rounds import _round_for_report

ROLE_AUDIENCE = {Role.EMPLOYEE: Audience.TEAM, Role.OBSERVER: Audience.MED}

ALWAYS_OFFERED = [Audience.TEAM, Audience.MED]


def offered_audiences(*, workplace):
    """The audiences a leader can share a round's report with: the team and the MED committee, and the leader
    group when an organisation admin has put the workplace in one (issue 18, point 4)."""
    in_a_group = LeaderGroupMember.objects.filter(
        organisation_id=workplace.organisation_id, workplace_id=workplace.pk
    ).exists()
    return [*ALWAYS_OFFERED, Audience.LEADER_GROUP] if in_a_group else list(ALWAYS_OFFERED)


def reads_every_report(*, membership) -> bool:
    return membership.is_leader


def report_audience(*, membership):
    """The audience a member reads shared reports as, or None for a leader, who reads every report."""
    if reads_every_report(membership=membership):
        return None
    return ROLE_AUDIENCE.get(membership.role)


def readable_rounds(*, membership, rounds):
    """``rounds`` narrowed to those whose report the member may read."""
    if reads_every_report(membership=membership):
        return rounds
    audience = report_audience(membership=membership)
    if audience is None:  # a role no audience covers reads nothing (fails closed)
        return rounds.none()
    # One share per (round, audience): the join never repeats a round.
    return rounds.filter(shares__audience=audience)


def access_report(*, workplace, membership, round_id):
    """The workplace's round whose report the member may read; 404 for one they may not, as for one that
    does not exist."""
    rounds = readable_rounds(membership=membership, rounds=_round_for_report().of(workplace))
    return one_or_404(rounds.filter(pk=round_id), _("No such survey round in this workplace."))


def rounds_shared_with(*, audience, rounds):
    """The ids of ``rounds`` (closed earlier rounds, say) whose report is shared with ``audience``."""
    return set(
        ReportShare.objects.filter(round__in=[r.pk for r in rounds], audience=audience).values_list(
            "round_id", flat=True
        )
    )


def round_shares(*, round_):
    """The round's shares, by audience."""
    shares = ReportShare.objects.filter(round=round_).select_related("shared_by")
    return {share.audience: share for share in shares}


def may_share(*, actor, round_) -> bool:
    """Only the leader the round is about decides with whom its report is shared, once it has closed."""
    return actor.pk == round_.leader_id and round_.is_closed
