"""Session fixtures that run the test identity providers as processes of their own: ``saml_idp``
(tests/idp/saml_idp.py, pysaml2) and ``oidc_idp`` (tests/idp/oidc_provider.js, the npm package oidc-provider).

Each is started once per test process (with pytest-xdist, once per worker), on a free port of 127.0.0.1, and
stopped at the end of the session. The fixtures never skip: a missing xmlsec1, node or ``npm ci --prefix
tests/idp`` fails the tests that need them, with what to install. Both processes watch their stdin, which
only the test process holds, so they go even when the test process is killed.

Register them for the whole suite with ``pytest_plugins = ["tests.idp.fixtures"]`` in the root conftest.py.
"""

import queue
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest

HERE = Path(__file__).resolve().parent
START_TIMEOUT = 20  # seconds until READY; a bound, never reached when all is well
REQUEST_TIMEOUT = 10
# Claims beyond the standard ones that the OpenID Connect provider releases (with the profile scope).
OIDC_CUSTOM_CLAIMS = ("groups", "roles")


class IdpProcess:
    """One identity provider process: started with its command, ready once it printed ``READY <port>``."""

    def __init__(self, name: str, command: list[str], log_file: Path):
        self.name = name
        self.log_file = log_file
        with log_file.open("wb") as log:
            self.process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, cwd=HERE
            )
        self.port = self._wait_for_ready()

    def _wait_for_ready(self) -> int:
        # readline() blocks, so a thread reads the first line and the test process waits for it with a bound.
        lines: queue.Queue[bytes] = queue.Queue()
        threading.Thread(target=lambda: lines.put(self.process.stdout.readline()), daemon=True).start()
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            self.stop()
            pytest.fail(f"{self.name} printed no READY line in {START_TIMEOUT} s.\n{self.log_tail()}")
        if not line.startswith(b"READY "):
            self.stop()
            pytest.fail(f"{self.name} did not start (first line {line!r}).\n{self.log_tail()}")
        return int(line.split()[1])

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_file.read_text(errors="replace").splitlines()[-lines:]
        return f"Its log ({self.log_file}):\n" + "\n".join(text)

    def stop(self) -> None:
        # Either alone stops it (EOF on stdin, SIGTERM); a process that ignores both is killed.
        self.process.stdin.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process.stdout.close()


class SamlIdp:
    """The running SAML IdP. ``entity_id`` is ``metadata_url``; ``x509cert`` is its signing certificate as
    python3-saml's settings want it (the PEM body on one line), ``certificate_pem`` the whole PEM."""

    def __init__(self, port: int, key_dir: Path):
        self.base_url = f"http://127.0.0.1:{port}"
        self.metadata_url = f"{self.base_url}/metadata"
        self.entity_id = self.metadata_url
        self.sso_url = f"{self.base_url}/sso"
        self.certificate_pem = (key_dir / "idp.crt").read_text()
        self.x509cert = "".join(line for line in self.certificate_pem.splitlines() if "-----" not in line)
        self.http = httpx.Client(base_url=self.base_url, timeout=REQUEST_TIMEOUT)

    def register_sp(self, metadata_xml: bytes) -> None:
        """Register (or replace, by entityID) an SP from its metadata XML."""
        answer = self.http.post("/sps", content=metadata_xml, headers={"Content-Type": "application/xml"})
        _check(answer)

    def put_user(
        self,
        username: str,
        password: str,
        attributes: dict[str, list[str]],
        name_id: str | None = None,
        expired: bool = False,
    ) -> None:
        """Create or replace a user. ``attributes`` go out with NameFormat uri under exactly these names; the
        NameID is ``name_id`` (format persistent) or else the username. An ``expired`` user's assertion
        ended 10 minutes ago (still correctly signed)."""
        body = {"password": password, "attributes": attributes, "name_id": name_id, "expired": expired}
        _check(self.http.put(f"/users/{username}", json=body))

    def delete_user(self, username: str) -> None:
        _check(self.http.delete(f"/users/{username}"))

    def last_request(self) -> dict | None:
        """The last AuthnRequest the IdP saw: ``force_authn`` (bool), ``sp`` (its entityID), ``request_id``,
        ``acs_url`` (where the answer goes), ``relay_state`` and ``binding``; None before any."""
        answer = self.http.get("/last-request")
        if answer.status_code == 404:
            return None
        _check(answer)
        return answer.json()


