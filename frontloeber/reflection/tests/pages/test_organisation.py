"""Reflection, pages: The organisation: roll-up, threshold, the round page, the superior's assessment."""

import io
import re

import pytest
from django.db.models import F
from django.utils.html import escape

from frontloeber.organisations.models import Role
from frontloeber.reflection.models import (
    Answer,
    Assessment,
    AssessmentAnswer,
    AssessorKind,
    PracticeTotal,
)
from tests.factories import (
    OrganisationAdminFactory,
    WorkplaceFactory,
    member,
)

from .helpers import (
    TOO_FEW,
    da,
    da_text,
    form_data,
    has_error_summary,
    html,
    items,
    messages_of,
    org_round_url,
    org_url,
    past_round,
    round_url,
)

pytestmark = pytest.mark.django_db


# --- 6. The organisation: roll-up, threshold, the round page, the superior's assessment --------------------


def test_the_rollup_shows_workplaces_shown_and_under_the_threshold(
    client, workplace, leader, admin, closed_round
):
    small = WorkplaceFactory(organisation=workplace.organisation, name="Vuggestuen Solsikken")
    small_leader = member(small, Role.LEADER).user
    under = past_round(small, small_leader, opened_days_ago=30, respondents=3)
    WorkplaceFactory(organisation=workplace.organisation, name="Dagplejen Nord")
    client.force_login(admin)
    response = client.get(org_url("rollup", workplace.organisation))
    assert response.status_code == 200
    page = html(response)
    assert "Børnehuset Mælkebøtten" in page and "Vuggestuen Solsikken" in page and "Dagplejen Nord" in page
    assert page.count(da("Too few answers to show")) == 1
    assert f'href="{org_round_url("organisation_round", closed_round)}"' in page
    assert f'href="{org_round_url("organisation_round", under)}"' in page
    assert len(re.findall(r'<td class="fl-num"[^>]*>4,0</td>', page)) == 5
    assert f'href="{org_url("threshold_edit", workplace.organisation)}"' in page
    rows = {row.workplace.name: row for row in response.context["rollup"]["rows"]}
    assert rows["Vuggestuen Solsikken"].means == {}
    assert rows["Børnehuset Mælkebøtten"].shown


def test_the_rollup_shows_each_workplaces_latest_closed_round_and_its_round_under_way(
    client, workplace, leader, admin, round_
):
    """Only the latest closed round of a workplace counts; an open one (``round_``) is named in its row."""
    other = WorkplaceFactory(organisation=workplace.organisation, name="Vuggestuen Solsikken")
    other_leader = member(other, Role.LEADER).user
    past_round(other, other_leader, opened_days_ago=400, respondents=6, value=2)
    latest = past_round(other, other_leader, opened_days_ago=200, respondents=6, value=5)
    older_here = past_round(workplace, leader, opened_days_ago=300, respondents=6, value=3)
    client.force_login(admin)
    rollup = client.get(org_url("rollup", workplace.organisation)).context["rollup"]
    rows = {row.workplace.pk: row for row in rollup["rows"]}
    assert rows[other.pk].round == latest and rows[other.pk].means["P1"] > 4
    assert rows[workplace.pk].round == older_here and rows[workplace.pk].means["P1"] < 3.5
    assert rows[workplace.pk].under_way == round_ and rows[other.pk].under_way is None
    page = html(client.get(org_url("rollup", workplace.organisation)))
    assert f'href="{org_url("organisation_round", workplace.organisation, round_id=round_.pk)}"' in page


def test_a_sealed_rounds_means_come_from_the_totals_kept_when_it_was_sealed(client, workplace, admin):
    """round_seal adds up the answers per practice once (PracticeTotal); the roll-up reads those, and still
    applies the threshold as it is when read."""
    other = WorkplaceFactory(organisation=workplace.organisation, name="Vuggestuen Solsikken")
    round_ = past_round(other, member(other, Role.LEADER).user, opened_days_ago=30, respondents=6)
    kept = {t.practice.code: t for t in PracticeTotal.objects.filter(round=round_).select_related("practice")}
    assert sorted(kept) == ["P1", "P2", "P3", "P4", "P5"]
    for code, total in kept.items():
        answers = Answer.objects.filter(round=round_, item__practice__code=code).exclude(value=None)
        assert (total.total, total.answers) == (sum(a.value for a in answers), answers.count())
        assert total.most_on_one_item == 6 and total.organisation_id == other.organisation_id
    PracticeTotal.objects.filter(round=round_, practice__code="P1").update(total=F("answers") * 2)
    client.force_login(admin)
    rows = {
        r.workplace.pk: r for r in client.get(org_url("rollup", other.organisation)).context["rollup"]["rows"]
    }
    assert rows[other.pk].means["P1"] == 2.0  # read from the kept totals, not the answers
    workplace.organisation.reflection_threshold = 7
    workplace.organisation.save()
    rows = {
        r.workplace.pk: r for r in client.get(org_url("rollup", other.organisation)).context["rollup"]["rows"]
    }
    assert not rows[other.pk].shown and rows[other.pk].means == {}


