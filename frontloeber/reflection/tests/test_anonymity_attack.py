"""The attack a hostile probe made on the survey's anonymity, replayed through the pages, and the rule that
stops it checked as a property over random teams.

The probe: a leader with one real employee invited four addresses they controlled, accepted the
invitations, opened a round, answered as the four with every item "1", let the real employee answer,
closed the round early and downloaded the CSV: subtracting the four known answer sets gave all 20 of the
employee's answers, and their comment was the only other one on the report.
"""

import csv
import io
import itertools
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontloeber.notifications.models import Notification
from frontloeber.organisations import services as account_services
from frontloeber.organisations import services as org_services
from frontloeber.organisations.models import Invitation, Membership, MembershipChange, Role
from frontloeber.reflection import selectors, services
from frontloeber.reflection.models import Round
from tests.factories import (
    MembershipFactory,
    OrganisationAdminFactory,
    WorkplaceFactory,
    answer_round,
    member,
    open_round,
)

pytestmark = pytest.mark.django_db

PASSWORD = "et-langt-nok-kodeord-2026"
REAL_COMMENT = "Min leder lytter ikke til os"


def _accept(token, name):
    """A new browser accepts the invitation behind ``token`` with a new account, and stays logged in."""
    browser = Client()
    response = browser.post(
        reverse("organisations:invitation_accept", kwargs={"token": token}),
        {"full_name": name, "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return browser


def _csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def _team_figures(rows):
    """Every filled cell of the CSV that carries the team's figures: the team's mean (third column), and the
    counts for 1–5 and "don't know" (sixth to eleventh)."""
    cells = []
    for row in rows[1:]:
        cells.extend(row[2:3] + row[5:11])
    return [cell for cell in cells if cell.strip()]


def test_the_probes_attack_through_the_pages_no_longer_works(client, mailoutbox):
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    real = member(workplace).user  # a colleague of long standing
    overseer = OrganisationAdminFactory(organisation=workplace.organisation).user
    client.force_login(leader)
    members_url = reverse("organisations:member_invite", kwargs={"workplace_slug": workplace.slug})

    # The leader invites four addresses they control, and accepts each invitation.
    fakes = []
    for n in range(4):
        email = f"leder.alias{n}@example.dk"
        assert client.post(members_url, {"email": email, "role": "employee"}).status_code == 302
        token = account_services.invitation_token(invitation=Invitation.objects.get(email=email))
        fakes.append(_accept(token, f"Alias {n}"))
    assert Membership.objects.filter(workplace=workplace, role=Role.EMPLOYEE).count() == 5

    # The leader opens a round: the form already says the four will not be asked, and why.
    create_url = reverse("reflection:round_create", kwargs={"workplace_slug": workplace.slug})
    form = client.get(create_url).content.decode()
    assert form.count("Alias ") == 4
    today = timezone.localdate()
    response = client.post(
        create_url, {"opens_on": today.isoformat(), "closes_on": (today + timedelta(days=14)).isoformat()}
    )
    assert response.status_code == 302
    round_ = Round.objects.get(workplace=workplace)
    assert round_.invited_count == 1
    assert list(round_.invitations.values_list("user_id", flat=True)) == [real.pk]

    # The four cannot answer; each is told on the survey's page why they were not asked.
    home = reverse("reflection:home", kwargs={"workplace_slug": workplace.slug})
    start = reverse(
        "reflection:answer_start", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk}
    )
    with translation.override("da"):
        not_asked = translation.gettext("You are not asked in this round.")
    for browser in fakes:
        assert not_asked in browser.get(home).content.decode()
        assert browser.post(start).status_code in (302, 403)
    assert not round_.responses.exists()

    # The real employee answers, with a comment.
    practice = round_.version.practices.first()
    answer_round(round_, real, value=3, comments={practice.pk: REAL_COMMENT})

    # Everyone asked (the one real employee) has answered, so the leader may close the round early; the
    # report is under the threshold all the same.
    close_url = reverse(
        "reflection:round_close", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk}
    )
    assert client.post(close_url).status_code == 302
    round_.refresh_from_db()
    assert round_.is_closed

    # Nothing of the real employee's answers is in the report, its PDF or its CSV; nor the comment.
    detail = client.get(round_.get_absolute_url()).content.decode()
    assert REAL_COMMENT not in detail
    assert not selectors.round_report(round_=round_).shown
    csv_url = reverse(
        "reflection:round_csv", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk}
    )
    assert _team_figures(_csv_rows(client.get(csv_url))) == []

    # And the organisation's admins were told that the leader's own invitations kept four out of the round.
    told = Notification.objects.get(kind="survey_not_asked")
    assert told.recipient == overseer
    assert len(selectors.round_exclusions(round_=round_)) == 4
    client.force_login(overseer)
    org_page = client.get(
        reverse(
            "reflection:organisation_round",
            kwargs={"org_slug": workplace.organisation.slug, "round_id": round_.pk},
        )
    ).content.decode()
    assert org_page.count("Alias ") == 4


