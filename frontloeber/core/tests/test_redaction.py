"""Personal survey links never reach a log line."""

import datetime
import logging

from gunicorn.config import Config
from gunicorn.util import load_class

from frontloeber.core.redaction import RedactSecretsFilter, redact

PATH = "/a/solsikken/refleksion/link/Xy7-abc_DEF123ghiJKL456mno/"


def test_the_secret_is_cut_from_a_path():
    assert redact(f"GET {PATH} HTTP/1.1") == "GET /a/solsikken/refleksion/link/[skjult]/ HTTP/1.1"
    assert redact("/a/solsikken/refleksion/runder/4/") == "/a/solsikken/refleksion/runder/4/"


def test_djangos_request_log_is_redacted(caplog):
    logger = logging.getLogger("django.request.test")
    logger.addFilter(RedactSecretsFilter())
    with caplog.at_level(logging.WARNING):
        logger.warning("Not Found: %s", PATH)
    assert "Xy7-abc" not in caplog.text and "[skjult]" in caplog.text


def test_gunicorns_access_log_is_redacted():
    logger_class = load_class("frontloeber.core.redaction.RedactingGunicornLogger")
    logger = logger_class(Config())

    class Request:
        method, path, query, uri, version, headers = "GET", PATH, "", PATH, (1, 1), []

    class Response:
        status, response_length, headers, sent = "302 Found", 0, [], 0

    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": PATH,
        "PATH_INFO": PATH,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.1",
        "QUERY_STRING": "",
    }
    atoms = logger.atoms(Response(), Request(), environ, datetime.timedelta(seconds=0.01))
    assert "Xy7-abc" not in atoms["r"] and "Xy7-abc" not in atoms["U"]