def test_the_threshold_is_saved(client, workplace, admin):
    client.force_login(admin)
    form = client.get(org_url("threshold_edit", workplace.organisation))
    assert form.status_code == 200
    response = client.post(
        org_url("threshold_edit", workplace.organisation), {"threshold": "7", "eligibility_days": "45"}
    )
    assert response.status_code == 302
    assert response["Location"] == org_url("rollup", workplace.organisation)
    assert messages_of(response)[-1] == ("success", da_text("The survey's anonymity rules are saved."))
    workplace.organisation.refresh_from_db()
    assert workplace.organisation.reflection_threshold == 7
    assert workplace.organisation.survey_eligibility_days == 45


@pytest.mark.parametrize("value", ["13", "366", "0", "-30", "30.5", "tredive", ""])
def test_a_window_outside_14_to_365_days_is_refused(client, workplace, admin, value):
    client.force_login(admin)
    response = client.post(
        org_url("threshold_edit", workplace.organisation), {"threshold": "5", "eligibility_days": value}
    )
    assert response.status_code == 400
    assert da("Give a number of days from 14 to 365.") in html(response)
    workplace.organisation.refresh_from_db()
    assert workplace.organisation.survey_eligibility_days == 30


@pytest.mark.parametrize("value", ["3", "10"])
def test_the_thresholds_limits_are_allowed(client, workplace, admin, value):
    client.force_login(admin)
    response = client.post(
        org_url("threshold_edit", workplace.organisation), {"threshold": value, "eligibility_days": "30"}
    )
    assert response.status_code == 302
    workplace.organisation.refresh_from_db()
    assert workplace.organisation.reflection_threshold == int(value)


@pytest.mark.parametrize("value", ["2", "11", "abc", "", "-5", "5.5"])
def test_a_threshold_outside_3_to_10_is_refused(client, workplace, admin, value):
    client.force_login(admin)
    response = client.post(org_url("threshold_edit", workplace.organisation), {"threshold": value})
    assert response.status_code == 400
    assert has_error_summary(response)
    assert "threshold" in response.context["form"].errors
    workplace.organisation.refresh_from_db()
    assert workplace.organisation.reflection_threshold == 5


def test_raising_the_threshold_hides_a_report_and_lowering_it_uncovers_nothing(
    client, workplace, leader, admin, employees, closed_round
):
    client.force_login(admin)
    client.post(
        org_url("threshold_edit", workplace.organisation), {"threshold": "6", "eligibility_days": "30"}
    )
    client.force_login(leader)
    response = client.get(closed_round.get_absolute_url())
    assert not response.context["report"].shown
    assert da_text(TOO_FEW, n=6) in html(response)
    assert "Kommentar nummer" not in html(response)
    # Lowered below what the round promised (5), four answers stay hidden.
    four = past_round(workplace, leader, opened_days_ago=200, respondents=4)
    client.force_login(admin)
    client.post(
        org_url("threshold_edit", workplace.organisation), {"threshold": "3", "eligibility_days": "30"}
    )
    client.force_login(leader)
    response = client.get(four.get_absolute_url())
    assert not response.context["report"].shown
    assert da_text(TOO_FEW, n=5) in html(response)
    # And the round answered under 5 is shown again.
    assert client.get(closed_round.get_absolute_url()).context["report"].shown


def test_the_organisations_round_page(client, workplace, admin, closed_round):
    client.force_login(admin)
    response = client.get(org_round_url("organisation_round", closed_round))
    assert response.status_code == 200
    page = html(response)
    assert response.context["report"].shown
    assert f'href="{org_round_url("superior_assessment", closed_round)}"' in page
    assert f'href="{org_round_url("organisation_round_pdf", closed_round)}"' in page
    assert f'href="{org_url("rollup", workplace.organisation)}"' in page
    # None of the workplace's own tools (the admin is not a member of it).
    assert round_url("round_csv", closed_round) not in page
    assert round_url("round_remind", closed_round) not in page


def test_the_superior_assesses_the_leader(client, workplace, leader, admin, round_):
    client.force_login(admin)
    form = client.get(org_round_url("superior_assessment", round_))
    assert form.status_code == 200
    first = items(round_)[0]
    assert escape(first.superior_da) in html(form) and first.superior_da.startswith("Lederen")
    assert escape(first.leader_da) not in html(form)
    assert 'name="comment_' not in html(form)
    response = client.post(org_round_url("superior_assessment", round_), form_data(round_, "3", _1_1="x"))
    assert response.status_code == 302
    assert response["Location"] == org_round_url("organisation_round", round_)
    assert messages_of(response)[-1][0] == "success"
    assessment = Assessment.objects.get()
    assert (assessment.kind, assessment.author) == (AssessorKind.SUPERIOR, admin)
    values = dict(AssessmentAnswer.objects.values_list("item__code", "value"))
    assert values["1.1"] is None and values["1.2"] == 3
    # The round's report now has the superior's column, for the leader too.
    client.force_login(leader)
    page = html(client.get(round_.get_absolute_url()))
    assert f'<th scope="col" class="fl-num">{da("Superior")}</th>' in page


