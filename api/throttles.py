"""The API's rate limits: DRF's throttling, counted in Django's cache per client address as
the site's pages count theirs (`atlas.limits`), at the rates of `settings.ATLAS_RATE_LIMITS`."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from atlas.clients import client_key
from atlas.parameters import InvalidParameters


class ClientRateThrottle(SimpleRateThrottle):
    """Every request counts as `api`."""

    scope = "api"

    def get_rate(self):
        # Read when asked, not at import as DRF does, so settings and their overrides hold.
        return settings.ATLAS_RATE_LIMITS[self.scope]

    def get_cache_key(self, request, view):
        # DRF's own address would believe any X-Forwarded-For it is sent.
        return self.cache_format % {"scope": self.scope, "ident": client_key(request)}


class BulkRateThrottle(ClientRateThrottle):
    """A request for more than a default page also counts as `api_bulk`: it is an export."""

    scope = "api_bulk"

    def allow_request(self, request, view):
        paginator = getattr(view, "paginator", None)
        if paginator is None or not request.query_params.get(paginator.page_size_query_param):
            return True
        try:
            asked = paginator.get_page_size(request)
        except InvalidParameters:
            return True  # the paginator answers it with a 400 naming `page_size`
        if asked <= paginator.page_size:
            return True
        return super().allow_request(request, view)
