"""Anonymity by construction, and the threshold everywhere a figure could leave the product."""

import io
import re

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse
from pypdf import PdfReader

from frontloeber.organisations.models import Role
from frontloeber.reflection import selectors, services
from frontloeber.reflection.models import (
    AnonymousRow,
    Answer,
    AssessorKind,
    PracticeComment,
    Response,
    RoundInvitation,
)
from tests.factories import (
    OrganisationAdminFactory,
    WorkplaceFactory,
    answer_round,
    close_round,
    member,
    open_round,
    restore_content,
    survey_answers,
)

pytestmark = pytest.mark.django_db

COMMENT = "Vi mangler tid til at lære det nye system"


def test_the_answer_tables_have_no_column_that_points_to_a_person_an_invitation_or_a_moment():
    anonymous = AnonymousRow.__subclasses__()
    assert {Response, Answer, PracticeComment} <= set(anonymous)
    for model in anonymous:
        for field in model._meta.concrete_fields:
            if field.is_relation:
                assert field.related_model._meta.label in {
                    "organisations.Organisation",
                    "organisations.Workplace",
                    "reflection.Round",
                    "reflection.Response",
                    "reflection.Item",
                    "reflection.Practice",
                }, (model, field.name)
            assert not isinstance(field, models.DateField | models.DateTimeField | models.TimeField), (
                model,
                field.name,
            )
        # Random ids: their order says nothing about the order of invitations or answers.
        assert isinstance(model._meta.pk, models.UUIDField)
    invitation_fields = {f.name for f in RoundInvitation._meta.concrete_fields}
    assert invitation_fields == {"id", "organisation", "workplace", "round", "user", "token_hash", "answered"}


def test_the_personal_link_is_stored_nowhere(django_capture_on_commit_callbacks, mailoutbox):
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    employee = member(workplace).user
    round_ = open_round(workplace, leader=leader)
    with django_capture_on_commit_callbacks(execute=True):
        secret = answer_round(round_, employee, comments={round_.version.practices.first().pk: COMMENT})
    assert secret in mailoutbox[-1].body
    for model in apps.get_models():
        for row in model.objects.values_list():
            assert secret not in repr(row), model
    # Neither hash can be had from the other: the invitation's differs from the response's.
    invitation = RoundInvitation.objects.get(user=employee)
    response = Response.objects.get()
    assert invitation.token_hash != response.locator
    assert invitation.token_hash not in repr(list(Response.objects.values_list()))


def _team(n_answers, *, values=(1, 2, 2, 2, 2, 2)):
    """A closed round where ``n_answers`` employees answered every statement with the values given in turn,
    and the leader answered 5 everywhere."""
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    employees = [member(workplace).user for _ in range(8)]
    admin = OrganisationAdminFactory(organisation=workplace.organisation).user
    observer = member(workplace, Role.OBSERVER).user
    round_ = open_round(workplace, leader=leader)
    practice = round_.version.practices.first()
    for index, person in enumerate(employees[:n_answers]):
        answer_round(round_, person, value=values[index], comments={practice.pk: f"{COMMENT} {index}"})
    services.assessment_submit(
        actor=leader, round_=round_, kind=AssessorKind.LEADER, answers=survey_answers(round_, 5)
    )
    round_ = close_round(round_)
    # Shared with everyone it can be, so that every reader's pages are searched for a figure.
    services.report_sharing_update(actor=leader, round_=round_, audiences=["team", "med"])
    return workplace, round_, leader, admin, observer