class OidcIdp:
    """The running OpenID Connect provider; ``issuer`` is ``base_url``, its discovery document at
    ``discovery_url``."""

    def __init__(self, port: int):
        self.base_url = f"http://127.0.0.1:{port}"
        self.issuer = self.base_url
        self.discovery_url = f"{self.issuer}/.well-known/openid-configuration"
        self.http = httpx.Client(base_url=self.base_url, timeout=REQUEST_TIMEOUT)

    def register_client(
        self, client_id: str, client_secret: str, redirect_uris: list[str], **metadata: object
    ) -> None:
        """Register (or replace) a confidential client. It may authenticate at the token endpoint with
        client_secret_post or client_secret_basic; any other client metadata (``post_logout_redirect_uris``)
        may be passed as keywords."""
        body = {
            "client_id": client_id,
            "client_secret": client_secret,
            "redirect_uris": redirect_uris,
            **metadata,
        }
        _check(self.http.post("/test/clients", json=body))

    def put_user(self, login: str, password: str, claims: dict) -> None:
        """Create or replace a user. ``sub`` is the login; ``claims`` are released for the scopes openid,
        email and profile, in the ID token and at userinfo: the standard claims, and OIDC_CUSTOM_CLAIMS
        with profile (any other claim is refused with a 400)."""
        _check(self.http.put(f"/test/users/{login}", json={"password": password, "claims": claims}))

    def delete_user(self, login: str) -> None:
        _check(self.http.delete(f"/test/users/{login}"))

    def last_auth(self) -> dict | None:
        """The parameters of the last authorization request (``prompt``, ``nonce``, ``code_challenge``,
        ``code_challenge_method``, ``scope``, ``state``, ``redirect_uri``, ...); None before any."""
        answer = self.http.get("/test/last-auth")
        if answer.status_code == 404:
            return None
        _check(answer)
        return answer.json()


def _check(answer: httpx.Response) -> None:
    if answer.is_error:
        raise AssertionError(
            f"{answer.request.method} {answer.request.url}: {answer.status_code} {answer.text}"
        )


@pytest.fixture(scope="session")
def saml_idp(tmp_path_factory) -> Iterator[SamlIdp]:
    if shutil.which("xmlsec1") is None:
        pytest.fail("The SAML IdP signs with Debian's xmlsec1, which is missing: apt-get install xmlsec1")
    directory = tmp_path_factory.mktemp("saml_idp")
    command = [sys.executable, str(HERE / "saml_idp.py"), "--port", "0", "--key-dir", str(directory)]
    process = IdpProcess("The SAML IdP", [*command, "--stop-on-stdin-eof"], directory / "idp.log")
    try:
        idp = SamlIdp(process.port, directory)
        with idp.http:
            yield idp
    finally:
        process.stop()


@pytest.fixture(scope="session")
def oidc_idp(tmp_path_factory) -> Iterator[OidcIdp]:
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "The OpenID Connect provider runs on Node.js, which is missing: apt-get install nodejs npm"
        )
    if not (HERE / "node_modules" / "oidc-provider").is_dir():
        pytest.fail("tests/idp/node_modules is missing: npm ci --prefix tests/idp (make test does it)")
    directory = tmp_path_factory.mktemp("oidc_idp")
    command = [node, str(HERE / "oidc_provider.js"), "--port", "0", "--claims", ",".join(OIDC_CUSTOM_CLAIMS)]
    command.append("--stop-on-stdin-eof")
    process = IdpProcess("The OpenID Connect provider", command, directory / "provider.log")
    try:
        idp = OidcIdp(process.port)
        with idp.http:
            yield idp
    finally:
        process.stop()


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "form":
            self.forms.append((attributes.get("action") or "", {}))
        elif tag in ("input", "button") and self.forms and attributes.get("name"):
            self.forms[-1][1][attributes["name"]] = attributes.get("value") or ""


def html_form(page: str, index: int = 0) -> tuple[str, dict[str, str]]:
    """A page's form as (action, {field name: value}) with the values it carries, entities decoded: to
    drive the IdPs' login forms and the SAML IdP's auto-posting form without a browser."""
    parser = _Forms()
    parser.feed(page)
    if len(parser.forms) <= index:
        raise AssertionError(f"no form {index} on the page:\n{page[:2000]}")
    return parser.forms[index]
