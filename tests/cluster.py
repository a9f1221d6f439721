"""Two gunicorn nodes behind HAProxy, a task worker beside them, one PostgreSQL and one Redis: the product as
it runs on more than one server, started for tests/test_two_nodes.py.

HAProxy terminates TLS (a certificate made for the run) and sends requests to the nodes in turn (round
robin, no stickiness), asking each node's /healthz/ as a load balancer would; each answer names its node in
``X-Served-By``. The nodes run the production settings (tests/cluster_settings.py) with two sync workers
each, on the test database and a Redis key prefix of the run's own; the task worker (``db_worker``) is a
third process. ``Visitor`` is one person's browser: cookies, the CSRF token of the last form, one request at
a time, every answer recorded with the node that gave it.
"""

import atexit
import os
import re
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = 60  # seconds for a process to answer; a bound, never reached when all is well
REQUEST_TIMEOUT = 30
WORKERS_PER_NODE = 2
HAPROXY = "/usr/sbin/haproxy"  # Debian's


def _free_ports(count):
    """Ports free now, all different: each probe stays bound until every port is picked."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [probe.getsockname()[1] for probe in probes]
    finally:
        for probe in probes:
            probe.close()


def _database_url(database):
    user = database["USER"] or "postgres"
    password = f":{database['PASSWORD']}" if database.get("PASSWORD") else ""
    host, port = database["HOST"] or "127.0.0.1", database["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{database['NAME']}"


def _certificate(directory):
    """A self-signed certificate for 127.0.0.1: the key and certificate in one file for HAProxy."""
    key, cert = directory / "key.pem", directory / "cert.pem"
    subprocess.run(  # noqa: S603 - Debian's openssl with our own arguments
        [
            "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
            "-keyout", str(key), "-out", str(cert),
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (directory / "site.pem").write_text(cert.read_text() + key.read_text())
    return cert


HAPROXY_CONFIG = """\
global
    maxconn 200

defaults
    mode http
    timeout connect 5s
    timeout client {timeout}s
    timeout server {timeout}s

frontend site
    bind 127.0.0.1:{port} ssl crt {pem}
    http-request set-header X-Forwarded-Proto https
    option forwardfor
    default_backend nodes

