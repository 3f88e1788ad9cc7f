"""`?place=` on every answer the case filters feed: the lists, the map, the exports and the
API list only what acts in that place, and never fail (the map on a place page asks for it)."""

import csv
import io
import json

import pytest
from django.urls import reverse

from cases.models import Case, Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def place():
    """A place with published cases, where not every published case acts."""
    place = Place.objects.filter(cases__state="published").distinct().first()
    assert Case.objects.published().exclude(places=place).exists()
    return place


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def slugs_of_its_cases(place):
    return set(Case.objects.published().filter(places=place).values_list("slug", flat=True))


def test_map_geojson_filtered_by_a_place_shows_that_place_only(client, place):
    response = client.get(reverse("cases:places-geojson"), {"place": place.slug})
    assert response.status_code == 200
    features = json.loads(response.content)["features"]
    assert [feature["properties"]["slug"] for feature in features] == [place.slug]


@pytest.mark.parametrize(
    "url",
    [
        reverse("cases:place-export", kwargs={"format": "json"}),
        reverse("cases:place-export", kwargs={"format": "geojson"}),
        "/api/places/",
    ],
)
def test_place_lists_filtered_by_a_place_list_that_place(client, place, url):
    response = client.get(url, {"place": place.slug})
    assert response.status_code == 200
    data = json.loads(body(response))
    if "features" in data:
        records = [feature["properties"] for feature in data["features"]]
    else:
        records = data.get("results") or data.get("records") or data
    assert [record["slug"] for record in records] == [place.slug]


def test_places_csv_export_filtered_by_a_place_has_that_place_only(client, place):
    url = reverse("cases:place-export", kwargs={"format": "csv"})
    response = client.get(url, {"place": place.slug})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))
    assert [row["slug"] for row in rows] == [place.slug]


@pytest.mark.parametrize(
    "url",
    [
        reverse("cases:case-export", kwargs={"format": "csv"}),
        reverse("cases:case-export", kwargs={"format": "geojson"}),
        "/cases/",
        "/api/cases/",
    ],
)
def test_case_lists_filtered_by_a_place_answer(client, place, url):
    response = client.get(url, {"place": place.slug})
    assert response.status_code == 200
    content = body(response)
    for slug in slugs_of_its_cases(place):
        assert slug.encode() in content


def test_places_geojson_export_holds_the_same_places_as_the_map(client):
    def slugs(url):
        features = json.loads(body(client.get(url)))["features"]
        return sorted(feature["properties"]["slug"] for feature in features)

    on_the_map = slugs(reverse("cases:places-geojson"))
    assert len(on_the_map) > 50
    assert slugs(reverse("cases:place-export", kwargs={"format": "geojson"})) == on_the_map
    assert slugs(reverse("cases:case-export", kwargs={"format": "geojson"})) == on_the_map
