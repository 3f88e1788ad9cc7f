"""N+1 guards: a page costs the same number of queries whether it shows one record or many."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pathways.models import CityRole, GCMObjective, Publication
from tests.factories import (
    CaseFactory,
    NetworkFactory,
    PlaceFactory,
    RecommendationFactory,
    cite,
)

pytestmark = pytest.mark.django_db


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def anchored_cases(count, **anchors):
    """`count` published cases, each fully related, all sharing the given anchors."""
    place = anchors.get("place") or PlaceFactory(country="IS")
    for _ in range(count):
        case = CaseFactory()
        case.places.add(place, PlaceFactory(country="IS"))
        case.case_roles.create(role=CityRole.objects.first(), basis="stated")
        case.case_pathways.create(pathway_type=anchors["pathway"], basis="classified")
        case.case_objectives.create(objective=anchors["objective"])
        case.networks.add(anchors["network"])
        cite(case, anchors["publication"].slug, "Section")
    return place


def anchors():
    from pathways.models import PathwayType

    return {
        "network": NetworkFactory(),
        "pathway": PathwayType.objects.create(slug=f"p{PathwayType.objects.count()}", name="P"),
        "objective": GCMObjective.objects.get(number=3 + GCMObjective.objects.count() % 2),
        "publication": Publication.objects.create(
            slug=f"pub-{Publication.objects.count()}",
            title="T",
            short_title="T",
            year=2026,
            kind="report",
        ),  # fmt: skip
    }


PAGES = {
    "place": lambda a, place: place.get_absolute_url(),
    "network": lambda a, place: a["network"].get_absolute_url(),
    "pathway": lambda a, place: a["pathway"].get_absolute_url(),
    "publication": lambda a, place: a["publication"].get_absolute_url(),
    "map": lambda a, place: f"/map/?network={a['network'].slug}",
    "geojson": lambda a, place: f"/map/places.geojson?network={a['network'].slug}",
    "matrix": lambda a, place: f"/matrix/?network={a['network'].slug}",
    "search": lambda a, place: "/search/?q=Test+practice",
}


@pytest.mark.parametrize("page", PAGES)
def test_page_queries_do_not_grow_with_records(client, page):
    few, many = anchors(), anchors()
    few_place, many_place = anchored_cases(1, **few), anchored_cases(3, **many)
    assert queries(client, PAGES[page](few, few_place)) == queries(
        client, PAGES[page](many, many_place)
    )


def test_recommendation_page_queries_do_not_grow_with_actions(client):
    counts = []
    for count in (1, 3):
        parent = RecommendationFactory()
        cite(parent)
        for _ in range(count):
            RecommendationFactory(parent=parent)
        counts.append(queries(client, parent.get_absolute_url()))
    assert counts[0] == counts[1]


def test_compare_queries_do_not_grow_with_cases(client):
    a = anchors()
    anchored_cases(4, **a)
    slugs = list(a["network"].cases.values_list("slug", flat=True))
    assert queries(client, f"/cases/compare/?cases={','.join(slugs[:2])}") == queries(
        client, f"/cases/compare/?cases={','.join(slugs[:4])}"
    )
