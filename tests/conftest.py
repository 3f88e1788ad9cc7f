import pytest
from django.conf import settings

from portal.records import load_atlas
from tests.factories import member

FIXTURES = settings.BASE_DIR / "fixtures"


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
