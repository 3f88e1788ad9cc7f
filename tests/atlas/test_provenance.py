"""`verify_citations` holds the atlas to what its papers say."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from atlas.text import normalise
from portal.provenance import paper_texts
from tests.factories import CaseFactory, PlaceFactory, cite

pytestmark = pytest.mark.django_db


def test_verify_citations_passes_on_the_loaded_atlas(papers_dir, capsys):
    # A paper whose text is not found goes unchecked, so first: all five are read.
    assert len(paper_texts(papers_dir)) == 5
    call_command("verify_citations", papers=papers_dir)
    assert "every citation checks out" in capsys.readouterr().out


def test_verify_citations_fails_for_a_place_the_paper_does_not_name(papers_dir, capsys):
    case = CaseFactory(slug="invented-practice")
    case.places.add(PlaceFactory(name="Atlantis"))
    cite(case, section="D. RECOMMENDATIONS")
    with pytest.raises(CommandError, match="1 provenance problems found"):
        call_command("verify_citations", papers=papers_dir)
    assert capsys.readouterr().err == (
        "case 'invented-practice': place 'Atlantis' is not named in its sources\n"
    )


def test_verify_citations_names_the_problem(papers_dir, capsys):
    case = CaseFactory(slug="invented-practice")
    cite(case, section="E. A SECTION THAT DOES NOT EXIST")
    with pytest.raises(CommandError):
        call_command("verify_citations", papers=papers_dir)
    assert "'E. A SECTION THAT DOES NOT EXIST' does not occur in Brokering Solutions" in (
        capsys.readouterr().err
    )


def test_verify_citations_fails_for_a_year_the_paper_does_not_give(papers_dir, capsys):
    case = CaseFactory(slug="misdated-practice", start_year=1917)
    cite(case, section="D. RECOMMENDATIONS")
    with pytest.raises(CommandError, match="1 provenance problems found"):
        call_command("verify_citations", papers=papers_dir)
    assert capsys.readouterr().err == (
        "case 'misdated-practice': start year '1917' does not occur in its sources\n"
    )


def test_verify_citations_fails_for_a_figure_the_paper_does_not_give(papers_dir, capsys):
    case = CaseFactory(slug="inflated-practice")
    case.figures.create(label="People served", value="more than 987,654", year=2024)
    cite(case, section="D. RECOMMENDATIONS")
    with pytest.raises(CommandError):
        call_command("verify_citations", papers=papers_dir)
    assert "figure 'People served' '987,654' does not occur in its sources" in (
        capsys.readouterr().err
    )


def test_verify_citations_checks_what_a_source_is_claimed_to_say(papers_dir, capsys):
    case = CaseFactory(slug="disputed-practice")
    citation = cite(case, section="D. RECOMMENDATIONS")
    case.claims.create(
        field="start_year", value="1917", publication=citation.publication, section="NOWHERE"
    )
    with pytest.raises(CommandError, match="2 provenance problems found"):
        call_command("verify_citations", papers=papers_dir)
    errors = capsys.readouterr().err
    assert "claim section 'NOWHERE' does not occur in Brokering Solutions" in errors
    assert "claimed start_year '1917' does not occur in Brokering Solutions" in errors


def test_verify_citations_fails_for_a_case_without_sources(papers_dir, capsys):
    CaseFactory(slug="unsourced-practice")
    with pytest.raises(CommandError):
        call_command("verify_citations", papers=papers_dir)
    assert "case 'unsourced-practice' cites no source" in capsys.readouterr().err


def test_verify_citations_without_the_papers_says_where_it_looked(tmp_path):
    with pytest.raises(CommandError, match="No papers folder"):
        call_command("verify_citations", papers=tmp_path / "missing")


def test_normalise_ignores_case_accents_markup_and_spacing():
    assert normalise("**São  Paulo**\n(<b>Brazil</b>)") == normalise("sao paulo (brazil)")
