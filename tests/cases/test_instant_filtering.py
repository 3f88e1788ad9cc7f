"""The case list filtered without a page load: htmx asks the same URL and gets the part that
changes; every URL the list writes is clean; a case page leads back to the filtered list."""

import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import Case
from tests.factories import CaseFactory, PlaceFactory

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true", "HX-Current-URL": "http://testserver/cases/"}


def case_links(page):
    return re.findall(r'<h2><a href="((?:/es)?/cases/[^"]+)">', page)


def test_a_filter_changed_with_htmx_gets_results_counts_and_fields_only(client):
    response = client.get("/cases/?region=150&role=advocate", headers=HTMX)
    page = response.content.decode()
    count = response.context["paginator"].count
    assert response.status_code == 200
    assert "<html" not in page and "<h1>" not in page
    # The results (the request's target), then the count and the fields by id, out of band.
    assert f"<strong>{count} cases</strong> · City role: Advocate · World region: Europe" in page
    assert '<div id="result-count" hx-swap-oob="innerHTML">' in page
    assert '<div id="filter-fields" hx-swap-oob="true">' in page
    assert 'name="region" value="150" checked' in page
    expected = Case.objects.published().filter(places__region__code="150", roles__slug="advocate")
    assert len(case_links(page)) == min(expected.distinct().count(), 25)


def test_the_whole_page_answers_without_htmx_and_for_htmx_restoring_history(client):
    for headers in ({}, {**HTMX, "HX-History-Restore-Request": "true"}):
        page = client.get("/cases/?region=150", headers=headers).content.decode()
        assert "<h1>City practices</h1>" in page
        assert '<div id="result-count" role="status" aria-live="polite"' in page


def test_both_answers_say_they_vary_with_htmx(client):
    for headers in ({}, HTMX):
        vary = client.get("/cases/?region=150", headers=headers)["Vary"]
        assert "HX-Request" in vary and "HX-History-Restore-Request" in vary


def test_invalid_filters_by_htmx_get_their_errors_and_keep_the_fields(client):
    response = client.get("/cases/?active_from=2020&active_to=2010", headers=HTMX)
    page = response.content.decode()
    assert response.status_code == 400
    assert "These filters cannot be applied" in page
    assert "must not be later than" in page
    assert 'id="filter-fields"' not in page  # what the reader ticked stays as it is


def test_the_page_asks_htmx_for_no_inline_style_eval_or_script(client):
    page = client.get("/cases/").content.decode()
    config = re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", page).group(1)
    assert '"includeIndicatorStyles": false' in config
    assert '"allowEval": false' in config
    assert '"allowScriptTags": false' in config
    assert "/static/django_htmx/htmx-2.min.js" in page
    assert "hx-on" not in page
    assert 'hx-get="/cases/"' in page and 'hx-push-url="true"' in page


def test_htmx_fragment_links_carry_no_empty_parameter(client):
    page = client.get(
        "/cases/?q=&sort=title&region=019&active_from=&role=", headers=HTMX
    ).content.decode()
    hrefs = [unescape(href) for href in re.findall(r'href="([^"]*)"', page)]
    assert hrefs
    for href in hrefs:
        query = parse_qsl(urlsplit(href).query, keep_blank_values=True)
        assert all(value for _, value in query), href
        for _, value in query:  # the list a case link leads back to is clean too
            assert "=&" not in value and not value.endswith("="), href


def test_filters_come_before_the_results(client):
    page = client.get("/cases/").content.decode()
    assert page.index('<form class="filters"') < page.index('id="results"')
    assert '<details class="filter-panel" id="filters" open>' in page


def offered(page, name):
    pattern = rf'name="{name}" value="([^"]+)"( checked)?>'
    return [(value, bool(ticked)) for value, ticked in re.findall(pattern, page)]


def test_a_long_facet_lists_the_chosen_first_then_the_largest_before_show_all(client):
    page = client.get("/cases/?place=kampala-ug&place=bogota-co", headers=HTMX).content.decode()
    places = offered(page, "place")
    assert places[:2] == [("bogota-co", True), ("kampala-ug", True)]
    assert all(not ticked for _, ticked in places[2:])
    # Every offered option is in the form (without a script nothing is hidden) …
    assert len(places) > 8
    # … and all but the chosen and the eight largest wait behind "show all".
    facet = page[page.index('id="facet-place"') : page.index('id="facet-network"')]
    assert facet.count("<li data-more>") == len(places) - 2 - 8
    assert f"Show all {len(places)} options" in facet


