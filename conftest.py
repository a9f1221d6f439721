"""Test settings for the whole suite: fast hashing, in-memory cache, tasks run at once, no login lockout."""

import pytest
from django.conf import settings

# The real identity providers (SAML and OpenID Connect) that the single sign-on tests sign in through.
pytest_plugins = ["tests.idp.fixtures"]


def pytest_configure(config):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.AXES_ENABLED = False
    settings.SSO_ALLOW_PLAIN_HTTP = True  # the test IdPs answer on http://127.0.0.1
    settings.WEBHOOKS_ALLOW_LOOPBACK = True  # the webhook tests' receiver answers on http://127.0.0.1
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    _empty_postgresql_tables_with_delete()


def _empty_postgresql_tables_with_delete():
    """A transactional test ends by emptying every table (Django's flush). On PostgreSQL that is one TRUNCATE
    of about a hundred tables, which gives each a new file: 0.6-0.9 s per test here, while deleting the
    few rows a test wrote takes milliseconds. The foreign keys Django makes are deferrable, so the rows may
    go in any order within the flush's transaction. Only for the suite; sequences stay as TRUNCATE leaves
    them."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or allow_cascade or not tables:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        delete = style.SQL_KEYWORD("DELETE FROM")
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"{delete} {style.SQL_FIELD(self.quote_name(table))};" for table in tables
        ]

    DatabaseOperations.sql_flush = sql_flush


def _transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends by emptying every table, the content data migrations loaded too (the
    survey's question bank, the workshop library). Load it again once the test's fixtures are torn down,
    so the next test finds it whatever the order (with several processes, files come in no fixed order)."""
    yield
    # After the last test the test database itself is gone: nothing to load, and nowhere to.
    if nextitem is not None and _transactional(item):
        from pytest_django.plugin import blocking_manager_key

        from tests.factories import restore_content

        with item.config.stash[blocking_manager_key].unblock():
            restore_content()


# The longest files, longest first (measured: the browser journeys take 20-45 s each, the tenancy test 45 s,
# the migrations test 20 s). With one process per core a long file handed out last leaves the other process
# idle while it runs; make test passes --no-loadscope-reorder so xdist keeps this order instead of putting
# the files with most tests first (which sent the one-test journeys to the end).
_LONGEST_FIRST = (
    "tests/browser/test_workshop_live.py",
    "tests/browser/test_survey_journey.py",
    "tests/test_tenancy.py",
    "tests/browser/test_experiment_journey.py",
    "tests/browser/test_idea_journey.py",
    "tests/test_migrations.py",
    "tests/browser/test_layout.py",
    "tests/browser/test_skills_journey.py",
    "frontloeber/demo/tests/",
    "tests/browser/",
)
# Files whose tests share one expensive package fixture go to one process together, one after the other:
# the demo is seeded once instead of each time a process comes back to one of its files.
_TOGETHER = ("frontloeber/demo/tests/",)


def pytest_xdist_make_scheduler(config, log):
    """Whole files to a process (``--dist loadfile``), and each package in ``_TOGETHER`` as one."""
    from xdist.scheduler import LoadFileScheduling

    class FilesAndPackages(LoadFileScheduling):
        def _split_scope(self, nodeid):
            return next((p for p in _TOGETHER if nodeid.startswith(p)), None) or super()._split_scope(nodeid)

    return FilesAndPackages(config, log)


def _longest_first(item):
    return next(
        (n for n, prefix in enumerate(_LONGEST_FIRST) if item.nodeid.startswith(prefix)), len(_LONGEST_FIRST)
    )


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgresql`` (row locks, concurrent writers) run in CI's PostgreSQL pass; with SQLite
    they are left out of the run (deselected and counted as such), not skipped."""
    # The longest files first (see _LONGEST_FIRST). Order does not matter otherwise: every test is isolated,
    # and content a transactional test empties is loaded again after it.
    items.sort(key=_longest_first)
    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    left_out = [item for item in items if item.get_closest_marker("postgresql")]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if not item.get_closest_marker("postgresql")]


@pytest.fixture(autouse=True)
def _danish_by_default(settings):
    settings.LANGUAGE_CODE = "da"


@pytest.fixture(autouse=True)
def _media_in_a_temporary_directory(settings, tmp_path):
    """Uploaded pictures go to a directory of their own per test, never into var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _a_fresh_cache():
    """Rate-limit counters live in the cache: no test sees another's."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()


# --- The fixtures most tests share (a module defines its own only when it needs another kind) ------------


@pytest.fixture
def workplace():
    """A workplace in an organisation of its own."""
    from tests.factories import WorkplaceFactory

    return WorkplaceFactory(name="Børnehuset Mælkebøtten")


@pytest.fixture
def leader(workplace):
    """The workplace's leader (the person, not the membership)."""
    from frontloeber.organisations.models import Role
    from tests.factories import member

    return member(workplace, Role.LEADER, full_name="Lene Leder").user


@pytest.fixture
def employee(workplace):
    from frontloeber.organisations.models import Role
    from tests.factories import member

    return member(workplace, Role.EMPLOYEE, full_name="Erik Ansat").user


@pytest.fixture
def colleague(workplace):
    """Another employee of the workplace."""
    from frontloeber.organisations.models import Role
    from tests.factories import member

    return member(workplace, Role.EMPLOYEE, full_name="Karen Kollega").user


@pytest.fixture
def observer(workplace):
    """A member who reads and changes nothing (a MED representative, say)."""
    from frontloeber.organisations.models import Role
    from tests.factories import member

    return member(workplace, Role.OBSERVER, full_name="Ole Observatør").user
