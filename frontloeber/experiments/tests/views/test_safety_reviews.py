"""Issue 17, point 6: a second pair of eyes on the safety check. Through the services and the pages."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from frontloeber.experiments import services
from frontloeber.experiments.models import ExperimentState, ReviewState, SafetyReview
from frontloeber.experiments.notification_kinds import Kind
from frontloeber.notifications import selectors as notification_selectors
from frontloeber.organisations import services as organisation_services
from frontloeber.organisations.models import Role, SafetyContact
from tests.factories import OrganisationAdminFactory, WorkplaceFactory, make_experiment, make_idea, member

pytestmark = pytest.mark.django_db

PERSONAL = {
    "personal_data": True,
    "personal_data_which": "Billeder af børnene",
    "legal_basis": "Forældrenes samtykke",
    "dpo_contact": "Kommunens DPO",
    "vulnerable_citizens": False,
    "needs_it": False,
}
IT_ONLY = {
    "personal_data": False,
    "vulnerable_citizens": False,
    "needs_it": True,
    "it_what": "MDM på tablets",
}


@pytest.fixture
def admin(workplace):
    return OrganisationAdminFactory(organisation=workplace.organisation).user


@pytest.fixture
def dpo(workplace, admin):
    """The organisation's data protection adviser: a member of another of its workplaces, not of this one."""
    elsewhere = WorkplaceFactory(organisation=workplace.organisation, name="Rådhuset")
    person = member(elsewhere, Role.EMPLOYEE, full_name="Dorte Databeskyttelse").user
    organisation_services.safety_contact_add(
        actor=admin, organisation=workplace.organisation, email=person.email, role="dpo"
    )
    return person


@pytest.fixture
def experiment(workplace, leader, employee):
    return make_experiment(make_idea(workplace, author=employee), actor=leader, participants=[employee])


def answer(experiment, leader, answers):
    services.experiment_safety_update(actor=leader, experiment=experiment, **answers)
    experiment.refresh_from_db()
    return experiment


def waiting(experiment):
    return SafetyReview.objects.get(experiment=experiment, state=ReviewState.ASKED)


# --- Through the services ---------------------------------------------------------------------------------


def test_personal_data_goes_to_the_named_adviser_who_approves_and_it_can_start(
    experiment, leader, dpo, admin
):
    experiment = answer(experiment, leader, PERSONAL)
    review = waiting(experiment)
    assert (review.role, review.version) == ("dpo", 1)
    assert ["Billeder af børnene"] == [a for q, a in review.answers if a == "Billeder af børnene"]
    # The adviser hears of it under the bell, though not a member of the workplace; the admins do not.
    told = notification_selectors.notifications_for(user=dpo).filter(kind=Kind.SAFETY_REVIEW_ASKED)
    assert told.count() == 1
    assert (
        not notification_selectors.notifications_for(user=admin)
        .filter(kind=Kind.SAFETY_REVIEW_ASKED)
        .exists()
    )
    with pytest.raises(ValidationError):
        services.experiment_start(actor=leader, experiment=experiment)

    services.safety_review_decide(actor=dpo, review=review, approve=True)
    experiment.refresh_from_db()
    assert experiment.safety_confirmed_by == dpo and experiment.safety_confirmed_at is not None
    assert services.experiment_start(actor=leader, experiment=experiment).state == ExperimentState.RUNNING


def test_where_nobody_is_named_the_admins_review(experiment, leader, admin):
    review = waiting(answer(experiment, leader, PERSONAL))
    assert notification_selectors.notifications_for(user=admin).filter(kind=Kind.SAFETY_REVIEW_ASKED).exists()
    services.safety_review_decide(actor=admin, review=review, approve=True)
    experiment.refresh_from_db()
    assert experiment.safety_confirmed_by == admin


def test_the_it_contact_reviews_what_needs_it_and_the_adviser_cannot(
    workplace, experiment, leader, dpo, admin
):
    review = waiting(answer(experiment, leader, IT_ONLY))
    assert review.role == "it"  # nobody named for IT: the admins review it
    with pytest.raises(PermissionDenied):
        services.safety_review_decide(actor=dpo, review=review, approve=True)
    with pytest.raises(PermissionDenied):
        services.safety_review_decide(actor=leader, review=review, approve=True)
    assert waiting(experiment).decided_by is None


