"""Text inside the PDFs' CSS (the page footer's `content: "…"`) is escaped for CSS, not for JavaScript.

`escapejs` wrote `\\u0026` for `&`, which CSS reads as the letter `u` followed by `0026`: the footer showed
"u0026" where the workplace's name had "&".
"""

import io

import pytest
import tinycss2
from django.template.loader import render_to_string
from django.urls import reverse
from pypdf import PdfReader

from frontloeber.core.pdf import FONT_DIR
from frontloeber.organisations.models import Role
from frontloeber.reflection import services as reflection_services
from frontloeber.workshops import services as workshop_services
from tests.factories import WorkplaceFactory, answer_round, live_session, member, open_round

NAME = 'A & "B" <C>'
NASTY = [
    NAME,
    "Æblehaven – Ø's \\ hus",
    'x"; } body { display: none } @page { content: "',
    "</style><script>1</script>",
    "to\nlinjer\r\x0c",
    "\u202eomvendt",
    "",
]


def _css_content_strings(css_text):
    """The strings of every `content: "…"` declaration in a stylesheet, as a CSS parser reads them."""
    found = []
    blocks = list(tinycss2.parse_stylesheet(css_text, skip_comments=True, skip_whitespace=True))
    while blocks:
        content = getattr(blocks.pop(0), "content", None)
        for item in tinycss2.parse_blocks_contents(content) if content else []:
            if item.type == "declaration" and item.lower_name == "content":
                found.extend(token.value for token in item.value if token.type == "string")
            elif item.type in ("at-rule", "qualified-rule"):
                blocks.append(item)
    return found


@pytest.mark.parametrize("text", NASTY)
def test_css_string_reads_back_as_the_same_text_and_cannot_leave_the_string(text):
    from frontloeber.core.templatetags.frontloeber import css_string

    escaped = css_string(text)
    for forbidden in ('"', "'", "<", ">", "&", "\n", "\r", "\x0c"):
        assert forbidden not in escaped
    parsed = tinycss2.parse_component_value_list(f'"{escaped}"')
    assert [t.type for t in parsed] == ["string"]
    assert parsed[0].value == text


def test_the_workshop_pdf_style_writes_the_footer_for_css():
    html = render_to_string("workshops/_pdf_style.html", {"footer": NAME, "pdf_font_dir": FONT_DIR.as_uri()})
    css = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "u0026" not in css and "\\u" not in css
    assert _css_content_strings(css) == [NAME, " / "]


@pytest.mark.django_db
def test_the_workshop_summary_pdf_footer_shows_the_name_literally(client):
    workplace = WorkplaceFactory(name=NAME)
    leader = member(workplace, Role.LEADER).user
    session = live_session(workplace, leader=leader)
    workshop_services.session_end(actor=leader, session=session)
    client.force_login(leader)
    response = client.get(
        reverse(
            "workshops:session_summary_pdf",
            kwargs={"workplace_slug": workplace.slug, "session_id": session.pk},
        )
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert NAME in text
    assert "u0026" not in text and "u0022" not in text and "u003C" not in text


@pytest.mark.django_db
def test_the_survey_report_pdf_footer_shows_the_name_literally(client, mailoutbox):
    workplace = WorkplaceFactory(name=NAME)
    leader = member(workplace, Role.LEADER).user
    employees = [member(workplace, Role.EMPLOYEE).user for _ in range(5)]
    round_ = open_round(workplace, leader=leader)
    for employee in employees:
        answer_round(round_, employee)
    reflection_services.round_close(actor=leader, round_=round_)
    client.force_login(leader)
    response = client.get(
        reverse("reflection:round_pdf", kwargs={"workplace_slug": workplace.slug, "round_id": round_.pk})
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pages = PdfReader(io.BytesIO(response.content)).pages
    footer_page = pages[-1].extract_text()
    assert NAME in footer_page
    text = "\n".join(page.extract_text() for page in pages)
    assert "u0026" not in text and "u0022" not in text and "u003C" not in text
