"""A person's data rights and the organisation's part in them (issue 19, point 4): the data export, the
erasure (a walk of every model shows nothing points at the erased person), the audit log, the retention
periods and their nightly purge."""

import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from frontloeber.accounts.models import FORMER_PERSON_EMAIL, SignIn, User
from frontloeber.accounts.personal_data import personal_data_zip
from frontloeber.accounts.sessions import PROVED_AT
from frontloeber.experiments.models import LogEntry
from frontloeber.ideas import services as idea_services
from frontloeber.ideas.models import Comment, Idea
from frontloeber.notifications.models import Notification
from frontloeber.notifications.services import notifications_purge
from frontloeber.organisations import retention, services
from frontloeber.organisations.audit import person_ref
from frontloeber.organisations.models import AuditAction, AuditEntry, Membership, MembershipChange, Role
from frontloeber.workshops.models import FORMER_GUEST_NAME, Participant
from frontloeber.workshops.services import guests_purge
from tests.factories import (
    MembershipFactory,
    WorkplaceFactory,
    live_session,
    make_experiment,
    make_idea,
    member,
)

from .helpers import org_url

pytestmark = pytest.mark.django_db


def _busy_person(workplace, leader):
    """An employee who has done a bit of everything: an idea with an experiment they take part in, a comment
    and a support on a colleague's idea, a log entry, a notification, a place in a live workshop."""
    person = member(workplace, Role.EMPLOYEE, full_name="Birthe Borte").user
    own = make_idea(workplace, author=person, title="Birthes idé om tablets")
    experiment = make_experiment(own, actor=leader, participants=[person])
    LogEntry.objects.create(
        organisation=workplace.organisation,
        workplace=workplace,
        experiment=experiment,
        author=person,
        entry_date=timezone.localdate(),
        text="Første dag gik fint.",
    )
    other = make_idea(workplace, title="Kollegaens idé")
    idea_services.comment_create(actor=person, idea=other, body='=HYPERLINK("x") god idé')
    idea_services.idea_support(actor=person, idea=other)
    loose = make_idea(workplace, author=person, title="Birthes løse idé")
    Notification.objects.create(
        organisation=workplace.organisation, workplace=workplace, recipient=person, kind="idea_status"
    )
    session = live_session(workplace, leader=leader)
    Participant.objects.create(
        organisation=workplace.organisation,
        workplace=workplace,
        session=session,
        user=person,
        display_name="Birthe",
    )
    return person, own, other, loose


