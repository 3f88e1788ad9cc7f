"""One page of each kind the site serves, by URL name, for the tests that visit them all (the
security headers over HTTP, accessibility in a browser). The names come from the URLconf, and a
test checks that each has its page here, so a new page is checked from its first day."""

from django.urls import URLResolver, get_resolver, reverse

from atlas.models import State
from cases.models import Case
from pathways.models import (
    CityRole,
    GCMObjective,
    Network,
    PathwayType,
    Publication,
    Recommendation,
)

BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8"

# Pages a reader reads: every public page whose answer to a browser is HTML, except the API's
# browsable pages (Django REST framework's own templates; the API is documented at api:docs).
READER_PAGES = [
    "portal:home", "cases:case-list", "cases:case-detail", "cases:place-detail",
    "cases:country-detail", "cases:region-detail", "pathways:network-list",
    "cases:network-detail", "pathways:network-counts", "cases:role-detail",
    "cases:pathway-detail", "cases:gcm-detail", "pathways:recommendation-list",
    "pathways:recommendation-detail", "cases:financing-list", "cases:framework-list",
    "cases:matrix", "cases:map", "cases:compare", "cases:suggest", "cases:suggest-thanks",
    "cases:changes", "portal:codebook", "portal:search", "pathways:publication-list",
    "cases:publication-detail", "api:docs", "password_reset_confirm", "password_reset_complete",
]  # fmt: skip


def fullest_case():
    """A described practice with places, years, recommendations and a source online: the
    fullest kind of case page."""
    cases = Case.objects.published().filter(depth="practice", start_year__isnull=False)
    cases = cases.filter(places__isnull=False, recommendations__isnull=False)
    return cases.filter(citations__publication__url__gt="").order_by("slug")[0]


def recommendation_with_cases():
    recommendations = Recommendation.objects.published().filter(cases__state=State.PUBLISHED)
    return recommendations.order_by("slug")[0]


def public_pages():
    """URL name → (kwargs, query) of one page of each kind the site serves."""
    case = fullest_case()
    place = case.places.first()
    other = Case.objects.published().exclude(pk=case.pk).order_by("pk").first()
    slug = {"slug": case.slug}
    first = lambda model: {"slug": model.objects.first().slug}  # noqa: E731
    return {
        "password_reset_confirm": ({"uidb64": "MQ", "token": "set-password"}, ""),
        "password_reset_complete": ({}, ""),
        "atlas:healthz": ({}, ""),
        "javascript-catalog": ({}, ""),
        "api:api-root": ({}, ""),
        "api:schema": ({}, ""),
        "api:docs": ({}, ""),
        "api:case-list": ({}, "?page_size=2"),
        "api:case-detail": (slug, ""),
        "api:place-list": ({}, "?page_size=2"),
        "api:place-detail": ({"slug": place.slug}, ""),
        "api:network-list": ({}, ""),
        "api:network-detail": ({"slug": Network.objects.published().first().slug}, ""),
        "api:recommendation-list": ({}, ""),
        "api:recommendation-detail": (
            {"slug": recommendation_with_cases().slug},
            "",
        ),
        "api:publication-list": ({}, ""),
        "api:publication-detail": (first(Publication), ""),
        "api:pathway-type-list": ({}, ""),
        "api:pathway-type-detail": (first(PathwayType), ""),
        "api:role-list": ({}, ""),
        "api:role-detail": (first(CityRole), ""),
        "api:gcm-objective-list": ({}, ""),
        "api:gcm-objective-detail": ({"number": GCMObjective.objects.first().number}, ""),
        "cases:case-list": ({}, "?q=city"),
        "cases:compare": ({}, f"?cases={case.slug},{other.slug}"),
        "cases:case-feed": ({}, ""),
        "cases:case-export": ({"format": "csv"}, ""),
        "cases:place-export": ({"format": "json"}, ""),
        "cases:case-detail": (slug, ""),
        "cases:case-cite": ({**slug, "format": "bib"}, ""),
        "cases:place-detail": ({"slug": place.slug}, ""),
        "cases:country-detail": ({"code": place.country.code}, ""),
        "cases:region-detail": ({"code": "150"}, ""),
        "cases:network-detail": ({"slug": Network.objects.published().first().slug}, ""),
        "cases:pathway-detail": (first(PathwayType), ""),
        "cases:role-detail": (first(CityRole), ""),
        "cases:gcm-detail": ({"number": GCMObjective.objects.first().number}, ""),
        "cases:publication-detail": (first(Publication), ""),
        "cases:financing-list": ({}, ""),
        "cases:framework-list": ({}, ""),
        "cases:matrix": ({}, ""),
        "cases:map": ({}, ""),
        "cases:places-geojson": ({}, ""),
        "cases:suggest": ({}, ""),
        "cases:suggest-thanks": ({}, ""),
        "cases:changes": ({}, ""),
        "cases:changes-feed": ({}, ""),
        "pathways:network-list": ({}, ""),
        "pathways:network-export": ({"format": "xlsx"}, ""),
        "pathways:network-counts": ({}, ""),
        "pathways:network-count-export": ({"format": "csv"}, ""),
        "pathways:recommendation-list": ({}, "?q=visa"),
        "pathways:recommendation-export": ({"format": "csv"}, ""),
        "pathways:recommendation-detail": (
            {"slug": recommendation_with_cases().slug},
            "",
        ),
        "pathways:publication-list": ({}, ""),
        "pathways:publication-cite": ({"format": "ris"}, ""),
        "portal:home": ({}, ""),
        "portal:codebook": ({}, ""),
        "portal:search": ({}, "?q=visa"),
    }


# Not pages for the public: the editors' area is checked on its own, and the Markdown preview
# answers only an editor's POST.
NOT_PUBLIC = {"atlas:markdown-preview"}


def url_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            if pattern.namespace != "admin":
                yield from url_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


def public_url_names():
    return sorted(set(url_names(get_resolver().url_patterns)) - NOT_PUBLIC)


def address(name):
    """The path and query of the page of this kind."""
    kwargs, query = public_pages()[name]
    return reverse(name, kwargs=kwargs) + query