backend nodes
    balance roundrobin
    option httpchk
    http-check send meth GET uri /healthz/ ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    # Generous: on a busy test machine a slow answer is not a node down.
    timeout check 5s
    default-server inter 1s fall 10 rise 1
    http-response set-header X-Served-By %[srv_name]
{servers}
"""


@dataclass
class Cluster:
    url: str
    ca_file: Path
    mail_dir: Path
    directory: Path
    nodes: dict = field(default_factory=dict)  # name: port
    processes: dict = field(default_factory=dict)  # name: Popen
    answers: list = field(default_factory=list)  # (node, method, path, status) of every request, in order

    def logs(self):
        """Every process's output, for a failing test's report."""
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-3000:]}"
            for path in sorted(self.directory.glob("*.log"))
        )

    def mails(self):
        return [path.read_text() for path in sorted(self.mail_dir.glob("*.log"))]

    def stop(self):
        """Each process with its own children (gunicorn's workers), each in its own process group."""
        for process in self.processes.values():
            _signal_group(process, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                _signal_group(process, signal.SIGKILL)
                process.wait()
        atexit.unregister(self.stop)


def _signal_group(process, number):
    try:
        os.killpg(process.pid, number)
    except ProcessLookupError:
        pass


def _spawn(cluster, name, command, env):
    log = open(cluster.directory / f"{name}.log", "wb")  # noqa: SIM115 - the process writes it until stopped
    cluster.processes[name] = subprocess.Popen(  # noqa: S603 - our own interpreter, manage.py, Debian's haproxy
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    log.close()


def _wait_for(cluster, name, port, *, tls=False):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if cluster.processes[name].poll() is not None:
            raise RuntimeError(f"{name} stopped at start:\n{cluster.logs()}")
        scheme = "https" if tls else "http"
        verify = ssl.create_default_context(cafile=cluster.ca_file) if tls else False
        try:
            status = httpx.get(f"{scheme}://127.0.0.1:{port}/healthz/", verify=verify, timeout=5).status_code
            if status == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)  # between looks at a process that is starting; the bound is START_TIMEOUT
    raise RuntimeError(f"{name} did not answer /healthz/ within {START_TIMEOUT} s:\n{cluster.logs()}")


def start(*, database, directory):
    """Start the cluster on ``database`` (Django's settings dict of the test database)."""
    if not Path(HAPROXY).exists():
        raise RuntimeError("HAProxy is needed (Debian package haproxy; .ci/run installs it).")
    directory.mkdir(parents=True, exist_ok=True)
    mail_dir = directory / "mail"
    mail_dir.mkdir()
    proxy_port, port_a, port_b = _free_ports(3)
    cluster = Cluster(
        url=f"https://127.0.0.1:{proxy_port}",
        ca_file=_certificate(directory),
        mail_dir=mail_dir,
        directory=directory,
        nodes={"a": port_a, "b": port_b},
    )
    # Even if the test process ends without its teardown, the nodes do not outlive it.
    atexit.register(cluster.stop)
    env = {
        **os.environ,
        "FRONTLOEBER_ENV": "production",
        "DJANGO_SETTINGS_MODULE": "tests.cluster_settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": cluster.url,
        "DATABASE_URL": _database_url(database),
        "REDIS_URL": os.environ.get("CLUSTER_REDIS_URL", "redis://127.0.0.1:6379/0"),
        "CLUSTER_CACHE_PREFIX": f"two-nodes-{secrets.token_hex(8)}",
        "CLUSTER_MAIL_DIR": str(mail_dir),
        # Uploaded pictures on a volume every node mounts (see the README's Scaling): here one folder.
        "MEDIA_ROOT": str(directory / "media"),
        # Never contacted: cluster_settings writes e-mail to files; production refuses to start without it.
        "EMAIL_HOST": "127.0.0.1",
        "TRUSTED_PROXY_COUNT": "1",
        "TRUSTED_PROXY_ADDRESSES": "127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    try:
        for name, port in cluster.nodes.items():
            _spawn(
                cluster,
                f"node-{name}",
                [
                    sys.executable, "-m", "gunicorn", "frontloeber.wsgi", "--workers", str(WORKERS_PER_NODE),
                    "--bind", f"127.0.0.1:{port}", "--timeout", str(REQUEST_TIMEOUT), "--no-control-socket",
                    "--config", str(ROOT / "gunicorn.conf.py"),
                ],
                env,
            )  # fmt: skip
        _spawn(
            cluster,
            "worker",
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--interval",
                "0.2",
                "--no-startup-delay",
                "--no-reload",
            ],
            env,
        )
        for name, port in cluster.nodes.items():
            _wait_for(cluster, f"node-{name}", port)
        servers = "\n".join(
            f"    server {name} 127.0.0.1:{port} check" for name, port in cluster.nodes.items()
        )
        config = directory / "haproxy.cfg"
        config.write_text(
            HAPROXY_CONFIG.format(
                port=proxy_port, pem=directory / "site.pem", servers=servers, timeout=REQUEST_TIMEOUT
            )
        )
        _spawn(cluster, "haproxy", [HAPROXY, "-db", "-f", str(config)], env)
        _wait_for(cluster, "haproxy", proxy_port, tls=True)
    except BaseException:
        cluster.stop()
        raise
    return cluster


@dataclass
class Answer:
    status: int
    location: str
    body: str
    node: str


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor:
    """One person's browser through the load balancer: its cookies, the CSRF token of the last form it was
    shown, one request at a time."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.csrf_token = ""
        self.client = httpx.Client(
            base_url=cluster.url,
            verify=ssl.create_default_context(cafile=cluster.ca_file),
            headers={"Accept-Language": "da"},
            timeout=REQUEST_TIMEOUT,
        )

    @property
    def cookies(self):
        return self.client.cookies

    def request(self, method, path, data=None, headers=(), files=None):
        sent = dict(headers)
        fields = None
        if method == "POST":
            fields = {**(data or {}), "csrfmiddlewaretoken": self.csrf_token}
            sent["Origin"] = self.cluster.url  # as a browser sends it with a form over HTTPS
        response = self.client.request(method, path, data=fields, files=files, headers=sent)
        answer = Answer(
            status=response.status_code,
            location=response.headers.get("Location", ""),
            body=response.text,
            node=response.headers.get("X-Served-By", ""),
        )
        token = CSRF_FIELD.search(answer.body)
        if token:
            self.csrf_token = unescape(token.group(1))
        self.cluster.answers.append((answer.node, method, path, answer.status))
        return answer

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, data=None, **kwargs):
        """A form sent with the token of the last form this visitor was shown; ``files``: {name: (filename,
        bytes, content type)} sends it as multipart."""
        return self.request("POST", path, data, **kwargs)

    def follow(self, answer):
        """Where a redirect leads (one more request)."""
        assert answer.status in (301, 302, 303), (answer.status, answer.body[:500])
        location = answer.location
        if location.startswith(self.cluster.url):
            location = location[len(self.cluster.url) :]
        return self.get(location)
