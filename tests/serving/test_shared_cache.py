"""The cache is Redis, shared by every process; what the site caches stays true to the data."""

import datetime

import pytest
from django.apps import apps
from django.core.cache import caches
from django.utils import timezone

from atlas.models import Publishable, State
from cases.models import Case

pytestmark = pytest.mark.django_db


def shown_version(client):
    page = client.get("/data/").content.decode()
    start = page.index("Dataset version</dt><dd>") + len("Dataset version</dt><dd>")
    return page[start : page.index(" ", start)]


def test_cache_is_the_shared_redis():
    cache = caches["default"]
    cache.set("probe", "seen", 10)
    assert type(cache).__name__ == "RedisCache"
    assert cache.get("probe") == "seen"


def set_every_change_date(moment):
    """Bulk updates, which send no signal and so leave the cache alone."""
    for model in apps.get_models():
        if issubclass(model, Publishable):
            model.objects.update(updated_at=moment)


def test_dataset_version_is_cached_and_an_editors_save_shows_at_once(client):
    set_every_change_date(datetime.datetime(2020, 1, 2, tzinfo=datetime.UTC))
    assert shown_version(client) == "2020-01-02"
    set_every_change_date(datetime.datetime(2021, 3, 4, tzinfo=datetime.UTC))
    assert shown_version(client) == "2020-01-02"  # as cached
    case = Case.objects.filter(state=State.PUBLISHED).first()
    case.summary = "Changed by an editor"
    case.save()
    assert shown_version(client) == timezone.now().date().isoformat()
