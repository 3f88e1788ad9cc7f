"""The home page says what the atlas holds, and every number leads to its list."""

import pytest
from django.utils.html import escape

from cases.models import Case
from pathways.models import Network, Recommendation
from tests.case_list import counted, listed

pytestmark = pytest.mark.django_db


def test_home_charts_count_what_their_links_list(client):
    response = client.get("/")
    charts = response.context["charts"]
    assert [param for _, param, _ in charts] == ["role", "pathway", "region"]
    page = response.content.decode()
    for _, param, bars in charts:
        links = [f"{param}={bar.value}" for bar in bars]
        for bar, query in zip(bars, links, strict=True):
            assert f'<a href="/cases/?{query}">{escape(bar.label)}</a>' in page
        # Every bar counts what the case list's own FilterSet finds; the longest, followed.
        assert [bar.count for bar in bars] == [counted(query) for query in links]
        longest = max(bars, key=lambda bar: bar.count)
        assert listed(client, f"{param}={longest.value}") == longest.count


def test_home_charts_scale_bars_to_the_largest(client):
    for _, _, bars in client.get("/").context["charts"]:
        assert max(bar.percent for bar in bars) == 100


def test_home_counts_the_five_world_regions(client):
    _, _, bars = client.get("/").context["charts"][2]
    assert [bar.label for bar in bars] == ["Africa", "Americas", "Asia", "Europe", "Oceania"]


def test_home_links_the_catalogue_and_its_tools(client):
    page = client.get("/").content.decode()
    # The header and footer link most of these on every page, so the links are checked whole.
    cases = Case.objects.published().count()
    networks = Network.objects.published().count()
    recommendations = Recommendation.objects.published().count()
    assert f'<a href="/cases/">{cases} cases</a>' in page
    assert f'<a href="/networks/">{networks} city networks</a>' in page
    assert f'<a href="/recommendations/">{recommendations} recommendations</a>' in page
    assert 'on the <a href="/map/">map</a>' in page
    assert '<a href="/matrix/">role × pathway matrix</a>' in page
    assert '<form method="get" action="/search/" role="search" class="home-search">' in page


def test_home_shows_the_latest_additions(client):
    latest = Case.objects.published().order_by("-created_at", "title").first()
    assert escape(latest.title) in client.get("/").content.decode()


def test_pages_have_a_skip_link_and_one_main_landmark(client):
    page = client.get("/").content.decode()
    assert 'href="#main"' in page
    assert page.count("<main") == 1
