"""`load_atlas` is idempotent, applies fixture edits, and never loses an editor's work."""

import shutil

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cases.models import Case, CaseRole
from portal.records import load_atlas
from tests.conftest import FIXTURES
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

PAPYRUS_FILE = "papers/000-brokering-solutions.yaml"
PAPYRUS = "geneva-papyrus"


@pytest.fixture
def fixtures_copy(tmp_path):
    return shutil.copytree(FIXTURES, tmp_path / "fixtures")


def edit_entry(directory, filename, section, slug, **changes):
    path = directory / filename
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = next(item for item in data[section] if item.get("slug") == slug)
    entry.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def add_file(directory, name, data):
    (directory / "papers" / name).write_text(yaml.safe_dump(data), encoding="utf-8")


def writes(queries):
    verbs = ("INSERT", "UPDATE", "DELETE")
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(verbs)]


def test_load_atlas_second_run_writes_nothing():
    with CaptureQueriesContext(connection) as queries:
        report = load_atlas(FIXTURES)
    assert writes(queries.captured_queries) == []
    assert report.total("created") == report.total("updated") == 0
    assert report.conflicts == []


def test_load_atlas_command_reports_what_it_did(capsys):
    call_command("load_atlas")
    out = capsys.readouterr().out
    assert "0 created, 0 updated" in out
    assert "0 conflict" in out


def test_load_atlas_applies_a_fixture_edit(fixtures_copy):
    edit_entry(fixtures_copy, PAPYRUS_FILE, "cases", PAPYRUS, summary="A corrected summary.")
    report = load_atlas(fixtures_copy)
    assert report.total("updated") == 1
    assert Case.objects.get(slug=PAPYRUS).summary == "A corrected summary."


def test_load_atlas_keeps_an_editor_change_when_the_fixture_did_not_change():
    Case.objects.filter(slug=PAPYRUS).update(summary="Rewritten by an editor.")
    report = load_atlas(FIXTURES)
    assert Case.objects.get(slug=PAPYRUS).summary == "Rewritten by an editor."
    assert report.total("kept") == 1
    assert report.conflicts == []


def test_load_atlas_reports_a_conflict_instead_of_overwriting_an_editor(fixtures_copy):
    Case.objects.filter(slug=PAPYRUS).update(summary="Rewritten by an editor.")
    edit_entry(fixtures_copy, PAPYRUS_FILE, "cases", PAPYRUS, summary="Fixture fix.")
    report = load_atlas(fixtures_copy)
    assert Case.objects.get(slug=PAPYRUS).summary == "Rewritten by an editor."
    assert len(report.conflicts) == 1
    assert PAPYRUS in report.conflicts[0]


def test_load_atlas_sees_an_editor_change_to_a_relation(fixtures_copy):
    CaseRole.objects.filter(case__slug=PAPYRUS).delete()
    edit_entry(fixtures_copy, PAPYRUS_FILE, "cases", PAPYRUS, summary="Fixture fix.")
    report = load_atlas(fixtures_copy)
    assert report.total("conflict") == 1
    assert not CaseRole.objects.filter(case__slug=PAPYRUS).exists()


def test_load_atlas_never_deletes_what_editors_added():
    CaseFactory(slug="added-by-an-editor")
    load_atlas(FIXTURES)
    assert Case.objects.filter(slug="added-by-an-editor").exists()


def test_load_atlas_merges_one_practice_cited_by_two_papers(fixtures_copy):
    add_file(
        fixtures_copy,
        "zz-extra.yaml",
        {
            "publication": "governance-partners",
            "cases": [
                {
                    "slug": PAPYRUS,
                    "roles": {"advocate": "classified"},
                    "section": "Bridging Borders",
                }
            ],
        },
    )
    load_atlas(fixtures_copy)
    case = Case.objects.get(slug=PAPYRUS)
    papers = sorted(case.citations.values_list("publication__slug", flat=True))
    assert papers == ["brokering-solutions", "governance-partners"]
    assert "advocate" in case.roles.values_list("slug", flat=True)


def test_load_atlas_lets_a_stated_role_win_over_a_classified_one(fixtures_copy):
    add_file(
        fixtures_copy,
        "zz-extra.yaml",
        {
            "publication": "governance-partners",
            "cases": [
                {
                    "slug": PAPYRUS,
                    "roles": {"incubator": "classified"},
                    "section": "Bridging Borders",
                }
            ],
        },
    )
    load_atlas(fixtures_copy)
    assert CaseRole.objects.get(case__slug=PAPYRUS, role__slug="incubator").basis == "stated"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"slug": "x", "title": "X", "colour": "red", "section": "s"}, "unknown keys ['colour']"),
        ({"slug": "x", "title": "X", "places": ["atlantis-zz"], "section": "s"}, "'atlantis-zz'"),
        ({"slug": PAPYRUS, "title": "A second definition", "section": "s"}, "exactly one entry"),
        ({"slug": "x", "title": "X", "status": "sleeping", "section": "s"}, "sleeping"),
        ({"slug": "x", "title": "X", "start_year": 2020, "end_year": 2019, "section": "s"}, "end"),
        ({"slug": "x", "title": "X", "section": "s", "locator": "L" * 301}, "at most 300"),
    ],
)
def test_load_atlas_refuses_a_bad_fixture_and_writes_nothing(fixtures_copy, entry, message):
    valid = {"slug": "valid-new-case", "title": "Valid", "section": "D. RECOMMENDATIONS"}
    add_file(
        fixtures_copy,
        "zz-bad.yaml",
        {"publication": "brokering-solutions", "cases": [valid, entry]},
    )
    with pytest.raises(CommandError) as error:
        call_command("load_atlas", fixtures=fixtures_copy)
    assert message in str(error.value)
    assert not Case.objects.filter(slug="valid-new-case").exists()
