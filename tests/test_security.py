"""The security baseline: production settings pass `check --deploy`, headers are set, login is the default."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "FRONTLOEBER_ENV": "production",
    "SECRET_KEY": "a-long-random-production-secret-for-the-deploy-check-0123456789-abcdefghijkl",
    "ALLOWED_HOSTS": "frontloeber.example.dk",
    "DATABASE_URL": "sqlite:////tmp/frontloeber-deploy-check.sqlite3",
    "EMAIL_HOST": "smtp.example.dk",
}


def run_manage(*args, env):
    inherited = {"DATABASE_URL", "DEBUG", "FRONTLOEBER_ENV", "EMAIL_HOST", "EMAIL_DISABLED"}
    clean = {k: v for k, v in os.environ.items() if k not in inherited}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_cookies_are_secure_and_email_goes_by_smtp():
    code = (
        "from django.conf import settings as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.EMAIL_BACKEND)"
    )
    result = run_manage("shell", "-c", code, env=PRODUCTION_ENV)
    assert result.stdout.strip().splitlines()[-1].split() == [
        "False",
        "True",
        "True",
        "True",
        "django.core.mail.backends.smtp.EmailBackend",
    ]


PRODUCTION_WITHOUT_MAIL = {k: v for k, v in PRODUCTION_ENV.items() if k != "EMAIL_HOST"}


def test_production_settings_refuse_to_start_without_a_mail_setting():
    # The console backend would print password-reset and survey links into the server's log.
    result = run_manage("check", env=PRODUCTION_WITHOUT_MAIL)
    assert result.returncode != 0
    assert "EMAIL_HOST must be set when FRONTLOEBER_ENV=production" in result.stderr
    assert "EMAIL_DISABLED=true" in result.stderr  # the message names the way out


def test_production_with_email_disabled_starts_says_so_once_and_sends_nothing():
    env = {**PRODUCTION_WITHOUT_MAIL, "EMAIL_DISABLED": "true"}
    code = (
        "from django.conf import settings; from django.core.mail import send_mail; "
        "send_mail('Nulstil', 'https://fl.example.dk/konto/nulstil/MQ/secret-reset-token/', "
        "'fra@example.dk', ['til@example.dk']); print(settings.EMAIL_BACKEND)"
    )
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "django.core.mail.backends.dummy.EmailBackend"
    assert "secret-reset-token" not in result.stdout + result.stderr
    assert result.stderr.count("E-mail is switched off (EMAIL_DISABLED=true)") == 1
    deploy = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert deploy.returncode == 0, deploy.stdout + deploy.stderr


def test_development_without_a_mail_setting_still_uses_the_console():
    code = "from django.conf import settings; print(settings.EMAIL_BACKEND)"
    result = run_manage("shell", "-c", code, env={})
    assert result.stdout.strip().splitlines()[-1] == "django.core.mail.backends.console.EmailBackend"


@pytest.mark.django_db
def test_every_page_carries_a_content_security_policy(client):
    response = client.get(reverse("accounts:login"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_login_is_required_by_default_and_forms_need_csrf(client):
    assert client.get("/").status_code == 302
    strict = type(client)(enforce_csrf_checks=True)
    strict.force_login(UserFactory())
    assert strict.post(reverse("accounts:logout")).status_code == 403


def test_no_input_gives_a_500_for_unknown_urls(client, db):
    for path in ("/a/%00/", "/findes/ikke/", "/konto/invitation/%ZZ/", "/org/../"):
        assert client.get(path).status_code in (302, 400, 404)


def test_the_default_database_is_sqlite_under_var_in_wal_mode(tmp_path):
    code = (
        "from django.db import connection; c = connection.cursor(); "
        "print(connection.vendor, c.execute('PRAGMA journal_mode').fetchone()[0], "
        "connection.settings_dict['NAME'])"
    )
    env = {"FRONTLOEBER_VAR_DIR": str(tmp_path)}
    result = run_manage("shell", "-c", code, env=env)
    expected = ["sqlite", "wal", str(tmp_path / "frontloeber.sqlite3")]
    assert result.stdout.strip().splitlines()[-1].split() == expected


def test_production_never_uses_a_per_process_cache():
    """Rate limits count in the cache: a cache in each worker's memory would give every worker its own
    count. The database cache by default, Redis when REDIS_URL is set."""
    code = (
        "from django.conf import settings as s; "
        "print(*sorted({c['BACKEND'] for c in s.CACHES.values()}), "
        "s.CACHES['default'].get('LOCATION') or '-')"
    )
    per_process = {
        "django.core.cache.backends.locmem.LocMemCache",
        "django.core.cache.backends.dummy.DummyCache",
        "django.core.cache.backends.filebased.FileBasedCache",
    }
    result = run_manage("shell", "-c", code, env={**PRODUCTION_ENV, "REDIS_URL": ""})
    backend, location = result.stdout.strip().splitlines()[-1].split()
    assert backend not in per_process
    assert (backend, location) == ("django.core.cache.backends.db.DatabaseCache", "frontloeber_cache")
    result = run_manage("shell", "-c", code, env={**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/3"})
    backend, location = result.stdout.strip().splitlines()[-1].split()
    assert (backend, location) == ("django.core.cache.backends.redis.RedisCache", "redis://127.0.0.1:6379/3")
