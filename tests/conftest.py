from importlib import import_module
from uuid import uuid4

import pytest
import redis
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from pytest_django.plugin import blocking_manager_key

from config.env import env_bool
from portal.records import load_atlas
from tests.factories import fresh_address, member

FIXTURES = settings.BASE_DIR / "fixtures"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the tests use a database file, not one in memory. A live server's threads
    then open connections of their own and write at the same time, as the site's workers do;
    an in-memory database would be shared with them through the test's one connection."""
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3" and not database.get("TEST", {}).get(
        "NAME"
    ):
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "atlas.db")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test runs against the atlas as `make run` serves it: all five papers loaded.
    Each test's own changes are rolled back afterwards."""
    with django_db_blocker.unblock():
        load_atlas(FIXTURES)


EDITOR_GROUPS = import_module("portal.migrations.0001_editor_groups").GROUPS
EMPTIED = pytest.StashKey[bool]()


def transactional(item):
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("transaction")) or "live_server" in item.fixturenames


def uses_the_database(item):
    return item.get_closest_marker("django_db") is not None or "db" in item.fixturenames


def load_the_atlas_again():
    """What the migrations' data and `load_atlas` put in the database, after a flush (which
    recreates the permissions but not the editors' groups)."""
    for name, wanted in EDITOR_GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    load_atlas(FIXTURES)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """A transactional test empties the database when it ends. pytest-django runs them after
    the others, but xdist's --dist loadfile hands a worker whole modules, largest first, so a
    module of ordinary tests can come after one; it then gets the atlas loaded again first."""
    if transactional(item):
        item.config.stash[EMPTIED] = True
    elif item.config.stash.get(EMPTIED, False) and uses_the_database(item):
        with item.config.stash[blocking_manager_key].unblock():
            load_the_atlas_again()
        item.config.stash[EMPTIED] = False


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """PBKDF2 is slow on purpose; the tests log users in often and guard no real password."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def generous_rate_limits():
    """The suite sends thousands of requests from 127.0.0.1, and with a shared cache the
    workers count together: limits stay on, but high enough never to refuse them. The tests
    of the limits set small ones and count from an address of their own."""
    rates = dict.fromkeys(settings.ATLAS_RATE_LIMITS, "100000/m")
    with override_settings(ATLAS_RATE_LIMITS=rates):
        yield


@pytest.fixture
def client_address():
    return fresh_address()


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English. A request activates its page's language for the thread
    (LocaleMiddleware) and leaves it so; in a test process that would carry one test's Spanish
    page into the next test's `reverse()` and factories."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty cache of its own: a key prefix of its own in the
    shared Redis. Flushing the Redis database instead would wipe the keys of the other test
    workers, and of `make run` when it shares the database."""
    prefix = f"test-{uuid4().hex}"
    cache = {**settings.CACHES["default"], "KEY_PREFIX": prefix}
    with override_settings(CACHES={"default": cache}):
        yield prefix
    with redis.Redis.from_url(cache["LOCATION"]) as client:
        for key in client.scan_iter(match=f"{prefix}:*"):
            client.delete(key)


@pytest.fixture
def papers_dir():
    """The papers' texts. CI has them beside the checkout, so there a missing folder is a
    failure; elsewhere the provenance tests are skipped, saying why."""
    where = settings.ATLAS_PAPERS_DIR
    if not where.is_dir():
        message = f"The papers' texts are not at {where} (set ATLAS_PAPERS_DIR)."
        if env_bool("CI", default=False):
            pytest.fail(f"{message} CI runs the provenance tests with ../shared/seeds.")
        pytest.skip(message)
    return where


@pytest.fixture
def editor():
    return member("Editors")


@pytest.fixture
def publisher():
    return member("Publishers")


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """A STATIC_ROOT as `collectstatic` leaves it: the files under hashed names and the
    manifest that production's storage looks them up in. Uncompressed, which takes seconds
    where WhiteNoise's compression takes minutes; the manifest is the same."""
    root = tmp_path_factory.mktemp("static")
    storage = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
    with override_settings(
        STATIC_ROOT=root, STORAGES={**settings.STORAGES, "staticfiles": storage}
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root
