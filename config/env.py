"""Strict readers for settings from the environment: nonsense fails loudly at start-up."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def load_env_file(path):
    """Read KEY=VALUE lines of a development `.env` (written by `make`) into the environment.
    Variables already set win, so a deployment's real environment is never overridden."""
    if not path.exists():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            os.environ.setdefault(key.strip(), value.strip())


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.strip().lower() in TRUE:
        return True
    if value.strip().lower() in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(TRUE | FALSE)}, not {value!r}")


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    if not value.strip().isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}")
    return int(value)


def env_rate(name, default):
    """A rate limit as both django-ratelimit and DRF read it: `<count>/<s|m|h|d>`."""
    value = os.environ.get(name, "").strip() or default
    count, _, period = value.partition("/")
    if not (count.isdigit() and period in {"s", "m", "h", "d"}):
        raise ImproperlyConfigured(f"{name} must look like 60/m (per s, m, h or d), not {value!r}")
    return value
