"""What readers and editors do on the site, done in a browser as they do it."""

import re

from django.urls import reverse

from cases.models import Case, Place
from pathways.models import CityRole, PathwayType, Publication
from tests.browser.conftest import visit
from tests.browser.editors import account, choose, log_in

MARKERS = ".leaflet-marker-icon"  # a place's pin, or a cluster of pins
MAP_FAILED = "could not be loaded"


def number_of_results(page):
    return int(re.match(r"\d+", page.locator(".summary strong").inner_text()).group())


def test_map_of_a_filtered_list_shows_its_places(page, site):
    role = CityRole.objects.filter(cases__state="published").order_by("pk").first()
    visit(page, site, f"{reverse('cases:map')}?role={role.slug}")
    page.locator(MARKERS).first.wait_for()
    assert page.locator(MARKERS).count() > 0
    assert page.get_by_text(MAP_FAILED).count() == 0


def test_map_of_a_place_shows_its_marker(page, site):
    place = Place.objects.filter(cases__state="published", latitude__isnull=False).first()
    visit(page, site, place.get_absolute_url())
    page.locator(MARKERS).first.wait_for()
    assert page.locator(MARKERS).count() > 0
    assert page.get_by_text(MAP_FAILED).count() == 0


def test_a_matrix_cell_opens_the_list_of_its_cases(page, site):
    visit(page, site, reverse("cases:matrix"))
    cell = page.locator("table.matrix td a").first
    count = int(cell.inner_text())
    cell.click()
    page.wait_for_url(re.compile(r"/cases/\?"))
    assert number_of_results(page) == count
    assert page.locator("article.card").count() >= min(count, 1)


def test_a_reader_compares_two_cases_side_by_side(page, site):
    visit(page, site, reverse("cases:case-list"))
    picks = page.locator("input[name=cases][form=compare-form]")
    titles = []
    for index in range(2):
        card = picks.nth(index).locator("xpath=ancestor::*[.//h2 or .//h3][1]")
        titles.append(card.locator("h2, h3").first.inner_text().strip())
        picks.nth(index).check()
    page.get_by_role("button", name="Compare the ticked cases").click()
    page.wait_for_url(re.compile(r"/cases/compare/"))
    headers = page.locator("table.compare thead th")
    assert [h.strip() for h in headers.all_inner_texts()] == titles
    first, second = (headers.nth(i).bounding_box() for i in range(2))
    assert first["x"] + first["width"] <= second["x"] and first["y"] == second["y"]


def test_a_suggestion_is_sent_and_thanked_for(page, site, request):
    before = set(Case.objects.values_list("pk", flat=True))
    request.addfinalizer(lambda: Case.objects.exclude(pk__in=before).delete())
    visit(page, site, reverse("cases:suggest"))
    page.get_by_label("Name of the practice").fill("Welcome desk for newcomers in Springfield")
    page.get_by_label("Place").fill("Springfield")
    page.get_by_label("Description").fill("The city runs a desk that helps newcomers settle.")
    page.get_by_role("button", name="Send the suggestion").click()
    page.wait_for_url(f"{site.url}{reverse('cases:suggest-thanks')}")
    assert page.locator("h1").count() == 1
    assert Case.objects.exclude(pk__in=before).filter(is_suggestion=True).count() == 1


def test_a_required_field_left_empty_is_named_beside_it(page, site):
    visit(page, site, reverse("cases:suggest"))
    assert "optional" in page.locator("label[for=id_email]").inner_text()
    assert "optional" not in page.locator("label[for=id_name]").inner_text()
    page.get_by_label("Place").fill("Springfield")
    page.get_by_label("Description").fill("Something a city does.")
    # The browser's own check would stop an empty required field; the server's is tested.
    page.locator("#id_name").evaluate("field => field.removeAttribute('required')")
    page.get_by_role("button", name="Send the suggestion").click()
    group = page.locator("#id_name").locator("xpath=..")
    assert "This field is required." in group.inner_text()
    assert page.url == f"{site.url}{reverse('cases:suggest')}"


def test_an_editor_adds_a_draft_that_appears_once_a_publisher_publishes_it(page, site, request):
    title = "Springfield newcomers' welcome desk"
    request.addfinalizer(lambda: Case.objects.filter(title_en=title).delete())
    log_in(page, site, account(request, "Editors"))
    visit(page, site, reverse("admin:cases_case_add"))
    page.locator("#id_title_en").fill(title)  # the slug is made from it as the editor types
    page.locator("#id_summary_en").fill("A desk where newcomers find the city's services.")
    choose(page, "id_places", "Bogot")
    add_row(page, "case_roles", basis="stated", choice=CityRole.objects.first())
    add_row(page, "case_pathways", basis="stated", choice=PathwayType.objects.first())
    citations = "pathways-citation-content_type-object_id"
    page.locator(f"#{citations}-group .add-row a").click()
    choose(page, f"id_{citations}-0-publication", Publication.objects.first().short_title[:8])
    page.locator(f"#id_{citations}-0-section").fill("A section of the paper")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(f"{site.url}{reverse('admin:cases_case_changelist')}")
    case = Case.objects.get(slug="springfield-newcomers-welcome-desk")
    assert case.state == "draft"
    assert title not in public_list(page, site, title)

    page.context.clear_cookies()
    log_in(page, site, account(request, "Publishers"))
    visit(page, site, reverse("admin:cases_case_changelist"))
    page.locator("#searchbar").fill("Springfield")
    page.locator("#searchbar").press("Enter")
    page.locator(f"input[name=_selected_action][value='{case.pk}']").check()
    page.locator("select[name=action]").select_option("publish")
    page.locator("button[name=index]").click()
    page.get_by_text("Publish: 1 done.").wait_for()
    case.refresh_from_db()
    assert case.state == "published"
    page.context.clear_cookies()
    assert title in public_list(page, site, title)


def add_row(page, prefix, *, basis, choice):
    page.locator(f"#{prefix}-group .add-row a").click()
    page.locator(f"#id_{prefix}-0-basis").select_option(basis)
    other = page.locator(f"#{prefix}-0 select").nth(1)
    other.select_option(str(choice.pk))


def public_list(page, site, text):
    visit(page, site, f"{reverse('cases:case-list')}?q={text.split()[0]}")
    return page.locator("main").inner_text()
