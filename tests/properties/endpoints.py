"""Every public GET endpoint of the site, read from the URLconf, with a real value for each
path parameter, so that a new endpoint is tested as soon as it has a URL."""

import re
from dataclasses import dataclass, field
from urllib.parse import quote

from django.urls import URLResolver, get_resolver

from cases.models import Case, Place
from pathways.models import (
    CityRole,
    GCMObjective,
    Network,
    PathwayType,
    Publication,
    Recommendation,
)

# What the property tests leave out, and why: the editors' pages need an account and a CSRF
# token, and answer a person, not a query string.
NOT_PUBLIC = {
    None: {"password_reset_confirm", "password_reset_complete"},
    "atlas": {"markdown-preview"},  # POST only, for logged-in editors
}
NOT_PUBLIC_NAMESPACES = {"admin"}


def published(queryset, key="slug"):
    return lambda: str(getattr(queryset.published().order_by("pk").first(), key))


def first(model, key="slug"):
    return lambda: str(getattr(model.objects.order_by("pk").first(), key))


# A real value for each path parameter, by the URL's name (the pattern's parameter name when
# one value serves every URL of a namespace).
REAL_VALUES = {
    "cases:case-detail": {"slug": published(Case.objects)},
    "cases:case-cite": {"slug": published(Case.objects), "format": lambda: "bib"},
    "cases:place-detail": {"slug": first(Place)},
    "cases:country-detail": {"code": lambda: "CO"},
    "cases:region-detail": {"code": lambda: "019"},
    "cases:network-detail": {"slug": published(Network.objects)},
    "cases:pathway-detail": {"slug": first(PathwayType)},
    "cases:role-detail": {"slug": first(CityRole)},
    "cases:gcm-detail": {"number": first(GCMObjective, "number")},
    "cases:publication-detail": {"slug": first(Publication)},
    "cases:case-export": {"format": lambda: "csv"},
    "cases:place-export": {"format": lambda: "json"},
    "pathways:network-export": {"format": lambda: "csv"},
    "pathways:recommendation-export": {"format": lambda: "json"},
    "pathways:recommendation-detail": {"slug": published(Recommendation.objects)},
    "pathways:publication-cite": {"format": lambda: "ris"},
    "api:case-detail": {"slug": published(Case.objects)},
    "api:place-detail": {"slug": first(Place)},
    "api:network-detail": {"slug": published(Network.objects)},
    "api:recommendation-detail": {"slug": published(Recommendation.objects)},
    "api:publication-detail": {"slug": first(Publication)},
    "api:pathway-type-detail": {"slug": first(PathwayType)},
    "api:role-detail": {"slug": first(CityRole)},
    "api:gcm-objective-detail": {"number": first(GCMObjective, "number")},
}
# DRF's format suffixes (`/api/cases.json`) and the API root's: the formats it renders.
FORMAT_SUFFIX = {"format": lambda: "json"}

PARAMETER = re.compile(r"<(?:[^>:]+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")


@dataclass
class Endpoint:
    name: str  # namespace:name
    routes: list = field(default_factory=list)  # one per pattern: "cases/<slug:slug>/", …

    def parameters(self, route):
        return [a or b for a, b in PARAMETER.findall(route)]

    def real_values(self):
        makers = {**FORMAT_SUFFIX, **REAL_VALUES.get(self.name, {})}
        return {name: maker() for name, maker in makers.items()}

    def path(self, route, values):
        """The path of a route with the values given (any text: they are quoted as a browser
        would, whether or not the route's converter would accept them)."""
        path = route.replace("^", "").replace("$", "").replace("/?", "/").replace("\\.", ".")
        # DRF's suffix converter takes the dot with the format (`api/.json`).
        path = path.replace("<drf_format_suffix:format>", ".<format>")
        path = PARAMETER.sub(lambda m: quote(values[m[1] or m[2]], safe=""), path)
        return "/" + path


def walk(patterns, prefix="", namespace=None):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            yield namespace, pattern.name, prefix + str(pattern.pattern)


def public_endpoints():
    """The URLconf's public endpoints, in its order, each with all its patterns."""
    endpoints = {}
    for namespace, name, route in walk(get_resolver().url_patterns):
        if namespace in NOT_PUBLIC_NAMESPACES or name in NOT_PUBLIC.get(namespace, ()):
            continue
        key = f"{namespace}:{name}" if namespace else name
        endpoints.setdefault(key, Endpoint(key)).routes.append(route)
    return list(endpoints.values())


def is_data(endpoint):
    """Exports, feeds, GeoJSON and the API: answers in JSON, CSV, XLSX, XML."""
    return endpoint.name.startswith("api:") or any(
        word in endpoint.name for word in ("export", "feed", "geojson", "cite")
    )
