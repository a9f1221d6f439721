"""The database settings a deployment chooses by its environment (see README, "Scaling")."""

import json

import pytest

from tests.test_security import PRODUCTION_ENV, run_manage

PRINT_DATABASE = (
    "import json; from django.conf import settings; d = settings.DATABASES['default'];"
    " print(json.dumps({'cursors': d.get('DISABLE_SERVER_SIDE_CURSORS', False),"
    " 'prepare': d.get('OPTIONS', {}).get('prepare_threshold', 'default')}))"
)
POSTGRESQL = {**PRODUCTION_ENV, "DATABASE_URL": "postgres://frontloeber@db.example.dk:6432/frontloeber"}


def database_settings(env):
    result = run_manage("shell", "-c", PRINT_DATABASE, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("value", ["true", "1"])
def test_behind_pgbouncer_in_transaction_mode_nothing_outlives_a_transaction(value):
    settings = database_settings({**POSTGRESQL, "DB_TRANSACTION_POOLING": value})
    assert settings == {"cursors": True, "prepare": None}


def test_a_direct_connection_keeps_psycopgs_defaults():
    assert database_settings(POSTGRESQL) == {"cursors": False, "prepare": "default"}
