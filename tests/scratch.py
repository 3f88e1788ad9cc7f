"""Databases apart from the test database — empty ones to restore or load into — and the
site's own commands run against them in a process of their own, as an administrator would."""

import os
import subprocess
import sys
import uuid
from contextlib import contextmanager
from urllib.parse import quote

import psycopg
from django.conf import settings
from django.db import connection

ROOT = settings.BASE_DIR


def url_of(database):
    """The DATABASE_URL of a database given as Django's settings for it."""
    if database["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{database['NAME']}"
    user = quote(database.get("USER") or "", safe="")
    password = f":{quote(database['PASSWORD'], safe='')}" if database.get("PASSWORD") else ""
    where = f"{database.get('HOST') or '127.0.0.1'}:{database.get('PORT') or 5432}"
    return f"postgres://{user}{password}@{where}/{database['NAME']}"


@contextmanager
def scratch_database(tmp_path):
    """A new, empty database of the kind the tests run on; its DATABASE_URL. A PostgreSQL
    one is created on the test database's server and dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_scratch_{uuid.uuid4().hex[:8]}"
    if connection.vendor == "sqlite":
        yield url_of({"ENGINE": "sqlite3", "NAME": tmp_path / f"{uuid.uuid4().hex[:8]}.sqlite3"})
        return
    server = {**connection.settings_dict, "NAME": "postgres"}
    with psycopg.connect(url_of(server), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url_of({**connection.settings_dict, "NAME": name})
    finally:
        with psycopg.connect(url_of(server), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def database_of_the_tests():
    return url_of(connection.settings_dict)


def run(database_url, *command, **environment):
    """Run `python COMMAND…` in the project folder against the database, with more
    environment variables if given; its output, or a failure with its error output."""
    result = subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url, "DEBUG": "true", **environment},
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


def manage(database_url, *arguments, **environment):
    return run(database_url, "manage.py", *arguments, **environment).decode()
