"""Filtering the case list in a browser: each change updates the results, the counts and the
address at once, without loading a new page; back and forward restore each state; a long
facet narrows as one types; a case leads back to the list; the export is the list's twin; and
all of it at phone size, in a panel that folds away, with no accessibility violation."""

import csv
import io
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, axe_violations, screenshot, visit


def listed_slugs(page):
    return [
        urlsplit(href).path.split("/")[2]
        for href in page.locator("#result-list article.card h2 a").evaluate_all(
            "links => links.map(link => link.getAttribute('href'))"
        )
    ]


def query(page):
    return parse_qs(urlsplit(page.url).query)


def count_of(page):
    return int(re.match(r"\d+", page.locator("#result-count strong").inner_text()).group())


def facet_option(page, name, value):
    return page.locator(f'form.filters input[name="{name}"][value="{value}"]')


def option_count(page, name, value):
    label = page.locator(f'form.filters label:has(input[name="{name}"][value="{value}"])')
    return int(label.locator(".count").inner_text())


def mark(page):
    """A value that lives as long as the document: a page load would forget it. The document
    also notes anything our Content Security Policy refuses from now on."""
    page.evaluate(
        """() => { window.__marker = 1; window.__refused = [];
            document.addEventListener("securitypolicyviolation",
                (event) => window.__refused.push(event.violatedDirective)); }"""
    )


def still_marked(page):
    return page.evaluate("window.__marker") == 1


def swapped(page, action, event="htmx:afterSettle"):
    """Do `action` and wait until htmx has swapped in its answer (`event` on the document:
    `htmx:historyRestore` when the answer restores a page on back or forward)."""
    page.evaluate(
        """(event) => { window.__swapped = new Promise((done) =>
            document.addEventListener(event, done, {once: true})); }""",
        event,
    )
    action()
    page.evaluate("window.__swapped.then(() => true)")


def tick(page, name, value):
    swapped(page, facet_option(page, name, value).check)


def back(page):
    swapped(page, page.go_back, "htmx:historyRestore")


def forward(page):
    swapped(page, page.go_forward, "htmx:historyRestore")


@pytest.fixture
def filtered(page, site):
    visit(page, site, "/cases/")
    page.wait_for_load_state("networkidle")
    mark(page)
    return page


def test_ticking_a_facet_updates_results_counts_and_address_without_a_reload(filtered):
    page = filtered
    everything, role_count = count_of(page), option_count(page, "role", "advocate")
    europe_before = option_count(page, "region", "150")
    tick(page, "role", "advocate")
    assert still_marked(page)
    assert query(page) == {"sort": ["title"], "role": ["advocate"]}
    assert count_of(page) == role_count < everything
    expect(page.locator("#result-count")).to_contain_text("City role: Advocate")
    # The other facets now count within the advocates.
    assert option_count(page, "region", "150") < europe_before
    assert facet_option(page, "role", "advocate").is_checked()
    assert "=&" not in page.url and not page.url.endswith("=")
    assert page.evaluate("window.__refused") == []  # htmx needs no inline style or eval


def test_changing_the_sort_reorders_without_a_reload(filtered):
    page = filtered
    by_title = listed_slugs(page)
    swapped(page, lambda: page.select_option("#id_sort", "recent"))
    assert still_marked(page)
    assert query(page) == {"sort": ["recent"]}
    assert listed_slugs(page) != by_title
    assert page.locator("#id_sort").input_value() == "recent"


def test_year_fields_filter_and_empty_ones_stay_out_of_the_address(filtered):
    page = filtered
    everything = count_of(page)
    page.fill("#id_active_from", "2019")
    swapped(page, lambda: page.locator("#id_active_from").press("Tab"))
    assert still_marked(page)
    # The other year stays empty, so it stays out; the sort the form shows is always sent.
    assert query(page) == {"sort": ["title"], "active_from": ["2019"]}
    assert 0 < count_of(page) < everything


def test_back_and_forward_restore_each_state(filtered):
    page = filtered
    everything = listed_slugs(page)
    tick(page, "role", "advocate")
    advocates, advocate_count = listed_slugs(page), count_of(page)
    tick(page, "region", "150")
    european_advocates = listed_slugs(page)
    assert european_advocates != advocates

    back(page)
    assert "region" not in page.url
    expect(page.locator("#result-count strong")).to_have_text(f"{advocate_count} cases")
    assert listed_slugs(page) == advocates
    assert facet_option(page, "role", "advocate").is_checked()
    assert not facet_option(page, "region", "150").is_checked()

    back(page)
    assert query(page) == {}
    assert listed_slugs(page) == everything
    assert not facet_option(page, "role", "advocate").is_checked()

    forward(page)
    assert query(page) == {"sort": ["title"], "role": ["advocate"]}
    assert listed_slugs(page) == advocates
    assert facet_option(page, "role", "advocate").is_checked()
    # The address history held real states: the document was never reloaded.
    assert still_marked(page)


