"""Test settings for the whole suite: fast hashing, in-memory cache, tasks run at once, no login lockout."""

import pytest
from django.conf import settings


def pytest_configure(config):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.AXES_ENABLED = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _danish_by_default(settings):
    settings.LANGUAGE_CODE = "da"


@pytest.fixture(autouse=True)
def _media_in_a_temporary_directory(settings, tmp_path):
    """Uploaded pictures go to a directory of their own per test, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
