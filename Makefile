# City Pathways Atlas. `make run` serves the site on SQLite with the papers' data loaded;
# `make test` runs the whole test suite. Both create .venv on first use.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: help install messages run serve-prod bench bench-load test lint fmt load verify migrations-check clean \
	lock lock-upgrade audit backup restore

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

# Development settings for manage.py and the tests; a deployment sets its environment instead
# (variables already in the environment always win over this file).
.env:
	printf '# Written by make for development; see .env.example for every variable.\nDEBUG=true\n' > $@

# Installs exactly what requirements.lock pins, each file checked against its hash, so a fresh
# machine runs what CI tested; the project itself goes in last, without resolving anything.
$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

install: $(VENV)/.installed .env  ## create .venv and install the locked dependencies and dev tools

# pip-compile keeps every pin the lock already has and adds what pyproject.toml added; the
# `geo` extra stays out (it is only for refreshing coordinates). CUSTOM_COMPILE_COMMAND puts
# `make lock` in the files' headers as the way to refresh them.
LOCK_FLAGS := --quiet --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url \
	--no-emit-find-links
lock:  ## refresh requirements.lock (dev) and requirements-prod.lock from pyproject.toml
	test -x $(VENV)/bin/pip-compile || $(MAKE) $(VENV)/.installed
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile $(LOCK_FLAGS) $(LOCK_ARGS) \
		--extra dev -o requirements.lock pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile $(LOCK_FLAGS) $(LOCK_ARGS) \
		-o requirements-prod.lock pyproject.toml

lock-upgrade:  ## move every pin in the lock files to the newest version pyproject.toml allows
	$(MAKE) lock LOCK_ARGS=--upgrade

audit: $(VENV)/.installed  ## check the locked packages for known vulnerabilities (exit 2: database unreachable)
	$(PY) .ci/audit.py requirements.lock

# The Spanish and French catalogues (locale/*/LC_MESSAGES/*.po) compiled for Django; msgfmt
# comes with gettext, which is installed here if it is missing (Debian: apt-get).
messages: install  ## compile the translation catalogues (needs gettext's msgfmt)
	command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq \
		--no-install-recommends gettext >/dev/null; } \
		|| { echo "Install gettext (it provides msgfmt) to compile the translations." >&2; exit 1; }
	$(PY) manage.py compilemessages --ignore=.venv --verbosity 0

load: messages  ## migrate and load the papers' data (idempotent)
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_atlas

run: load  ## serve the site on http://127.0.0.1:$(PORT)/ with SQLite and the data loaded
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The production settings on this machine: DEBUG off, a secret key generated once into
# .secret_key (unless SECRET_KEY is set), plain HTTP on 127.0.0.1 (no TLS proxy in front).
# DATABASE_URL and REDIS_URL choose the database and the cache, as in production.
.secret_key:
	umask 077 && $(PY) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@
PROD_ENV = DEBUG=false SECRET_KEY="$${SECRET_KEY:-$$(cat .secret_key)}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-127.0.0.1,localhost}" \
	SECURE_SSL_REDIRECT="$${SECURE_SSL_REDIRECT:-false}"

serve-prod: messages .secret_key  ## the production stack (DEBUG off, gunicorn) on http://127.0.0.1:$(PORT)/
	$(PROD_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(PROD_ENV) $(PY) manage.py migrate --no-input
	$(PROD_ENV) $(PY) manage.py check --deploy --fail-level ERROR
	$(PROD_ENV) PORT=$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py config.wsgi

# `make bench`: the pages of issue 9 on a synthetic catalogue (bench/pages, bench/RESULTS.md).
# The database is generated first if it holds no synthetic cases; PostgreSQL:
#   make bench BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/atlas_synthetic
# A quick run: make bench BENCH_CASES=5000 BENCH_ARGS="--runs 5 --duration 10"
BENCH_CASES ?= 100000
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/build/atlas-synthetic-$(BENCH_CASES).sqlite3
BENCH_ARGS ?=
bench: install  ## time every page of issue 9 on BENCH_CASES synthetic cases (bench/RESULTS.md)
	mkdir -p build
	$(PY) bench/pages --database-url $(BENCH_DATABASE_URL) --cases $(BENCH_CASES) $(BENCH_ARGS)

bench-load: install  ## 50 connections for 60 s against gunicorn on 127.0.0.1 (bench/RESULTS.md)
	$(PY) bench/load

verify: load  ## check every citation and every case's places against the papers' texts
	$(PY) manage.py verify_citations

test: messages  ## run the whole test suite (DATABASE_URL picks the database)
	$(PY) -m pytest -n 2 --dist loadfile

lint: $(VENV)/.installed  ## ruff check, format check and the import-linter contracts (layers)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

fmt: $(VENV)/.installed  ## format the code
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

backup: $(VENV)/.installed .env  ## back up the database (DATABASE_URL) to backups/, or to BACKUP_FILE or BACKUP_DIR
	$(PY) manage.py backup $(if $(BACKUP_FILE),--output "$(BACKUP_FILE)")

# No default file: restoring replaces the whole database, so the backup must be named.
restore: $(VENV)/.installed .env  ## replace the database's content with the backup BACKUP_FILE (required)
	@test -n "$(BACKUP_FILE)" || { echo "make restore: name the backup, e.g. make restore BACKUP_FILE=backups/atlas-….sqlite3" >&2; exit 2; }
	$(PY) manage.py restore "$(BACKUP_FILE)"

migrations-check: $(VENV)/.installed  ## fail if a model change lacks a migration
	$(PY) manage.py makemigrations --check --dry-run

clean:  ## remove the virtual environment and the SQLite database
	rm -rf $(VENV) db.sqlite3 staticfiles .secret_key
