"""What a reader takes in at a glance: a case page's fact box, a result card, and a
recommendation's own page with the practices it concerns."""

import re
from html import unescape

import pytest

from atlas.models import State
from pathways.models import CityRole, PathwayType, ProgramCategory, Recommendation
from tests.factories import CaseFactory, PlaceFactory, RecommendationFactory, cite

pytestmark = pytest.mark.django_db


def text(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def fact_box(page):
    """The fact box's terms and descriptions, as text."""
    box = re.search(r'<aside class="fact-box".*?</aside>', page, re.S).group(0)
    pairs = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", box, re.S)
    return {text(term): text(description) for term, description in pairs}


@pytest.fixture
def described_case():
    case = CaseFactory(
        title="Test ID card",
        start_year=2019,
        end_year=2021,
        status="ended",
        depth="practice",
        program_category=ProgramCategory.objects.order_by("order").first(),
    )
    case.places.add(PlaceFactory(name="Testville", country="CO"))
    case.case_roles.create(role=CityRole.objects.get(slug="incubator"), basis="stated")
    case.case_pathways.create(
        pathway_type=PathwayType.objects.get(slug="labour"), basis="classified"
    )
    cite(case, section="2. Types of pathways")
    cite(case, publication_slug="brokering-solutions", section="3. Cities")
    return case


def test_case_page_fact_box_says_who_what_when_and_how_sure(client, described_case):
    facts = fact_box(client.get(described_case.get_absolute_url()).content.decode())
    category = described_case.program_category.name
    assert facts["Acting governments"] == "Testville (City, Colombia , Americas )"
    assert facts["City roles"] == "Incubator (stated by the source)"
    assert facts["Pathway types"] == "Labour (our classification)"
    assert facts["Program category"] == category
    assert facts["Years"] == "2019–2021"
    assert facts["Status"] == "Ended"
    assert facts["Depth in the sources"] == "Described practice"
    assert facts["Sources"] == "2 citations (Brokering Solutions (2025))"


def test_case_page_fact_box_links_terms_to_their_pages_in_their_colours(client, described_case):
    page = client.get(described_case.get_absolute_url()).content.decode()
    assert '<a class="chip role-incubator" href="/roles/incubator/">Incubator</a>' in page
    assert '<a class="chip pathway-labour" href="/pathways/labour/">Labour</a>' in page
    assert '<a href="/regions/019/">Americas</a>' in page
    assert '<h2 id="sources">Sources</h2>' in page and 'href="#sources"' in page


def test_result_card_shows_places_terms_years_and_how_sure(client, described_case):
    Case = type(described_case)
    Case.objects.exclude(pk=described_case.pk).update(state=State.DRAFT)
    card = re.search(
        r'<article class="card">.*?</article>', client.get("/cases/").content.decode(), re.S
    )
    card = card.group(0)
    assert '<a href="/places/' in card and ">Testville</a>" in card
    assert '<li class="chip role-incubator">Incubator</li>' in card
    assert '<li class="chip pathway-labour">Labour</li>' in card
    assert "2019–2021" in card
    assert "Roles and pathways partly stated by the source" in card
    assert "Described practice" in card


def test_recommendation_page_is_headed_by_it_and_lists_the_practices_it_concerns(client):
    recommendation = (
        Recommendation.objects.published().filter(cases__state=State.PUBLISHED).distinct().first()
    )
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert page.count("<h1>") == 1
    assert f"<h1>{recommendation.headline}</h1>" in unescape(page)
    # Its own page does not show it as a card linking to itself.
    assert f'<a href="{recommendation.get_absolute_url()}">' not in page
    for case in recommendation.cases.published():
        assert f'<h3><a href="{case.get_absolute_url()}">' in page


def test_recommendation_page_without_practices_leaves_their_section_out(client):
    recommendation = RecommendationFactory(headline="Open a welcome desk")
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert "<h1>Open a welcome desk</h1>" in page
    assert "Practices the source links it to" not in page
