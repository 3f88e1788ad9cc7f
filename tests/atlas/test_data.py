"""The fixtures hold what the papers hold, and every record says where it comes from."""

from collections import defaultdict

import pytest
import yaml

from cases.models import Case, CaseRole
from pathways.models import (
    CityRole,
    FinancingMechanism,
    GCMObjective,
    Network,
    PathwayType,
    Recommendation,
)
from tests.conftest import FIXTURES

pytestmark = pytest.mark.django_db


def slugs_per_paper(section):
    """From the YAML itself: which records each paper's files define or extend."""
    slugs = defaultdict(set)
    for path in sorted((FIXTURES / "papers").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data.get(section) or []:
            slugs[data["publication"]].add(entry["slug"])
    return slugs


@pytest.mark.parametrize(
    ("section", "model"),
    [("cases", Case), ("networks", Network), ("recommendations", Recommendation)],
)
def test_each_paper_contributes_exactly_its_records(section, model):
    for publication, slugs in slugs_per_paper(section).items():
        loaded = model.objects.filter(citations__publication__slug=publication)
        assert set(loaded.values_list("slug", flat=True)) == slugs, publication


def test_the_atlas_holds_the_scale_of_the_papers():
    assert Case.objects.filter(depth=Case.Depth.PRACTICE).count() >= 90
    assert Case.objects.filter(depth=Case.Depth.MENTION).count() >= 50
    assert Network.objects.count() >= 55
    assert Recommendation.objects.count() >= 80
    assert FinancingMechanism.objects.count() >= 6
    assert (PathwayType.objects.count(), CityRole.objects.count()) == (6 + 1, 3)
    assert not PathwayType.objects.get(slug=PathwayType.NOT_SPECIFIC).is_specific
    assert GCMObjective.objects.count() == 23


@pytest.mark.parametrize("model", [Case, Network, Recommendation, FinancingMechanism])
def test_every_record_cites_a_paper(model):
    assert list(model.objects.filter(citations=None).values_list("slug", flat=True)) == []


def test_every_fixture_record_is_published_unless_its_fixture_holds_it_back():
    """A paper's record that the publishing rule refuses (no government or network acts in it)
    waits in review, with a note saying why, for an editor to decide."""
    held_back = {
        entry["slug"]: entry
        for path in sorted((FIXTURES / "papers").glob("*.yaml"))
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")).get("cases") or []
        if entry.get("state", "published") != "published"
    }
    assert set(Case.objects.exclude(state="published").values_list("slug", flat=True)) == set(
        held_back
    )
    for slug in held_back:
        case = Case.objects.get(slug=slug)
        assert case.publication_problems(), slug
        assert any(citation.note for citation in case.citations.all()), slug
    for model in (Network, Recommendation, FinancingMechanism):
        assert not model.objects.exclude(state="published").exists()


def test_every_described_practice_names_who_acts():
    # Passing mentions may speak of unnamed cities ("48 municipal pledges"); practices may not.
    practices = Case.objects.filter(depth=Case.Depth.PRACTICE)
    actorless = practices.filter(places=None, actor_network=None, partners=None, frameworks=None)
    assert list(actorless.values_list("slug", flat=True)) == []


def test_papers_without_the_role_words_only_give_classified_roles():
    # 003 and 004 never use incubator/implementer/advocate: a role there is our reading.
    only_003_004 = Case.objects.exclude(
        citations__publication__slug__in=[
            "brokering-solutions",
            "americas-pathways",
            "imrf-roundtable",
        ]
    )
    stated = CaseRole.objects.filter(case__in=only_003_004, basis="stated")
    assert list(stated.values_list("case__slug", flat=True)) == []


def test_one_practice_cited_by_several_papers_is_one_case():
    papers = set(
        Case.objects.get(slug="sao-paulo-crai").citations.values_list(
            "publication__slug", flat=True
        )
    )
    assert {"brokering-solutions", "americas-pathways"} <= papers


def test_geneva_papyrus_programme_carries_the_years_of_000():
    case = Case.objects.get(slug="geneva-papyrus")
    assert (case.start_year, case.end_year, case.status) == (2017, 2018, "ended")
    assert [place.level for place in case.places.all()] == ["canton"]


def test_002_annex_rows_carry_primary_and_bracketed_gcm_objectives():
    case = Case.objects.get(slug="milan-family-reunification")
    objectives = {row.objective.number: row.primary for row in case.case_objectives.all()}
    assert objectives == {15: True, 16: True, 7: False, 17: False}
