"""Rounds, personal links, answers and assessments, through the services."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from frontloeber.reflection import selectors, services, tokens
from frontloeber.reflection.models import (
    Answer,
    AssessorKind,
    Item,
    Practice,
    PracticeComment,
    QuestionBankVersion,
    Response,
    Round,
    RoundInvitation,
)
from tests.factories import (
    OrganisationAdminFactory,
    WorkplaceFactory,
    answer_round,
    close_round,
    member,
    open_round,
    survey_answers,
)

pytestmark = pytest.mark.django_db

LINK = re.compile(r"/refleksion/link/([A-Za-z0-9_-]+)/")


@pytest.fixture(autouse=True)
def in_english():
    """The refusals' wording is matched in English here; the pages' tests see the Danish."""
    with translation.override("en"):
        yield


@pytest.fixture
def team():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    employees = [member(workplace).user for _ in range(6)]
    observer = member(workplace, Role.OBSERVER).user
    return workplace, leader, employees, observer


def today():
    return timezone.localdate()


def days(n):
    return datetime.timedelta(days=n)


def test_opening_a_round_asks_every_employee_by_e_mail_and_in_the_app(team, mailoutbox):
    workplace, leader, employees, observer = team
    round_ = open_round(workplace, leader=leader)
    assert round_.invited_count == 6 and round_.threshold == 5 and round_.leader == leader
    assert round_.version.locked_at is not None
    assert set(round_.invitations.values_list("user_id", flat=True)) == {e.pk for e in employees}
    assert sorted(m.to[0] for m in mailoutbox) == sorted(e.email for e in employees)
    secrets_sent = [LINK.search(m.body).group(1) for m in mailoutbox]
    assert len(set(secrets_sent)) == 6
    notes = Notification.objects.filter(kind="survey_invitation")
    assert set(notes.values_list("recipient_id", flat=True)) == {e.pk for e in employees}
    # The app's notification leads to the reflection page, never to a personal link.
    assert all("/link/" not in n.target_url for n in notes)
    assert not RoundInvitation.objects.filter(user=observer).exists()


@pytest.mark.parametrize(
    "opens, closes, field",
    [
        (-1, 10, "opens_on"),
        (0, 0, "closes_on"),
        (3, 1, "closes_on"),
        (0, 57, "closes_on"),
        (91, 100, "opens_on"),
    ],
)
def test_bad_dates_open_nothing(team, opens, closes, field):
    workplace, leader, _employees, _observer = team
    with pytest.raises(ValidationError) as error:
        services.round_open(
            actor=leader,
            workplace=workplace,
            opens_on=today() + days(opens),
            closes_on=today() + days(closes),
        )
    assert field in error.value.message_dict
    assert not Round.objects.exists()


def test_a_workplace_without_employees_cannot_open_a_round():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    member(workplace, Role.OBSERVER)
    with pytest.raises(ValidationError, match="no employees"):
        services.round_open(actor=leader, workplace=workplace, opens_on=today(), closes_on=today() + days(7))
    assert not Round.objects.exists()


def test_only_a_leader_opens_and_only_one_round_at_a_time(team):
    workplace, leader, employees, observer = team
    for person in (employees[0], observer):
        with pytest.raises(PermissionDenied):
            services.round_open(
                actor=person, workplace=workplace, opens_on=today(), closes_on=today() + days(7)
            )
    open_round(workplace, leader=leader)
    with pytest.raises(ValidationError, match="already has a round"):
        open_round(workplace, leader=leader)
    assert Round.objects.count() == 1


def test_a_round_opening_later_asks_people_on_its_day(team, mailoutbox):
    workplace, leader, _employees, _observer = team
    round_ = services.round_open(
        actor=leader, workplace=workplace, opens_on=today() + days(3), closes_on=today() + days(20)
    )
    assert round_.state() == "scheduled" and mailoutbox == []
    assert services.rounds_start_due(today=today() + days(2)) == 0
    assert services.rounds_start_due(today=today() + days(3)) == 1
    assert len(mailoutbox) == 6
    # Only once, however often the daily task runs.
    services.rounds_start_due(today=today() + days(4))
    assert len(mailoutbox) == 6


def test_an_employee_answers_once_and_may_change_the_answers(
    team, django_capture_on_commit_callbacks, mailoutbox
):
    workplace, leader, employees, _observer = team
    round_ = open_round(workplace, leader=leader)
    mailoutbox.clear()
    secret = services.answer_link_issue(user=employees[0], round_=round_)
    practice = round_.version.practices.first()
    with django_capture_on_commit_callbacks(execute=True):
        _response, first = services.response_submit(
            user=employees[0],
            workplace=workplace,
            secret=secret,
            answers=survey_answers(round_, 4),
            comments={practice.pk: "Vi får ikke tid nok."},
        )
    assert first
    assert len(mailoutbox) == 1 and secret in mailoutbox[0].body  # the receipt carries the way back
    _response, first = services.response_submit(
        user=employees[0], workplace=workplace, secret=secret, answers=survey_answers(round_, 2), comments={}
    )
    assert not first
    assert Response.objects.count() == 1
    assert set(Answer.objects.values_list("value", flat=True)) == {2}
    assert not PracticeComment.objects.exists()
    assert RoundInvitation.objects.get(user=employees[0]).answered
    assert selectors.answered_count(round_=round_) == 1
    # After answering, the app cannot hand out a new link: the answers are found only by the old one.
    with pytest.raises(ValidationError):
        services.answer_link_issue(user=employees[0], round_=round_)


def test_a_new_link_replaces_the_old_one(team):
    workplace, leader, employees, _observer = team
    round_ = open_round(workplace, leader=leader)
    old = services.answer_link_issue(user=employees[0], round_=round_)
    new = services.answer_link_issue(user=employees[0], round_=round_)
    with pytest.raises(PermissionDenied):
        services.response_submit(
            user=employees[0], workplace=workplace, secret=old, answers=survey_answers(round_)
        )
    services.response_submit(
        user=employees[0], workplace=workplace, secret=new, answers=survey_answers(round_)
    )
    assert Response.objects.count() == 1


def _refused(round_, user, secret, answers, comments=None, error=ValidationError):
    before = (Response.objects.count(), Answer.objects.count(), list(Answer.objects.values_list("value")))
    with pytest.raises(error):
        services.response_submit(
            user=user, workplace=round_.workplace, secret=secret, answers=answers, comments=comments
        )
    assert before == (
        Response.objects.count(),
        Answer.objects.count(),
        list(Answer.objects.values_list("value")),
    )


def test_bad_answers_change_nothing(team):
    workplace, leader, employees, _observer = team
    round_ = open_round(workplace, leader=leader)
    secret = answer_round(round_, employees[0], value=3)
    good = survey_answers(round_, 4)
    first_item = next(iter(good))
    for value in (0, 6, "3", True, 2.5):
        _refused(round_, employees[0], secret, {**good, first_item: value})
    missing = dict(good)
    missing.pop(first_item)
    _refused(round_, employees[0], secret, missing)
    _refused(round_, employees[0], secret, "not a dict")
    # An item of another version of the question bank.
    v2 = QuestionBankVersion.objects.create(number=2)
    p2 = Practice.objects.create(version=v2, code="P1", name_da="x", name_en="x", position=1)
    other = Item.objects.create(
        version=v2,
        practice=p2,
        code="1.1",
        kind="leader",
        employee_da="x",
        employee_en="x",
        leader_da="x",
        leader_en="x",
        superior_da="x",
        superior_en="x",
        position=1,
    )
    _refused(round_, employees[0], secret, {**good, other.pk: 3})
    _refused(round_, employees[0], secret, good, comments={p2.pk: "Forkert version"})
    _refused(round_, employees[0], secret, good, comments={round_.version.practices.first().pk: "x" * 1501})
    # Someone else's link, or no link.
    _refused(round_, employees[1], secret, good, error=PermissionDenied)
    _refused(round_, employees[0], "not-a-secret", good, error=PermissionDenied)
    _refused(round_, employees[0], tokens.new_secret(), good, error=PermissionDenied)


def test_no_answers_after_the_round_has_closed(team):
    workplace, leader, employees, _observer = team
    round_ = open_round(workplace, leader=leader)
    secret = answer_round(round_, employees[0], value=3)
    waiting = services.answer_link_issue(user=employees[1], round_=round_)
    close_round(round_)
    # Closing seals the round: the links stop working, and the answers are out of reach for good.
    _refused(
        round_, employees[0], secret, survey_answers(round_, 5), error=(ValidationError, PermissionDenied)
    )
    _refused(
        round_, employees[1], waiting, survey_answers(round_, 5), error=(ValidationError, PermissionDenied)
    )
    assert not RoundInvitation.objects.exclude(token_hash="").exists()
    assert not Response.objects.filter(locator__isnull=False).exists()
    with pytest.raises(ValidationError, match="already closed"):
        services.round_close(actor=leader, round_=round_)
    # And not after the last day either.
    later = Round.objects.get(pk=round_.pk)
    later.closed_early_on = None
    later.save()
    with pytest.raises((ValidationError, PermissionDenied)):
        services.response_submit(
            user=employees[0],
            workplace=workplace,
            secret=secret,
            answers=survey_answers(round_, 5),
            today=round_.closes_on + days(1),
        )


def test_only_a_leader_closes_a_round(team):
    workplace, leader, employees, observer = team
    round_ = open_round(workplace, leader=leader)
    for person in (employees[0], observer):
        with pytest.raises(PermissionDenied):
            services.round_close(actor=person, round_=round_)
    assert Round.objects.get(pk=round_.pk).closed_early_on is None


def test_a_reminder_goes_only_to_those_who_have_not_answered(team, mailoutbox):
    workplace, leader, employees, _observer = team
    round_ = open_round(workplace, leader=leader)
    answer_round(round_, employees[0])
    answer_round(round_, employees[1])
    mailoutbox.clear()
    assert services.round_remind(actor=leader, round_=round_) == 4
    assert sorted(m.to[0] for m in mailoutbox) == sorted(e.email for e in employees[2:])
    with pytest.raises(ValidationError, match="already gone out today"):
        services.round_remind(actor=leader, round_=round_)
    with pytest.raises(PermissionDenied):
        services.round_remind(actor=employees[0], round_=round_)
    # The reminder's new link works.
    secret = LINK.search(mailoutbox[0].body).group(1)
    person = next(e for e in employees if e.email == mailoutbox[0].to[0])
    services.response_submit(user=person, workplace=workplace, secret=secret, answers=survey_answers(round_))


def test_the_daily_task_reminds_two_days_before_the_close(team, mailoutbox):
    workplace, leader, _employees, _observer = team
    round_ = open_round(workplace, leader=leader, days=10)
    mailoutbox.clear()
    assert services.rounds_remind_due(today=today() + days(7)) == 0
    assert services.rounds_remind_due(today=today() + days(8)) == 6
    assert services.rounds_remind_due(today=today() + days(8)) == 0
    assert len(mailoutbox) == 6
    assert Notification.objects.filter(kind="survey_reminder").count() == 6
    assert Round.objects.get(pk=round_.pk).reminded_on == today() + days(8)


def test_the_leader_and_the_superior_assess(team):
    workplace, leader, employees, _observer = team
    round_ = open_round(workplace, leader=leader)
    services.assessment_submit(
        actor=leader, round_=round_, kind=AssessorKind.LEADER, answers=survey_answers(round_, 5)
    )
    services.assessment_submit(
        actor=leader, round_=round_, kind=AssessorKind.LEADER, answers=survey_answers(round_, 4)
    )
    assert set(selectors.assessment_values(round_=round_, kind=AssessorKind.LEADER).values()) == {4}
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    services.assessment_submit(
        actor=admin, round_=round_, kind=AssessorKind.SUPERIOR, answers=survey_answers(round_)
    )
    assert round_.assessments.count() == 2


def test_nobody_else_assesses_the_leader(team):
    workplace, leader, employees, observer = team
    round_ = open_round(workplace, leader=leader)
    other_leader = member(workplace, Role.LEADER).user
    other_admin = OrganisationAdminFactory().user
    for person, kind in [
        (employees[0], AssessorKind.LEADER),
        (observer, AssessorKind.LEADER),
        (other_leader, AssessorKind.LEADER),
        (leader, AssessorKind.SUPERIOR),
        (other_admin, AssessorKind.SUPERIOR),
    ]:
        with pytest.raises(PermissionDenied):
            services.assessment_submit(actor=person, round_=round_, kind=kind, answers=survey_answers(round_))
    with pytest.raises(ValidationError):
        services.assessment_submit(actor=leader, round_=round_, kind="peer", answers=survey_answers(round_))
    with pytest.raises(ValidationError):
        services.assessment_submit(
            actor=leader,
            round_=round_,
            kind=AssessorKind.LEADER,
            answers={**survey_answers(round_), 10**6: 3},
        )
    assert not round_.assessments.exists()


@pytest.mark.parametrize("value", [2, 11, "5", True, None])
def test_the_threshold_stays_between_3_and_10(value):
    workplace = WorkplaceFactory()
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    with pytest.raises(ValidationError):
        services.organisation_threshold_update(
            actor=admin, organisation=workplace.organisation, threshold=value
        )
    workplace.organisation.refresh_from_db()
    assert workplace.organisation.reflection_threshold == 5


def test_only_an_organisation_admin_sets_the_threshold(team):
    workplace, leader, _employees, _observer = team
    with pytest.raises(PermissionDenied):
        services.organisation_threshold_update(actor=leader, organisation=workplace.organisation, threshold=3)
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    services.organisation_threshold_update(actor=admin, organisation=workplace.organisation, threshold=7)
    workplace.organisation.refresh_from_db()
    assert workplace.organisation.reflection_threshold == 7


def test_a_round_keeps_its_version_and_a_used_version_is_frozen(team):
    workplace, leader, _employees, _observer = team
    round_ = open_round(workplace, leader=leader)
    QuestionBankVersion.objects.create(number=2)
    assert Round.objects.get(pk=round_.pk).version.number == 1
    item = round_.version.items.first()
    item.employee_da = "Ændret"
    with pytest.raises(ValidationError):
        item.save()


def test_without_a_question_bank_a_round_is_refused_with_a_reason(team):
    from frontloeber.reflection.models import ReflectionQuestion

    workplace, leader, _employees, _observer = team
    Item.objects.all().delete()
    ReflectionQuestion.objects.all().delete()
    Practice.objects.all().delete()
    QuestionBankVersion.objects.all().delete()
    with pytest.raises(ValidationError, match="not installed"):
        open_round(workplace, leader=leader)
    assert not Round.objects.exists()


def test_closing_a_round_that_has_not_opened_cancels_it(team, mailoutbox):
    workplace, leader, _employees, _observer = team
    round_ = services.round_open(
        actor=leader, workplace=workplace, opens_on=today() + days(3), closes_on=today() + days(20)
    )
    assert services.round_close(actor=leader, round_=round_) is None
    assert not Round.objects.exists() and not RoundInvitation.objects.exists()
    assert mailoutbox == []
    # The workplace can plan a new one straight away.
    open_round(workplace, leader=leader)


def test_no_reminder_on_the_day_a_round_opens_and_one_even_after_a_missed_morning(team, mailoutbox):
    workplace, leader, _employees, _observer = team
    services.round_open(actor=leader, workplace=workplace, opens_on=today(), closes_on=today() + days(2))
    mailoutbox.clear()
    # It opened today and closes in two days: the invitation has only just gone out.
    assert services.rounds_remind_due(today=today()) == 0
    # The task did not run the day before the close; the next morning still reminds.
    assert services.rounds_remind_due(today=today() + days(2)) == 6
    assert services.rounds_remind_due(today=today() + days(2)) == 0


def test_a_failing_mail_server_stops_neither_the_invitations_nor_the_morning(team, monkeypatch, mailoutbox):
    workplace, leader, employees, _observer = team
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OSError("connection refused")

    monkeypatch.setattr(services.rounds, "send_mail", refuse)
    round_ = open_round(workplace, leader=leader, days=10)
    assert len(calls) == 6  # every invitation was tried
    # Everyone can still answer from the app.
    assert Notification.objects.filter(kind="survey_invitation").count() == 6
    assert services.rounds_remind_due(today=today() + days(8)) == 6
    assert Round.objects.get(pk=round_.pk).reminded_on == today() + days(8)


def test_the_e_mails_come_in_each_persons_language(team, mailoutbox):
    """The same rule as the digest: the saved preference, else the language the person was invited in."""
    from django.utils import timezone as tz

    from frontloeber.notifications.models import Preference
    from tests.factories import InvitationFactory

    workplace, leader, employees, _observer = team
    Preference.objects.create(user=employees[0], language="en")
    InvitationFactory(workplace=workplace, accepted_by=employees[1], accepted_at=tz.now(), language="en")
    open_round(workplace, leader=leader)
    subjects = {m.to[0]: m.subject for m in mailoutbox}
    english = {employees[0].email, employees[1].email}
    assert all("anonymous survey" in subjects[e] for e in english)
    assert all("anonymous survey" not in s for e, s in subjects.items() if e not in english)
