"""Data a researcher can count on: every published case classified, one record per real
practice, what each paper says kept, and counts that add up with the unclassified share shown.

These run on the papers' data as loaded (tests/conftest.py), so they hold the fixtures to it.
"""

import csv
import io
import re
from collections import Counter

import pytest
import yaml

from cases.models import Case, CaseRedirect
from pathways.models import Citation, Network, NetworkCount, PathwayType, Recommendation
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db


def published():
    return Case.objects.published()


def streamed(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def fixture_entries(section):
    for path in sorted((FIXTURES / "papers").glob("*.yaml")):
        yield from yaml.safe_load(path.read_text(encoding="utf-8")).get(section) or []


# --- every published case classified ---------------------------------------------------------


def test_no_published_case_lacks_a_city_role():
    assert list(published().filter(case_roles=None).values_list("slug", flat=True)) == []


def test_no_published_case_lacks_a_pathway_type_or_the_explicit_none():
    assert list(published().filter(case_pathways=None).values_list("slug", flat=True)) == []


def test_not_specific_to_one_pathway_never_stands_beside_a_pathway_type():
    not_specific = published().filter(pathway_types__slug=PathwayType.NOT_SPECIFIC)
    beside = not_specific.filter(pathway_types__slug__in=["family", "labour", "education",
                                                          "investment", "humanitarian",
                                                          "regularisation"])  # fmt: skip
    assert list(beside.values_list("slug", flat=True)) == []
    assert not_specific.exists()


def test_every_record_has_a_kind_and_every_kind_is_used():
    kinds = Counter(published().values_list("kind", flat=True))
    assert set(kinds) <= set(Case.Kind.values)
    assert kinds[Case.Kind.PRACTICE] > 0
    assert sum(kinds.values()) == published().count()
    # The fixtures say each kind themselves: none relies on the model's default.
    assert all("kind" in entry for entry in fixture_entries("cases") if "title" in entry)


def test_passing_mentions_stay_findable_with_their_kind(client):
    mentions = published().filter(depth=Case.Depth.MENTION)
    assert mentions.exists()
    response = client.get("/cases/?depth=mention")
    assert response.context["paginator"].count == mentions.count()


# --- one record per real practice ------------------------------------------------------------


def test_no_two_published_cases_share_a_title_and_place_set():
    seen = {}
    for case in published().prefetch_related("places"):
        key = (case.title.casefold(), frozenset(place.pk for place in case.places.all()))
        assert key not in seen, f"{case.slug} repeats {seen[key]}"
        seen[key] = case.slug


def test_no_slug_is_both_a_case_and_a_network_unless_they_are_linked():
    networks = {network.slug: network for network in Network.objects.all()}
    for case in Case.objects.filter(slug__in=networks).prefetch_related("networks"):
        network = networks[case.slug]
        linked = case.actor_network_id == network.pk or network in case.networks.all()
        assert linked, f"case and network {case.slug!r} are not linked"


def test_every_merged_record_redirects_to_the_record_kept(client):
    formerly = {
        old: entry["slug"]
        for entry in fixture_entries("cases")
        for old in entry.get("formerly") or []
    }
    for old, kept in formerly.items():
        assert CaseRedirect.objects.get(old_slug=old).case.slug == kept
        assert not Case.objects.filter(slug=old).exists()
        response = client.get(f"/cases/{old}/")
        assert response.status_code == 301
        assert response["Location"] == f"/cases/{kept}/"


def test_places_that_only_serve_or_are_named_are_not_counted_as_acting(client):
    case = published().filter(named_places__isnull=False).prefetch_related("named_places").first()
    assert case is not None, "the fixtures keep served and example places apart"
    named = case.named_places.all()[0]
    assert named not in case.places.all()
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Also named, not acting" in page
    listed = client.get(f"/cases/?place={named.slug}").context["paginator"].count
    assert listed == published().filter(places=named).count()


def test_where_the_papers_disagree_the_record_shows_each_version_and_its_source(client):
    disputed = published().filter(claims__isnull=False).distinct()
    for case in disputed:
        page = client.get(case.get_absolute_url()).content.decode()
        assert "Where the sources differ" in page
        for claim in case.claims.select_related("publication"):
            assert f"{claim.value} — <cite>" in page
            assert str(claim.publication) in page


# --- counts that add up, with the unclassified share said ------------------------------------


def test_home_counts_by_kind_add_up_to_the_cases_and_say_what_is_not_stated(client):
    response = client.get("/")
    context = response.context
    assert sum(kind.case_count for kind in context["kinds"]) == context["case_count"]
    assert context["not_stated"]["status"] == published().filter(status="unknown").count()
    page = response.content.decode()
    assert f"the status of {context['not_stated']['status']} cases" in page


def test_the_matrix_says_how_many_cases_it_counts_and_how_many_it_cannot_place(client):
    matrix = client.get("/matrix/").context["role_pathway"]
    assert matrix.case_count == published().count()
    assert (matrix.without_row, matrix.without_column) == (0, 0)
    cells = {(row.slug, column.slug): count for row, cs in matrix.rows for column, count in cs}
    # Every case is in at least one cell, and the cell of a role and "not specific" is there.
    assert sum(cells.values()) >= matrix.case_count
    assert any(column == PathwayType.NOT_SPECIFIC for _, column in cells)
    regions = client.get("/matrix/").context["category_region"]
    assert regions.without_column == published().filter(places=None).count()


def test_kind_facet_counts_add_up_to_the_list(client):
    response = client.get("/cases/")
    facets = {name: options for name, _, options in response.context["facets"]}
    assert sum(option.count for option in facets["kind"]) == response.context["paginator"].count


def test_exports_carry_the_kind_and_the_places_named_apart(client):
    rows = list(csv.DictReader(io.StringIO(streamed(client.get("/cases/export.csv")))))
    assert Counter(row["kind"] for row in rows) == Counter(
        published().values_list("kind", flat=True)
    )
    assert "named_place_slugs" in rows[0]


# --- 003's Table 1 ---------------------------------------------------------------------------


def test_table_1_keeps_every_printed_figure_and_reads_the_blank_cells_from_the_totals():
    cells = {(cell.region, cell.scope): cell for cell in NetworkCount.objects.all()}
    printed = {("Europe", "global"): 12, ("Europe", "regional"): 15, ("Europe", "national"): 12,
               ("Europe", "total"): 39, ("South America", "total"): 17,
               ("North America", "national"): 9, ("Asia", "total"): 14}  # fmt: skip
    for key, figure in printed.items():
        assert cells[key].printed == figure
    assert cells["South America", "global"].printed is None
    assert cells["South America", "global"].is_inferred
    regions = {region for region, _ in cells if region != "All regions"}
    assert len(regions) == 6
    for region in regions:  # each row adds up, as we read it
        parts = sum(cells[region, scope].reading for scope in ("global", "regional", "national"))
        assert parts == cells[region, "total"].reading
    for scope in ("regional", "national"):
        assert sum(cells[region, scope].reading for region in regions) == (
            cells["All regions", scope].reading
        )
    split = [cells["All regions", scope].reading for scope in ("global", "regional", "national")]
    assert sum(split) == cells["All regions", "total"].reading == 64


def test_table_1_has_a_page_and_an_export(client):
    page = client.get("/network-counts/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "<h1>Migration-related city networks by region and scope</h1>" in text
    assert "(12)" in text  # a blank cell, shown as our reading
    assert 'href="/network-counts/"' in client.get("/networks/").content.decode()
    export = client.get("/network-counts/export.csv")
    rows = list(csv.DictReader(io.StringIO(streamed(export))))
    assert len(rows) == NetworkCount.objects.count()
    assert {"region", "scope", "printed", "reading", "networks", "citations"} <= set(rows[0])


def test_table_1_links_the_networks_the_atlas_holds_for_a_cell(client):
    linked = NetworkCount.objects.filter(networks__isnull=False).distinct()
    assert linked.exists()
    network = linked.first().networks.first()
    assert network.get_absolute_url() in client.get("/network-counts/").content.decode()


# --- clean citations and recommendations -----------------------------------------------------


SHOUTING = re.compile(r"\b[A-Z]{3,}(?:\s+[A-Z]{3,}){2,}\b")  # three capitalised words in a row
LEFTOVERS = re.compile(r"bullet \d|text conversion|heading is lost", re.IGNORECASE)


def test_citations_read_in_reading_case_without_extraction_leftovers():
    for citation in Citation.objects.all():
        shown = f"{citation.shown_heading} | {citation.locator} | {citation.note}"
        assert not SHOUTING.search(citation.shown_heading), shown
        assert not LEFTOVERS.search(shown), shown


def test_a_citation_keeps_the_heading_as_printed_for_the_provenance_check(client):
    citation = Citation.objects.exclude(heading="").select_related("publication").first()
    assert citation.section != citation.heading
    assert citation.section.casefold().split()[0] == citation.heading.casefold().split()[0]


def test_recommendation_cards_do_not_repeat_their_category():
    for recommendation in Recommendation.objects.select_related("program_category"):
        if recommendation.program_category and recommendation.theme:
            assert (
                recommendation.theme.casefold() != recommendation.program_category.name.casefold()
            )


def test_a_recommendation_page_has_its_own_heading_and_the_practices_it_concerns(client):
    recommendation = Recommendation.objects.published().filter(cases__isnull=False).first()
    assert recommendation is not None, "recommendations link the practices their paper names"
    page = client.get(recommendation.get_absolute_url()).content.decode()
    assert f"<h1>{recommendation.headline}</h1>" in page.replace("&#x27;", "'")
    for case in recommendation.cases.published():
        assert case.get_absolute_url() in page
    case = recommendation.cases.published().first()
    assert recommendation.get_absolute_url() in client.get(case.get_absolute_url()).content.decode()
