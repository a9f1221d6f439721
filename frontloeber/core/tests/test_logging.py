"""A refusal (403) is one line in the log, not a traceback; a crash (500) keeps its traceback."""

import logging

import pytest
from django.contrib.auth.decorators import login_not_required
from django.test import Client
from django.urls import include, path, reverse

from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, make_idea, member


@login_not_required
def _boom(request):
    raise RuntimeError("det gik galt her")


urlpatterns = [path("boom/", _boom), path("", include("frontloeber.urls"))]


def _formatted(record):
    return logging.Formatter("%(levelname)s %(name)s %(message)s").format(record)


@pytest.mark.django_db
def test_a_refusal_is_logged_as_one_line_without_a_traceback(client, caplog):
    workplace = WorkplaceFactory()
    leader = member(workplace, Role.LEADER).user
    idea = make_idea(workplace, author=leader)
    employee = member(workplace, Role.EMPLOYEE).user
    client.force_login(employee)
    address = reverse("ideas:idea_merge", kwargs={"workplace_slug": workplace.slug, "idea_id": idea.pk})
    with caplog.at_level(logging.INFO, logger="django.request"):
        response = client.get(address)
    assert response.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    record = records[0]
    assert record.exc_info is None and not record.exc_text
    line = _formatted(record)
    assert "\n" not in line and "Traceback" not in line
    assert record.levelno == logging.WARNING
    assert "403" in line and "GET" in line and address in line


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_a_crash_still_logs_its_traceback(caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.INFO, logger="django.request"):
        response = client.get("/boom/")
    assert response.status_code == 500
    record = next(r for r in caplog.records if r.name == "django.request")
    assert record.exc_info is not None
    line = _formatted(record)
    assert "Traceback" in line and "det gik galt her" in line


def test_the_refusal_line_keeps_secrets_out_of_the_path():
    from frontloeber.core.logging_filters import OneLineRefusalFilter

    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Forbidden (Permission denied): %s",
        ("/konto/invitation/eyJpIjo0Mn0:1uQ:SiGnAtUrE/",),
        (PermissionError, PermissionError("nej"), None),
    )
    record.status_code = 403

    class Request:
        method = "POST"
        path = "/konto/invitation/eyJpIjo0Mn0:1uQ:SiGnAtUrE/"

    record.request = Request()
    assert OneLineRefusalFilter().filter(record)
    line = _formatted(record)
    assert record.exc_info is None
    assert "SiGnAtUrE" not in line and "/konto/invitation/[skjult]/" in line and "POST" in line


def test_a_newline_in_a_refused_address_cannot_forge_a_log_line():
    """Django escapes the path it logs (CVE-2025-48432); the one-line refusal keeps it escaped."""
    from django.core.exceptions import PermissionDenied
    from django.http import HttpResponseForbidden
    from django.test import RequestFactory
    from django.utils.log import log_response

    from frontloeber.core.logging_filters import OneLineRefusalFilter

    lines = []

    class Capture(logging.Handler):
        def emit(self, record):
            lines.append(record.getMessage())

    logger = logging.getLogger("frontloeber.tests.refusals")
    logger.propagate = False
    handler = Capture()
    logger.addHandler(handler)
    logger.addFilter(OneLineRefusalFilter())
    request = RequestFactory().get("/a/x/%0A2026-01-01%20CRITICAL%20forged/")
    try:
        raise PermissionDenied("nej")
    except PermissionDenied as error:
        log_response(
            "Forbidden (Permission denied): %s",
            request.path,
            response=HttpResponseForbidden(),
            request=request,
            exception=error,
            logger=logger,
        )
    logger.removeHandler(handler)
    assert len(lines) == 1
    assert "\n" not in lines[0] and "\\n2026-01-01" in lines[0]
