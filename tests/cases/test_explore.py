"""The matrix, the map and its GeoJSON, comparison and site search."""

import re
from html import unescape

import pytest

from cases.models import Case, Place
from pathways.models import Network
from tests.case_list import counted, listed
from tests.factories import CaseFactory, PlaceFactory

pytestmark = pytest.mark.django_db

CELL_LINK = re.compile(r'<a href="/cases/\?([^"]*)" aria-label="[^"]*">(\d+)</a>')


def matrix_cells(response):
    """Every cell of both matrices on a page: its count and the query of the list it counts."""
    cells = []
    for matrix in (response.context["role_pathway"], response.context["category_region"]):
        for row, row_cells in matrix.rows:
            for column, count in row_cells:
                query = response.wsgi_request.GET.copy()
                query[matrix.row_param] = row.slug
                query[matrix.column_param] = getattr(column, "slug", None) or column.code
                cells.append((count, query.urlencode()))
    return cells


@pytest.mark.parametrize("filters", ["", "region=150", "source=americas-pathways&status=active"])
def test_every_matrix_cell_counts_what_its_link_lists(client, filters):
    response = client.get(f"/matrix/?{filters}")
    assert response.status_code == 200
    cells = matrix_cells(response)
    # Every cell, zeros too, counts what the case list's own FilterSet finds for its query …
    assert [count for count, _ in cells] == [counted(query) for _, query in cells]
    # … every number but 0 links to that list …
    links = [(int(n), unescape(q)) for q, n in CELL_LINK.findall(response.content.decode())]
    assert links == [(count, query) for count, query in cells if count]
    # … and followed, the links of the largest and the smallest cell list that many cases.
    for count, query in (max(links), min(links)):
        assert listed(client, query) == count, query


def test_matrix_cells_link_to_the_filtered_list(client):
    page = client.get("/matrix/?region=150").content.decode()
    assert 'href="/cases/?region=150&amp;role=advocate&amp;pathway=humanitarian"' in page
    # The region filter chooses the one column of the category × region table.
    assert 'href="/cases/?region=150&amp;category=advocacy"' in page
    assert "region=002" not in page


def test_matrix_honours_stated_only(client):
    stated = client.get("/matrix/?basis=stated").context["role_pathway"]
    everything = client.get("/matrix/").context["role_pathway"]
    assert stated.total < everything.total


def test_geojson_holds_the_located_places_of_the_filtered_cases(client):
    response = client.get("/map/places.geojson?country=CO")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = response.json()
    assert data["type"] == "FeatureCollection"
    expected = Place.objects.filter(
        country="CO", cases__state="published", latitude__isnull=False
    ).distinct()
    assert {f["properties"]["slug"] for f in data["features"]} == set(
        expected.values_list("slug", flat=True)
    )
    bogota = next(f for f in data["features"] if f["properties"]["slug"] == "bogota-co")
    assert bogota["geometry"] == {"type": "Point", "coordinates": [-74.08175, 4.60971]}
    # The map names at most ten cases a place; the count is of them all.
    in_bogota = Case.objects.published().filter(places__slug="bogota-co").count()
    assert bogota["properties"]["case_count"] == in_bogota
    assert len(bogota["properties"]["cases"]) == min(10, in_bogota)


def test_geojson_rejects_bad_filters_with_json(client):
    response = client.get("/map/places.geojson?role=astronaut")
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "parameter": "role",
            "message": "Select a valid choice. astronaut is not one of the available choices.",
        }
    ]


def test_map_page_lists_every_place_as_text(client):
    response = client.get("/map/?region=002")
    page = response.content.decode()
    assert 'class="atlas-map' in page and 'data-geojson="/map/places.geojson?region=002"' in page
    africa = Place.objects.filter(region__code="002", cases__state="published").distinct()
    listed_places = set(re.findall(r'href="(/places/[^"]+/)"', page))
    assert listed_places == {place.get_absolute_url() for place in africa}
    assert len(listed_places) > 1
    assert "vendor/leaflet-1.9.4/leaflet.js" in page
    assert "vendor/leaflet.markercluster-1.5.3/leaflet.markercluster.js" in page


def test_compare_shows_cases_side_by_side(client):
    first = CaseFactory(title="First practice", start_year=2015)
    first.places.add(PlaceFactory(name="Testville", country="CO"))
    second = CaseFactory(title="Second practice")
    second.places.add(PlaceFactory(name="Otherville", country="NL"))
    response = client.get(f"/cases/compare/?cases={first.slug},{second.slug}")
    assert response.status_code == 200
    page = response.content.decode()
    assert (
        f'<th scope="col"><a href="{first.get_absolute_url()}">First practice</a></th>'
        f'<th scope="col"><a href="{second.get_absolute_url()}">Second practice</a></th>'
    ) in page
    assert "<td>Testville (Colombia)</td><td>Otherville (Netherlands)</td>" in page
    assert "<td>2015–</td><td>—</td>" in page
    assert re.findall(r'<th scope="row">(\w[^<]*)</th>', page) == [
        "Summary", "Places", "City roles", "Pathway types", "Program category", "Status",
        "Years", "Partners", "Networks", "GCM objectives", "Key figures", "Sources",
    ]  # fmt: skip


def test_compare_accepts_cases_ticked_on_the_list(client):
    response = client.get("/cases/compare/?cases=idnyc&cases=heartland-visa&cases=plan-einstein")
    assert [c.slug for c in response.context["cases"]] == [
        "idnyc",
        "heartland-visa",
        "plan-einstein",
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("cases=idnyc,atlantis", "There is no published case “atlantis”."),
        ("cases=a,b,c,d,e", "Compare at most 4 cases at a time."),
    ],
)
def test_compare_refuses_what_it_cannot_show(client, query, message):
    response = client.get(f"/cases/compare/?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()


def test_compare_with_one_case_explains_how_to_add_more(client):
    page = client.get("/cases/compare/?cases=idnyc").content.decode()
    assert "Pick two to four cases" in page
    assert 'name="compare" value="idnyc"' in page


def test_case_list_offers_to_compare_with_chosen_cases(client):
    page = client.get("/cases/?compare=idnyc").content.decode()
    assert '<input type="hidden" name="cases" value="idnyc">' in page
    assert 'form="compare-form"' in page


def test_search_groups_results_by_kind(client):
    response = client.get("/search/?q=mercociudades")
    groups = {kind: (count, results) for kind, count, results in response.context["groups"]}
    assert list(groups) == ["cases", "places", "networks", "recommendations", "publications"]
    assert Network.objects.get(slug="mercociudades") in groups["networks"][1]


def test_search_finds_places_by_another_spelling(client):
    groups = {k: r for k, _, r in client.get("/search/?q=Bogota").context["groups"]}
    assert Place.objects.get(slug="bogota-co") in groups["places"]


def test_search_without_words_shows_only_the_form(client):
    response = client.get("/search/?q=")
    assert response.context["groups"] == []
    assert 'role="search"' in response.content.decode()


def test_case_page_links_related_cases_and_recommendations(client):
    case = Case.objects.get(slug="bogota-cades")
    response = client.get(case.get_absolute_url())
    related = dict(response.context["related"])
    same_place = related["In the same places"]
    assert same_place and all(
        other.places.filter(slug="bogota-co").exists() for other in same_place
    )
    assert case not in same_place
    recommendations = response.context["recommendations"]
    assert all(
        r.program_category_id == case.program_category_id or r.roles.filter(cases=case).exists()
        for r in recommendations
    )
    assert recommendations
