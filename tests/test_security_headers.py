"""Every page answers with a Content-Security-Policy that allows no inline code, and with a
Permissions-Policy; no page holds inline script, style or event handlers that the policy would
block. The pages are enumerated from the URLconf, so a new page is checked from its first day."""

from html.parser import HTMLParser

import pytest
from django.test import override_settings
from django.urls import URLResolver, get_resolver, reverse

from cases.models import Case
from pathways.models import (
    CityRole,
    GCMObjective,
    Network,
    PathwayType,
    Publication,
    Recommendation,
)

pytestmark = pytest.mark.django_db

# Script types a browser does not run: data blocks, which the CSP does not govern.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8"


def public_pages():
    """URL name → (kwargs, query) of one page of each kind the site serves."""
    case = Case.objects.published().filter(places__isnull=False).first()
    place = case.places.first()
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
            {"slug": Recommendation.objects.published().first().slug},
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
        "cases:compare": ({}, f"?cases={case.slug}"),
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
            {"slug": Recommendation.objects.published().first().slug},
            "",
        ),
        "pathways:publication-list": ({}, ""),
        "pathways:publication-cite": ({"format": "ris"}, ""),
        "portal:home": ({}, ""),
        "portal:codebook": ({}, ""),
        "portal:search": ({}, "?q=visa"),
    }


# Not pages for the public: the editors' area is checked below, and the Markdown preview
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


class InlineCode(HTMLParser):
    """Collects what a strict CSP blocks: inline scripts and styles, style attributes, event
    handler attributes and javascript: URLs. Also the scripts and linked files (styles,
    icons) a page loads, by address."""

    def __init__(self):
        super().__init__()
        self.found, self.scripts, self.links, self.in_inline_script = [], [], [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "script":
            if attrs.get("src"):
                self.scripts.append(attrs["src"])
            elif attrs.get("type") not in DATA_SCRIPT_TYPES:
                self.in_inline_script = True
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs.items():
            if name == "style" or name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action"} and (value or "").strip().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}=javascript:…>")

    def handle_endtag(self, tag):
        if tag == "script" and self.in_inline_script:
            self.found.append("<script> without src")
            self.in_inline_script = False


def inline_code(html):
    parser = InlineCode()
    parser.feed(html)
    return parser


def assert_headers(response):
    policy = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    permissions = response["Permissions-Policy"]
    for feature in ["camera", "microphone", "geolocation", "payment", "usb"]:
        assert f"{feature}=()" in permissions
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_every_public_page_is_checked():
    assert set(url_names(get_resolver().url_patterns)) - NOT_PUBLIC == set(public_pages())


@pytest.mark.parametrize("name", sorted(set(url_names(get_resolver().url_patterns)) - NOT_PUBLIC))
def test_page_has_the_security_headers_and_no_inline_code(client, name):
    kwargs, query = public_pages()[name]
    # As a browser asks, so the API answers with its browsable HTML pages.
    response = client.get(reverse(name, kwargs=kwargs) + query, HTTP_ACCEPT=BROWSER_ACCEPT)
    assert response.status_code == 200
    assert_headers(response)
    if response["Content-Type"].startswith("text/html"):
        assert inline_code(response.content.decode()).found == []


def test_error_pages_have_the_headers_and_no_inline_code(client):
    for url in ["/cases/no-such-case/", "/cases/?role=no-such-role"]:
        response = client.get(url)
        assert response.status_code in {400, 404}
        assert_headers(response)
        assert inline_code(response.content.decode()).found == []


def test_admin_login_page_complies(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_headers(response)
    assert inline_code(response.content.decode()).found == []


def test_admin_case_change_form_complies_and_loads_only_files(admin_client):
    from django.contrib.staticfiles import finders

    case = Case.objects.published().first()
    response = admin_client.get(reverse("admin:cases_case_change", args=[case.pk]))
    assert response.status_code == 200
    assert_headers(response)
    page = inline_code(response.content.decode())
    assert page.found == []
    # The change form's behaviour (the Markdown preview, autocompletes, inlines) comes from
    # static files that exist and scripts that views serve.
    static = [src.removeprefix("/static/") for src in page.scripts if src.startswith("/static/")]
    assert "js/markdown-preview.js" in static
    assert "admin/js/inlines.js" in static
    assert [src for src in static if not finders.find(src)] == []
    served = [src for src in page.scripts if not src.startswith("/static/")]
    assert [src for src in served if admin_client.get(src).status_code != 200] == []


def test_admin_case_list_complies(admin_client):
    response = admin_client.get(reverse("admin:cases_case_changelist"))
    assert response.status_code == 200
    assert inline_code(response.content.decode()).found == []


@override_settings(SECURE_HSTS_SECONDS=31536000)
def test_https_answers_keep_strict_transport_security(client):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert_headers(response)


def test_map_tiles_are_the_only_other_origin_images_may_come_from(client, settings):
    response = client.get("/map/")
    policy = response["Content-Security-Policy"]
    assert "img-src 'self' data: https://tile.openstreetmap.org" in policy


def test_api_docs_page_complies(client):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    assert_headers(response)
    page = inline_code(response.content.decode())
    assert page.found == []
    # Swagger UI's bundle, its preset and the page's own start-up script, in that order.
    assert [src.rsplit("/", 1)[-1] for src in page.scripts] == [
        "swagger-ui-bundle.js",
        "swagger-ui-standalone-preset.js",
        "?script=",
    ]
