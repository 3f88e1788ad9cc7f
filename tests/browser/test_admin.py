"""The editors' case pages in the admin: no WCAG 2.1 A/AA violation at desktop or phone size,
every control named, the Markdown preview beside its text, and nothing wider than the page."""

import pytest
from django.urls import reverse

from cases.models import Case
from tests.browser.conftest import DESKTOP, PHONE, axe_violations, screenshot, visit
from tests.browser.editors import account, log_in

PAGES = {
    "changelist": lambda: reverse("admin:cases_case_changelist"),
    "change": lambda: reverse(
        "admin:cases_case_change", args=[Case.objects.published().order_by("pk").first().pk]
    ),
    "add": lambda: reverse("admin:cases_case_add"),
}


@pytest.fixture
def editor_page(page, site, request):
    log_in(page, site, account(request, "Editors"))
    return page


@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("name", PAGES)
def test_admin_case_page_has_no_accessibility_violation(editor_page, site, name, size):
    editor_page.set_viewport_size({"desktop": DESKTOP, "phone": PHONE}[size])
    visit(editor_page, site, PAGES[name]())
    editor_page.wait_for_load_state("networkidle")
    screenshot(editor_page, f"admin-case-{name}-{size}")
    assert axe_violations(editor_page) == []


@pytest.mark.parametrize("name", ["change", "add"])
def test_case_form_fits_the_page_width_with_its_inlines(editor_page, site, name):
    visit(editor_page, site, PAGES[name]())
    assert editor_page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]


def boxes(page, field):
    text = page.locator(f"#id_{field}")
    preview = page.locator(f".markdown-preview[data-source='id_{field}']")
    return text.bounding_box(), preview.bounding_box()


def test_description_and_its_preview_stand_side_by_side_at_a_usable_width(editor_page, site):
    visit(editor_page, site, PAGES["change"]())
    text, preview = boxes(editor_page, "description_en")
    assert text["x"] + text["width"] <= preview["x"]
    assert abs(text["y"] - preview["y"]) < 60
    assert text["width"] >= 300 and preview["width"] >= 300
    assert editor_page.locator(".markdown-preview[data-source='id_description_en'] p").count() > 0


def test_description_and_its_preview_are_stacked_on_a_phone(editor_page, site):
    editor_page.set_viewport_size(PHONE)
    visit(editor_page, site, PAGES["change"]())
    text, preview = boxes(editor_page, "description_en")
    assert preview["y"] >= text["y"] + text["height"]


def test_the_preview_follows_what_the_editor_types(editor_page, site):
    visit(editor_page, site, PAGES["add"]())
    editor_page.locator("#id_description_en").fill("A **bold** claim")
    preview = editor_page.locator(".markdown-preview[data-source='id_description_en'] strong")
    assert preview.inner_text() == "bold"
