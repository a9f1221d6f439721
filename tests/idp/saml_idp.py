"""A real SAML 2.0 identity provider for the single sign-on tests, built on pysaml2's ``Server``.

Run it as ``python tests/idp/saml_idp.py --port 0``: it listens on 127.0.0.1, prints ``READY <port>`` on
stdout once it accepts connections, and logs to stderr. Everything it knows lives in memory and is set at run
time over HTTP by the test (tests/idp/fixtures.py):

- ``GET /metadata``: this IdP's metadata; its entityID is this very URL.
- ``POST /sps``: an SP's metadata XML as the body registers that SP (again for the same entityID replaces it).
- ``PUT /users/<username>``: JSON ``{"password", "attributes": {name: [values]}, "name_id"?, "expired"?}``;
  ``DELETE /users/<username>`` removes the user.
- ``GET|POST /sso``: an AuthnRequest (HTTP-Redirect or HTTP-POST binding) shows the login form, which posts
  to ``/login``; the answer is a page that posts the signed SAMLResponse to the SP's ACS (HTTP-POST binding).
- ``GET /last-request``: JSON about the last AuthnRequest (``force_authn``, ``sp``, ...), 404 before any.

Responses and assertions are both signed (RSA-SHA256, SHA-256 digests) by Debian's xmlsec1 with a key made at
start (or kept in ``--key-dir``). A signed-in browser gets an IdP session cookie, so a second AuthnRequest is
answered without the form unless it says ForceAuthn="true".
"""

import argparse
import base64
import datetime
import html
import json
import logging
import secrets
import shutil
import socketserver
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT, saml
from saml2.assertion import Policy
from saml2.attribute_converter import AttributeConverter, do_ava
from saml2.config import IdPConfig
from saml2.mdstore import InMemoryMetaData
from saml2.metadata import entity_descriptor
from saml2.s_utils import UnknownSystemEntity, factory
from saml2.saml import NAME_FORMAT_URI, NameID
from saml2.server import Server
from saml2.time_util import a_while_ago, in_a_while
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

log = logging.getLogger("saml_idp")

NAMEID_UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
PASSWORD_PROTECTED = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
SESSION_COOKIE = "saml_idp_session"


# --- keys -----------------------------------------------------------------------------------------------


def signing_key_files(directory: Path) -> tuple[Path, Path]:
    """The IdP's key and self-signed certificate in ``directory``, made there unless both are already there
    (so a test may keep one certificate across runs, or read the one a run made)."""
    key_file, cert_file = directory / "idp.key", directory / "idp.crt"
    if key_file.exists() and cert_file.exists():
        return key_file, cert_file
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test SAML IdP")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


# --- pysaml2 set up for tests ---------------------------------------------------------------------------


class VerbatimUriAttributes(AttributeConverter):
    """Attributes go out with NameFormat uri and their names exactly as the test gave them (OIOSAML names
    such as ``https://data.gov.dk/model/core/eid/email``): pysaml2's own converters map friendly names to
    OIDs, and its NOOP converter lower-cases the names."""

    def __init__(self):
        super().__init__(NAME_FORMAT_URI)

    def to_(self, attrvals):
        return [
            factory(saml.Attribute, name=name, name_format=self.name_format, attribute_value=do_ava(values))
            for name, values in attrvals.items()
        ]


# Everything the user has is released, whatever the SP's metadata asks for: the policies are made without
# a metadata store, so pysaml2 applies no RequestedAttribute filter and a test sees the attributes it set.
RELEASE = {
    "default": {"lifetime": {"minutes": 15}, "name_form": NAME_FORMAT_URI, "attribute_restrictions": None}
}


class ExpiredPolicy(Policy):
    """For an ``expired`` user: the assertion was valid from 20 to 10 minutes ago (conditions and subject
    confirmation alike), so an SP must refuse it although its signature is good."""

    def not_on_or_after(self, sp_entity_id):
        return a_while_ago(minutes=10)

    def conditions(self, sp_entity_id):
        conditions = super().conditions(sp_entity_id)
        conditions.not_before = a_while_ago(minutes=20)
        conditions.not_on_or_after = a_while_ago(minutes=10)
        return conditions


