"""The home page says what the atlas holds."""

import pytest

from cases.models import Case
from pathways.models import CityRole

pytestmark = pytest.mark.django_db


def test_home_counts_cases_by_role(client):
    response = client.get("/")
    assert response.status_code == 200
    counts = {role.slug: role.case_count for role in response.context["roles"]}
    for role in CityRole.objects.all():
        expected = Case.objects.published().filter(roles=role).distinct().count()
        assert counts[role.slug] == expected


def test_home_counts_cases_by_world_region(client):
    response = client.get("/")
    counts = {region.name: region.case_count for region in response.context["regions"]}
    expected = Case.objects.published().filter(places__region__name="Europe").distinct().count()
    assert counts["Europe"] == expected
    assert set(counts) == {"Africa", "Americas", "Asia", "Europe", "Oceania"}


def test_home_links_the_catalogue(client):
    page = client.get("/").content.decode()
    total = Case.objects.published().count()
    assert f'<a href="/cases/">{total} cases</a>' in page
    assert 'href="/networks/"' in page and 'href="/recommendations/"' in page


def test_pages_have_a_skip_link_and_one_main_landmark(client):
    page = client.get("/").content.decode()
    assert 'href="#main"' in page
    assert page.count("<main") == 1
