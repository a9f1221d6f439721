"""The API fuzzed by schemathesis through a real server on loopback: every operation of its OpenAPI schema
(a new endpoint is fuzzed as it comes), a bounded number of generated requests each (derandomized: the same
requests every run), each sent with an organisation token and with a personal token. No answer may be a
server error, and every answer must be one the schema documents: its status code, its content type and its
body.

The schema is the API's own, read at collection so that each operation is a test of its own
(schemathesis's loader from a fixture does not run under pytest 9); the first test checks that it is the
schema the server serves at /api/v1/openapi.json.

The server is the product's own (gunicorn, one worker, ``tests.fuzz_settings``) in a process of its own,
on the test database: on PostgreSQL the test database itself, on SQLite (an in-memory database the server
cannot reach) a copy of it in a file. The organisation it reads (tests/api_world.py) is committed for the
module and emptied away after it, as a transactional test's rows are.
"""

import json
import os
import sqlite3
import sys
from dataclasses import dataclass

import httpx
import pytest
import schemathesis
from django.core.management import call_command
from django.db import connection
from django.test import Client
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from frontloeber.api.api import api
from tests.api_world import make_organisation
from tests.cluster import REQUEST_TIMEOUT, ROOT, Cluster, _database_url, _free_ports, _spawn, _wait_for
from tests.factories import restore_content

# The test itself asks the server only; the mark has the test database made for the module's fixture.
pytestmark = pytest.mark.django_db

# Generated requests per operation in the fuzzing phase (schemathesis adds its examples and its coverage
# phase's boundary cases): with both tokens, the whole run takes well under two minutes.
EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "25"))  # more for a deeper run by hand
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@dataclass
class Served:
    url: str
    secrets: dict  # who: the token's secret
    cluster: Cluster


def _served_database(directory):
    """The ``DATABASE_URL`` the server reads the test database by."""
    settings_dict = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = directory / "fuzz.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(copy)
        with target:
            connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}"
    return _database_url(settings_dict)


@pytest.fixture(scope="module")
def served(django_db_setup, django_db_blocker, tmp_path_factory):
    directory = tmp_path_factory.mktemp("api-fuzz")
    (port,) = _free_ports(1)
    cluster = Cluster(
        url=f"http://127.0.0.1:{port}",
        ca_file=None,
        mail_dir=directory,
        directory=directory,
        nodes={"api": port},
    )
    with django_db_blocker.unblock():
        try:
            org = make_organisation(2)
            first, second = org.places
            env = {
                **{k: v for k, v in os.environ.items() if k != "DATABASE_URL"},
                "DJANGO_SETTINGS_MODULE": "tests.fuzz_settings",
                "DATABASE_URL": _served_database(directory),
                "DEBUG": "false",
                "LOG_LEVEL": "WARNING",
                "MEDIA_ROOT": str(directory / "media"),
            }
            _spawn(
                cluster,
                "api",
                [
                    sys.executable, "-m", "gunicorn", "frontloeber.wsgi", "--workers", "1",
                    "--bind", f"127.0.0.1:{port}", "--timeout", str(REQUEST_TIMEOUT), "--no-control-socket",
                    "--config", str(ROOT / "gunicorn.conf.py"),
                ],
                env,
            )  # fmt: skip
            _wait_for(cluster, "api", port)
            KNOWN_IDS.update(
                workplace_id=[first.workplace.pk, second.workplace.pk],
                round_id=[first.rows["round"].pk, second.rows["round"].pk],
                plan_id=[first.rows["plan"].pk],
                case_id=[first.rows["case"].pk],
                session_id=[first.rows["session"].pk],
            )
            yield Served(
                url=cluster.url,
                secrets={"organisation": org.secrets["organisation"], "personal": org.secrets["personal"]},
                cluster=cluster,
            )
        finally:
            cluster.stop()
            # As a transactional test ends: every table emptied, the content data migrations load put back.
            call_command("flush", interactive=False, verbosity=0)
            restore_content()


# The schema the server serves (test_the_server_serves_the_schema_fuzzed).
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
# Ids of rows the tokens read, by parameter name (set by ``served``).
KNOWN_IDS = {}