def make_server_config(base_url: str, key_file: Path, cert_file: Path) -> IdPConfig:
    config = IdPConfig()
    config.load(
        {
            "entityid": f"{base_url}/metadata",
            "service": {
                "idp": {
                    "name": "Test SAML IdP",
                    "endpoints": {
                        "single_sign_on_service": [
                            (f"{base_url}/sso", BINDING_HTTP_REDIRECT),
                            (f"{base_url}/sso", BINDING_HTTP_POST),
                        ],
                    },
                    "name_id_format": [
                        saml.NAMEID_FORMAT_EMAILADDRESS,
                        saml.NAMEID_FORMAT_PERSISTENT,
                        saml.NAMEID_FORMAT_TRANSIENT,
                    ],
                    # python3-saml signs nothing unless told to; a signature that is there is still checked
                    # (POST binding) against the SP's registered certificate.
                    "want_authn_requests_signed": False,
                },
            },
            "key_file": str(key_file),
            "cert_file": str(cert_file),
            "xmlsec_binary": shutil.which("xmlsec1"),
            "metadata": {},
            "accepted_time_diff": 60,
        }
    )
    config.attribute_converters = [VerbatimUriAttributes()]
    return config


# --- the IdP's own state --------------------------------------------------------------------------------


@dataclass
class User:
    password: str
    attributes: dict[str, list[str]]
    name_id: str | None = None
    expired: bool = False


@dataclass
class PendingRequest:
    """An AuthnRequest waiting for its user to sign in; the login form carries only its key."""

    sp_entity_id: str
    acs_url: str
    request_id: str
    relay_state: str | None  # None: the SP sent no RelayState at all, which must stay so
    force_authn: bool
    name_id_format: str | None


@dataclass
class State:
    users: dict[str, User] = field(default_factory=dict)
    pending: dict[str, PendingRequest] = field(default_factory=dict)
    sessions: dict[str, str] = field(default_factory=dict)  # session cookie -> username
    requests: list[dict] = field(default_factory=list)  # every AuthnRequest seen, oldest first


class BadRequest(Exception):
    pass


# --- pages ----------------------------------------------------------------------------------------------

PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title></head>
<body><main>
{body}
</main></body>
</html>
"""


def login_page(request_key: str, sp_entity_id: str, username: str = "", error: str = "") -> str:
    alert = f'<p role="alert">{html.escape(error)}</p>\n' if error else ""
    body = f"""<h1>Sign in</h1>
<p>Test SAML identity provider, signing in to {html.escape(sp_entity_id)}.</p>
{alert}<form method="post" action="/login">
<input type="hidden" name="request" value="{html.escape(request_key)}">
<p><label for="username">Username</label>
<input id="username" name="username" value="{html.escape(username)}" autocomplete="username" required></p>
<p><label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form>"""
    return PAGE.format(title="Sign in - Test SAML IdP", body=body)


def post_binding_page(acs_url: str, saml_response: str, relay_state: str | None) -> str:
    """The HTTP-POST binding: a form the browser sends to the ACS at once (the button is for no script)."""
    relay = (
        f'<input type="hidden" name="RelayState" value="{html.escape(relay_state)}">\n'
        if relay_state is not None
        else ""
    )
    body = f"""<form method="post" action="{html.escape(acs_url)}">
