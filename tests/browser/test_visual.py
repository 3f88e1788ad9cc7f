"""The site as a reader sees it in a browser, on a desktop and on a phone: no accessibility
violation axe can find, no sideways scrolling, a visible focus ring, and a case that prints
as a clean page. Screenshots of the main pages are saved under build/screenshots/."""

import pytest

from atlas.models import State
from cases.models import Case
from pathways.models import Recommendation
from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot, visit

SIZES = {"desktop": DESKTOP, "phone": PHONE}


def a_case():
    """A described practice with places, years, recommendations and a source online: the
    fullest kind of page."""
    cases = Case.objects.published().filter(depth="practice", start_year__isnull=False)
    cases = cases.filter(places__isnull=False, recommendations__isnull=False)
    return cases.filter(citations__publication__url__gt="").order_by("slug")[0]


def a_recommendation():
    recommendations = Recommendation.objects.published().filter(cases__state=State.PUBLISHED)
    return recommendations.order_by("slug")[0]


PAGES = {
    "home": lambda: "/",
    "case": lambda: a_case().get_absolute_url(),
    "role": lambda: "/roles/advocate/",
    "pathway": lambda: "/pathways/labour/",
    "region": lambda: "/regions/019/",
    "recommendation": lambda: a_recommendation().get_absolute_url(),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_accessibility_violation_and_no_sideways_scroll(page, site, name, size):
    page.set_viewport_size(SIZES[size])
    visit(page, site, PAGES[name]())
    assert axe_violations(page) == []
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px at {SIZES[size]['width']}px"


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
    case = a_case()
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
    for name, path in [("home", "/"), ("cases", "/cases/"), ("case", a_case().get_absolute_url())]:
        visit(page, site, path)
        assert page.locator("h1").count() == 1
        screenshot(page, f"{name}-{size}")
