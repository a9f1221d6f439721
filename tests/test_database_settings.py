"""The database settings a deployment chooses by its environment (see README, "Scaling")."""

import os
import runpy
from pathlib import Path
from unittest import mock

import pytest

from tests.test_security import PRODUCTION_ENV

SETTINGS = Path(__file__).resolve().parent.parent / "frontloeber" / "settings.py"
POSTGRESQL = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://frontloeber@db.example.dk:6432/frontloeber"}


def database_settings(env):
    """The default database as settings.py makes it from this environment (read in this process: the
    module only reads the environment and builds dictionaries)."""
    clean = {k: v for k, v in os.environ.items() if k not in {"DB_TRANSACTION_POOLING", *POSTGRESQL}}
    with mock.patch.dict(os.environ, {**clean, **env}, clear=True):
        database = runpy.run_path(str(SETTINGS))["DATABASES"]["default"]
    return {
        "cursors": database.get("DISABLE_SERVER_SIDE_CURSORS", False),
        "prepare": database.get("OPTIONS", {}).get("prepare_threshold", "default"),
    }


@pytest.mark.parametrize("value", ["true", "1"])
def test_behind_pgbouncer_in_transaction_mode_nothing_outlives_a_transaction(value):
    assert database_settings({**POSTGRESQL, "DB_TRANSACTION_POOLING": value}) == {
        "cursors": True,
        "prepare": None,
    }


def test_a_direct_connection_keeps_psycopgs_defaults():
    assert database_settings(POSTGRESQL) == {"cursors": False, "prepare": "default"}
