"""Log filters for Django's request log (settings.LOGGING).

Django logs every refused request (PermissionDenied → 403, BadRequest → 400) on ``django.request`` with the
exception's traceback, so each refusal filled the log with twenty lines that say nothing a person needs. A
refusal is expected behaviour, not a fault: ``OneLineRefusalFilter`` turns it into one line with the status,
the method and the path (secrets in the path redacted). A 500 keeps its traceback.
"""

import logging

from .redaction import redact


class OneLineRefusalFilter(logging.Filter):
    def filter(self, record):
        status = getattr(record, "status_code", None)
        if record.exc_info and isinstance(status, int) and 400 <= status < 500:
            exception = record.exc_info[1]
            request = getattr(record, "request", None)
            method = getattr(request, "method", None) or "-"
            path = getattr(request, "path", None)
            if path is None:
                path = record.args[-1] if isinstance(record.args, tuple) and record.args else "-"
            record.msg = "Refused %s: %s %s (%s)"
            # Escaped as Django escapes the path it logs (CVE-2025-48432): a newline or a control character
            # in an address must not start a forged line of its own.
            path = str(path).encode("unicode_escape").decode("ascii")
            record.args = (status, method, redact(path), type(exception).__name__)
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