<input type="hidden" name="SAMLResponse" value="{saml_response}">
{relay}<noscript><p><button type="submit">Continue</button></p></noscript>
</form>
<script>document.forms[0].submit();</script>"""
    return PAGE.format(title="Signing you in - Test SAML IdP", body=body)


def error_page(message: str) -> str:
    return PAGE.format(
        title="Error - Test SAML IdP", body=f'<h1>Error</h1>\n<p role="alert">{html.escape(message)}</p>'
    )


# --- the WSGI application -------------------------------------------------------------------------------


class SamlIdp:
    def __init__(self, base_url: str, key_file: Path, cert_file: Path):
        self.base_url = base_url
        self.server = Server(config=make_server_config(base_url, key_file, cert_file))
        self.state = State()
        # pysaml2's Server and the state are shared by the request threads; requests are few and short.
        self.lock = threading.Lock()

    # WSGI entry point
    def __call__(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        # wsgiref hands the path over as latin-1; user names may be any UTF-8.
        path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "replace")
        try:
            status, headers, body = self.route(method, path, environ)
        except BadRequest as error:
            status, headers, body = as_html(error_page(str(error)), "400 Bad Request")
        except Exception:
            log.exception("%s %s failed", method, path)
            status, headers, body = "500 Internal Server Error", [("Content-Type", "text/plain")], b"error"
        start_response(status, [*headers, ("Content-Length", str(len(body)))])
        return [body]

    def route(self, method, path, environ):
        if path == "/metadata" and method == "GET":
            descriptor = entity_descriptor(self.server.config)
            descriptor.extensions = None  # pysaml2 lists every algorithm xmlsec1 knows, md5 included
            return "200 OK", [("Content-Type", "application/samlmetadata+xml")], str(descriptor).encode()
        if path == "/sps" and method == "POST":
            self.register_sp(read_body(environ))
            return NO_CONTENT
        if path.startswith("/users/") and method == "PUT":
            self.put_user(path.removeprefix("/users/"), read_body(environ))
            return NO_CONTENT
        if path.startswith("/users/") and method == "DELETE":
            with self.lock:
                self.state.users.pop(path.removeprefix("/users/"), None)
            return NO_CONTENT
        if path == "/last-request" and method == "GET":
            with self.lock:
                last = self.state.requests[-1] if self.state.requests else None
            if last is None:
                return as_json({"error": "no AuthnRequest yet"}, "404 Not Found")
            return as_json(last)
        if path == "/sso" and method == "GET":
            query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
            return self.single_sign_on(query, environ, BINDING_HTTP_REDIRECT)
        if path == "/sso" and method == "POST":
            return self.single_sign_on(parse_form(environ), environ, BINDING_HTTP_POST)
        if path == "/login" and method == "POST":
            return self.login(parse_form(environ))
        return "404 Not Found", [("Content-Type", "text/plain")], b"not found"

    # test set-up endpoints

    def register_sp(self, xml: bytes) -> None:
        metadata = InMemoryMetaData(self.server.config.attribute_converters, xml.decode())
        try:
            metadata.load()
        except Exception as error:
            raise BadRequest(f"unreadable SP metadata: {error}") from error
        entity_ids = set(metadata.keys())
        if not any("spsso_descriptor" in metadata[entity_id] for entity_id in entity_ids):
            raise BadRequest("the metadata has no SPSSODescriptor")
        store = self.server.metadata
        with self.lock:
            # One source per registration, keyed by its entity: a new one for the same entity replaces it.
            for key, source in list(store.metadata.items()):
                if entity_ids & set(source.keys()):
                    del store.metadata[key]
            store.metadata[min(entity_ids)] = metadata
        log.info("registered SP %s", ", ".join(sorted(entity_ids)))

    def put_user(self, username: str, body: bytes) -> None:
        try:
            data = json.loads(body)
            attributes = {
                name: [values] if isinstance(values, str) else [str(value) for value in values]
                for name, values in (data.get("attributes") or {}).items()
            }
            user = User(data["password"], attributes, data.get("name_id"), bool(data.get("expired")))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise BadRequest(
                f'expected {{"password": ..., "attributes": {{name: [values]}}}}: {error}'
            ) from error
        with self.lock:
            self.state.users[username] = user

    # single sign-on

    def single_sign_on(self, params, environ, binding):
        if "SAMLRequest" not in params:
            raise BadRequest("no SAMLRequest")
        relay_state = params["RelayState"][0] if "RelayState" in params else None
        with self.lock:
            try:
                parsed = self.server.parse_authn_request(params["SAMLRequest"][0], binding)
            except Exception as error:
                raise BadRequest(f"unreadable AuthnRequest: {error}") from error
            if parsed is None:
                raise BadRequest("the AuthnRequest did not verify")
            request = parsed.message
            sp_entity_id = request.issuer.text if request.issuer is not None else None
            try:
                services = self.server.metadata.assertion_consumer_service(sp_entity_id, BINDING_HTTP_POST)
            except UnknownSystemEntity:
                services = []
            acs_urls = [service["location"] for service in services]
            if not acs_urls:
                raise BadRequest(f"unknown SP {sp_entity_id!r}: POST its metadata to /sps first")
            # The request's own ACS only when the SP's metadata names it; else the SP's first one.
            requested = request.assertion_consumer_service_url
            pending = PendingRequest(
                sp_entity_id=sp_entity_id,
                acs_url=requested if requested in acs_urls else acs_urls[0],
                request_id=request.id,
                relay_state=relay_state,
                force_authn=str(request.force_authn).lower() in ("true", "1"),
                name_id_format=request.name_id_policy.format if request.name_id_policy is not None else None,
            )
            self.state.requests.append(
                {
                    "force_authn": pending.force_authn,
                    "sp": sp_entity_id,
                    "request_id": pending.request_id,
                    "acs_url": pending.acs_url,
                    "relay_state": relay_state,
                    "binding": binding,
                }
            )
            session_user = self.session_user(environ)
            if session_user is not None and not pending.force_authn:
                return self.answer(pending, session_user, set_session=False)
            key = secrets.token_urlsafe(16)
            self.state.pending[key] = pending
        return as_html(login_page(key, sp_entity_id))

    def session_user(self, environ) -> str | None:
        cookie = SimpleCookie(environ.get("HTTP_COOKIE", ""))
        session = cookie.get(SESSION_COOKIE)
        username = self.state.sessions.get(session.value) if session else None
        return username if username in self.state.users else None

    def login(self, form):
        key = form.get("request", [""])[0]
        username, password = form.get("username", [""])[0], form.get("password", [""])[0]
        with self.lock:
            pending = self.state.pending.get(key)
            if pending is None:
                raise BadRequest("unknown or finished sign-in: start again from the service")
            user = self.state.users.get(username)
            if user is None or not secrets.compare_digest(user.password.encode(), password.encode()):
                page = login_page(key, pending.sp_entity_id, username, "Wrong username or password.")
                return as_html(page)
            del self.state.pending[key]
            return self.answer(pending, username, set_session=True)

    def answer(self, pending: PendingRequest, username: str, set_session: bool):
        """The signed Response for ``username`` as the HTTP-POST binding page (called with the lock held)."""
        user = self.state.users[username]
        if user.name_id:
            name_id = NameID(format=saml.NAMEID_FORMAT_PERSISTENT, text=user.name_id)
        else:
            name_id = NameID(format=pending.name_id_format or NAMEID_UNSPECIFIED, text=username)
        authn_instant = datetime.datetime.now(datetime.UTC).timestamp()
        if user.expired:
            policy = ExpiredPolicy(RELEASE, mds=None)
            authn_instant -= 20 * 60
            session_end = a_while_ago(minutes=10)
        else:
            policy = Policy(RELEASE, mds=None)
            session_end = in_a_while(hours=8)
        response = self.server.create_authn_response(
            identity=user.attributes,
            in_response_to=pending.request_id,
            destination=pending.acs_url,
            sp_entity_id=pending.sp_entity_id,
            name_id=name_id,
            authn={
                "class_ref": PASSWORD_PROTECTED,
                "authn_auth": self.server.config.entityid,
                "authn_instant": authn_instant,
            },
            release_policy=policy,
            sign_response=True,
            sign_assertion=True,
            sign_alg=SIG_RSA_SHA256,
            digest_alg=DIGEST_SHA256,
            session_not_on_or_after=session_end,
        )
        encoded = base64.b64encode(str(response).encode()).decode()
        status, headers, body = as_html(post_binding_page(pending.acs_url, encoded, pending.relay_state))
        if set_session:
            session = secrets.token_urlsafe(16)
            self.state.sessions[session] = username
            headers.append(("Set-Cookie", f"{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax"))
        return status, headers, body


NO_CONTENT = ("204 No Content", [], b"")


def as_html(page: str, status: str = "200 OK"):
    return (
        status,
        [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")],
        page.encode(),
    )


def as_json(data, status: str = "200 OK"):
    return status, [("Content-Type", "application/json")], json.dumps(data).encode()


def read_body(environ) -> bytes:
    length = int(environ.get("CONTENT_LENGTH") or 0)
    return environ["wsgi.input"].read(length) if length else b""


def parse_form(environ) -> dict[str, list[str]]:
    return parse_qs(read_body(environ).decode(), keep_blank_values=True)


# --- serving --------------------------------------------------------------------------------------------


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    # A browser keeps a connection open while it asks for the next page; one thread per request.
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        log.debug("%s %s", self.address_string(), format % args)


def stop_when_stdin_closes(server) -> None:
    """The parent (a test process) holds our stdin: when it goes, even killed, so do we."""

    def watch():
        sys.stdin.buffer.read()
        server.shutdown()

    threading.Thread(target=watch, daemon=True).start()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1; 0 picks a free one")
    parser.add_argument("--key-dir", type=Path, help="keep idp.key/idp.crt here (made unless both exist)")
    parser.add_argument("--stop-on-stdin-eof", action="store_true", help="exit when stdin is closed")
    parser.add_argument("--verbose", action="store_true", help="log every request to stderr")
    args = parser.parse_args(argv)
    # pysaml2's own debug log is long XML; ours says what happened, each request too with --verbose.
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    log.setLevel(logging.DEBUG if args.verbose else logging.INFO)
    if shutil.which("xmlsec1") is None:
        sys.exit("xmlsec1 is missing: apt-get install xmlsec1")

    with tempfile.TemporaryDirectory(prefix="saml-idp-") as scratch:
        key_dir = args.key_dir or Path(scratch)
        key_dir.mkdir(parents=True, exist_ok=True)
        key_file, cert_file = signing_key_files(key_dir)
        # The entityID names the port, so the socket is bound before the application is made.
        httpd = make_server(
            "127.0.0.1", args.port, lambda environ, start: [], ThreadingWSGIServer, QuietHandler
        )
        port = httpd.server_address[1]
        httpd.set_app(SamlIdp(f"http://127.0.0.1:{port}", key_file, cert_file))
        if args.stop_on_stdin_eof:
            stop_when_stdin_closes(httpd)
        print(f"READY {port}", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            httpd.server_close()


if __name__ == "__main__":
    main()
