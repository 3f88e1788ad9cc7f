"""Every kind of public page, at desktop and at phone size, passes axe-core's WCAG 2.1 A and
AA checks, and on a phone no page scrolls sideways (wide tables scroll inside a region of
their own). A screenshot of each is kept under build/screenshots/."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot, visit
from tests.pages import READER_PAGES, address


@pytest.mark.parametrize("name", READER_PAGES)
def test_page_has_no_accessibility_violation_on_a_desktop(page, site, name):
    visit(page, site, address(name))
    page.wait_for_load_state("networkidle")
    screenshot(page, f"{name.replace(':', '-')}-desktop")
    assert axe_violations(page) == []


@pytest.mark.parametrize("name", READER_PAGES)
def test_page_fits_a_phone_without_sideways_scrolling(page, site, name):
    page.set_viewport_size(PHONE)
    visit(page, site, address(name))
    page.wait_for_load_state("networkidle")
    screenshot(page, f"{name.replace(':', '-')}-phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert axe_violations(page) == []


@pytest.mark.parametrize("name", ["cases:compare", "cases:matrix", "portal:codebook"])
def test_a_wide_table_scrolls_in_a_named_region_the_keyboard_reaches(page, site, name):
    page.set_viewport_size(PHONE)
    visit(page, site, address(name))
    region = page.locator(".table-scroll").first
    assert region.get_attribute("tabindex") == "0"
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("aria-label") or region.get_attribute("aria-labelledby")
    assert page.locator(".scroll-hint").first.is_visible()
    page.set_viewport_size(DESKTOP)
    assert not page.locator(".scroll-hint").first.is_visible()
