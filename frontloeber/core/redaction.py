"""Keep secrets that travel in addresses out of logs.

A survey link's secret is what ties a person's invitation to their anonymous answers (reflection/tokens.py),
so it must not land in a log line next to a time and an address. A password-reset link
(/konto/nulstil/<uidb64>/<token>/) and an invitation link (/konto/invitation/<signed token>/) let whoever
reads them take over or create the account. Django's request logs go through ``RedactSecretsFilter``
(settings.LOGGING); gunicorn's access log through ``RedactingGunicornLogger`` (`make serve`).
"""

import logging
import re

_SEGMENT = r"[^/?\s\"]+"
SECRET_IN_PATH = re.compile(rf"(/refleksion/link/){_SEGMENT}")
RESET_IN_PATH = re.compile(rf"(/konto/nulstil/){_SEGMENT}/{_SEGMENT}")  # two segments: not /nulstil/faerdig/
INVITATION_IN_PATH = re.compile(rf"(/konto/invitation/){_SEGMENT}")
# The e-mails' one-click links act for the person who got them (stop following an idea, stop the digest).
EMAIL_ACTION_IN_PATH = re.compile(rf"(/varsler/stop-(?:foelg|mail)/){_SEGMENT}")


def redact(text: str) -> str:
    text = SECRET_IN_PATH.sub(r"\1[skjult]", text)
    text = RESET_IN_PATH.sub(r"\1[skjult]/[skjult]", text)
    text = EMAIL_ACTION_IN_PATH.sub(r"\1[skjult]", text)
    return INVITATION_IN_PATH.sub(r"\1[skjult]", text)


class RedactSecretsFilter(logging.Filter):
    def filter(self, record):
        if isinstance(record.args, dict):
            record.args = {k: redact(a) if isinstance(a, str) else a for k, a in record.args.items()}
        elif record.args:
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def gunicorn_logger_class():
    from gunicorn.glogging import Logger

    class RedactingGunicornLogger(Logger):
        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            # Every text atom, not a chosen few: the path and the referer also come as {path_info}e,
            # {raw_uri}e, {http_referer}e and {referer}i, and access_log_format may use any of them.
            return {key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()}

    return RedactingGunicornLogger


def __getattr__(name):
    # gunicorn is imported only when gunicorn asks for its logger class (not in tests or runserver).
    if name == "RedactingGunicornLogger":
        return gunicorn_logger_class()
    raise AttributeError(name)