def _everything_a_reader_can_get(client, workplace, round_, leader, admin, observer):
    """Every page, PDF and export that shows anything of the round, as text."""
    texts = []
    kwargs = {"workplace_slug": workplace.slug, "round_id": round_.pk}
    org_kwargs = {"org_slug": workplace.organisation.slug, "round_id": round_.pk}
    for person in (leader, observer):
        client.force_login(person)
        for name in ("reflection:round_detail", "reflection:round_csv"):
            response = client.get(reverse(name, kwargs=kwargs))
            assert response.status_code == 200
            texts.append(response.content.decode())
        texts.append(
            client.get(reverse("reflection:home", kwargs={"workplace_slug": workplace.slug})).content.decode()
        )
        pdf = client.get(reverse("reflection:round_pdf", kwargs=kwargs))
        texts.append(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages))
    client.force_login(admin)
    for name in ("reflection:organisation_round", "reflection:superior_assessment"):
        texts.append(client.get(reverse(name, kwargs=org_kwargs)).content.decode())
    pdf = client.get(reverse("reflection:organisation_round_pdf", kwargs=org_kwargs))
    texts.append(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages))
    texts.append(
        client.get(
            reverse("reflection:rollup", kwargs={"org_slug": workplace.organisation.slug})
        ).content.decode()
    )
    return "\n".join(texts)


# Four answers of 1, 2, 2, 2 give a mean of 1.75 on every statement and practice ("1,8" in Danish, "1.8" in
# English); five answers (1, 2, 2, 2, 2) give 1.8: the same figure, which the second test sees appear.
DERIVED = re.compile(r"\b1[,.](75|8)\b")


def test_with_four_answers_no_figure_from_them_appears_anywhere(client):
    workplace, round_, leader, admin, observer = _team(4)
    report = selectors.round_report(round_=round_)
    assert report.closed and not report.shown and report.respondents == 4
    assert all(p.team is None and p.comments == [] for p in report.practices)
    assert all(
        item.distribution is None and item.dont_know is None for p in report.practices for item in p.items
    )
    text = _everything_a_reader_can_get(client, workplace, round_, leader, admin, observer)
    assert not DERIVED.search(text)
    assert COMMENT not in text
    assert "Too few answers" in text or "For få svar" in text
    # The leader's own figures are there: the report is not simply empty.
    assert "5,0" in text
    rollup = selectors.organisation_rollup(organisation=workplace.organisation)
    assert [row.shown for row in rollup["rows"]] == [False]
    assert all(cell["mean"] is None for cell in rollup["summary"])


def test_with_five_answers_the_same_figures_appear(client):
    workplace, round_, leader, admin, observer = _team(5)
    assert selectors.round_report(round_=round_).shown
    text = _everything_a_reader_can_get(client, workplace, round_, leader, admin, observer)
    assert DERIVED.search(text)
    assert COMMENT in text


def test_an_open_round_shows_nothing_from_the_employees_however_many_have_answered():
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    employees = [member(workplace).user for _ in range(6)]
    round_ = open_round(workplace, leader=leader)
    for person in employees:
        answer_round(round_, person, value=2)
    report = selectors.round_report(round_=round_)
    assert report.respondents == 6 and not report.shown
    assert all(p.team is None for p in report.practices)


def test_lowering_the_threshold_later_does_not_uncover_a_round():
    workplace, round_, leader, admin, _observer = _team(4)
    services.organisation_threshold_update(actor=admin, organisation=workplace.organisation, threshold=3)
    round_.organisation.refresh_from_db()
    assert not selectors.round_report(round_=round_).shown
    # A higher setting protects earlier rounds too.
    shown_workplace, shown_round, _l, shown_admin, _o = _team(5)
    services.organisation_threshold_update(
        actor=shown_admin, organisation=shown_workplace.organisation, threshold=6
    )
    shown_round.organisation.refresh_from_db()
    assert not selectors.round_report(round_=shown_round).shown


def test_the_organisation_mean_leaves_out_a_workplace_under_the_threshold():
    """If the hidden workplace counted in the organisation's mean, its mean could be had by subtraction."""
    shown_workplace, shown_round, *_ = _team(5, values=(4, 4, 4, 4, 4))
    hidden = WorkplaceFactory(organisation=shown_workplace.organisation)
    leader = member(hidden, Role.LEADER).user
    people = [member(hidden).user for _ in range(4)]
    round_ = open_round(hidden, leader=leader)
    for person in people:
        answer_round(round_, person, value=1)
    round_ = close_round(round_)
    rollup = selectors.organisation_rollup(organisation=shown_workplace.organisation)
    by_workplace = {row.workplace.pk: row for row in rollup["rows"]}
    assert by_workplace[hidden.pk].shown is False and by_workplace[hidden.pk].means == {}
    assert by_workplace[shown_workplace.pk].shown is True
    assert all(cell["mean"] == 4 and cell["count"] == 1 for cell in rollup["summary"])