def test_unticking_an_option_that_leaves_the_facet_keeps_the_focus_in_the_facet(page, site):
    # Kampala has no case in the Netherlands: offered while ticked, gone once unticked.
    visit(page, site, "/cases/?country=NL&place=kampala-ug")
    page.wait_for_load_state("networkidle")
    facet_option(page, "place", "kampala-ug").focus()
    swapped(page, lambda: page.keyboard.press("Space"))
    assert facet_option(page, "place", "kampala-ug").count() == 0
    assert page.evaluate("document.activeElement.closest('fieldset.facet').id") == "facet-place"


def visible_places(page):
    return page.locator("#facet-place li:visible input").evaluate_all(
        "boxes => boxes.map(box => box.value)"
    )


def test_searching_inside_the_place_facet_narrows_its_options(filtered):
    page = filtered
    shown = visible_places(page)
    assert len(shown) == 8  # the largest, until "show all"
    page.locator("#facet-place").get_by_role("button", name=re.compile(r"Show all")).click()
    assert len(visible_places(page)) > 8
    page.get_by_label("Find in “Place”").fill("bogo")
    assert visible_places(page) == ["bogota-co"]
    # Region headings without a match go away with their options.
    expect(page.locator("#facet-place .facet-group:visible legend")).to_have_text(["Americas"])
    page.get_by_label("Find in “Place”").fill("zzzz")
    expect(page.locator("#facet-place .facet-none")).to_be_visible()
    # Typing chose nothing.
    assert query(page) == {} and still_marked(page)
    page.get_by_label("Find in “Place”").fill("bogo")
    tick(page, "place", "bogota-co")
    # The search survives the facets' fresh counts.
    assert page.get_by_label("Find in “Place”").input_value() == "bogo"
    assert visible_places(page) == ["bogota-co"]


def test_a_case_leads_back_to_the_filtered_list(filtered):
    page = filtered
    tick(page, "role", "advocate")
    tick(page, "region", "150")
    listed = listed_slugs(page)
    page.locator("#result-list article.card h2 a").first.click()
    page.wait_for_url(lambda url: f"/cases/{listed[0]}/" in url)
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/cases/")
    assert query(page) == {"sort": ["title"], "role": ["advocate"], "region": ["150"]}
    assert listed_slugs(page) == listed
    assert facet_option(page, "region", "150").is_checked()


def test_the_export_link_carries_the_filters_and_lists_the_same_cases(filtered):
    page = filtered
    tick(page, "region", "150")
    tick(page, "role", "incubator")
    listed = listed_slugs(page)
    assert 0 < len(listed) < 25  # one page: the whole list is on it
    href = page.get_by_role("link", name="CSV", exact=True).get_attribute("href")
    assert parse_qs(urlsplit(href).query) == query(page)
    assert query(page) == {"sort": ["title"], "region": ["150"], "role": ["incubator"]}
    response = page.request.get(page.url.split("/cases/")[0] + href)
    assert response.ok
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert sorted(row["slug"] for row in rows) == sorted(listed)


def test_phone_filters_fold_into_a_panel_and_filter_instantly(page, site):
    page.set_viewport_size(PHONE)
    visit(page, site, "/cases/")
    page.wait_for_load_state("networkidle")
    mark(page)
    panel = page.locator("details.filter-panel")
    assert panel.get_attribute("open") is None
    assert not facet_option(page, "role", "advocate").is_visible()
    page.locator("details.filter-panel > summary").click()
    tick(page, "role", "advocate")
    assert still_marked(page)
    expect(page.locator("details.filter-panel > summary")).to_contain_text("(1 active)")
    swapped(page, page.get_by_role("button", name="Apply filters").click)
    expect(panel).not_to_have_attribute("open", "")
    expect(page.locator("#results")).to_be_focused()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "filtering-phone")


def test_phone_back_restores_the_state_and_the_case_leads_back(page, site):
    page.set_viewport_size(PHONE)
    visit(page, site, "/cases/")
    page.wait_for_load_state("networkidle")
    page.locator("details.filter-panel > summary").click()
    tick(page, "role", "advocate")
    advocates = listed_slugs(page)
    tick(page, "pathway", "labour")
    back(page)
    assert "pathway" not in page.url
    assert listed_slugs(page) == advocates
    assert page.locator("details.filter-panel").get_attribute("open") is None
    page.locator("#result-list article.card h2 a").first.click()
    page.locator(".breadcrumbs a").first.click()
    page.wait_for_url(lambda url: urlsplit(url).path == "/cases/")
    assert query(page) == {"sort": ["title"], "role": ["advocate"]}
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_filtered_list_has_no_accessibility_violation(page, site, size):
    if size == "phone":
        page.set_viewport_size(PHONE)
    visit(page, site, "/cases/")
    page.wait_for_load_state("networkidle")
    if size == "phone":
        page.locator("details.filter-panel > summary").click()
    tick(page, "region", "150")
    page.locator("#facet-place").get_by_role("button", name=re.compile(r"Show all")).click()
    page.get_by_label("Find in “Place”").fill("a")
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
    screenshot(page, f"filtering-{size}")


def test_the_page_does_not_scroll_sideways_at_375px(page, site):
    page.set_viewport_size(PHONE)
    visit(page, site, "/cases/?place=kampala-ug&region=002")
    page.locator("details.filter-panel > summary").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
