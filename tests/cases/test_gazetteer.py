"""Coordinates come from the gazetteer or nowhere."""

import pytest

from cases.gazetteer import locate
from cases.models import Place

SPRINGFIELD_IL = {"name": "Springfield", "countrycode": "US", "population": 116_000, "geonameid": 1}
SPRINGFIELD_MA = {"name": "Springfield", "countrycode": "US", "population": 155_000, "geonameid": 2}
INDEX = {("US", "springfield"): [SPRINGFIELD_IL, SPRINGFIELD_MA]}


def test_locate_takes_the_most_populous_city_of_that_name_in_the_country():
    place = {"name": "Springfield", "level": "city", "country": "us"}
    assert locate(place, INDEX) is SPRINGFIELD_MA


def test_locate_matches_another_spelling_from_the_aliases():
    place = {"name": "Springfeld", "aliases": ["SPRINGFIELD"], "level": "city", "country": "US"}
    assert locate(place, INDEX) is SPRINGFIELD_MA


def test_locate_never_places_a_region_at_a_city():
    place = {"name": "Springfield", "level": "county", "country": "US"}
    assert locate(place, INDEX) is None


def test_locate_finds_nothing_in_another_country():
    assert locate({"name": "Springfield", "level": "city", "country": "CA"}, INDEX) is None


@pytest.mark.django_db
def test_every_coordinate_in_the_atlas_comes_from_geonames():
    located = Place.objects.exclude(latitude=None)
    assert located.count() >= 60
    assert not located.filter(geonames_id=None).exists()
    assert not located.exclude(level__in=["city", "district"]).exists()