def test_places_are_listed_under_their_world_regions(client):
    page = client.get("/cases/?place=kampala-ug").content.decode()
    facet = page[page.index('id="facet-place"') : page.index('id="facet-network"')]
    legends = re.findall(r'<fieldset class="facet-group"><legend>([^<]+)</legend>', facet)
    assert legends[0] == "Chosen"
    assert {"Africa", "Americas", "Europe"} <= set(legends[1:])
    assert legends[1:] == sorted(legends[1:])
    europe = facet[facet.index("<legend>Europe</legend>") :]
    europe = europe[: europe.index("</fieldset>")]
    assert 'value="utrecht-nl"' in europe and 'value="bogota-co"' not in europe


def test_a_short_facet_has_no_show_all_or_search(client):
    page = client.get("/cases/").content.decode()
    role = page[page.index('id="facet-role"') : page.index('id="facet-pathway"')]
    assert "facet-more" not in role and "facet-search" not in role and "data-more" not in role


def queries(client, url, **kwargs):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **kwargs).status_code == 200, url
    return len(captured)


def test_the_fragment_costs_no_query_per_option(client):
    counts = []
    for number in (1, 4):
        for _ in range(number):
            place = PlaceFactory(country="IS")
            place.cases.add(CaseFactory())
        counts.append(queries(client, "/cases/?country=IS", headers=HTMX))
    assert counts[0] == counts[1]
    assert counts[0] <= queries(client, "/cases/?country=IS")


def test_case_links_on_a_filtered_list_lead_back_to_it(client):
    page = client.get("/cases/?region=150&role=advocate&sort=title&q=").content.decode()
    link = unescape(case_links(page)[0])
    back = dict(parse_qsl(urlsplit(link).query))["back"]
    assert back == "/cases/?region=150&role=advocate&sort=title"
    case_page = client.get(link).content.decode()
    breadcrumb = re.search(r'<p class="breadcrumbs"><a href="([^"]+)">', case_page).group(1)
    assert unescape(breadcrumb) == back


def test_case_links_on_the_unfiltered_list_carry_nothing(client):
    page = client.get("/cases/").content.decode()
    assert all("?" not in link for link in case_links(page))


@pytest.mark.parametrize(
    "hostile",
    [
        "https://evil.example/cases/",
        "//evil.example/cases/?role=advocate",
        "/\\evil.example/cases/",
        "javascript:alert(1)",
        "/admin/?next=/cases/",
        "/cases/compare/?cases=a",
        "cases/?role=advocate",
        "/cases/?role=advocate" + "&x=1" * 1000,
        "/cases/?" + "&" * 1500,  # more fields than Django parses in one query
        "\x00",
    ],
)
def test_a_case_page_ignores_a_back_link_that_is_not_the_case_list(client, hostile):
    case = Case.objects.published().first()
    response = client.get(case.get_absolute_url(), {"back": hostile})
    assert response.status_code == 200
    breadcrumb = re.search(
        r'<p class="breadcrumbs"><a href="([^"]+)">', response.content.decode()
    ).group(1)
    assert breadcrumb == "/cases/"


def test_a_back_link_keeps_only_the_lists_own_parameters(client):
    case = Case.objects.published().first()
    back = "/cases/?role=advocate&evil=%22%3E&page=2&q="
    page = client.get(case.get_absolute_url(), {"back": back}).content.decode()
    breadcrumb = re.search(r'<p class="breadcrumbs"><a href="([^"]+)">', page).group(1)
    assert unescape(breadcrumb) == "/cases/?role=advocate&page=2"


def test_a_spanish_case_page_leads_back_to_the_spanish_list(client):
    page = client.get("/es/cases/?region=150").content.decode()
    link = unescape(case_links(page)[0])
    assert link.startswith("/es/cases/") and "back=%2Fes%2Fcases%2F%3Fregion%3D150" in link
    case_page = client.get(link).content.decode()
    assert '<p class="breadcrumbs"><a href="/es/cases/?region=150">' in case_page


def test_a_chosen_country_without_matches_stays_offered_and_ticked(client):
    # Kampala has no case in the Netherlands: both stay ticked, so that a change keeps both.
    page = client.get("/cases/?country=NL&place=kampala-ug").content.decode()
    assert offered(page, "country")[0] == ("NL", True)
    assert offered(page, "place")[0] == ("kampala-ug", True)
