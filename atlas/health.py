"""`/healthz`: what a load balancer or monitor probes to decide whether to send traffic here."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_answers():
    probe = uuid.uuid4().hex
    cache.set("healthz", probe, 10)
    return cache.get("healthz") == probe


CHECKS = {"database": database_answers, "cache": cache_answers}


@never_cache
def healthz(request):
    """200 with each part "ok", or 503 naming the part that failed. Any exception counts as
    a failure: a probe must answer, whatever broke."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "wrong answer"
        except Exception as error:
            logger.error("Health check: the %s failed: %s", name, error)
            results[name] = f"failed: {type(error).__name__}"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(results, status=200 if healthy else 503)