def test_a_superior_assessment_with_a_value_off_the_scale_is_refused(client, admin, round_):
    client.force_login(admin)
    first = items(round_)[0]
    data = {**form_data(round_), f"item_{first.pk}": "6"}
    response = client.post(org_round_url("superior_assessment", round_), data)
    assert response.status_code == 200
    assert has_error_summary(response)
    assert not Assessment.objects.exists()


def test_the_organisations_round_pdf(client, admin, closed_round):
    import pypdf

    client.force_login(admin)
    response = client.get(org_round_url("organisation_round_pdf", closed_round))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "Børnehuset Mælkebøtten" in text and "Kerneopgaven" in text


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("rollup", "get"),
        ("threshold_edit", "get"),
        ("threshold_edit", "post"),
        ("organisation_round", "get"),
        ("organisation_round_pdf", "get"),
        ("superior_assessment", "get"),
        ("superior_assessment", "post"),
    ],
)
def test_a_workplace_leader_who_is_not_an_organisation_admin_gets_404(
    client, workplace, leader, round_, name, method
):
    client.force_login(leader)
    round_id = {} if name in ("rollup", "threshold_edit") else {"round_id": round_.pk}
    address = org_url(name, workplace.organisation, **round_id)
    data = {"threshold": "3"} if name == "threshold_edit" else form_data(round_)
    response = getattr(client, method)(address, data) if method == "post" else client.get(address)
    assert response.status_code == 404
    assert not Assessment.objects.exists()
    workplace.organisation.refresh_from_db()
    assert workplace.organisation.reflection_threshold == 5


@pytest.mark.parametrize("name", ["organisation_round", "organisation_round_pdf", "superior_assessment"])
def test_another_organisations_admin_gets_404_for_this_round(client, round_, name):
    other_admin = OrganisationAdminFactory()
    client.force_login(other_admin.user)
    # Under their own organisation's address, this round does not exist.
    assert client.get(org_url(name, other_admin.organisation, round_id=round_.pk)).status_code == 404
    # And this organisation's address is not theirs.
    assert client.get(org_round_url(name, round_)).status_code == 404


def test_the_kept_table_never_outlives_what_it_shows(client, workplace, leader, admin, closed_round):
    """The roll-up's table is kept rendered ({% kept %}, core/fragments.py): a new name, a threshold that
    withholds a round's figures, a round under way and the reader's language show at once."""
    from django.conf import settings

    from frontloeber.reflection import services

    def table():
        page = html(client.get(org_url("rollup", workplace.organisation)))
        return re.search(r'<table class="table fl-report-table">.*?</table>', page, re.S).group(0)

    client.force_login(admin)
    first = table()
    assert table() == first and "4,0" in first and "For få svar" not in first
    workplace.name = "Børnehuset Omdøbt"
    workplace.save()
    assert "Børnehuset Omdøbt" in table()
    services.organisation_threshold_update(actor=admin, organisation=workplace.organisation, threshold=6)
    assert "For få svar til at vise tal" in table() and "4,0" not in table()
    services.organisation_threshold_update(actor=admin, organisation=workplace.organisation, threshold=5)
    assert "4,0" in table()
    past_round(workplace, leader, opened_days_ago=2, respondents=0)
    assert leader.full_name in table()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "4.0" in table() and "4,0" not in table()


def test_the_organisations_figures_are_kept_until_what_they_rest_on_changes(
    client, workplace, leader, admin, closed_round
):
    """The roll-up keeps the organisation's figures in the cache (selectors/rollup.py, _kept_summary): a
    round sealed elsewhere, a round closed early and a new threshold each show at once."""
    from frontloeber.reflection import services

    def organisation_p1():
        summary = client.get(org_url("rollup", workplace.organisation)).context["rollup"]["summary"]
        cell = next(cell for cell in summary if cell["practice"].code == "P1")
        return cell["count"], cell["mean"]

    client.force_login(admin)
    count, mean = organisation_p1()
    assert count == 1 and mean == pytest.approx(4.0)
    assert organisation_p1() == (count, mean)  # read from the cache now
    other = WorkplaceFactory(organisation=workplace.organisation, name="Vuggestuen Solsikken")
    past_round(other, member(other, Role.LEADER).user, opened_days_ago=30, respondents=6, value=2)
    count, mean = organisation_p1()
    assert count == 2 and mean < 4.0
    services.organisation_threshold_update(actor=admin, organisation=workplace.organisation, threshold=6)
    assert organisation_p1()[0] == 1  # the first round had five answers
    services.organisation_threshold_update(actor=admin, organisation=workplace.organisation, threshold=5)
    assert organisation_p1()[0] == 2
    # A round whose answers came in before it was asked to close early counts from the day it closes.
    third = WorkplaceFactory(organisation=workplace.organisation, name="Dagplejen Nord")
    under_way = past_round(third, member(third, Role.LEADER).user, opened_days_ago=5, respondents=6)
    assert organisation_p1()[0] == 2
    under_way.closed_early_on = under_way.opens_on
    under_way.save(update_fields=["closed_early_on"])
    assert organisation_p1()[0] == 3
