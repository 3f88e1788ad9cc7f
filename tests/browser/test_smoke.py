from tests.browser.conftest import axe_violations, visit


def test_home_has_no_accessibility_violation(page, site):
    visit(page, site, "/")
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
