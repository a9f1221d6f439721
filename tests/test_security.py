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
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "FRONTLOEBER_ENV"}}
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
