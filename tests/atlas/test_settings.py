"""Settings come from the environment and refuse unsafe production values."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection


def run_django(*args, **env):
    # DJANGO_ALLOW_ASYNC_UNSAFE: the browser tests' conftest sets it in this process (Playwright
    # runs an event loop in the test's thread); a production site never has it.
    left_out = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in left_out}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_site_refuses_to_start_without_a_secret_when_debug_is_off():
    # The checkout's development .env says DEBUG=true; the environment's DEBUG=false wins.
    result = run_django("check", DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_site_refuses_a_nonsense_boolean():
    result = run_django("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "atlas.example.org",
}


def test_deploy_check_is_clean_under_production_settings(collected_static):
    result = run_django(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        STATIC_ROOT=str(collected_static),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_deploy_check_fails_when_collectstatic_has_not_run(tmp_path):
    result = run_django("check", "--deploy", **PRODUCTION, STATIC_ROOT=str(tmp_path))
    assert result.returncode != 0
    assert "atlas.E001" in result.stderr
    assert f"The static files manifest staticfiles.json is missing from {tmp_path}" in (
        result.stderr
    )
    assert "Run `manage.py collectstatic --no-input`" in result.stderr


def test_every_environment_variable_is_documented():
    import re

    read = set(
        re.findall(r'env_\w+\("([A-Z_]+)"', (settings.BASE_DIR / "config/settings.py").read_text())
    )
    documented = set(
        re.findall(r"^([A-Z_]+)=", (settings.BASE_DIR / ".env.example").read_text(), re.M)
    )
    assert read - documented == set()


def test_env_file_fills_in_but_never_overrides_the_environment(tmp_path, monkeypatch):
    from config.env import load_env_file

    env_file = tmp_path / ".env"
    env_file.write_text("# comment\nATLAS_TEST_A=from-file\nATLAS_TEST_B = from-file\n")
    monkeypatch.setenv("ATLAS_TEST_B", "from-environment")
    monkeypatch.delenv("ATLAS_TEST_A", raising=False)
    load_env_file(env_file)
    assert os.environ["ATLAS_TEST_A"] == "from-file"
    assert os.environ["ATLAS_TEST_B"] == "from-environment"
    monkeypatch.delenv("ATLAS_TEST_A")


def database_options(url):
    """The options the settings give the default database for a DATABASE_URL."""
    script = "from config import settings; print(settings.DATABASES['default'].get('OPTIONS', {}))"
    environment = {**os.environ, "DATABASE_URL": url}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    return result.stdout.strip()


def test_sqlite_makes_concurrent_writers_wait_instead_of_failing():
    assert database_options("sqlite:////tmp/atlas.sqlite3") == str(
        {"init_command": "PRAGMA journal_mode=WAL", "transaction_mode": "IMMEDIATE", "timeout": 20}
    )


def test_postgresql_gets_none_of_the_sqlite_options():
    assert database_options("postgres://atlas@db.example.org:5432/atlas") == "{}"


@pytest.mark.django_db
def test_sqlite_connections_write_ahead_and_wait_for_the_writer():
    if connection.vendor != "sqlite":
        pytest.skip("the options are SQLite's")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone() == ("wal",)
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone() == (20000,)
    assert connection.transaction_mode == "IMMEDIATE"


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("RATE_LIMIT_SEARCH", "60 per minute", "RATE_LIMIT_SEARCH must look like 60/m"),
        ("TRUSTED_PROXY_COUNT", "one", "TRUSTED_PROXY_COUNT must be a whole number"),
    ],
)
def test_site_refuses_a_nonsense_limit(variable, value, message):
    result = run_django("check", DEBUG="true", **{variable: value})
    assert result.returncode != 0
    assert message in result.stderr


def test_limits_come_from_the_environment():
    script = (
        "from config import settings; "
        "print(settings.ATLAS_RATE_LIMITS['export'], settings.AXES_FAILURE_LIMIT, "
        "settings.TRUSTED_PROXY_COUNT)"
    )
    environment = {
        **os.environ,
        "RATE_LIMIT_EXPORT": "7/h",
        "LOGIN_FAILURE_LIMIT": "3",
        "TRUSTED_PROXY_COUNT": "2",
    }
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.stdout.split() == ["7/h", "3", "2"]
