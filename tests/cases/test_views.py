"""What a browser sees of the case catalogue."""

import pytest

from atlas.models import State
from cases.models import Case
from pathways.models import CityRole, PathwayType
from tests.factories import CaseFactory, PlaceFactory, cite

pytestmark = pytest.mark.django_db


def only_published(*cases):
    Case.objects.update(state=State.DRAFT)
    Case.objects.filter(pk__in=[case.pk for case in cases]).update(state=State.PUBLISHED)


def test_case_list_links_every_case_on_its_first_page(client):
    response = client.get("/cases/")
    assert response.status_code == 200
    first_page = Case.objects.published().order_by("title")[:25]
    assert len(first_page) == 25
    for case in first_page:
        assert f'href="{case.get_absolute_url()}"' in response.content.decode()


def test_case_list_is_paginated_and_counts_all_cases(client):
    total = Case.objects.published().count()
    response = client.get("/cases/?page=2")
    assert response.status_code == 200
    assert f"{total} cases" in response.content.decode()
    assert len(response.context["case_list"]) == min(25, total - 25)


def test_case_list_page_past_the_end_is_a_bad_request_naming_page(client):
    for page in ["999", "abc"]:
        response = client.get(f"/cases/?page={page}")
        assert response.status_code == 400
        assert list(response.context["errors"]) == ["page"]


def test_case_list_hides_drafts(client):
    public = CaseFactory(title="Public practice")
    CaseFactory(title="Secret draft practice", state=State.DRAFT)
    only_published(public)
    response = client.get("/cases/")
    assert list(response.context["paginator"].object_list) == [public]
    assert "Secret draft practice" not in response.content.decode()


def test_case_detail_shows_every_field_and_its_citations(client):
    place = PlaceFactory(name="Testville", country="CO")
    case = CaseFactory(
        title="Test ID card",
        description="Issued **by the city**.",
        start_year=2019,
        end_year=2021,
        status=Case.Status.ENDED,
    )
    case.places.add(place)
    case.case_roles.create(role=CityRole.objects.first(), basis="stated")
    cite(case, section="2. Types of pathways")
    page = client.get(case.get_absolute_url()).content.decode()
    assert "<h1>Test ID card</h1>" in page
    assert "<strong>by the city</strong>" in page
    assert "Testville" in page and "Colombia" in page and "Americas" in page
    assert "2019–2021" in page and "Ended" in page
    assert "stated by the source" in page
    assert "Brokering Solutions (2025)</a></cite>, 2. Types of pathways" in page


def test_case_detail_renders_editor_markdown_sanitised(client):
    case = CaseFactory(description="<script>alert(1)</script>[x](javascript:alert(2))")
    page = client.get(case.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert "javascript:alert" not in page


def test_case_detail_of_a_draft_is_not_found(client):
    case = CaseFactory(state=State.DRAFT)
    assert client.get(case.get_absolute_url()).status_code == 404


def test_case_detail_of_an_unknown_slug_is_not_found(client):
    assert client.get("/cases/no-such-practice/").status_code == 404


def test_every_published_case_page_renders_with_its_sources(client):
    for case in Case.objects.published().prefetch_related("citations__publication"):
        page = client.get(case.get_absolute_url()).content.decode()
        assert case.citations.all(), case.slug
        for citation in case.citations.all():
            assert str(citation.publication) in page, case.slug


@pytest.mark.parametrize("count", [1, 3])
def test_case_list_queries_do_not_grow_with_cases(client, django_assert_num_queries, count):
    cases = []
    for _ in range(count):
        case = CaseFactory()
        case.places.add(PlaceFactory())
        case.case_roles.create(role=CityRole.objects.first(), basis="stated")
        case.case_pathways.create(pathway_type=PathwayType.objects.first(), basis="classified")
        cases.append(case)
    only_published(*cases)
    with django_assert_num_queries(20):  # one a facet, the kind of record among them
        client.get("/cases/")


@pytest.mark.parametrize("count", [1, 3])
def test_case_detail_queries_do_not_grow_with_relations(client, django_assert_num_queries, count):
    case = CaseFactory()
    for _ in range(count):
        case.places.add(PlaceFactory())
        cite(case)
    # 23: among them one per publishable kind for the dataset version in "how to cite", and
    # the places named (not acting), the recommendations linked and the sources' claims.
    with django_assert_num_queries(23):
        client.get(case.get_absolute_url())