def test_asking_for_changes_needs_words_and_keeps_it_from_starting(experiment, leader, dpo):
    review = waiting(answer(experiment, leader, PERSONAL))
    with pytest.raises(ValidationError):
        services.safety_review_decide(actor=dpo, review=review, approve=False, comment="  ")
    decided = services.safety_review_decide(
        actor=dpo, review=review, approve=False, comment="Skriv, hvor billederne gemmes."
    )
    assert decided.state == ReviewState.CHANGES
    experiment.refresh_from_db()
    assert experiment.safety_confirmed_at is None
    with pytest.raises(ValidationError):  # decided already
        services.safety_review_decide(actor=dpo, review=decided, approve=True)
    told = notification_selectors.notifications_for(user=leader).get(kind=Kind.SAFETY_REVIEW_CHANGES)
    assert told.excerpt == "Skriv, hvor billederne gemmes."


def test_a_change_of_plan_asks_again_and_the_old_approval_stays_on_record(experiment, leader, dpo):
    review = waiting(answer(experiment, leader, PERSONAL))
    services.safety_review_decide(actor=dpo, review=review, approve=True)
    experiment.refresh_from_db()
    services.experiment_update(
        actor=leader,
        experiment=experiment,
        hypothesis="Vi tror nu noget andet.",
        starts_on=experiment.starts_on,
        ends_on=experiment.ends_on,
        hours=0,
        budget_dkk=0,
        equipment="",
        stop_rule="Stop",
        participants=[],
        criteria=[{"axis": "citizens", "description": "Bedre", "measure": "Spørg"}],
    )
    experiment.refresh_from_db()
    assert experiment.safety_version == 2 and experiment.safety_confirmed_at is None
    states = dict(SafetyReview.objects.filter(experiment=experiment).values_list("version", "state"))
    assert states == {1: ReviewState.APPROVED, 2: ReviewState.ASKED}
    assert "Vi tror nu noget andet." in [a for _q, a in waiting(experiment).answers]
    with pytest.raises(ValidationError):
        services.experiment_start(actor=leader, experiment=experiment)


def test_a_replaced_version_cannot_be_decided(experiment, leader, dpo):
    first = waiting(answer(experiment, leader, PERSONAL))
    answer(experiment, leader, {**PERSONAL, "legal_basis": "Lov om dagtilbud"})
    first.refresh_from_db()
    assert first.state == ReviewState.SUPERSEDED
    with pytest.raises(ValidationError):
        services.safety_review_decide(actor=dpo, review=first, approve=True)


def test_answers_that_need_nobody_stay_the_leaders(experiment, leader):
    experiment = answer(
        experiment, leader, {"personal_data": False, "vulnerable_citizens": False, "needs_it": False}
    )
    assert not SafetyReview.objects.exists()
    assert (
        services.experiment_safety_confirm(actor=leader, experiment=experiment).safety_confirmed_by == leader
    )


def test_only_people_of_the_organisation_can_be_named(workplace, admin):
    stranger = member(WorkplaceFactory(), Role.EMPLOYEE).user
    with pytest.raises(ValidationError) as error:
        organisation_services.safety_contact_add(
            actor=admin, organisation=workplace.organisation, email=stranger.email, role="dpo"
        )
    assert "email" in error.value.message_dict
    assert not SafetyContact.objects.exists()


# --- Through the pages -------------------------------------------------------------------------------------


