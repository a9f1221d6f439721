"""What every gunicorn of Frontløber runs with: `make serve`, the load benchmark's and the two-node test's
(each passes `--config gunicorn.conf.py`; gunicorn also reads it by itself from this directory)."""

# The access log's paths hold the survey links' secrets: they are redacted before a line is written
# (frontloeber/core/redaction.py).
logger_class = "frontloeber.core.redaction.RedactingGunicornLogger"
