import pytest
from django.conf import settings

from portal.records import load_atlas
from tests.factories import member

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


@pytest.fixture
def papers_dir():
    if not settings.ATLAS_PAPERS_DIR.is_dir():
        pytest.skip(
            f"The papers' texts are not at {settings.ATLAS_PAPERS_DIR} (set ATLAS_PAPERS_DIR); "
            "CI runs this check with ../shared/seeds beside the checkout."
        )
    return settings.ATLAS_PAPERS_DIR


@pytest.fixture
def editor():
    return member("Editors")


@pytest.fixture
def publisher():
    return member("Publishers")
