"""Settings for the nodes and the task worker of the two-node test (tests/cluster.py): the product's
production settings, with two differences that the test needs and that are not what it is about.

- E-mail goes to files in CLUSTER_MAIL_DIR, so the test reads the invitation the task worker sent.
- Static files are not collected: collecting and compressing them takes 7 s a run, and no request of the
  journey asks for one.

The cache keys carry a prefix of the run's own, so the nodes share one Redis with anything else on it.
"""

import os

from frontloeber.settings import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ["CLUSTER_MAIL_DIR"]

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES["default"]["KEY_PREFIX"] = os.environ["CLUSTER_CACHE_PREFIX"]  # noqa: F405