def test_comments_are_shown_only_above_the_threshold_and_not_in_the_order_given():
    workplace, round_, *_ = _team(6)
    practice = selectors.round_report(round_=round_).practices[0]
    assert sorted(practice.comments) == sorted(f"{COMMENT} {i}" for i in range(6))
    orders = {tuple(selectors.round_report(round_=round_).practices[0].comments) for _ in range(20)}
    assert len(orders) > 1


def test_there_is_no_way_to_ask_for_one_persons_answers():
    """No URL of the survey takes anything that could name a response, and the admin does not list them."""
    from django.contrib import admin

    from frontloeber.reflection import urls

    for pattern in urls.urlpatterns:
        assert set(pattern.pattern.regex.groupindex) <= {"workplace_slug", "org_slug", "round_id", "secret"}
    for model in (Response, Answer, PracticeComment, RoundInvitation):
        assert not admin.site.is_registered(model)


def test_a_server_without_pango_answers_the_pdf_with_a_clear_page(client, monkeypatch):
    from frontloeber.core import pdf

    workplace, round_, leader, _admin, _observer = _team(5)

    def no_pango(*args, **kwargs):
        raise pdf.PdfUnavailable("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(pdf, "render_pdf", no_pango)
    client.force_login(leader)
    response = client.get(
        reverse("reflection:round_pdf", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk})
    )
    assert response.status_code == 503
    assert b"PDF" in response.content


@pytest.mark.django_db(transaction=True)
def test_closing_seals_the_answers_so_the_database_cannot_line_them_up_with_people():
    """Run with real commits, as in production, so PostgreSQL's transaction ids mean what they would."""
    from django.db import connection

    restore_content()
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    people = [member(workplace).user for _ in range(5)]
    round_ = open_round(workplace, leader=leader)
    for index, person in enumerate(people):
        answer_round(round_, person, value=index + 1, comments={round_.version.practices.first().pk: COMMENT})
    before_ids = set(Response.objects.values_list("pk", flat=True)) | set(
        Answer.objects.values_list("pk", flat=True)
    )
    values_before = sorted(Answer.objects.values_list("item_id", "value"))
    round_ = close_round(round_)
    assert round_.sealed_at is not None
    # The same answers, under new ids, with no way back from a link or an invitation.
    assert sorted(Answer.objects.values_list("item_id", "value")) == values_before
    after_ids = set(Response.objects.values_list("pk", flat=True)) | set(
        Answer.objects.values_list("pk", flat=True)
    )
    assert not before_ids & after_ids
    assert not Response.objects.filter(locator__isnull=False).exists()
    assert not RoundInvitation.objects.exclude(token_hash="").exists()
    assert PracticeComment.objects.count() == 5
    if connection.vendor == "postgresql":
        # Before sealing, an answer shared its transaction id with its author's "answered" mark. After it,
        # every answer and every invitation carries the one id of the sealing: nothing tells them apart.
        with connection.cursor() as cursor:
            cursor.execute("SELECT DISTINCT xmin::text FROM reflection_answer")
            answer_xmins = {row[0] for row in cursor.fetchall()}
            cursor.execute("SELECT DISTINCT xmin::text FROM reflection_roundinvitation")
            invitation_xmins = {row[0] for row in cursor.fetchall()}
        assert len(answer_xmins) == 1 and len(invitation_xmins) == 1


def test_the_daily_task_seals_rounds_past_their_last_day():
    import datetime

    from django.utils import timezone

    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    person = member(workplace).user
    round_ = open_round(workplace, leader=leader, days=7)
    answer_round(round_, person)
    today = timezone.localdate()
    assert services.rounds_seal_due(today=today + datetime.timedelta(days=7)) == 0
    assert services.rounds_seal_due(today=today + datetime.timedelta(days=8)) == 1
    assert Response.objects.get().locator is None
    assert services.rounds_seal_due(today=today + datetime.timedelta(days=9)) == 0
