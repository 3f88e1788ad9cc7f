"""Every kind of public page, at desktop and at phone size, passes axe-core's WCAG 2.1 A and
AA checks, and on a phone no page scrolls sideways (wide tables scroll inside a region of
their own). A screenshot of each is kept under build/screenshots/."""

import pytest
from django.urls import reverse

from cases.models import Case, Place
from pathways.models import (
    CityRole,
    GCMObjective,
    Network,
    PathwayType,
    Publication,
    Recommendation,
)
from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot, visit


def published_case(index=0):
    return Case.objects.published().order_by("pk")[index]


def place_with_cases():
    return Place.objects.filter(cases__state="published").order_by("pk").first()


def compared():
    return f"{reverse('cases:compare')}?cases={published_case(0).slug},{published_case(1).slug}"


# Each page type of the site, by name: the address is looked up when the test runs.
PAGES = {
    "home": lambda: reverse("portal:home"),
    "case-list": lambda: reverse("cases:case-list"),
    "case": lambda: published_case().get_absolute_url(),
    "place": lambda: place_with_cases().get_absolute_url(),
    "country": lambda: reverse("cases:country-detail", args=[place_with_cases().country.code]),
    "network-list": lambda: reverse("pathways:network-list"),
    "network": lambda: Network.objects.published().order_by("pk").first().get_absolute_url(),
    "network-counts": lambda: reverse("pathways:network-counts"),
    "role": lambda: CityRole.objects.order_by("pk").first().get_absolute_url(),
    "pathway-type": lambda: PathwayType.objects.order_by("pk").first().get_absolute_url(),
    "gcm-objective": lambda: GCMObjective.objects.order_by("number").first().get_absolute_url(),
    "recommendation-list": lambda: reverse("pathways:recommendation-list"),
    "recommendation": lambda: (
        Recommendation.objects.published().order_by("pk").first().get_absolute_url()
    ),
    "financing": lambda: reverse("cases:financing-list"),
    "frameworks": lambda: reverse("cases:framework-list"),
    "matrix": lambda: reverse("cases:matrix"),
    "map": lambda: reverse("cases:map"),
    "compare": compared,
    "suggest": lambda: reverse("cases:suggest"),
    "suggest-thanks": lambda: reverse("cases:suggest-thanks"),
    "changes": lambda: reverse("cases:changes"),
    "codebook": lambda: reverse("portal:codebook"),
    "search": lambda: f"{reverse('portal:search')}?q=refugee",
    "publication-list": lambda: reverse("pathways:publication-list"),
    "publication": lambda: Publication.objects.order_by("pk").first().get_absolute_url(),
    "api-docs": lambda: reverse("api:docs"),
}


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_accessibility_violation_on_a_desktop(page, site, name):
    visit(page, site, PAGES[name]())
    page.wait_for_load_state("networkidle")
    screenshot(page, f"{name}-desktop")
    assert axe_violations(page) == []


@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_phone_without_sideways_scrolling(page, site, name):
    page.set_viewport_size(PHONE)
    visit(page, site, PAGES[name]())
    page.wait_for_load_state("networkidle")
    screenshot(page, f"{name}-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page) == []


@pytest.mark.parametrize("name", ["compare", "matrix", "codebook"])
def test_a_wide_table_scrolls_in_a_named_region_the_keyboard_reaches(page, site, name):
    page.set_viewport_size(PHONE)
    visit(page, site, PAGES[name]())
    region = page.locator(".table-scroll").first
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("aria-label") or region.get_attribute("aria-labelledby")
    assert page.locator(".scroll-hint").first.is_visible()
    page.set_viewport_size(DESKTOP)
    assert not page.locator(".scroll-hint").first.is_visible()
