"""Issue 17, point 7, through the pages: the leader shares a closed round's report with the team and the MED
committee from the round's page; until then its pages, PDF and CSV are the leader's and the admins'."""

import pytest

from frontloeber.organisations.models import Role
from frontloeber.reflection import services
from frontloeber.reflection.models import ReportShare
from tests.factories import member

from .helpers import da_text, has_error_summary, html, messages_of, org_round_url, round_url, url

pytestmark = pytest.mark.django_db

REPORT_PAGES = ["round_detail", "round_pdf", "round_csv"]


def statuses(client, round_):
    return [client.get(round_url(name, round_)).status_code for name in REPORT_PAGES]


def test_until_shared_the_report_is_the_leaders_and_the_admins(
    client, workplace, leader, employee, observer, admin, closed_round
):
    for reader in (employee, observer):
        client.force_login(reader)
        assert statuses(client, closed_round) == [404, 404, 404]
        home = client.get(url("home", workplace))
        assert closed_round.get_absolute_url() not in html(home)
    client.force_login(leader)
    assert statuses(client, closed_round) == [200, 200, 200]
    page = html(client.get(closed_round.get_absolute_url()))
    not_shared = (
        "Not shared: only the round's leader, the workplace's other leaders and the organisation's admins "
        "can read it."
    )
    assert da_text(not_shared) in page.replace("&#x27;", "'")
    client.force_login(admin)
    assert client.get(org_round_url("organisation_round", closed_round)).status_code == 200


def test_the_leader_shares_with_the_med_committee_and_later_stops(
    client, workplace, leader, employee, observer, closed_round
):
    client.force_login(leader)
    response = client.post(round_url("round_sharing", closed_round), {"audiences": ["med"]})
    assert response.status_code == 302 and response.url.endswith("#sharing")
    assert messages_of(response)[0][0] == "success"
    assert list(ReportShare.objects.values_list("audience", flat=True)) == ["med"]
    page = html(client.get(closed_round.get_absolute_url()))
    assert 'value="med" checked' in page and 'value="team" checked' not in page

    client.force_login(observer)
    assert statuses(client, closed_round) == [200, 200, 200]
    home = html(client.get(url("home", workplace)))
    assert closed_round.get_absolute_url() in home
    assert round_url("round_sharing", closed_round) not in html(client.get(closed_round.get_absolute_url()))
    client.force_login(employee)
    assert statuses(client, closed_round) == [404, 404, 404]

    client.force_login(leader)
    client.post(round_url("round_sharing", closed_round), {})  # every box left empty: shared with nobody
    assert not ReportShare.objects.exists()
    client.force_login(observer)
    assert statuses(client, closed_round) == [404, 404, 404]


def test_another_leader_sees_with_whom_but_cannot_change_it(client, workplace, leader, closed_round):
    services.report_sharing_update(actor=leader, round_=closed_round, audiences=["team"])
    co_leader = member(workplace, Role.LEADER).user
    client.force_login(co_leader)
    page = html(client.get(closed_round.get_absolute_url()))
    assert 'id="sharing"' in page and round_url("round_sharing", closed_round) not in page
    response = client.post(round_url("round_sharing", closed_round), {"audiences": ["med"]})
    assert messages_of(response)[0][0] == "error"
    assert list(ReportShare.objects.values_list("audience", flat=True)) == ["team"]


@pytest.mark.parametrize("role", [Role.EMPLOYEE, Role.OBSERVER])
def test_a_member_who_is_not_a_leader_cannot_share(client, workplace, closed_round, role):
    client.force_login(member(workplace, role).user)
    assert client.post(round_url("round_sharing", closed_round), {"audiences": ["team"]}).status_code == 403
    assert not ReportShare.objects.exists()


def test_an_audience_not_offered_is_refused_with_the_form_again(client, leader, closed_round):
    client.force_login(leader)
    response = client.post(round_url("round_sharing", closed_round), {"audiences": ["leader_group"]})
    assert response.status_code == 400 and has_error_summary(response)
    assert not ReportShare.objects.exists()


def test_a_round_under_way_offers_no_sharing(client, leader, round_):
    client.force_login(leader)
    assert round_url("round_sharing", round_) not in html(client.get(round_.get_absolute_url()))
    response = client.post(round_url("round_sharing", round_), {"audiences": ["team"]})
    assert messages_of(response) == [("error", da_text("A report can be shared when the round has closed."))]
    assert not ReportShare.objects.exists()
