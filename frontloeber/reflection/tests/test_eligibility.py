"""Who a round asks (eligibility.py), and where the memberships it judges by came from."""

import importlib
from datetime import timedelta

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from frontloeber.notifications.models import Audience, Notification
from frontloeber.organisations import services as account_services
from frontloeber.organisations import services as org_services
from frontloeber.organisations.models import (
    AddressApproval,
    Invitation,
    Membership,
    MembershipChange,
    MembershipChangeKind,
    MembershipOrigin,
    OrganisationDomain,
    Role,
)
from frontloeber.reflection import eligibility, selectors, services
from frontloeber.reflection.models import NotAskedReason, Round, RoundExclusion, RoundInvitation
from tests.factories import (
    OrganisationAdminFactory,
    UserFactory,
    WorkplaceFactory,
    answer_round,
    close_round,
    member,
    open_round,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english():
    """The services' messages are matched in English here; the pages' Danish is tested through the pages."""
    with translation.override("en"):
        yield


PASSWORD = "et-langt-nok-kodeord-2026"


def invite_and_accept(workplace, *, actor, email, role=Role.EMPLOYEE):
    """``actor`` invites ``email`` and the invitee accepts with a new account; returns the membership."""
    invitation = account_services.invitation_create(actor=actor, workplace=workplace, email=email, role=role)
    token = account_services.invitation_token(invitation=invitation)
    return account_services.invitation_accept_new_user(token=token, full_name=email, password=PASSWORD)


def age(user, days):
    """Move the person's recorded membership changes ``days`` back, as if they happened then."""
    for change in MembershipChange.objects.filter(user=user):
        change.at -= timedelta(days=days)
        change.save(update_fields=["at"])


@pytest.fixture
def team():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    employees = [member(workplace).user for _ in range(3)]
    return workplace, leader, employees


# --- Where a membership came from ------------------------------------------------------------------------


def test_an_accepted_invitation_records_who_invited_and_when(team):
    workplace, leader, _employees = team
    membership = invite_and_accept(workplace, actor=leader, email="ny@example.dk")
    assert membership.origin == MembershipOrigin.INVITATION
    assert membership.added_by == leader
    change = MembershipChange.objects.get(user=membership.user)
    assert (change.kind, change.role, change.origin, change.actor) == (
        MembershipChangeKind.JOINED,
        Role.EMPLOYEE,
        MembershipOrigin.INVITATION,
        leader,
    )
    assert abs((change.at - timezone.now()).total_seconds()) < 60


def test_role_changes_and_leaving_are_recorded_with_who_did_it(team):
    workplace, leader, employees = team
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    membership = Membership.objects.get(workplace=workplace, user=employees[0])
    org_services.membership_change_role(actor=admin, membership=membership, role=Role.OBSERVER)
    org_services.membership_change_role(actor=leader, membership=membership, role=Role.EMPLOYEE)
    org_services.membership_change_role(actor=leader, membership=membership, role=Role.EMPLOYEE)  # no change
    org_services.membership_remove(actor=leader, membership=membership)
    changes = list(
        MembershipChange.objects.filter(user=employees[0])
        .order_by("at", "pk")
        .values_list("kind", "previous_role", "role", "actor")
    )
    assert changes == [
        (MembershipChangeKind.ROLE_CHANGED, Role.EMPLOYEE, Role.OBSERVER, admin.pk),
        (MembershipChangeKind.ROLE_CHANGED, Role.OBSERVER, Role.EMPLOYEE, leader.pk),
        (MembershipChangeKind.LEFT, "", Role.EMPLOYEE, leader.pk),
    ]


class _AppsAsAtMigration0004:
    """The model registry as migration 0004 saw it, over today's tables: Invitation was still in accounts."""

    def get_model(self, app_label, model_name):
        if (app_label, model_name) == ("accounts", "Invitation"):
            return Invitation
        return django_apps.get_model(app_label, model_name)


def test_existing_memberships_count_as_made_by_an_admin_at_their_creation_or_by_their_inviter():
    """Older memberships: one an accepted invitation made counts as made by its sender when it was accepted
    (the probe's planted accounts, invited before this record began, still wait); any other as made by an
    organisation admin at its creation date, asked at once."""
    migration = importlib.import_module("frontloeber.organisations.migrations.0004_membership_origin")
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    old = member(workplace)
    old.created_at = timezone.now() - timedelta(days=400)
    old.save(update_fields=["created_at"])
    planted = invite_and_accept(workplace, actor=leader, email="mig@example.dk")
    # As the database was before this record began.
    MembershipChange.objects.all().delete()
    Membership.objects.update(origin=MembershipOrigin.ADMIN, added_by=None)
    migration.record_existing_memberships(_AppsAsAtMigration0004(), None)
    change = MembershipChange.objects.get(user=old.user)
    assert (change.kind, change.origin, change.actor, change.at) == (
        MembershipChangeKind.JOINED,
        MembershipOrigin.ADMIN,
        None,
        old.created_at,
    )
    assert Membership.objects.get(pk=old.pk).origin == MembershipOrigin.ADMIN
    change = MembershipChange.objects.get(user=planted.user)
    assert (change.origin, change.actor) == (MembershipOrigin.INVITATION, leader)
    membership = Membership.objects.get(pk=planted.pk)
    assert (membership.origin, membership.added_by) == (MembershipOrigin.INVITATION, leader)
    round_ = open_round(workplace, leader=leader)
    assert selectors.my_exclusion(round_=round_, user=planted.user).reason == NotAskedReason.RECENT
    assert round_.invitations.filter(user=old.user).exists()


# --- Who a round asks ------------------------------------------------------------------------------------


def test_people_the_leader_invited_within_the_window_are_not_asked_and_told_why(team):
    workplace, leader, employees = team
    recent = invite_and_accept(workplace, actor=leader, email="ny@example.dk").user
    older = invite_and_accept(workplace, actor=leader, email="gammel@example.dk").user
    age(older, 31)
    round_ = open_round(workplace, leader=leader)
    invited = set(RoundInvitation.objects.filter(round=round_).values_list("user_id", flat=True))
    assert invited == {e.pk for e in employees} | {older.pk}
    assert round_.invited_count == 4
    assert selectors.my_exclusion(round_=round_, user=recent).reason == NotAskedReason.RECENT
    assert selectors.my_exclusion(round_=round_, user=older) is None
    # The person cannot get a link either.
    with pytest.raises(PermissionDenied, match="not sent to you"):
        services.answer_link_issue(user=recent, round_=round_)


def test_the_window_is_the_organisations_and_the_round_keeps_it(team):
    workplace, leader, _employees = team
    workplace.organisation.survey_eligibility_days = 60
    workplace.organisation.save()
    person = invite_and_accept(workplace, actor=leader, email="ny@example.dk").user
    age(person, 45)
    round_ = open_round(workplace, leader=leader)
    assert round_.eligibility_days == 60
    assert selectors.my_exclusion(round_=round_, user=person).reason == NotAskedReason.RECENT


def test_people_another_admin_added_are_asked_at_once(team):
    workplace, leader, employees = team
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    added = invite_and_accept(workplace, actor=admin, email="ny@example.dk").user
    imported = UserFactory()
    org_services.membership_add(
        workplace=workplace, user=imported, role=Role.EMPLOYEE, origin=MembershipOrigin.IMPORT
    )
    round_ = open_round(workplace, leader=leader)
    assert round_.invited_count == 5
    assert not RoundExclusion.objects.filter(round=round_).exists()
    assert not Notification.objects.filter(kind="survey_not_asked").exists()
    assert {added.pk, imported.pk} <= set(round_.invitations.values_list("user_id", flat=True))


def test_the_leader_acting_as_organisation_admin_is_still_the_leader(team):
    workplace, leader, _employees = team
    OrganisationAdminFactory(organisation=workplace.organisation, user=leader)
    person = invite_and_accept(workplace, actor=leader, email="ny@example.dk").user
    round_ = open_round(workplace, leader=leader)
    assert selectors.my_exclusion(round_=round_, user=person).reason == NotAskedReason.RECENT


def test_a_role_the_leader_changed_within_the_window_keeps_the_person_out(team):
    workplace, leader, _employees = team
    observer = member(workplace, Role.OBSERVER)
    org_services.membership_change_role(actor=leader, membership=observer, role=Role.EMPLOYEE)
    round_ = open_round(workplace, leader=leader)
    assert selectors.my_exclusion(round_=round_, user=observer.user).reason == NotAskedReason.RECENT


def test_a_second_account_the_leader_made_a_leader_cannot_add_people_for_them(team):
    workplace, leader, _employees = team
    second = invite_and_accept(workplace, actor=leader, email="mig-igen@example.dk", role=Role.LEADER)
    via_second = invite_and_accept(workplace, actor=second.user, email="fake1@example.dk").user
    # Even once the second account is an employee again (so no longer a leader)...
    org_services.membership_change_role(actor=leader, membership=second, role=Role.EMPLOYEE)
    round_ = open_round(workplace, leader=leader)
    assert selectors.my_exclusion(round_=round_, user=via_second).reason == NotAskedReason.RECENT
    assert selectors.my_exclusion(round_=round_, user=second.user).reason == NotAskedReason.RECENT


def test_the_round_cannot_be_opened_by_the_second_account_to_dodge_the_rule(team):
    workplace, leader, _employees = team
    second = invite_and_accept(workplace, actor=leader, email="mig-igen@example.dk", role=Role.LEADER).user
    fake = invite_and_accept(workplace, actor=leader, email="fake@example.dk").user
    round_ = open_round(workplace, leader=second)
    assert selectors.my_exclusion(round_=round_, user=fake).reason == NotAskedReason.RECENT


def test_a_co_leaders_recent_additions_are_left_out_too(team):
    """Every leader of the workplace reads the report, so none of them may plant answers in it."""
    workplace, leader, _employees = team
    co_leader = member(workplace, Role.LEADER).user
    added = invite_and_accept(workplace, actor=co_leader, email="ny@example.dk").user
    round_ = open_round(workplace, leader=leader)
    assert selectors.my_exclusion(round_=round_, user=added).reason == NotAskedReason.RECENT


def test_addresses_outside_the_organisations_domains_need_an_admins_approval(team):
    workplace, leader, employees = team
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    organisation = workplace.organisation
    org_services.organisation_domain_add(actor=admin, organisation=organisation, domain="example.dk")
    substitute = member(workplace, email="vikar@gmail.example").user
    found = eligibility.survey_eligibility(workplace=workplace, leader=leader, at=timezone.now(), days=30)
    assert found.not_asked == {substitute.pk: NotAskedReason.ADDRESS}
    assert set(found.asked) == {e.pk for e in employees}
    with pytest.raises(PermissionDenied, match="admins"):
        org_services.address_approve(actor=leader, organisation=workplace.organisation, user=substitute)
    org_services.address_approve(actor=admin, organisation=workplace.organisation, user=substitute)
    round_ = open_round(workplace, leader=leader)
    assert round_.invitations.filter(user=substitute).exists()
    # Without approval the next round leaves them out again, with the reason; admins are not alarmed by it.
    org_services.address_approval_withdraw(actor=admin, organisation=workplace.organisation, user=substitute)
    close_round(round_)
    round_ = open_round(workplace, leader=leader)
    assert selectors.my_exclusion(round_=round_, user=substitute).reason == NotAskedReason.ADDRESS
    assert not Notification.objects.filter(kind="survey_not_asked").exists()


def test_without_named_domains_every_address_counts(team):
    workplace, leader, _employees = team
    substitute = member(workplace, email="vikar@gmail.example").user
    round_ = open_round(workplace, leader=leader)
    assert round_.invitations.filter(user=substitute).exists()


def test_the_admins_who_oversee_the_round_are_told_of_people_its_leadership_just_added(team):
    workplace, leader, _employees = team
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    OrganisationAdminFactory(organisation=workplace.organisation, user=leader)  # the leader is not told
    invite_and_accept(workplace, actor=leader, email="ny@example.dk")
    round_ = open_round(workplace, leader=leader)
    told = Notification.objects.filter(kind="survey_not_asked")
    assert list(told.values_list("recipient", flat=True)) == [admin.pk]
    notification = told.get()
    assert notification.audience == Audience.ADMINS
    assert notification.target_url.endswith(f"/refleksion/runder/{round_.pk}/")
    assert workplace.name in notification.message()


def test_a_round_with_nobody_to_ask_says_why(team):
    workplace, leader, employees = team
    for person in employees:
        Membership.objects.filter(workplace=workplace, user=person).delete()
    invite_and_accept(workplace, actor=leader, email="ny@example.dk")
    with pytest.raises(ValidationError, match="None of the workplace's employees can be asked yet"):
        open_round(workplace, leader=leader)
    assert not workplace.reflection_rounds.exists()


# --- Closing early ---------------------------------------------------------------------------------------


def test_the_leader_closes_early_only_when_everyone_asked_has_answered(team):
    workplace, leader, employees = team
    round_ = open_round(workplace, leader=leader)
    for person in employees[:2]:
        answer_round(round_, person)
    with pytest.raises(ValidationError, match="Not everyone asked has answered"):
        services.round_close(actor=leader, round_=round_)
    answer_round(round_, employees[2])
    closed = services.round_close(actor=leader, round_=round_)
    assert closed.is_closed and closed.early_close_approved_by is None


def test_an_admin_leading_the_workplace_cannot_approve_but_another_admin_can(team):
    workplace, leader, _employees = team
    co_leader = member(workplace, Role.LEADER).user
    OrganisationAdminFactory(organisation=workplace.organisation, user=co_leader)
    round_ = open_round(workplace, leader=leader)
    with pytest.raises(ValidationError):
        services.round_close(actor=co_leader, round_=round_)
    with pytest.raises(ValidationError, match="no admin outside this workplace"):
        services.round_request_early_close(actor=leader, round_=round_)
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    services.round_request_early_close(actor=leader, round_=round_)
    told = Notification.objects.filter(kind="survey_close_request").values_list("recipient", flat=True)
    assert list(told) == [admin.pk]
    closed = services.round_close(actor=admin, round_=round_)
    assert closed.is_closed and closed.early_close_approved_by == admin


def test_an_admin_of_another_organisation_cannot_approve(team):
    workplace, leader, _employees = team
    stranger = OrganisationAdminFactory().user
    round_ = open_round(workplace, leader=leader)
    with pytest.raises(PermissionDenied, match="leader"):
        services.round_close(actor=stranger, round_=round_)
    round_.refresh_from_db()
    assert round_.is_open


# --- Comments follow the figures -------------------------------------------------------------------------


def test_a_practice_without_a_figure_shows_no_comments():
    """Five answered, but on one practice only four gave a value on the scale: its comments stay hidden."""
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    people = [member(workplace).user for _ in range(5)]
    round_ = open_round(workplace, leader=leader)
    practices = list(round_.version.practices.order_by("position"))
    first, second = practices[0], practices[1]
    unknown = {"_" + item.code.replace(".", "_"): None for item in first.items.all()}
    for index, person in enumerate(people):
        by_code = unknown if index == 0 else {}
        answer_round(
            round_,
            person,
            comments={first.pk: f"Om første {index}", second.pk: f"Om anden {index}"},
            **by_code,
        )
    report = selectors.round_report(round_=close_round(round_))
    assert report.shown
    by_code = {p.practice.code: p for p in report.practices}
    assert by_code[first.code].team is None and by_code[first.code].comments == []
    assert by_code[second.code].team is not None and len(by_code[second.code].comments) == 5


def test_organisation_domains_are_checked_and_belong_to_one_organisation():
    workplace = WorkplaceFactory()
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    other = OrganisationAdminFactory()
    domain = org_services.organisation_domain_add(
        actor=admin, organisation=workplace.organisation, domain="  @Fjordby.DK. "
    )
    assert domain.domain == "fjordby.dk"
    organisation = workplace.organisation
    idn = org_services.organisation_domain_add(actor=admin, organisation=organisation, domain="ærø.dk")
    assert idn.domain.startswith("xn--") and idn.domain.endswith(".dk")
    bad_domains = ["", "fjordby", "not a domain", "a@b@c.dk", "-x.dk", "gmail.com", "x" * 300 + ".dk"]
    for bad in [*bad_domains, "fjordby.dk\x00"]:
        with pytest.raises(ValidationError):
            org_services.organisation_domain_add(actor=admin, organisation=workplace.organisation, domain=bad)
    with pytest.raises(ValidationError, match="belongs to another organisation"):
        org_services.organisation_domain_add(
            actor=other.user, organisation=other.organisation, domain="fjordby.dk"
        )
    assert OrganisationDomain.objects.count() == 2
    assert not AddressApproval.objects.exists()


# --- A leadership that steps aside, and admins who add people -------------------------------------------


def long_ago(user, days=400):
    MembershipChange.objects.filter(user=user).update(at=timezone.now() - timedelta(days=days))


@pytest.mark.parametrize("how", ["steps_down", "leaves", "is_removed"])
def test_a_long_standing_second_leader_who_adds_accounts_and_steps_aside_still_counts(team, how):
    """A second leader account of long standing adds four accounts, then demotes or removes itself (or is
    removed by the leader) before the round: it was a leader within the window, so its additions wait."""
    workplace, leader, _employees = team
    second = invite_and_accept(workplace, actor=leader, email="mig-igen@example.dk", role=Role.LEADER)
    long_ago(second.user)
    added = [invite_and_accept(workplace, actor=second.user, email=f"p{i}@example.dk").user for i in range(4)]
    second.refresh_from_db()
    if how == "steps_down":
        org_services.membership_change_role(actor=second.user, membership=second, role=Role.OBSERVER)
    elif how == "leaves":
        org_services.membership_remove(actor=second.user, membership=second)
    else:
        org_services.membership_remove(actor=leader, membership=second)
    round_ = open_round(workplace, leader=leader)
    assert not round_.invitations.filter(user__in=added).exists()
    reasons = {selectors.my_exclusion(round_=round_, user=user).reason for user in added}
    assert reasons == {NotAskedReason.RECENT}


def test_an_admin_who_added_people_to_the_workplace_may_not_approve_closing_its_round_early(team):
    """An organisation admin's additions count at once (so a new organisation can start), but that admin
    then knows whom they added: they may not choose the moment the round closes."""
    workplace, leader, employees = team
    adder = OrganisationAdminFactory(organisation=workplace.organisation).user
    invite_and_accept(workplace, actor=adder, email="ny@example.dk")
    other = OrganisationAdminFactory(organisation=workplace.organisation).user
    round_ = open_round(workplace, leader=leader)
    assert round_.invited_count == 4
    assert not services.may_approve_early_close(actor=adder, round_=round_)
    with pytest.raises(PermissionDenied):
        services.round_close(actor=adder, round_=round_)
    services.round_request_early_close(actor=leader, round_=round_)
    told = Notification.objects.filter(kind="survey_close_request").values_list("recipient", flat=True)
    assert list(told) == [other.pk]
    assert services.round_close(actor=other, round_=round_).early_close_approved_by == other


def test_an_address_approved_by_the_leadership_does_not_count(team):
    workplace, leader, _employees = team
    organisation = workplace.organisation
    OrganisationAdminFactory(organisation=organisation, user=leader)
    org_services.organisation_domain_add(actor=leader, organisation=organisation, domain="example.dk")
    substitute = member(workplace, email="vikar@gmail.example").user
    org_services.address_approve(actor=leader, organisation=organisation, user=substitute)
    round_ = open_round(workplace, leader=leader)
    assert selectors.my_exclusion(round_=round_, user=substitute).reason == NotAskedReason.ADDRESS


def test_the_admins_notice_goes_out_in_their_daily_digest_while_they_are_admins(team):
    from frontloeber.notifications import selectors as notification_selectors
    from frontloeber.organisations.models import OrganisationAdmin

    workplace, leader, _employees = team
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    invite_and_accept(workplace, actor=leader, email="ny@example.dk")
    open_round(workplace, leader=leader)
    assert [n.kind for n in notification_selectors.digest_items(user=admin)] == ["survey_not_asked"]
    assert admin.pk in notification_selectors.digest_recipients()
    OrganisationAdmin.objects.filter(user=admin).delete()
    assert admin.pk not in notification_selectors.digest_recipients()
    assert notification_selectors.digest_items(user=admin) == []


def test_an_address_in_an_aeoeaa_domain_counts_as_inside(team):
    workplace, leader, _employees = team
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    for domain in ("Ærø.dk", "example.dk"):
        org_services.organisation_domain_add(actor=admin, organisation=workplace.organisation, domain=domain)
    islander = member(workplace, email="ole@ærø.dk").user
    outsider = member(workplace, email="vikar@gmail.example").user
    found = eligibility.survey_eligibility(workplace=workplace, leader=leader, at=timezone.now(), days=30)
    assert islander.pk in found.asked
    assert found.not_asked == {outsider.pk: NotAskedReason.ADDRESS}
    from frontloeber.organisations.selectors import organisation_domains, people_outside_domains

    domains = organisation_domains(organisation=workplace.organisation)
    listed = people_outside_domains(organisation=workplace.organisation, domains=domains)
    assert list(listed.values_list("email", flat=True)) == ["vikar@gmail.example"]


def test_an_admin_cannot_cancel_a_round_that_has_not_opened(team):
    workplace, leader, _employees = team
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    today = timezone.localdate()
    later, last = today + timedelta(days=3), today + timedelta(days=20)
    round_ = services.round_open(actor=leader, workplace=workplace, opens_on=later, closes_on=last)
    with pytest.raises(ValidationError, match="Only its leader can cancel it"):
        services.round_close(actor=admin, round_=round_)
    assert services.round_close(actor=leader, round_=round_) is None


def test_invitations_that_a_late_worker_would_send_after_the_round_closed_are_not_sent(team, mailoutbox):
    workplace, leader, employees = team
    today = timezone.localdate()
    soon, later = today + timedelta(days=1), today + timedelta(days=8)
    round_ = services.round_open(actor=leader, workplace=workplace, opens_on=soon, closes_on=later)
    # The worker was down all week: the round has already closed when its invitations would go out.
    past = {"opens_on": today - timedelta(days=9), "closes_on": today - timedelta(days=1)}
    Round.objects.filter(pk=round_.pk).update(**past)
    mailoutbox.clear()
    assert services.round_invitations_send(round_id=round_.pk) == 0
    assert mailoutbox == []
    assert not Notification.objects.filter(kind="survey_invitation").exists()
