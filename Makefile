# Frontløber: `make demo` runs the product with demo data, `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Every dependency pinned with its hashes (pip-tools); `make lock` writes them anew from pyproject.toml.
LOCK := requirements/dev.lock
COMPILE = $(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test idp bench bench-data bench-pages bench-phone bench-restore bench-small serve worker lint messages vendor install lock clean

# The lock file first, hash-checked (pip and setuptools included), then the project itself without
# resolving anything more. `--no-deps` for the lock too: it names every package, and pip resolving it again
# looked at new releases for a requirement with an extra (weasyprint's `fonttools[woff]`, which the lock
# holds as `fonttools`) and refused the lot once fonttools 4.69.1 came out (2026-12-06).
$(STAMP): pyproject.toml $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# The demo as installed: the task worker runs beside the web server (survey links, invitations and digests are
# printed here as e-mails, with links to this address and port), and DEBUG is off, so a missing page is the
# product's own, not Django's list of every address.
DEMO_ENV = DEBUG=false SITE_URL=http://$(HOST):$(PORT)
demo: $(STAMP)
	$(BIN)/python manage.py migrate --noinput --verbosity 0
	@echo "Database migrated."
	$(BIN)/python manage.py seed_demo
	@echo "Frontløber runs on http://$(HOST):$(PORT)/ with its task worker (Ctrl+C stops both)"
	$(DEMO_ENV) $(BIN)/python manage.py send_digests --schedule
	$(DEMO_ENV) $(BIN)/python manage.py db_worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		$(DEMO_ENV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# The OpenID Connect provider the single sign-on tests sign in through (tests/idp) runs on Node.js with the
# npm package oidc-provider, installed from its lock file and again whenever that changes.
IDP_MODULES := tests/idp/node_modules/.package-lock.json
$(IDP_MODULES): tests/idp/package-lock.json
	npm ci --prefix tests/idp --no-audit --no-fund
	touch $(IDP_MODULES)

idp: $(IDP_MODULES)

# One test process per core (pytest-xdist), whole files to a process so module fixtures are built once;
# TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= auto
test: $(STAMP) $(IDP_MODULES)
	$(BIN)/python -m pytest --numprocesses $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

# A large municipality on PostgreSQL (issue 16; not part of `make test`). `make bench` builds it in BENCH_DB
# unless it is there (BENCH_FRESH=1 builds it anew), then times the key pages in-process and under load
# through gunicorn (benchmarks/load.py; BENCH_CACHE=redis for Redis as the cache). `make bench-data` builds
# it (benchmarks/municipality/) into a database of its own and renames that to BENCH_DB only when it is
# complete; `make bench-pages` is the in-process table alone.
BENCH_DB ?= frontloeber_bench
BENCH_URL = postgres://postgres@127.0.0.1:5432/$(BENCH_DB)
BENCH_BUILD = $(BENCH_DB)_building
PSQL = psql -h 127.0.0.1 -U postgres -q
bench: $(STAMP)
	@if [ -n "$(BENCH_FRESH)" ] || [ "$$($(PSQL) -Atc "SELECT 1 FROM pg_database WHERE datname = '$(BENCH_DB)'")" != 1 ]; then \
		$(MAKE) --no-print-directory bench-data; fi
	DATABASE_URL=$(BENCH_URL) $(BIN)/python -m benchmarks.load

bench-data: $(STAMP)
	$(PSQL) -c "DROP DATABASE IF EXISTS $(BENCH_BUILD) WITH (FORCE)" -c "CREATE DATABASE $(BENCH_BUILD)"
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_BUILD) $(BIN)/python manage.py migrate --noinput --verbosity 0
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_BUILD) $(BIN)/python manage.py seed_demo --quiet-logins
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/$(BENCH_BUILD) $(BIN)/python -m benchmarks.municipality
	@# As autovacuum keeps a database in use: without the visibility map a count reads every row, not the index.
	$(PSQL) -d $(BENCH_BUILD) -c "VACUUM ANALYZE"
	$(PSQL) -c "DROP DATABASE IF EXISTS $(BENCH_DB) WITH (FORCE)" \
		-c "ALTER DATABASE $(BENCH_BUILD) RENAME TO $(BENCH_DB)"

bench-pages: $(STAMP)
	DATABASE_URL=$(BENCH_URL) $(BIN)/python -m benchmarks.pages

# The board, the idea form and an idea page on a phone on Slow 3G, through the production server (issue 21).
bench-phone: $(STAMP)
	DATABASE_URL=$(BENCH_URL) $(BIN)/python -m benchmarks.weak_line

# Backup and restore drill: pg_dump BENCH_DB, pg_restore it into a new database, check rows and pages there.
bench-restore: $(STAMP)
	DATABASE_URL=$(BENCH_URL) $(BIN)/python -m benchmarks.restore_drill

# The older pytest benchmarks: the ideas and survey pages at a size set by BENCH_IDEAS, on any database.
bench-small: $(STAMP)
	$(BIN)/python -m pytest benchmarks -q -s -p no:cacheprovider

# Production: every setting from the environment (see README), static files collected for whitenoise.
serve: $(STAMP)
	FRONTLOEBER_ENV=production $(BIN)/python manage.py collectstatic --noinput
	FRONTLOEBER_ENV=production $(BIN)/python manage.py migrate --noinput
	FRONTLOEBER_ENV=production $(BIN)/gunicorn frontloeber.wsgi --bind $${BIND:-0.0.0.0:8000} \
		--workers $${WEB_CONCURRENCY:-3} --access-logfile - --config gunicorn.conf.py

worker: $(STAMP)
	$(BIN)/python manage.py send_digests --schedule
	$(BIN)/python manage.py db_worker

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/djlint frontloeber --lint

# Extract new strings (needs gettext's xgettext) and compile them (pure Python, no system packages).
messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l da -l en --no-obsolete --ignore ".venv/*" --ignore "tests/*"
	$(BIN)/python scripts/compile_messages.py

vendor:
	$(PYTHON) scripts/vendor_static.py

# Pin every dependency anew (after a change in pyproject.toml), for production and for development. Needs
# only pip-tools, so it also works when a lock file is missing or broken.
lock:
	test -x $(BIN)/pip-compile || { test -x $(BIN)/python || $(PYTHON) -m venv $(VENV); \
		$(BIN)/python -m pip install --quiet "pip-tools>=7.4,<8"; }
	$(COMPILE) -o requirements/base.lock pyproject.toml requirements/build.in
	$(COMPILE) --extra dev -o requirements/dev.lock pyproject.toml requirements/build.in

clean:
	rm -rf $(VENV) staticfiles
