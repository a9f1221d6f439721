"""Personal survey links never reach a log line."""

import datetime
import logging
import runpy
from pathlib import Path

import pytest
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


# A password-reset link (uidb64 and token) and an invitation link (a signed token) are credentials too: a
# reset link read from a log took over the account.
RESET_PATH = "/konto/nulstil/MTIz/cm0x2k-6f1e0c8a1b2c3d4e5f60718293a4b5c6/"
INVITATION_PATH = "/konto/invitation/eyJpIjo0Miwibm9uY2UiOiJhYmMifQ:1uQwer:SiGnAtUrE_x-y/"
SECRET_PATHS = {
    "reset": (RESET_PATH, "/konto/nulstil/[skjult]/[skjult]/", "6f1e0c8a"),
    "invitation": (INVITATION_PATH, "/konto/invitation/[skjult]/", "SiGnAtUrE"),
    # The e-mails' one-click links act for their reader.
    "unfollow": ("/varsler/stop-foelg/NDI:1uQwer:UnFoLlOw_sig/", "/varsler/stop-foelg/[skjult]/", "UnFoLlOw"),
    "digest_off": ("/varsler/stop-mail/Nw:1uQwer:DiGeSt_sig/", "/varsler/stop-mail/[skjult]/", "DiGeSt"),
}


@pytest.mark.parametrize("kind", SECRET_PATHS)
def test_reset_and_invitation_links_are_cut_from_a_path(kind):
    path, redacted, secret = SECRET_PATHS[kind]
    assert redact(f"GET {path} HTTP/1.1") == f"GET {redacted} HTTP/1.1"
    assert redact(f"https://fl.example.dk{path}?next=/") == f"https://fl.example.dk{redacted}?next=/"
    # The pages around them keep their addresses.
    for harmless in ("/konto/nulstil/faerdig/", "/konto/glemt/", "/konto/glemt/sendt/", "/konto/login/"):
        assert redact(harmless) == harmless


@pytest.mark.parametrize("kind", SECRET_PATHS)
def test_djangos_request_log_is_redacted_for_reset_and_invitation_links(caplog, kind):
    path, _redacted, secret = SECRET_PATHS[kind]
    logger = logging.getLogger("django.request.test")
    logger.addFilter(RedactSecretsFilter())
    with caplog.at_level(logging.WARNING):
        logger.warning("Not Found: %s", path)
        logger.warning(f"Bad request {path}")
    assert secret not in caplog.text and caplog.text.count("[skjult]") >= 2


@pytest.mark.parametrize("kind", SECRET_PATHS)
def test_gunicorns_access_log_is_redacted_for_reset_and_invitation_links(kind):
    address, _redacted, secret = SECRET_PATHS[kind]
    logger = load_class("frontloeber.core.redaction.RedactingGunicornLogger")(Config())

    class Request:
        method, path, query, uri, version, headers = "GET", address, "", address, (1, 1), []

    class Response:
        status, response_length, headers, sent = "200 OK", 0, [], 0

    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": address,
        "PATH_INFO": address,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "10.0.0.1",
        "QUERY_STRING": "",
        "HTTP_REFERER": "https://fl.example.dk" + address,
    }
    atoms = logger.atoms(Response(), Request(), environ, datetime.timedelta(seconds=0.01))
    for key in ("r", "U", "f", "{raw_uri}e", "{path_info}e", "{http_referer}e"):
        assert secret not in atoms[key], key
    assert not [key for key, value in atoms.items() if secret in str(value)]
    assert "[skjult]" in atoms["r"] and "[skjult]" in atoms["f"]


def test_every_gunicorn_we_start_has_the_redacting_logger():
    """gunicorn.conf.py names it, and each place that starts gunicorn reads that file."""
    root = Path(__file__).resolve().parents[3]
    config = Config()
    for name, value in runpy.run_path(str(root / "gunicorn.conf.py")).items():
        if name in config.settings:
            config.set(name, value)
    assert config.logger_class.__name__ == "RedactingGunicornLogger"
    for starter in ("Makefile", "benchmarks/load.py", "tests/cluster.py"):
        assert "gunicorn.conf.py" in (root / starter).read_text(), starter
