"""Every page answers with a Content-Security-Policy that allows no inline code, and with a
Permissions-Policy; no page holds inline script, style or event handlers that the policy would
block. The pages are enumerated from the URLconf, so a new page is checked from its first day."""

from html.parser import HTMLParser

import pytest
from django.test import override_settings
from django.urls import reverse

from cases.models import Case
from tests.pages import BROWSER_ACCEPT, READER_PAGES, address, public_pages, public_url_names

pytestmark = pytest.mark.django_db

# Script types a browser does not run: data blocks, which the CSP does not govern.
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}


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
    assert set(public_url_names()) == set(public_pages())


@pytest.mark.parametrize("name", public_url_names())
def test_page_has_the_security_headers_and_no_inline_code(client, name):
    # As a browser asks, so the API answers with its browsable HTML pages.
    response = client.get(address(name), HTTP_ACCEPT=BROWSER_ACCEPT)
    assert response.status_code == 200
    assert_headers(response)
    if response["Content-Type"].startswith("text/html"):
        assert inline_code(response.content.decode()).found == []
        # And a page a reader reads is checked in a browser (tests/browser/test_accessibility.py).
        assert name in READER_PAGES or name.startswith("api:"), f"{name}: add it to READER_PAGES"


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
