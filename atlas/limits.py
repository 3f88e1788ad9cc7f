"""Rate limits per client, with django-ratelimit's counters in Django's cache (shared by every
worker). The scopes and their rates are `settings.ATLAS_RATE_LIMITS`; the API applies the same
rates through DRF's throttling (`api.throttles`)."""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from atlas.clients import client_key


def wait_seconds(request, scope):
    """Count this request against the client's share of `scope`; the seconds until its next
    window when it is over the limit, else None."""
    usage = get_usage(
        request,
        group=f"atlas.{scope}",
        key=lambda group, request: client_key(request),
        rate=settings.ATLAS_RATE_LIMITS[scope],
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return None
    return max(usage["time_left"], 1)


def message(wait):
    return _(
        "Too many requests from your address. Please wait %(seconds)d seconds and try again."
    ) % {"seconds": wait}


def too_many(request, wait, *, page):
    """The 429: a page in the site's layout for people, JSON for the files and feeds."""
    if page:
        response = render(request, "429.html", {"message": message(wait)}, status=429)
    else:
        response = JsonResponse(
            {"error": "too many requests", "message": message(wait)}, status=429
        )
    response["Retry-After"] = str(wait)
    return response


class RateLimitMixin:
    """Views whose requests count against a scope: `rate_scope`, or `scope_of(request)`."""

    rate_scope = None
    rate_limited_page = False  # answer with an HTML page (else JSON)

    def scope_of(self, request):
        return self.rate_scope

    def dispatch(self, request, *args, **kwargs):
        scope = self.scope_of(request)
        wait = wait_seconds(request, scope) if scope else None
        if wait:
            return too_many(request, wait, page=self.rate_limited_page)
        return super().dispatch(request, *args, **kwargs)


def rate_limited(scope):
    """The same for a function view, answering in JSON."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            wait = wait_seconds(request, scope)
            if wait:
                return too_many(request, wait, page=False)
            return view(request, *args, **kwargs)

        return limited

    return decorator
