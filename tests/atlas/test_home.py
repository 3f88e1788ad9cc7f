"""The home page says what the atlas holds, and every number leads to its list."""

import pytest
from django.utils import timezone
from django.utils.html import escape

from cases.models import Case
from pathways.models import Network, Recommendation
from tests.case_list import counted, listed

pytestmark = pytest.mark.django_db


def test_home_charts_count_what_their_links_list(client):
    response = client.get("/")
    charts = response.context["charts"]
    assert [param for _, param, _ in charts] == ["kind", "role", "pathway", "region"]
    page = response.content.decode()
    for _, param, all_bars in charts:
        bars = [bar for bar in all_bars if bar.value]  # the unclassified bar links nowhere
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


def test_home_counts_the_five_world_regions_and_says_how_many_cases_have_none(client):
    _, _, bars = client.get("/").context["charts"][3]
    regions = [bar.label for bar in bars if bar.value]
    assert regions == ["Africa", "Americas", "Asia", "Europe", "Oceania"]
    unplaced = [bar for bar in bars if not bar.value]
    assert [bar.count for bar in unplaced] == [Case.objects.published().filter(places=None).count()]


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


def test_home_shows_the_latest_editorial_changes(client):
    """Loading the papers is not news: the section appears once an editor publishes."""
    assert "Latest editorial changes" not in client.get("/").content.decode()
    latest = Case.objects.published().order_by("title").last()
    Case.objects.filter(pk=latest.pk).update(state_changed_at=timezone.now())
    page = client.get("/").content.decode()
    assert "Latest editorial changes" in page
    assert escape(latest.title) in page


def test_pages_have_a_skip_link_and_one_main_landmark(client):
    page = client.get("/").content.decode()
    assert 'href="#main"' in page
    assert page.count("<main") == 1
