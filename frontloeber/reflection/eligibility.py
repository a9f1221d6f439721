"""Who a survey round may ask: the rule that keeps a leader from undoing the anonymity of their own round.

A leader who could add accounts they control just before a round, answer as them and subtract their known
answers from the report would read a real employee's answers. So when a round is created, an employee is
asked only if

- their membership was not made, nor its role changed, by the workplace's leadership within the
  organisation's window (``Organisation.survey_eligibility_days``, at least 14 days) before the round. The
  leadership is everyone who reads the report or could have planted answers in it: the round's leader; every
  person who was a leader of the workplace at any moment of the window (so a second leader account that
  steps down, or is removed, after adding accounts still counts); anyone who changed the workplace's
  memberships in the window without being an organisation admin; and, in turn, anyone these added or gave a
  new role in the window. In any capacity: a leader who is also an organisation admin is still a leader.
  Memberships made by someone else (another admin, an import, the identity provider, or before this record
  began) count at once, so a new organisation can run its first round;
- where the organisation has named its e-mail domains, their address is in one of them, or an organisation
  admin outside the leadership has approved it (substitutes often use a private address, and anyone can
  make one of those).

Everyone else is recorded as not asked, with the reason, and is told so on the round's page. The same
leadership may not approve closing the round early (services.round_close).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone

from frontloeber.organisations import selectors as org_selectors
from frontloeber.organisations.models import Membership, MembershipChangeKind, Role

from .models import NotAskedReason


@dataclass
class Eligibility:
    asked: list = field(default_factory=list)  # user ids
    not_asked: dict = field(default_factory=dict)  # user id -> NotAskedReason
    # For those left out as recent: the first day a round created then would ask them, if nothing changes.
    asked_from: dict = field(default_factory=dict)  # user id -> date

    @property
    def recent(self):
        return [pk for pk, reason in self.not_asked.items() if reason == NotAskedReason.RECENT]


def leadership(*, workplace, leader_id, start, end):
    """The ids of the round's leadership from ``start`` to ``end`` (see the module's description), and the
    ids of everyone who changed the workplace's memberships in that time."""
    changes = org_selectors.membership_changes_between(workplace=workplace, start=start, end=end)
    admins = org_selectors.organisation_admin_ids(organisation_id=workplace.organisation_id)
    actors = {actor for _kind, _user, actor, _role, _previous in changes if actor is not None}
    circle = {leader_id} | org_selectors.workplace_leader_ids(workplace=workplace) | (actors - admins)
    circle |= {
        user
        for _kind, user, _actor, role, previous in changes
        if Role.LEADER in (role, previous)  # joined, left or changed as a leader
    }
    grew = True
    while grew:
        grew = False
        for kind, user, actor, _role, _previous in changes:
            if kind != MembershipChangeKind.LEFT and actor in circle and user not in circle:
                circle.add(user)
                grew = True
    return circle, actors


def survey_eligibility(*, workplace, leader, at, days) -> Eligibility:
    """Which of the workplace's employees a round that ``leader`` creates at ``at`` asks, and why the others
    are not asked."""
    employees = list(
        Membership.objects.of(workplace)
        .filter(role=Role.EMPLOYEE)
        .order_by("user_id")
        .values_list("user_id", "user__email")
    )
    start = at - timedelta(days=days)
    circle, _actors = leadership(workplace=workplace, leader_id=leader.pk, start=start, end=at)
    latest = org_selectors.latest_membership_changes(workplace=workplace, start=start, end=at)
    domains = org_selectors.organisation_domains(organisation=workplace.organisation)
    outside = [pk for pk, email in employees if org_selectors.outside_domains(email, domains)]
    approvals = org_selectors.address_approvals(organisation=workplace.organisation, user_ids=outside)
    result = Eligibility()
    for user_id, _email in employees:
        if user_id in circle:
            result.not_asked[user_id] = NotAskedReason.RECENT
            result.asked_from[user_id] = _asked_from(latest.get(user_id, at), days)
        elif user_id in outside and (user_id not in approvals or approvals[user_id] in circle):
            result.not_asked[user_id] = NotAskedReason.ADDRESS
        else:
            result.asked.append(user_id)
    return result


def _asked_from(changed_at, days):
    """The first whole day on which a round would no longer count a change made at ``changed_at``."""
    return timezone.localdate(changed_at + timedelta(days=days)) + timedelta(days=1)


def overseers(*, round_, admins, now):
    """Of the organisation's ``admins``, those who may approve closing the round early and who are told about
    it: none of its leadership, and none who changed the workplace's memberships since the window before
    the round began (they would know whom they added)."""
    circle, actors = leadership(
        workplace=round_.workplace,
        leader_id=round_.leader_id,
        start=round_.created_at - timedelta(days=round_.eligibility_days),
        end=now,
    )
    return [admin for admin in admins if admin.pk not in circle and admin.pk not in actors]


def withheld_from(*, viewer, rounds):
    """Of ``rounds``, the ids whose employees' figures ``viewer`` may not see in the organisation's views:
    in the window before the round was created they added people to its workplace or changed their roles.
    Such changes by an organisation admin count at once (so a new organisation can run its first round), so
    the round may have asked those people, and the admin would know whom; its figures, comments and trend
    stay hidden from that admin."""
    return withheld_from_any(viewers=[viewer] if viewer is not None else [], rounds=rounds)


def withheld_from_any(*, viewers, rounds):
    """Of ``rounds``, the ids withheld from any of ``viewers`` (``withheld_from``), in one query."""
    rounds = [round_ for round_ in rounds if round_ is not None]
    if not rounds or not viewers:
        return set()
    made = defaultdict(list)  # workplace id -> when a viewer changed its memberships
    for workplace_id, at in org_selectors.changes_made_by(
        actor=viewers, workplace_ids={r.workplace_id for r in rounds}
    ):
        made[workplace_id].append(at)
    withheld = set()
    for round_ in rounds:
        start, end = round_.created_at - timedelta(days=round_.eligibility_days), round_.created_at
        if any(start <= at <= end for at in made[round_.workplace_id]):
            withheld.add(round_.pk)
    return withheld