def _pointing_at(user_id):
    """Every row of every model with a foreign key or many-to-many link to the person."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not field.is_relation or field.related_model is not User:
                continue
            if field.many_to_many and field.concrete:
                through = field.remote_field.through
                column = field.m2m_reverse_field_name()
                if through.objects.filter(**{f"{column}_id": user_id}).exists():
                    found.append(f"{through._meta.label}.{column}")
            elif field.concrete and (field.many_to_one or field.one_to_one):
                if model._base_manager.filter(**{f"{field.name}_id": user_id}).exists():
                    found.append(f"{model._meta.label}.{field.name}")
    return found


def test_an_erasure_leaves_no_row_pointing_at_the_person_and_keeps_what_the_workplace_needs(
    workplace, leader, admin
):
    person, own, other, loose = _busy_person(workplace, leader)
    person_id, email = person.pk, person.email
    services.membership_change_role(actor=leader, membership=person.memberships.get(), role=Role.OBSERVER)
    assert len(_pointing_at(person_id)) >= 8  # the walk sees what there is to see

    services.person_erase(actor=admin, organisation=workplace.organisation, user=person)

    assert _pointing_at(person_id) == []
    assert not User.objects.filter(email=email).exists()
    former = User.objects.get(email=FORMER_PERSON_EMAIL)
    assert not former.is_active and not former.has_usable_password() and not former.memberships.exists()
    own.refresh_from_db()
    assert own.author == former and str(own.author) == "Tidligere medarbejder"
    assert Idea.objects.filter(pk=loose.pk, author=former).exists()
    assert Comment.objects.filter(idea=other, author=former).exists()
    other.refresh_from_db()
    assert other.support_count == 0 and other.comment_count == 1
    assert (
        Participant.objects.get(session__workplace=workplace, user__isnull=True).display_name
        == "Tidligere medarbejder"
    )
    entry = AuditEntry.objects.get(action=AuditAction.ERASED)
    assert entry.subject is None and entry.subject_ref == person_ref(email) and entry.actor == admin
    assert email not in json.dumps(entry.detail) and "Birthe" not in json.dumps(entry.detail)
    # Earlier entries about the person keep their meaning under the same pseudonym.
    earlier = AuditEntry.objects.get(action=AuditAction.ROLE_CHANGED)
    assert earlier.subject is None and earlier.subject_ref == person_ref(email) and earlier.actor == leader


def test_an_erasure_can_remove_what_they_wrote_except_what_was_built_on(workplace, leader, admin):
    person, own, other, loose = _busy_person(workplace, leader)
    services.person_erase(
        actor=admin, organisation=workplace.organisation, user=person, remove_contributions=True
    )
    assert not Idea.objects.filter(pk=loose.pk).exists()
    assert Idea.objects.filter(pk=own.pk).exists()  # an experiment was built on it
    assert not Comment.objects.filter(idea=other).exists()
    other.refresh_from_db()
    assert other.comment_count == 0 and other.support_count == 0
    assert AuditEntry.objects.get(action=AuditAction.ERASED).detail == {"contributions": "removed"}


def test_erasure_is_refused_for_the_last_leader_someone_of_another_organisation_and_oneself(
    workplace, leader, admin
):
    with pytest.raises(ValidationError, match="eneste leder"):
        services.person_erase(actor=admin, organisation=workplace.organisation, user=leader)
    elsewhere = member(workplace).user
    MembershipFactory(user=elsewhere, workplace=WorkplaceFactory())
    with pytest.raises(ValidationError, match="anden organisation"):
        services.person_erase(actor=admin, organisation=workplace.organisation, user=elsewhere)
    with pytest.raises(ValidationError, match="slette dig selv"):
        services.person_erase(actor=admin, organisation=workplace.organisation, user=admin)
    assert User.objects.filter(pk__in=[leader.pk, elsewhere.pk, admin.pk]).count() == 3
    assert not AuditEntry.objects.filter(action=AuditAction.ERASED).exists()


def test_the_erase_page_asks_for_the_password_first_then_erases(client, workplace, leader, admin):
    person, *_ = _busy_person(workplace, leader)
    client.force_login(admin)
    session = client.session
    session[PROVED_AT] = 0  # proved long ago
    session.save()
    url = org_url("person_erase", workplace.organisation, user_id=person.pk)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:reauthenticate"))
    wrong = client.post(reverse("accounts:reauthenticate"), {"password": "nope", "next": url})
    assert wrong.status_code == 200 and "Adgangskoden er forkert" in wrong.content.decode()
    right = client.post(
        reverse("accounts:reauthenticate"), {"password": "correct-horse-battery", "next": url}
    )
    assert right.status_code == 302 and right["Location"] == url
    page = client.get(url)
    assert page.status_code == 200 and person.email in page.content.decode()
    assert User.objects.filter(pk=person.pk).exists()  # a GET changes nothing
    done = client.post(url, {"contributions": "keep"})
    assert done.status_code == 302 and not User.objects.filter(pk=person.pk).exists()


def test_the_erase_page_says_why_not_for_the_last_leader_and_changes_nothing(
    client, workplace, leader, admin
):
    client.force_login(admin)
    url = org_url("person_erase", workplace.organisation, user_id=leader.pk)
    response = client.post(url, {"contributions": "keep"})
    assert response.status_code == 400 and "eneste leder" in response.content.decode()
    assert User.objects.filter(pk=leader.pk).exists()


def test_someone_never_of_the_organisation_cannot_be_reached_by_its_erase_page(client, workplace, admin):
    stranger = member(WorkplaceFactory()).user
    client.force_login(admin)
    assert client.get(org_url("person_erase", workplace.organisation, user_id=stranger.pk)).status_code == 404
    assert client.get(org_url("person_erase", workplace.organisation, user_id=999999)).status_code == 404


def test_the_data_export_holds_what_the_person_did_and_says_why_survey_answers_are_not_in_it(
    workplace, leader
):
    person, *_ = _busy_person(workplace, leader)
    archive = zipfile.ZipFile(io.BytesIO(personal_data_zip(user=person)))
    names = set(archive.namelist())
    for kind in (
        "profil",
        "arbejdspladser",
        "ideer",
        "kommentarer",
        "stoetter",
        "afproevninger",
        "logbog",
        "notifikationer",
        "workshops_deltaget",
        "kompetencer",
        "tilmeldinger",
        "logins",
    ):
        assert {f"{kind}.json", f"{kind}.csv"} <= names, kind
    readme = archive.read("LAES-MIG_README.txt").decode()
    assert "refleksionsundersøgelsen er ikke med" in readme and "reflection survey are not included" in readme
    ideas = json.loads(archive.read("ideer.json"))
    assert {idea["title"] for idea in ideas} == {"Birthes idé om tablets", "Birthes løse idé"}
    assert json.loads(archive.read("profil.json"))[0]["e-mail"] == person.email
    comments_csv = archive.read("kommentarer.csv").decode("utf-8-sig")
    assert "\"'=HYPERLINK" in comments_csv  # Excel reads it as text, not a formula
    assert "Kollegaens idé" not in archive.read("ideer.json").decode()  # not theirs


def test_the_account_page_downloads_the_zip_and_a_second_ask_at_once_is_told_to_wait(client, employee):
    client.force_login(employee)
    page = client.get(reverse("accounts:account"))
    assert page.status_code == 200 and reverse("accounts:personal_data") in page.content.decode()
    response = client.post(reverse("accounts:personal_data"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert zipfile.ZipFile(io.BytesIO(response.content)).testzip() is None
    exported = AuditEntry.objects.get(action=AuditAction.DATA_EXPORTED)
    assert (exported.actor, exported.subject) == (employee, employee), "the organisation's audit log says so"
    cache.add(f"personal-data-export:{employee.pk}", 1, 60)  # the first is still being made
    busy = client.post(reverse("accounts:personal_data"))
    assert busy.status_code == 429 and "allerede ved at blive samlet" in busy.content.decode()
    assert client.get(reverse("accounts:personal_data")).status_code == 405


def test_the_audit_log_records_role_changes_and_cannot_be_edited(client, workplace, leader, employee, admin):
    membership = Membership.objects.get(user=employee)
    services.membership_change_role(actor=leader, membership=membership, role=Role.LEADER)
    entry = AuditEntry.objects.get(action=AuditAction.ROLE_CHANGED)
    assert (entry.actor, entry.subject, entry.in_workplace) == (leader, employee, workplace)
    assert entry.detail == {"previous_role": "employee", "role": "leader"}
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        entry.delete()
    with pytest.raises(TypeError):
        AuditEntry.objects.filter(pk=entry.pk).update(action="erased")
    with pytest.raises(TypeError):
        AuditEntry.objects.all().delete()
    client.force_login(admin)
    page = client.get(org_url("audit_log", workplace.organisation))
    text = page.content.decode()
    assert page.status_code == 200 and "Medarbejder → Leder" in text and "Lene Leder" in text
    bad = client.get(org_url("audit_log", workplace.organisation) + "?handling=<script>")
    assert bad.status_code == 400 and "<script>" not in bad.content.decode()


def test_the_audit_log_page_reads_a_constant_number_of_queries(
    client, workplace, leader, admin, django_assert_num_queries
):
    client.force_login(admin)
    url = org_url("audit_log", workplace.organisation)
    services.membership_change_role(actor=leader, membership=member(workplace), role=Role.OBSERVER)
    client.get(url)
    with django_assert_num_queries(7):
        client.get(url)
    for _ in range(5):
        m = member(workplace)
        services.membership_change_role(actor=leader, membership=m, role=Role.OBSERVER)
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


def test_retention_periods_are_set_within_their_ranges_and_shown_on_the_privacy_page(
    client, workplace, employee, admin
):
    client.force_login(admin)
    url = org_url("retention", workplace.organisation)
    bad = client.post(url, {"retain_notifications_days": "5", "retain_sign_ins_days": "abc"})
    assert bad.status_code == 400 and "Mindst 30 dage" in bad.content.decode()
    workplace.organisation.refresh_from_db()
    assert workplace.organisation.retain_notifications_days == 180
    data = {name: getattr(workplace.organisation, name) for name in workplace.organisation.RETENTION_FIELDS}
    data["retain_notifications_days"] = 60
    assert client.post(url, data).status_code == 302
    workplace.organisation.refresh_from_db()
    assert workplace.organisation.retain_notifications_days == 60
    assert AuditEntry.objects.get(action=AuditAction.RETENTION_CHANGED).detail == {
        "changed": {"retain_notifications_days": [180, 60]}
    }
    client.force_login(employee)
    privacy = client.get(reverse("core:privacy")).content.decode()
    assert workplace.organisation.name in privacy and "60 dage" in privacy
    client.logout()
    assert "180 dage" in client.get(reverse("core:privacy")).content.decode()


def test_the_nightly_purge_removes_what_is_past_its_period_and_nothing_newer(workplace, leader, employee):
    now = timezone.now()
    organisation = workplace.organisation
    old_sign_in = SignIn.objects.create(user=employee, at=now - timedelta(days=91))
    new_sign_in = SignIn.objects.create(user=employee, at=now - timedelta(days=89))
    old_note = Notification.objects.create(
        organisation=organisation,
        workplace=workplace,
        recipient=employee,
        kind="x",
        created_at=now - timedelta(days=181),
    )
    new_note = Notification.objects.create(
        organisation=organisation,
        workplace=workplace,
        recipient=employee,
        kind="x",
        created_at=now - timedelta(days=10),
    )
    session = live_session(workplace, leader=leader)
    guest = Participant.objects.create(
        organisation=organisation, workplace=workplace, session=session, display_name="Gitte Gæst"
    )
    type(session).objects.filter(pk=session.pk).update(ended_at=now - timedelta(days=31))
    # A person who left 400 days ago and has not signed in since, and one who left yesterday.
    gone = member(workplace).user
    recent = member(workplace).user
    for person, days in ((gone, 400), (recent, 1)):
        services.membership_remove(
            actor=leader, membership=Membership.objects.get(user=person), now=now - timedelta(days=days)
        )
    User.objects.filter(pk=gone.pk).update(last_login=now - timedelta(days=401))
    old_entry = AuditEntry.objects.create(
        organisation=organisation, action=AuditAction.INVITED, at=now - timedelta(days=1826)
    )

    retention.retention_purge(now=now)
    notifications_purge(now=now)
    guests_purge(now=now)

    assert (
        not SignIn.objects.filter(pk=old_sign_in.pk).exists()
        and SignIn.objects.filter(pk=new_sign_in.pk).exists()
    )
    assert (
        not Notification.objects.filter(pk=old_note.pk).exists()
        and Notification.objects.filter(pk=new_note.pk).exists()
    )
    guest.refresh_from_db()
    assert guest.display_name == FORMER_GUEST_NAME
    assert not User.objects.filter(pk=gone.pk).exists() and User.objects.filter(pk=recent.pk).exists()
    assert not AuditEntry.objects.filter(pk=old_entry.pk).exists()
    assert AuditEntry.objects.filter(action=AuditAction.ERASED_BY_RETENTION, actor__isnull=True).count() == 1


def test_people_not_seen_are_confirmed_as_leavers_after_a_list_and_stop_counting(
    client, workplace, leader, admin
):
    now = timezone.now()
    quiet = member(workplace, full_name="Stille Søren").user
    User.objects.filter(pk=quiet.pk).update(last_login=now - timedelta(days=200))
    User.objects.filter(pk=leader.pk).update(last_login=now - timedelta(days=200))
    client.force_login(admin)
    page = client.get(org_url("people_not_seen", workplace.organisation)).content.decode()
    assert "Stille Søren" in page and "Lene Leder" in page
    url = org_url("leavers_confirm", workplace.organisation)
    confirm = client.post(url, {"people": [quiet.pk]})
    assert confirm.status_code == 200 and "Stille Søren" in confirm.content.decode()
    assert Membership.objects.filter(user=quiet).exists()  # not yet
    assert client.post(url, {"people": [quiet.pk], "confirmed": "yes"}).status_code == 302
    assert not Membership.objects.filter(user=quiet).exists()
    quiet.refresh_from_db()
    assert not quiet.is_active
    assert MembershipChange.objects.filter(user=quiet, kind="left").exists()
    assert AuditEntry.objects.filter(action=AuditAction.LEAVER_CONFIRMED, subject=quiet).exists()
    # The only leader is kept, with the reason.
    refused = client.post(url, {"people": [leader.pk], "confirmed": "yes"})
    assert refused.status_code == 400 and Membership.objects.filter(user=leader).exists()
    # Nobody ticked, or someone not on the list: a message, nothing changed.
    stranger = member(WorkplaceFactory()).user
    for data in ({}, {"people": [stranger.pk], "confirmed": "yes"}, {"people": ["x"]}):
        assert client.post(url, data).status_code == 302
    assert Membership.objects.filter(user=stranger).exists()
    left = client.get(org_url("people_who_left", workplace.organisation)).content.decode()
    assert (
        "Stille Søren" in left and org_url("person_erase", workplace.organisation, user_id=quiet.pk) in left
    )


@pytest.mark.parametrize("page", ["people_not_seen", "people_who_left"])
def test_the_lists_of_people_read_the_same_number_of_queries_for_one_person_or_many(
    client, workplace, leader, admin, page, django_assert_num_queries
):
    def add_people(count):
        for _ in range(count):
            person = member(workplace).user
            User.objects.filter(pk=person.pk).update(last_login=timezone.now() - timedelta(days=400))
            if page == "people_who_left":
                services.membership_remove(actor=leader, membership=Membership.objects.get(user=person))

    client.force_login(admin)
    url = org_url(page, workplace.organisation)
    add_people(1)
    client.get(url)
    with django_assert_num_queries(8 if page == "people_not_seen" else 7) as captured:
        assert client.get(url).status_code == 200
    add_people(6)
    with django_assert_num_queries(len(captured)):
        assert client.get(url).status_code == 200


def test_odd_input_to_the_leaver_and_password_pages_gets_an_answer_not_a_500(
    client, workplace, leader, admin
):
    client.force_login(admin)
    response = client.post(org_url("leavers_confirm", workplace.organisation), {"people": ["²", "1" * 40]})
    assert response.status_code == 302
    reauth = client.post(
        reverse("accounts:reauthenticate"), {"password": "correct-horse-battery", "next": "abc"}
    )
    assert reauth.status_code == 302 and reauth["Location"] == reverse("accounts:account")


def test_an_erasure_reaches_staff_lists_safety_reviews_quoted_words_and_this_organisations_invitations(
    workplace, leader, admin
):
    from frontloeber.experiments.models import SafetyReview
    from frontloeber.organisations.models import Invitation, StaffImport
    from tests.factories import InvitationFactory

    person, own, other, loose = _busy_person(workplace, leader)
    services.staff_import_create(
        actor=admin,
        organisation=workplace.organisation,
        filename="l.csv",
        data=f"Navn;E-mail;Arbejdsplads\n{person.full_name};{person.email};{workplace.name}\nAnden;a@b.dk;X\n".encode(),
    )
    experiment = own.experiments.get()
    SafetyReview.objects.create(
        organisation=workplace.organisation,
        workplace=workplace,
        experiment=experiment,
        role="dpo",
        version=1,
        answers=[["Deltagere", f"{person.full_name}, Lene Leder"]],
    )
    Notification.objects.create(
        organisation=workplace.organisation,
        workplace=workplace,
        recipient=leader,
        actor=person,
        kind="idea_comment",
        detail="Birthes ord",
    )
    mine = InvitationFactory(workplace=workplace, email=person.email)
    theirs = InvitationFactory(workplace=WorkplaceFactory(), email=person.email)
    services.person_erase(
        actor=admin, organisation=workplace.organisation, user=person, remove_contributions=True
    )
    assert [row[2] for row in StaffImport.objects.get().rows] == ["a@b.dk"]
    assert SafetyReview.objects.get().answers == [["Deltagere", "Tidligere medarbejder, Lene Leder"]]
    assert Notification.objects.get(recipient=leader, kind="idea_comment").detail == ""
    assert (
        not Invitation.objects.filter(pk=mine.pk).exists()
        and Invitation.objects.filter(pk=theirs.pk).exists()
    )


def test_guests_of_a_workshop_never_ended_lose_their_names_after_the_period(workplace, leader):
    session = live_session(workplace, leader=leader)
    guest = Participant.objects.create(
        organisation=workplace.organisation, workplace=workplace, session=session, display_name="Gitte Gæst"
    )
    type(session).objects.filter(pk=session.pk).update(
        ended_at=None, starts_at=timezone.now() - timedelta(days=60)
    )
    guests_purge()
    guest.refresh_from_db()
    assert guest.display_name == FORMER_GUEST_NAME


def test_two_leaders_leaving_together_are_refused_when_none_would_be_left(workplace, leader, admin):
    second = member(workplace, Role.LEADER).user
    with pytest.raises(ValidationError, match="eneste leder"):
        services.leavers_confirm(actor=admin, organisation=workplace.organisation, users=[leader, second])
    assert Membership.objects.filter(role=Role.LEADER, workplace=workplace).count() == 2
    services.leavers_confirm(actor=admin, organisation=workplace.organisation, users=[second])
    assert list(
        Membership.objects.filter(role=Role.LEADER, workplace=workplace).values_list("user", flat=True)
    ) == [leader.pk]
