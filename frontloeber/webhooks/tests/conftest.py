"""The webhook tests' world: a real HTTP receiver on 127.0.0.1 that records what it is sent and answers with
the status codes a test scripts, an organisation with its admin and a workplace, and the README's own
verification function (so the documented check is the one the tests use)."""

import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

from frontloeber.organisations.models import Role
from frontloeber.organisations.services import organisation_admin_add
from tests.factories import OrganisationFactory, UserFactory, WorkplaceFactory, member


@dataclass
class Received:
    path: str
    headers: object  # email.message.Message: looked up by name, case-insensitively
    body: bytes


class Receiver:
    """What the server was sent, and the status codes it answers next (then 200)."""

    def __init__(self, server):
        self.server = server
        self.requests: list[Received] = []
        self.script: list[int] = []
        self.answer_body = b"ok"
        self.lock = threading.Lock()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def answer(self, *statuses, body=b"ok"):
        with self.lock:
            self.script = list(statuses)
            self.answer_body = body

    def next_status(self):
        with self.lock:
            return self.script.pop(0) if self.script else 200

    def reset(self):
        with self.lock:
            self.requests.clear()
            self.script = []
            self.answer_body = b"ok"


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self):  # noqa: N802  the name http.server calls
        receiver = self.server.receiver
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status = receiver.next_status()
        with receiver.lock:
            receiver.requests.append(Received(self.path, self.headers, body))
        self.send_response(status)
        if 300 <= status < 400:
            self.send_header("Location", receiver.url + "/elsewhere")
        self.send_header("Content-Length", str(len(receiver.answer_body)))
        self.end_headers()
        self.wfile.write(receiver.answer_body)

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def receiver_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.receiver = Receiver(server)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def receiver(receiver_server):
    receiver_server.receiver.reset()
    yield receiver_server.receiver
    receiver_server.receiver.reset()


def _readme_verifier():
    readme = (Path(settings.BASE_DIR) / "README.md").read_text()
    section = readme.split("### Verifying a delivery", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)
    namespace = {}
    exec(compile(code, "README.md (Verifying a delivery)", "exec"), namespace)  # noqa: S102  our own README
    return namespace["verify_frontloeber_webhook"]


@pytest.fixture(scope="session")
def verify():
    """``verify_frontloeber_webhook(secret, headers, body, now=None)`` exactly as the README gives it."""
    return _readme_verifier()


@pytest.fixture
def org():
    organisation = OrganisationFactory(name="Fjordby Kommune")
    admin = UserFactory(email="admin@fjordby.dk", full_name="Anne Admin")
    organisation_admin_add(organisation=organisation, user=admin)
    workplace = WorkplaceFactory(organisation=organisation, name="Børnehuset Mælkebøtten")
    leader = member(workplace, Role.LEADER, full_name="Lene Leder").user
    employee = member(workplace, Role.EMPLOYEE, full_name="Erik Ansat").user
    return SimpleNamespace(
        organisation=organisation, admin=admin, workplace=workplace, leader=leader, employee=employee
    )


@pytest.fixture
def production(settings):
    """As in production: https to the internet only."""
    settings.WEBHOOKS_ALLOW_LOOPBACK = False