def test_the_adviser_reviews_on_the_page_and_downloads_the_approval(
    client, workplace, experiment, leader, dpo
):
    import pypdf

    review = waiting(answer(experiment, leader, PERSONAL))
    org = workplace.organisation.slug
    client.force_login(dpo)
    listing = client.get(reverse("experiments:safety_reviews", kwargs={"org_slug": org}))
    address = reverse("experiments:safety_review", kwargs={"org_slug": org, "review_id": review.pk})
    assert address in listing.content.decode()
    page = client.get(address)
    assert "Billeder af børnene" in page.content.decode() and page.context["form"] is not None
    refused = client.post(address, {"decision": "changes", "comment": ""})
    assert refused.status_code == 400 and 'id="error-summary"' in refused.content.decode()
    assert waiting(experiment).pk == review.pk
    assert client.post(address, {"decision": "approve", "comment": ""}).status_code == 302
    review.refresh_from_db()
    assert review.state == ReviewState.APPROVED
    pdf = client.get(
        reverse("experiments:safety_review_pdf", kwargs={"org_slug": org, "review_id": review.pk})
    )
    assert pdf["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Billeder af børnene" in text and dpo.full_name in text

    # The leader sees the approval on the experiment's page and downloads it for the records.
    client.force_login(leader)
    experiment_page = client.get(experiment.get_absolute_url()).content.decode()
    leader_pdf = reverse(
        "experiments:experiment_review_pdf",
        kwargs={"workplace_slug": workplace.slug, "experiment_id": experiment.pk, "review_id": review.pk},
    )
    assert leader_pdf in experiment_page
    assert client.get(leader_pdf)["Content-Type"] == "application/pdf"


def test_people_who_review_nothing_get_404(client, workplace, experiment, leader, employee, dpo):
    review = waiting(answer(experiment, leader, PERSONAL))
    org = workplace.organisation.slug
    for person in (leader, employee):
        client.force_login(person)
        assert client.get(reverse("experiments:safety_reviews", kwargs={"org_slug": org})).status_code == 404
        address = reverse("experiments:safety_review", kwargs={"org_slug": org, "review_id": review.pk})
        assert client.post(address, {"decision": "approve"}).status_code == 404
    assert waiting(experiment).pk == review.pk
    client.force_login(employee)  # not the experiment's manager
    leader_pdf = reverse(
        "experiments:experiment_review_pdf",
        kwargs={"workplace_slug": workplace.slug, "experiment_id": experiment.pk, "review_id": review.pk},
    )
    assert client.get(leader_pdf).status_code == 403


def test_the_admin_names_and_removes_a_reviewer_after_a_confirmation(client, workplace, admin, dpo):
    client.force_login(admin)
    address = reverse("organisations:safety_contacts", kwargs={"org_slug": workplace.organisation.slug})
    other = member(workplace, Role.LEADER, full_name="Ivan IT").user
    assert client.post(address, {"email": other.email, "role": "it"}).status_code == 302
    assert SafetyContact.objects.filter(user=other, role="it").exists()
    bad = client.post(address, {"email": "nobody@example.dk", "role": "it"})
    assert bad.status_code == 400 and 'id="error-summary"' in bad.content.decode()
    contact = SafetyContact.objects.get(user=other)
    remove = reverse(
        "organisations:safety_contact_remove",
        kwargs={"org_slug": workplace.organisation.slug, "contact_id": contact.pk},
    )
    assert client.get(remove).status_code == 200 and SafetyContact.objects.filter(pk=contact.pk).exists()
    assert client.post(remove).status_code == 302
    assert not SafetyContact.objects.filter(pk=contact.pk).exists()


# --- What the hostile review of the change found (each failed before its fix) --------------------------


def test_a_named_reviewer_who_left_the_organisation_reviews_nothing(
    workplace, experiment, leader, dpo, admin
):
    from frontloeber.organisations.models import Membership

    Membership.objects.filter(user=dpo).delete()
    review = waiting(answer(experiment, leader, PERSONAL))
    with pytest.raises(PermissionDenied):
        services.safety_review_decide(actor=dpo, review=review, approve=True)
    assert (
        not notification_selectors.notifications_for(user=dpo).filter(kind=Kind.SAFETY_REVIEW_ASKED).exists()
    )
    # With nobody left who is named, the admins review.
    services.safety_review_decide(actor=admin, review=review, approve=True)


def test_nobody_approves_their_own_plan(workplace, experiment, leader):
    OrganisationAdminFactory(organisation=workplace.organisation, user=leader)  # the leader is an admin too
    review = waiting(answer(experiment, leader, PERSONAL))
    with pytest.raises(PermissionDenied):
        services.safety_review_decide(actor=leader, review=review, approve=True)
    experiment.refresh_from_db()
    assert experiment.safety_confirmed_at is None


def test_answers_given_before_the_reviews_are_sent_to_them(workplace, experiment, leader, dpo):
    from frontloeber.experiments.models import Experiment

    Experiment.objects.filter(pk=experiment.pk).update(**{k: v for k, v in PERSONAL.items()})
    experiment.refresh_from_db()
    assert experiment.safety_version == 0 and not SafetyReview.objects.exists()
    with pytest.raises(ValidationError):  # not the leader's to confirm
        services.experiment_safety_confirm(actor=leader, experiment=experiment)
    services.experiment_safety_send(actor=leader, experiment=experiment)
    assert waiting(experiment).role == "dpo"
    with pytest.raises(ValidationError):  # asked already
        services.experiment_safety_send(actor=leader, experiment=experiment)


def test_saving_the_same_answers_again_keeps_the_approval(experiment, leader, dpo):
    review = waiting(answer(experiment, leader, PERSONAL))
    services.safety_review_decide(actor=dpo, review=review, approve=True)
    experiment = answer(experiment, leader, PERSONAL)
    assert experiment.safety_version == 1 and experiment.safety_confirmed_by == dpo
    assert SafetyReview.objects.count() == 1