def test_a_leader_cannot_close_early_to_catch_the_moment_only_known_answers_are_in(client):
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    team = [member(workplace).user for _ in range(6)]
    round_ = open_round(workplace, leader=leader)
    for person in team[:5]:
        answer_round(round_, person)
    client.force_login(leader)
    close_url = reverse(
        "reflection:round_close", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk}
    )
    assert client.post(close_url).status_code == 400
    round_.refresh_from_db()
    assert round_.is_open and round_.closed_early_on is None


# --- The rule as a property --------------------------------------------------------------------------------
#
# For random teams where the leader adds k accounts by any means the product offers within the window, no
# mean, distribution, CSV cell or comment is shown unless at least the threshold of answers came from people
# the leader did not add.

MEANS = [
    "invite",  # the leader invites the account from the members page
    "invite_as_admin",  # the leader, also an organisation admin, invites it from the organisation's pages
    "promote_observer",  # an observer account the leader added long ago, made an employee now
    "demote_leader",  # a leader account the leader added long ago, made an employee now
    "through_second_leader",  # a second account the leader made a leader adds it
    "readd",  # an account the leader added long ago, removed and added again
    "old_leader_steps_down",  # a leader account of long standing adds it, then demotes itself
    "old_leader_leaves",  # a leader account of long standing adds it, then leaves the workplace
]


def _add_fake(means, *, workplace, leader, n, window, second):
    """The leader adds one account they control by ``means``; returns the user."""
    email = f"alias{n}@example.dk"

    def invite(actor, role=Role.EMPLOYEE):
        invitation = account_services.invitation_create(
            actor=actor, workplace=workplace, email=email, role=role
        )
        token = account_services.invitation_token(invitation=invitation)
        return account_services.invitation_accept_new_user(token=token, full_name=email, password=PASSWORD)

    def long_ago(membership):
        MembershipChange.objects.filter(user=membership.user).update(
            at=timezone.now() - timedelta(days=window + 30)
        )

    if means in ("invite", "invite_as_admin"):
        return invite(leader).user
    if means == "through_second_leader":
        return invite(second.user).user
    if means in ("promote_observer", "demote_leader"):
        membership = invite(leader, Role.OBSERVER if means == "promote_observer" else Role.LEADER)
        long_ago(membership)
        org_services.membership_change_role(actor=leader, membership=membership, role=Role.EMPLOYEE)
        return membership.user
    if means in ("old_leader_steps_down", "old_leader_leaves"):
        old = invite(leader, Role.LEADER)
        long_ago(old)
        email = f"alias{n}-b@example.dk"
        added = invite(old.user).user
        old.refresh_from_db()
        if means == "old_leader_steps_down":
            org_services.membership_change_role(actor=old.user, membership=old, role=Role.OBSERVER)
        else:
            org_services.membership_remove(actor=old.user, membership=old)
        return added
    if means == "readd":
        membership = invite(leader)
        long_ago(membership)
        org_services.membership_remove(actor=leader, membership=membership)
        invitation = account_services.invitation_create(
            actor=leader, workplace=workplace, email=email, role=Role.EMPLOYEE
        )
        token = account_services.invitation_token(invitation=invitation)
        return account_services.invitation_accept_existing(token=token, user=membership.user).user
    raise AssertionError(means)


counter = itertools.count()


