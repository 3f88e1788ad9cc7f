"""The network, recommendation and source lists."""

import re

import pytest

from atlas.models import State
from pathways.models import Network, Publication, Recommendation
from tests.factories import NetworkFactory, PlaceFactory, RecommendationFactory, cite

pytestmark = pytest.mark.django_db


def test_network_list_shows_every_published_network(client):
    pages = (
        client.get("/networks/").content.decode() + client.get("/networks/?page=2").content.decode()
    )
    for network in Network.objects.published():
        assert f'id="{network.slug}"' in pages
    assert f"{Network.objects.published().count()} networks" in pages


def test_network_list_shows_scope_members_and_sources(client):
    network = NetworkFactory(name="Test Mayors Network", scope=Network.Scope.REGIONAL)
    network.region = Network.Region.EUROPE
    network.save()
    network.members.add(PlaceFactory(name="Memberville"))
    cite(network, section="D. RECOMMENDATIONS")
    page = client.get(network.get_absolute_url()).content.decode()
    assert "<h1>Test Mayors Network</h1>" in page
    assert "Regional" in page and "Europe" in page
    assert "Memberville" in page
    assert "Brokering Solutions (2025)</a></cite>, D. RECOMMENDATIONS" in page


def test_network_list_filters_by_the_networks_own_world_region(client):
    european = NetworkFactory(region=Network.Region.EUROPE)
    african = NetworkFactory(region=Network.Region.AFRICA)
    response = client.get("/networks/?network_region=europe")
    listed = {network.slug for network in response.context["paginator"].object_list}
    europe = Network.objects.published().filter(region=Network.Region.EUROPE)
    assert listed == set(europe.values_list("slug", flat=True))
    assert european.slug in listed and african.slug not in listed
    assert f"<strong>{len(listed)} networks</strong> · World region: Europe" in (
        response.content.decode()
    )
    api = client.get("/api/networks/?network_region=europe&page_size=500").json()
    assert {network["slug"] for network in api["results"]} == listed


REGION_MESSAGE = (
    "Networks are filtered by their world region with “network_region”, e.g. "
    "network_region=europe; “region” takes UN M49 codes on the case pages."
)


def test_network_list_answers_region_with_a_400_naming_it(client):
    response = client.get("/networks/?region=europe")
    assert response.status_code == 400
    assert f"<code>region</code>: {REGION_MESSAGE}" in response.content.decode()


@pytest.mark.parametrize("path", ["/networks/export.csv", "/api/networks/"])
def test_network_export_and_api_answer_region_with_a_json_400(client, path):
    response = client.get(f"{path}?region=europe")
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid filter",
        "errors": [{"parameter": "region", "message": REGION_MESSAGE}],
    }


def test_network_list_hides_drafts(client):
    NetworkFactory(name="Unpublished network", state=State.DRAFT)
    assert "Unpublished network" not in client.get("/networks/").content.decode()


def test_recommendation_list_shows_every_published_recommendation(client):
    total = Recommendation.objects.published().count()
    pages = "".join(
        client.get(f"/recommendations/?page={n}").content.decode()
        for n in range(1, total // 50 + 2)
    )
    for recommendation in Recommendation.objects.published():
        assert f'id="{recommendation.slug}"' in pages


def test_recommendation_list_hides_drafts(client):
    RecommendationFactory(headline="Unpublished advice", state=State.DRAFT)
    assert "Unpublished advice" not in client.get("/recommendations/").content.decode()


def test_publication_list_shows_the_five_papers(client):
    page = client.get("/publications/").content.decode()
    for publication in Publication.objects.all():
        assert publication.title in page.replace("&#x27;", "'").replace("&amp;", "&")


@pytest.mark.parametrize("count", [1, 3])
def test_network_list_queries_do_not_grow(client, django_assert_num_queries, count):
    Network.objects.update(state=State.DRAFT)
    for _ in range(count):
        network = NetworkFactory()
        network.members.add(PlaceFactory())
        cite(network)
    with django_assert_num_queries(8):
        client.get("/networks/")


@pytest.mark.parametrize("count", [1, 3])
def test_recommendation_list_queries_do_not_grow(client, django_assert_num_queries, count):
    Recommendation.objects.update(state=State.DRAFT)
    for _ in range(count):
        cite(RecommendationFactory())
    with django_assert_num_queries(11):
        client.get("/recommendations/")


def test_financing_page_lists_the_mechanisms_of_001_with_their_cases(client):
    from pathways.models import FinancingMechanism

    page = client.get("/financing/").content.decode()
    mechanisms = FinancingMechanism.objects.published()
    assert set(re.findall(r'<article class="card" id="([^"]+)"', page)) == {
        mechanism.slug for mechanism in mechanisms
    }
    examples = [case for mechanism in mechanisms for case in mechanism.examples.published()]
    assert examples
    assert [case.slug for case in examples if case.get_absolute_url() not in page] == []


def test_frameworks_page_lists_the_regional_frameworks(client):
    from pathways.models import RegionalFramework

    page = client.get("/frameworks/").content.decode()
    assert RegionalFramework.objects.published().count() >= 3
    for framework in RegionalFramework.objects.published():
        assert f'id="{framework.slug}"' in page
