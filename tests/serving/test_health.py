"""`/healthz` tells a load balancer whether this process can serve: database and cache."""

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: connecting is refused at once, as when Redis is down.
UNREACHABLE_CACHE = {"default": {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:1/0"}}


def test_healthz_answers_ok_for_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_naming_the_cache_when_redis_is_unreachable(client):
    with override_settings(CACHES=UNREACHABLE_CACHE):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "failed: ConnectionError"}


@override_settings(SECURE_SSL_REDIRECT=True)
def test_healthz_is_not_redirected_to_https(client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/cases/").status_code == 301