@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    real_count=st.integers(min_value=0, max_value=7),
    real_answering=st.integers(min_value=0, max_value=7),
    fakes=st.lists(st.sampled_from(MEANS), min_size=1, max_size=6),
    threshold=st.integers(min_value=3, max_value=6),
    window=st.integers(min_value=14, max_value=45),
    second_opens=st.booleans(),
    days_before=st.integers(min_value=0, max_value=13),
)
def test_no_figure_unless_the_threshold_of_answers_came_from_people_the_leader_did_not_add(
    client, real_count, real_answering, fakes, threshold, window, second_opens, days_before
):
    with translation.override("en"), transaction.atomic():
        workplace = WorkplaceFactory(slug=f"egenskab-{next(counter)}")
        organisation = workplace.organisation
        organisation.reflection_threshold = threshold
        organisation.survey_eligibility_days = window
        organisation.save()
        OrganisationAdminFactory(organisation=organisation)  # who approves closing early
        leader = member(workplace, Role.LEADER).user
        if "invite_as_admin" in fakes:
            OrganisationAdminFactory(organisation=organisation, user=leader)
        real = [member(workplace).user for _ in range(real_count)]
        second = None
        if "through_second_leader" in fakes or second_opens:
            invitation = account_services.invitation_create(
                actor=leader, workplace=workplace, email="mig-igen@example.dk", role=Role.LEADER
            )
            second = account_services.invitation_accept_new_user(
                token=account_services.invitation_token(invitation=invitation),
                full_name="Mig igen",
                password=PASSWORD,
            )
        added = [
            _add_fake(means, workplace=workplace, leader=leader, n=n, window=window, second=second)
            for n, means in enumerate(fakes)
        ]
        # Everything the leader did happened ``days_before`` days ago, inside the window.
        just_now = MembershipChange.objects.filter(
            workplace=workplace, at__gte=timezone.now() - timedelta(days=1)
        )
        just_now.update(at=timezone.now() - timedelta(days=days_before))
        opener = second.user if second_opens and second else leader
        try:
            round_ = open_round(workplace, leader=opener)
        except ValidationError:
            # Nobody could be asked: there is no round, so no figure at all.
            assert not any(Round.objects.filter(workplace=workplace))
            transaction.set_rollback(True)
            return
        practice = round_.version.practices.first()
        # The leader answers as every account they added, where they can.
        for user in added:
            try:
                answer_round(round_, user, value=1, comments={practice.pk: "Kendt kommentar"})
            except (PermissionDenied, ValidationError):
                pass
        answered = real[: min(real_answering, real_count)]
        for user in answered:
            answer_round(round_, user, value=3, comments={practice.pk: "Ægte kommentar"})
        # The round closes on its last day (nobody may have to approve anything).
        today = timezone.localdate()
        Round.objects.filter(pk=round_.pk).update(
            opens_on=today - timedelta(days=15), closes_on=today - timedelta(days=1)
        )
        round_.refresh_from_db()
        services.round_seal(round_=round_)
        report = selectors.round_report(round_=round_)
        assert report.respondents == len(answered), "an answer from an account the leader added was counted"
        client.force_login(leader)
        kwargs = {"workplace_slug": workplace.slug, "round_id": round_.pk}
        page = client.get(reverse("reflection:round_detail", kwargs=kwargs)).content.decode()
        cells = _team_figures(_csv_rows(client.get(reverse("reflection:round_csv", kwargs=kwargs))))
        if len(answered) < threshold:
            assert not report.shown
            assert all(p.team is None and p.comments == [] for p in report.practices)
            assert all(i.distribution is None and i.team is None for p in report.practices for i in p.items)
            assert cells == []
            assert "Ægte kommentar" not in page and "Kendt kommentar" not in page
        assert "Kendt kommentar" not in page
        transaction.set_rollback(True)


def test_an_admin_who_plants_accounts_before_a_round_sees_none_of_its_figures(client):
    """The second probe: an organisation admin (their additions count at once) invites four accounts, which
    the leader's round asks; after the round closes the admin would subtract the four known answer sets.
    The figures, comments and trend stay hidden from that admin, in the organisation's views and as the
    workplace's observer; the leader reads the report as usual."""
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    real = member(workplace).user
    planter = OrganisationAdminFactory(organisation=workplace.organisation).user
    planted = []
    for n in range(4):
        invitation = account_services.invitation_create(
            actor=planter, workplace=workplace, email=f"plant{n}@example.dk", role=Role.EMPLOYEE
        )
        token = account_services.invitation_token(invitation=invitation)
        accepted = account_services.invitation_accept_new_user(token=token, full_name="P", password=PASSWORD)
        planted.append(accepted)
    MembershipFactory(workplace=workplace, user=planter, role=Role.OBSERVER)  # a MED member of long standing
    round_ = open_round(workplace, leader=leader)
    assert round_.invited_count == 5  # the admin's additions count at once, as the issue asks
    practice = round_.version.practices.first()
    for membership in planted:
        answer_round(round_, membership.user, value=1, comments={practice.pk: "Kendt kommentar"})
    answer_round(round_, real, value=5, comments={practice.pk: REAL_COMMENT})
    today = timezone.localdate()
    past = {"opens_on": today - timedelta(days=15), "closes_on": today - timedelta(days=1)}
    Round.objects.filter(pk=round_.pk).update(**past)
    round_.refresh_from_db()
    services.round_seal(round_=round_)
    services.report_sharing_update(actor=leader, round_=round_, audiences=["med"])
    org_kwargs = {"org_slug": workplace.organisation.slug, "round_id": round_.pk}
    wp_kwargs = {"workplace_slug": workplace.slug, "round_id": round_.pk}
    client.force_login(planter)
    for address in (
        reverse("reflection:organisation_round", kwargs=org_kwargs),
        reverse("reflection:round_detail", kwargs=wp_kwargs),  # as the workplace's observer
    ):
        response = client.get(address)
        assert response.status_code == 200
        assert response.context["report"].withheld and not response.context["report"].shown
        assert REAL_COMMENT not in response.content.decode()
    assert _team_figures(_csv_rows(client.get(reverse("reflection:round_csv", kwargs=wp_kwargs)))) == []
    rollup = client.get(reverse("reflection:rollup", kwargs={"org_slug": workplace.organisation.slug}))
    row = next(row for row in rollup.context["rollup"]["rows"] if row.workplace == workplace)
    assert row.withheld and not row.shown
    assert all(cell["count"] == 0 for cell in rollup.context["rollup"]["summary"])
    # The leader, who added nobody, reads the report.
    client.force_login(leader)
    assert client.get(reverse("reflection:round_detail", kwargs=wp_kwargs)).context["report"].shown
