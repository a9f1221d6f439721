"""Benchmarks (``make bench``): the survey's report and the organisation's roll-up at the scale of a large
municipality (``BENCH_SURVEY_WORKPLACES`` workplaces, default 1,000, each with two sealed rounds of
``BENCH_SURVEY_RESPONDENTS`` answers, default 12: 480,000 answers).

Not part of ``make test``. Run on PostgreSQL for figures that mean something. The assertion is a generous
ceiling that only a query per row, or reading every answer into Python, would break.
"""

import datetime
import os
import random
import statistics
import time

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from frontloeber.organisations.models import Membership, OrganisationAdmin, Role, Workplace
from frontloeber.reflection import selectors
from frontloeber.reflection.models import Answer, Assessment, AssessmentAnswer, Response, Round
from tests.factories import OrganisationFactory, UserFactory

WORKPLACES = int(os.environ.get("BENCH_SURVEY_WORKPLACES", "1000"))
RESPONDENTS = int(os.environ.get("BENCH_SURVEY_RESPONDENTS", "12"))
CEILING_SECONDS = 1.0


@pytest.fixture(scope="module")
def survey_scale(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        rng = random.Random(5)
        organisation = OrganisationFactory()
        admin = UserFactory()
        OrganisationAdmin.objects.create(organisation=organisation, user=admin)
        leader = UserFactory()
        workplaces = Workplace.objects.bulk_create(
            Workplace(organisation=organisation, name=f"Sted {i:04d}", slug=f"survey-{i}", sector="other")
            for i in range(WORKPLACES)
        )
        Membership.objects.create(
            organisation=organisation, workplace=workplaces[0], user=leader, role=Role.LEADER
        )
        version = selectors.current_version()
        items = list(version.items.all())
        today = timezone.localdate()
        rounds = Round.objects.bulk_create(
            Round(
                organisation=organisation,
                workplace=workplace,
                version=version,
                leader=leader,
                opens_on=today - datetime.timedelta(days=days_ago),
                closes_on=today - datetime.timedelta(days=days_ago - 21),
                threshold=5,
                invited_count=RESPONDENTS + 3,
                sealed_at=timezone.now(),
            )
            for workplace in workplaces
            for days_ago in (400, 200)
        )
        base = lambda r: {"organisation_id": organisation.pk, "workplace_id": r.workplace_id}  # noqa: E731
        responses = Response.objects.bulk_create(
            (Response(round=r, **base(r)) for r in rounds for _ in range(RESPONDENTS)), batch_size=5000
        )
        Answer.objects.bulk_create(
            (
                Answer(
                    response=resp, round_id=resp.round_id, item=item, value=rng.randint(1, 5), **base(resp)
                )
                for resp in responses
                for item in items
            ),
            batch_size=10000,
        )
        target = rounds[1]  # the first workplace's latest round, with one earlier round for the trend
        assessment = Assessment.objects.create(round=target, kind="leader", author=leader, **base(target))
        AssessmentAnswer.objects.bulk_create(
            AssessmentAnswer(assessment=assessment, item=item, value=4) for item in items
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    yield {"organisation": organisation, "admin": admin, "leader": leader, "round": target}


def measure(client, url, runs=5):
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, url
    return statistics.median(timings)


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["report", "roll-up"])
def test_survey_page_time_at_scale(client, survey_scale, page):
    round_ = survey_scale["round"]
    if page == "report":
        client.force_login(survey_scale["leader"])
        url = round_.get_absolute_url()
    else:
        client.force_login(survey_scale["admin"])
        url = reverse("reflection:rollup", kwargs={"org_slug": survey_scale["organisation"].slug})
    seconds = measure(client, url)
    answers = WORKPLACES * 2 * RESPONDENTS * 20
    scale = f"{WORKPLACES} workplaces, {answers} answers, {connection.vendor}"
    print(f"\n  {page:<40} {seconds * 1000:7.1f} ms   ({scale})")
    assert seconds < CEILING_SECONDS
