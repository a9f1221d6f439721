"""Every PDF the product makes is tagged (PDF/UA-1, issue 17 point 11): a structure tree with headings and
paragraphs a screen reader follows, the document's language and its title, read back from the file."""

import io

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from frontloeber.organisations.models import Role
from frontloeber.reflection import services as reflection_services
from frontloeber.workshops import services as workshop_services
from tests.factories import answer_round, live_session, member, open_round

pytestmark = pytest.mark.django_db


def structure(node, found=None):
    """The structure types of a tagged PDF's tree, depth first."""
    found = [] if found is None else found
    node = node.get_object()
    if "/S" in node:
        found.append(str(node["/S"]))
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        kid = kid.get_object() if hasattr(kid, "get_object") else kid
        if isinstance(kid, dict):
            structure(kid, found)
    return found


def read_back(response):
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(response.content))
    catalogue = pdf.trailer["/Root"]
    assert bool(catalogue["/MarkInfo"]["/Marked"]) and bool(
        catalogue["/ViewerPreferences"]["/DisplayDocTitle"]
    )
    return catalogue["/Lang"], pdf.metadata.title, structure(catalogue["/StructTreeRoot"])


@pytest.fixture
def leader(workplace):
    return member(workplace, Role.LEADER, full_name="Lene Leder").user


def test_the_survey_report_is_tagged_with_its_language_and_title(client, workplace, leader):
    employees = [member(workplace).user for _ in range(5)]
    round_ = open_round(workplace, leader=leader)
    for employee in employees:
        answer_round(round_, employee)
    reflection_services.round_close(actor=leader, round_=round_)
    client.force_login(leader)
    address = reverse(
        "reflection:round_pdf", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk}
    )
    language, title, tags = read_back(client.get(address))
    assert language == "da" and title == f"Refleksion over ledelse hos {workplace.name}"
    assert "/H1" in tags and "/P" in tags and "/Table" in tags and "/TH" in tags
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    language, title, _tags = read_back(client.get(address))
    assert language == "en" and title == f"Reflection on leadership at {workplace.name}"


def test_the_workshop_summary_and_material_pack_are_tagged(client, workplace, leader):
    session = live_session(workplace, leader=leader)
    workshop_services.session_end(actor=leader, session=session)
    client.force_login(leader)
    summary = reverse(
        "workshops:session_summary_pdf", kwargs={"workplace_slug": workplace.slug, "session_id": session.pk}
    )
    response = client.get(summary)
    day = timezone.localtime(session.starts_at).date().isoformat()
    assert response["Content-Disposition"] == f'attachment; filename="workshop-idevinduet-{day}.pdf"'
    language, title, tags = read_back(response)
    assert language == "da" and title.startswith("Referat af") and "/H1" in tags
    materials = reverse(
        "workshops:format_materials", kwargs={"workplace_slug": workplace.slug, "format_slug": "idevinduet"}
    )
    response = client.get(materials)
    assert response["Content-Disposition"] == 'attachment; filename="materialer-idevinduet.pdf"'
    language, title, tags = read_back(response)
    assert language == "da" and title == "Materialer: Idévinduet" and "/H1" in tags and "/P" in tags
