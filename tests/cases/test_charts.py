"""The charts on the home, role, pathway type and region pages: every bar is a link to the case
list, and the list finds as many cases as the bar says; every chart has its numbers as a table."""

import re
from html import unescape

import pytest

from cases.models import Case
from tests.case_list import listed

pytestmark = pytest.mark.django_db

CHART_PAGES = ["/", "/roles/advocate/", "/pathways/labour/", "/regions/019/", "/regions/150/"]

FIGURE = re.compile(r'<figure class="chart[^"]*">(.*?)</figure>', re.S)
ITEM = re.compile(r"<li[^>]*>(.*?)</li>", re.S)
LINK = re.compile(r'<a (?:class="year" )?href="/cases/\?([^"]+)">([^<]+)</a>')
COUNT = re.compile(r'<span class="bar-count">(\d+)</span>')
ROW = re.compile(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>')


def charts(page):
    """Each chart of a page: its title, its bars (query, label, count) and its table's rows."""
    found = []
    for figure in FIGURE.findall(page):
        title = re.search(r"<figcaption>([^<]+)</figcaption>", figure).group(1)
        drawn = figure.split('<details class="chart-data">')[0]
        bars = []
        for item in ITEM.findall(drawn):
            link, count = LINK.search(item), COUNT.search(item)
            query = unescape(link.group(1)) if link else None
            bars.append((query, unescape(link.group(2)) if link else None, int(count.group(1))))
        table = re.search(r"<caption>([^<]+)</caption>", figure)
        rows = [(unescape(label), int(count)) for label, count in ROW.findall(figure)]
        found.append((unescape(title), bars, table and unescape(table.group(1)), rows))
    return found


@pytest.mark.parametrize("path", CHART_PAGES)
def test_every_bar_links_to_a_list_of_as_many_cases_as_it_counts(client, path):
    page = client.get(path).content.decode()
    drawn = charts(page)
    assert len(drawn) >= 3, path
    for title, bars, _, _ in drawn:
        linked = [(query, count) for query, _, count in bars if query]
        assert linked, title
        for query, count in linked:
            assert listed(client, query) == count, (path, title, query)


@pytest.mark.parametrize("path", CHART_PAGES)
def test_every_chart_has_its_numbers_as_a_table_under_its_title(client, path):
    for title, bars, caption, rows in charts(client.get(path).content.decode()):
        assert caption == title
        assert [count for _, _, count in bars] == [count for _, count in rows], title
        labels = [label for _, label, _ in bars if label]
        assert labels == [label for label, _ in rows][: len(labels)], title


def test_home_has_a_timeline_of_start_years_with_the_undated_cases_said(client):
    page = client.get("/").content.decode()
    timeline = next(bars for title, bars, _, _ in charts(page) if "year they started" in title)
    years = [int(label) for _, label, _ in timeline]
    published = Case.objects.published()
    dated = published.exclude(start_year=None)
    first, last = (
        min(dated.values_list("start_year", flat=True)),
        max(dated.values_list("start_year", flat=True)),
    )
    assert years == list(range(first, last + 1))  # the empty years too: gaps show
    assert sum(count for _, _, count in timeline) == dated.count()
    undated = published.filter(start_year=None).count()
    assert f"Not shown: {undated} cases whose start year the sources do not state." in page


def test_a_role_page_charts_only_the_role_and_links_lists_filtered_by_it(client):
    page = client.get("/roles/incubator/").content.decode()
    for title, bars, _, _ in charts(page):
        for query, _, _ in bars:
            assert query.startswith("role=incubator&"), (title, query)


def test_the_started_filter_lists_the_cases_of_that_first_year_and_says_so(client):
    response = client.get("/cases/?started=2018")
    expected = Case.objects.published().filter(start_year=2018).count()
    assert response.context["paginator"].count == expected
    assert "Started in: 2018" in response.content.decode()


def test_a_region_page_lists_its_countries_and_links_the_filtered_catalogue(client):
    page = client.get("/regions/150/").content.decode()
    assert "<h1>Europe</h1>" in page
    europe = Case.objects.published().filter(places__region__code="150").distinct().count()
    assert f'<a href="/cases/?region=150">{europe} cases act in places of this region</a>' in page
    assert '<a href="/countries/ES/">Spain</a>' in page


def test_only_regions_and_sub_regions_have_pages(client):
    assert client.get("/regions/419/").status_code == 200  # Latin America and the Caribbean
    assert client.get("/regions/005/").status_code == 404  # South America: intermediate
    assert client.get("/regions/999/").status_code == 404
    for not_a_code in ["%00", "15", "1500", "abc"]:  # only three digits name an M49 area
        assert client.get(f"/regions/{not_a_code}/").status_code == 404


def test_the_home_region_chart_leads_to_each_region_page(client):
    page = client.get("/").content.decode()
    for code, name in [("002", "Africa"), ("019", "Americas"), ("150", "Europe")]:
        assert f'<a href="/regions/{code}/">{name}</a>' in page


def test_a_country_page_leads_to_its_region_and_sub_region(client):
    page = client.get("/countries/CO/").content.decode()
    assert (
        '<a href="/regions/019/">Americas</a> › '
        '<a href="/regions/419/">Latin America and the Caribbean</a></p>'
    ) in page
