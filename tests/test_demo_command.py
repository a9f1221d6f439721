"""`make demo` as installed (issue 17, point 9): the task worker beside the web server, e-mail links to the
port the demo serves on, and DEBUG off so a missing page is the product's own."""

import subprocess
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def test_the_demo_runs_the_worker_and_links_to_its_own_port():
    recipe = subprocess.run(  # noqa: S603 — make, with the project's own Makefile
        ["make", "--dry-run", "--always-make", "demo", "PORT=8123"],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "manage.py db_worker &" in recipe and "manage.py runserver 127.0.0.1:8123" in recipe
    assert recipe.count("DEBUG=false SITE_URL=http://127.0.0.1:8123") >= 3
    assert "kill $worker" in recipe


def test_static_files_come_from_the_apps_outside_production_even_with_debug_off():
    assert settings.WHITENOISE_USE_FINDERS
