# City Pathways Atlas. `make run` serves the site on SQLite with the papers' data loaded;
# `make test` runs the whole test suite. Both create .venv on first use.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: help install run serve-prod bench-load test lint fmt load verify migrations-check clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

# Development settings for manage.py and the tests; a deployment sets its environment instead
# (variables already in the environment always win over this file).
.env:
	printf '# Written by make for development; see .env.example for every variable.\nDEBUG=true\n' > $@

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed .env  ## create .venv and install the project with its dev tools

load: install  ## migrate and load the papers' data (idempotent)
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

serve-prod: install .secret_key  ## the production stack (DEBUG off, gunicorn) on http://127.0.0.1:$(PORT)/
	$(PROD_ENV) $(PY) manage.py collectstatic --no-input --verbosity 0
	$(PROD_ENV) $(PY) manage.py migrate --no-input
	$(PROD_ENV) $(PY) manage.py check --deploy --fail-level ERROR
	$(PROD_ENV) PORT=$(PORT) $(VENV)/bin/gunicorn -c gunicorn.conf.py config.wsgi

bench-load: install  ## 50 connections for 60 s against gunicorn on 127.0.0.1 (bench/RESULTS.md)
	$(PY) bench/load

verify: load  ## check every citation and every case's places against the papers' texts
	$(PY) manage.py verify_citations

test: install  ## run the whole test suite (DATABASE_URL picks the database)
	$(PY) -m pytest -n 2 --dist loadfile

lint: $(VENV)/.installed  ## ruff check, format check and the import-linter contracts (layers)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

fmt: $(VENV)/.installed  ## format the code
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

migrations-check: $(VENV)/.installed  ## fail if a model change lacks a migration
	$(PY) manage.py makemigrations --check --dry-run

clean:  ## remove the virtual environment and the SQLite database
	rm -rf $(VENV) db.sqlite3 staticfiles .secret_key
