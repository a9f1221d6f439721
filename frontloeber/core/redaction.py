"""Keep personal survey links out of logs.

A survey link's secret is what ties a person's invitation to their anonymous answers (reflection/tokens.py),
so it must not land in a log line next to a time and an address. Django's request logs go through
``RedactSecretsFilter`` (settings.LOGGING); gunicorn's access log through ``RedactingGunicornLogger``
(`make serve`).
"""

import logging
import re

SECRET_IN_PATH = re.compile(r"(/refleksion/link/)[^/?\s\"]+")


def redact(text: str) -> str:
    return SECRET_IN_PATH.sub(r"\1[skjult]", text)


class RedactSecretsFilter(logging.Filter):
    def filter(self, record):
        if record.args:
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def gunicorn_logger_class():
    from gunicorn.glogging import Logger

    class RedactingGunicornLogger(Logger):
        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            for key in ("r", "U", "q", "f", "{raw_uri}e", "{referer}i"):
                if isinstance(atoms.get(key), str):
                    atoms[key] = redact(atoms[key])
            return atoms

    return RedactingGunicornLogger


def __getattr__(name):
    # gunicorn is imported only when gunicorn asks for its logger class (not in tests or runserver).
    if name == "RedactingGunicornLogger":
        return gunicorn_logger_class()
    raise AttributeError(name)
