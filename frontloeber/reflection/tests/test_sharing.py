"""Issue 17, point 7: a round's report is its leader's until they share it, per closed round and audience.
Through the service and the selectors here; the pages in pages/test_sharing.py."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Membership, Role
from frontloeber.reflection import selectors, services
from frontloeber.reflection.models import Audience, ReportShare, Round
from frontloeber.reflection.notification_kinds import Kind
from tests.factories import (
    WorkplaceFactory,
    answer_round,
    close_round,
    member,
    open_round,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    employees = [member(workplace).user for _ in range(5)]
    observer = member(workplace, Role.OBSERVER).user
    round_ = open_round(workplace, leader=leader)
    for person in employees:
        answer_round(round_, person)
    return workplace, leader, employees, observer, close_round(round_)


def membership(user, workplace):
    return Membership.objects.get(user=user, workplace=workplace)


def readable(user, workplace):
    rounds = Round.objects.of(workplace)
    return set(selectors.readable_rounds(membership=membership(user, workplace), rounds=rounds))


def test_until_shared_only_the_workplaces_leaders_read_the_report(team):
    workplace, leader, employees, observer, round_ = team
    co_leader = member(workplace, Role.LEADER).user
    assert readable(leader, workplace) == readable(co_leader, workplace) == {round_}
    assert readable(employees[0], workplace) == readable(observer, workplace) == set()


def test_sharing_with_an_audience_opens_the_report_to_it_alone_and_tells_its_members(team):
    workplace, leader, employees, observer, round_ = team
    shares = services.report_sharing_update(actor=leader, round_=round_, audiences=["med"])
    assert set(shares) == {Audience.MED} and shares[Audience.MED].shared_by == leader
    assert readable(observer, workplace) == {round_}
    assert readable(employees[0], workplace) == set()
    told = Notification.objects.filter(kind=Kind.SURVEY_REPORT_SHARED)
    assert set(told.values_list("recipient", flat=True)) == {observer.pk}

    services.report_sharing_update(actor=leader, round_=round_, audiences=["med", "team"])
    assert readable(employees[0], workplace) == {round_}
    # The observers were told once; the employees now.
    assert told.filter(recipient=observer).count() == 1
    assert set(told.values_list("recipient", flat=True)) == {observer.pk, *(e.pk for e in employees)}

    services.report_sharing_update(actor=leader, round_=round_, audiences=["team"])
    assert readable(observer, workplace) == set()
    assert readable(employees[0], workplace) == {round_}
    services.report_sharing_update(actor=leader, round_=round_, audiences=[])
    assert not ReportShare.objects.exists()


@pytest.mark.parametrize("who", ["co_leader", "employee", "observer", "outsider"])
def test_only_the_rounds_leader_decides(team, who):
    workplace, leader, employees, observer, round_ = team
    actor = {
        "co_leader": lambda: member(workplace, Role.LEADER).user,
        "employee": lambda: employees[0],
        "observer": lambda: observer,
        "outsider": lambda: member(WorkplaceFactory(organisation=workplace.organisation), Role.LEADER).user,
    }[who]()
    with pytest.raises(PermissionDenied):
        services.report_sharing_update(actor=actor, round_=round_, audiences=["team"])
    assert not ReportShare.objects.exists()
    assert not Notification.objects.filter(kind=Kind.SURVEY_REPORT_SHARED).exists()


def test_a_round_under_way_cannot_be_shared(team):
    workplace, leader, _employees, _observer, _round = team
    Round.objects.all().delete()
    round_ = open_round(workplace, leader=leader)
    with pytest.raises(ValidationError):
        services.report_sharing_update(actor=leader, round_=round_, audiences=["med"])
    assert not ReportShare.objects.exists()


@pytest.mark.parametrize("audiences", [["leader_group"], ["everyone"], ["team", "board"]])
def test_an_audience_not_offered_changes_nothing(team, audiences):
    _workplace, leader, _employees, _observer, round_ = team
    services.report_sharing_update(actor=leader, round_=round_, audiences=["med"])
    with pytest.raises(ValidationError):
        services.report_sharing_update(actor=leader, round_=round_, audiences=audiences)
    assert list(ReportShare.objects.values_list("audience", flat=True)) == ["med"]


def test_a_shared_reports_trend_holds_only_earlier_rounds_shared_with_the_reader(team):
    """The rule holds in the trend too: an earlier round the leader kept to themselves adds nothing to the
    figures an observer reads, while the leader sees both."""
    workplace, leader, employees, observer, first = team
    today = timezone.localdate()
    Round.objects.filter(pk=first.pk).update(
        opens_on=today - datetime.timedelta(days=90), closed_early_on=today - datetime.timedelta(days=80)
    )
    second = open_round(workplace, leader=leader)
    for person in employees:
        answer_round(second, person)
    second = close_round(second)
    services.report_sharing_update(actor=leader, round_=second, audiences=["med"])
    as_observer = selectors.round_report(round_=second, viewer=observer, audience=Audience.MED)
    as_leader = selectors.round_report(round_=second)
    assert as_observer.shown and as_observer.earlier == []
    assert as_leader.earlier == [Round.objects.get(pk=first.pk)]
    services.report_sharing_update(actor=leader, round_=Round.objects.get(pk=first.pk), audiences=["med"])
    assert selectors.round_report(round_=second, viewer=observer, audience=Audience.MED).earlier == [
        Round.objects.get(pk=first.pk)
    ]


def test_a_role_no_audience_covers_reads_nothing(team):
    """Fails closed: a role added later (or a leader group's member) reads no report until the rule says."""
    workplace, leader, _employees, _observer, round_ = team
    services.report_sharing_update(actor=leader, round_=round_, audiences=["team", "med"])
    stranger = Membership(workplace=workplace, role="auditor")
    assert list(selectors.readable_rounds(membership=stranger, rounds=Round.objects.of(workplace))) == []
