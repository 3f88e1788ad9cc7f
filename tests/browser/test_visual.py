"""The site as a reader sees it in a browser: a visible focus ring, and a case that prints as a
clean page (every page's accessibility and fit on a phone: test_accessibility.py). Screenshots
of the main pages are saved under build/screenshots/."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, screenshot, visit
from tests.pages import fullest_case

SIZES = {"desktop": DESKTOP, "phone": PHONE}


def test_a_link_focused_by_keyboard_shows_a_ring(page, site):
    visit(page, site, "/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the wordmark, home
    ring = page.evaluate(
        """() => {
            const element = document.activeElement, style = getComputedStyle(element);
            return {tag: element.tagName, outline: style.outlineStyle,
                    width: parseFloat(style.outlineWidth), colour: style.outlineColor,
                    shadow: style.boxShadow};
        }"""
    )
    assert ring["tag"] == "A"
    assert ring["outline"] == "solid" and ring["width"] >= 2, ring
    assert ring["colour"] == "rgb(11, 61, 145)", ring  # 10:1 on white, the header's ground


def test_a_printed_case_is_its_facts_text_and_sources_without_navigation(page, site):
    case = fullest_case()
    visit(page, site, case.get_absolute_url())
    source_link = page.locator(".citations .print-url").first
    assert page.locator(".site-header nav").first.is_visible()
    assert not source_link.is_visible()
    page.emulate_media(media="print")
    for left_out in [".site-header nav", ".site-footer", ".atlas-map", "#related-1"]:
        assert not page.locator(left_out).first.is_visible(), left_out
    assert page.locator(".fact-box").is_visible()
    assert page.locator("#sources").is_visible()
    # A citation's link is written out, since paper cannot be clicked.
    assert source_link.is_visible()
    assert source_link.inner_text().strip().startswith("http")


@pytest.mark.parametrize("size", SIZES)
def test_screenshots_of_the_main_pages(page, site, size):
    page.set_viewport_size(SIZES[size])
    pages = [("home", "/"), ("cases", "/cases/"), ("case", fullest_case().get_absolute_url())]
    for name, path in pages:
        visit(page, site, path)
        assert page.locator("h1").count() == 1
        screenshot(page, f"{name}-{size}")