def _with_known_ids(values):
    """Often an id of a row the tokens read instead of the generated one, so the fuzz gets past the 404s."""
    choices = [values]
    for name, ids in KNOWN_IDS.items():
        if name in (values or {}):
            choices += [{**values, name: known} for known in ids]
    return st.sampled_from(choices)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    return _with_known_ids(path_parameters)


@schema.hook
def flatmap_query(context, query):
    return _with_known_ids(query)


def test_the_server_serves_the_schema_fuzzed(served):
    served_schema = httpx.get(f"{served.url}/api/v1/openapi.json", timeout=REQUEST_TIMEOUT).json()
    assert served_schema == json.loads(json.dumps(api.get_openapi_schema()))


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_its_schema_says(case, served):
    for who, secret in served.secrets.items():
        try:
            case.call_and_validate(
                base_url=served.url,
                headers={"Authorization": f"Bearer {secret}"},
                checks=CHECKS,
                timeout=REQUEST_TIMEOUT,
            )
        except Exception as failure:
            failure.add_note(f"with the {who} token; the server's log:\n{served.cluster.logs()[-2000:]}")
            raise


# --- What the fuzz found, kept as plain tests (in-process, on the module's organisation) --------------------

OPERATIONS = {
    f"{method.upper()} {path}": operation
    for path, methods in json.loads(json.dumps(api.get_openapi_schema()))["paths"].items()
    for method, operation in methods.items()
}
TOO_BIG = str(2**64)  # beyond the databases' 64-bit ids
IDEA = {"title": "Idé", "need": "Behov", "description": "Beskrivelse"}


def _types(parameter_schema):
    options = parameter_schema.get("anyOf", [parameter_schema])
    return {option.get("type") for option in options}


INTEGER_PARAMETERS = [
    (key, parameter["name"], parameter["in"])
    for key, operation in OPERATIONS.items()
    for parameter in operation.get("parameters", [])
    if "integer" in _types(parameter["schema"])
]


def _ask(served, key, *, path_values=None, query="", body=None):
    method, path = key.split(" ", 1)
    for name, ids in KNOWN_IDS.items():
        path = path.replace("{" + name + "}", str((path_values or {}).get(name, ids[0])))
    client = Client(HTTP_AUTHORIZATION=f"Bearer {served.secrets['personal']}", HTTP_ACCEPT_LANGUAGE="en")
    return client.generic(method, path + query, json.dumps(body or IDEA), content_type="application/json")


@pytest.mark.parametrize(("key", "name", "where"), INTEGER_PARAMETERS)
def test_an_id_beyond_64_bits_is_refused_as_a_problem_not_a_server_error(served, key, name, where):
    """The fuzz's case-take-ups?case_id=-117285924540447963231850999154999296 was a 500 (the number reached
    the database); every integer parameter is bounded now."""
    if where == "path":
        response = _ask(served, key, path_values={name: TOO_BIG})
    else:
        response = _ask(served, key, query=f"?{name}={TOO_BIG}")
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert [e["name"] for e in response.json()["errors"]] == [name]


def test_an_idea_with_a_challenge_id_beyond_64_bits_is_refused(served):
    key = "POST /api/v1/workplaces/{workplace_id}/ideas"
    response = _ask(served, key, body={**IDEA, "challenge_id": 2**64})
    assert response.status_code == 400
    assert [e["name"] for e in response.json()["errors"]] == ["payload.challenge_id"]


@pytest.mark.parametrize("key", sorted(OPERATIONS))
def test_a_nul_in_the_address_is_refused_as_a_problem(served, key):
    """The fuzz's state=%00… got the site's HTML page for a NUL (core.middleware.RefuseNulMiddleware); an API
    address answers with a problem detail."""
    response = _ask(served, key, query="?q=%00")
    assert response.status_code == 400, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"
    assert "NUL" in response.json()["detail"]


@pytest.mark.parametrize("key", sorted(OPERATIONS))
def test_the_schema_documents_what_the_server_sends(key):
    """Problem details as application/problem+json (ninja documented them as application/json), a GET's 304,
    and the web server's 414 to an address too long (the fuzz met both)."""
    responses = OPERATIONS[key]["responses"]
    for status, response in responses.items():
        for media_type, content in response.get("content", {}).items():
            if content["schema"].get("$ref", "").endswith("/Problem"):
                assert media_type == "application/problem+json", (key, status)
    assert "414" in responses
    assert ("304" in responses) == key.startswith("GET ")
