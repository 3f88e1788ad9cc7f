"""`load_atlas` is idempotent, applies fixture edits, and never loses an editor's work.

The papers' fixtures are loaded once a session (tests/conftest.py), and loading them again must
write nothing. The rules for edits, conflicts and bad files are shown on a folder of fixtures
each test writes beside them: loading a folder touches only the records it holds."""

import pytest
import yaml
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases.models import Case, CaseRole, Place
from portal.records import load_atlas
from tests.admin_forms import delete_in_the_admin
from tests.conftest import FIXTURES
from tests.factories import CaseFactory
from tests.test_workflow import act

pytestmark = pytest.mark.django_db

SLUG = "quokka-pass"
PRACTICE = {
    "slug": SLUG,
    "title": "Quokka night bus pass",
    "kind": "practice",
    "summary": "Every newcomer rides the night buses free for a year.",
    "places": ["bogota-co"],
    "roles": {"incubator": "stated"},
    "pathways": {"not-specific": "classified"},
    "section": "D. RECOMMENDATIONS",
}


def write_paper(folder, name, publication, cases):
    """A paper's file of cases in `folder`/papers, written as those in fixtures/papers are."""
    (folder / "papers").mkdir(exist_ok=True)
    data = {"publication": publication, "cases": cases}
    (folder / "papers" / name).write_text(yaml.safe_dump(data), encoding="utf-8")


def edit_practice(folder, **changes):
    write_paper(folder, "000-test.yaml", "brokering-solutions", [{**PRACTICE, **changes}])


@pytest.fixture
def folder(tmp_path):
    """A fixtures folder with one paper's file holding one practice, loaded once."""
    edit_practice(tmp_path)
    load_atlas(tmp_path)
    return tmp_path


def writes(queries):
    verbs = ("INSERT", "UPDATE", "DELETE")
    return [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(verbs)]


def test_load_atlas_second_run_writes_nothing():
    with CaptureQueriesContext(connection) as queries:
        report = load_atlas(FIXTURES)
    assert writes(queries.captured_queries) == []
    assert report.total("created") == report.total("updated") == 0
    assert report.conflicts == []


def test_load_atlas_command_reports_what_it_did(tmp_path, capsys):
    edit_practice(tmp_path)
    call_command("load_atlas", fixtures=tmp_path)
    call_command("load_atlas", fixtures=tmp_path)
    assert capsys.readouterr().out == (
        "load_atlas: 1 created, 0 updated, 0 unchanged, 0 kept, 0 conflict\n"
        "load_atlas: 0 created, 0 updated, 1 unchanged, 0 kept, 0 conflict\n"
    )


def test_load_atlas_creates_a_new_record_with_its_relations_and_source(folder):
    case = Case.objects.get(slug=SLUG)
    assert (case.title, case.summary) == (PRACTICE["title"], PRACTICE["summary"])
    assert list(case.places.values_list("slug", flat=True)) == ["bogota-co"]
    assert list(case.case_roles.values_list("role__slug", "basis")) == [("incubator", "stated")]
    assert [str(citation) for citation in case.citations.all()] == [
        "Brokering Solutions (2025), D. RECOMMENDATIONS"
    ]


def test_load_atlas_applies_a_fixture_edit(folder):
    edit_practice(folder, summary="A corrected summary.")
    report = load_atlas(folder)
    assert (report.total("updated"), report.conflicts) == (1, [])
    assert Case.objects.get(slug=SLUG).summary == "A corrected summary."


def test_load_atlas_keeps_an_editor_change_when_the_fixture_did_not_change(folder):
    Case.objects.filter(slug=SLUG).update(summary="Rewritten by an editor.")
    report = load_atlas(folder)
    assert Case.objects.get(slug=SLUG).summary == "Rewritten by an editor."
    assert report.total("kept") == 1
    assert report.conflicts == []


def test_load_atlas_reports_a_conflict_instead_of_overwriting_an_editor(folder):
    Case.objects.filter(slug=SLUG).update(summary="Rewritten by an editor.")
    edit_practice(folder, summary="Fixture fix.")
    report = load_atlas(folder)
    assert Case.objects.get(slug=SLUG).summary == "Rewritten by an editor."
    assert report.conflicts == [
        f"case {SLUG!r} was changed in the database since it was loaded; the fixture's new "
        "version was not applied"
    ]


def test_load_atlas_sees_an_editor_change_to_a_relation(folder):
    CaseRole.objects.filter(case__slug=SLUG).delete()
    edit_practice(folder, summary="Fixture fix.")
    report = load_atlas(folder)
    assert report.total("conflict") == 1
    assert not CaseRole.objects.filter(case__slug=SLUG).exists()


def test_load_atlas_never_deletes_what_editors_added_or_the_fixtures_dropped(folder):
    CaseFactory(slug="added-by-an-editor")
    write_paper(folder, "000-test.yaml", "brokering-solutions", [])
    load_atlas(folder)
    assert Case.objects.filter(slug__in=["added-by-an-editor", SLUG]).count() == 2


def extend_practice(folder, roles):
    """A second paper's file that cites the practice again and adds roles to it."""
    extension = {"slug": SLUG, "roles": roles, "section": "Bridging Borders"}
    write_paper(folder, "003-test.yaml", "governance-partners", [extension])


def test_load_atlas_merges_one_practice_cited_by_two_papers(folder):
    extend_practice(folder, {"advocate": "classified"})
    load_atlas(folder)
    case = Case.objects.get(slug=SLUG)
    papers = sorted(case.citations.values_list("publication__slug", flat=True))
    assert papers == ["brokering-solutions", "governance-partners"]
    assert dict(case.case_roles.values_list("role__slug", "basis")) == {
        "incubator": "stated",
        "advocate": "classified",
    }


def test_load_atlas_lets_a_stated_role_win_over_a_classified_one(folder):
    extend_practice(folder, {"incubator": "classified"})
    load_atlas(folder)
    assert CaseRole.objects.get(case__slug=SLUG, role__slug="incubator").basis == "stated"


def publishable(**entry):
    """A case entry that meets the publishing rule, with the changes a test makes to it."""
    case = {
        "slug": "x",
        "title": "X",
        "kind": "practice",
        "places": ["bogota-co"],
        "roles": {"implementer": "classified"},
        "pathways": {"labour": "classified"},
        "section": "s",
    }
    return {key: value for key, value in {**case, **entry}.items() if value is not None}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (publishable(colour="red"), "unknown keys ['colour']"),
        (publishable(places=["atlantis-zz"]), "'atlantis-zz'"),
        (publishable(slug="valid-new-case", title="Again"), "exactly one entry"),
        (publishable(status="sleeping"), "sleeping"),
        (publishable(kind="rumour"), "rumour"),
        (publishable(start_year=2020, end_year=2019), "end"),
        (publishable(locator="L" * 301), "at most 300"),
        # The publishing rule holds for the papers' records as it does for editors.
        (publishable(kind=None), "does not say its kind"),
        (publishable(roles=None), "cannot be published: it has no city role"),
        (publishable(pathways=None), "it has no pathway type"),
        (publishable(places=None), "it has no place"),
    ],
)
def test_load_atlas_refuses_a_bad_fixture_and_writes_nothing(tmp_path, entry, message):
    valid = publishable(slug="valid-new-case", title="Valid", section="D. RECOMMENDATIONS")
    write_paper(tmp_path, "zz-bad.yaml", "brokering-solutions", [valid, entry])
    with pytest.raises(CommandError) as error:
        call_command("load_atlas", fixtures=tmp_path)
    assert message in str(error.value)
    assert not Case.objects.filter(slug="valid-new-case").exists()


# --- records editors deleted -----------------------------------------------------------------


def test_load_atlas_reports_instead_of_recreating_what_editors_deleted(
    folder, client, publisher, capsys
):
    place = {"slug": "quokka-island-au", "name": "Quokka Island", "level": "city", "country": "AU"}
    (folder / "places.yaml").write_text(yaml.safe_dump({"places": [place]}), encoding="utf-8")
    load_atlas(folder)
    client.force_login(publisher)
    act(client, "archive", Case.objects.get(slug=SLUG))  # published: archived, then deleted
    delete_in_the_admin(client, Case.objects.get(slug=SLUG))
    delete_in_the_admin(client, Place.objects.get(slug="quokka-island-au"))
    edit_practice(folder, summary="A fixture fix after the deletion.")

    call_command("load_atlas", fixtures=folder)

    assert not Case.objects.filter(slug=SLUG).exists()
    assert not Place.objects.filter(slug="quokka-island-au").exists()
    day = timezone.localdate().isoformat()
    assert capsys.readouterr().out == (
        "load_atlas: 0 created, 0 updated, 0 unchanged, 0 kept, 0 conflict\n"
        "skipped 2 records deleted by editors: place 'quokka-island-au' (deleted by "
        f"publishers on {day}), case 'quokka-pass' (deleted by publishers on {day})\n"
    )


def test_load_atlas_recreates_deleted_records_only_when_asked(folder):
    Case.objects.get(slug=SLUG).delete()  # in the shell: history knows when, not who
    day = timezone.localdate().isoformat()
    assert load_atlas(folder).skipped == [f"case {SLUG!r} (deleted by someone on {day})"]

    call_command("load_atlas", fixtures=folder, recreate_deleted=True)

    assert Case.objects.get(slug=SLUG).summary == PRACTICE["summary"]


# --- one record per practice, and what each paper says -------------------------------------


def test_load_atlas_merges_a_record_into_the_one_it_duplicates_and_redirects(tmp_path, client):
    """Loaded before the papers' records were merged, a duplicate is merged in when a fixture
    says the kept record was `formerly` it: the other paper's citation stays, its slug
    redirects."""
    duplicate = publishable(slug="quokka-pass-again", title="Quokka pass", section="C.1 TEST")
    write_paper(tmp_path, "000-test.yaml", "brokering-solutions", [PRACTICE, duplicate])
    load_atlas(tmp_path)
    write_paper(
        tmp_path,
        "000-test.yaml",
        "brokering-solutions",
        # The duplicate's entry now only extends the record kept, with its citation.
        [{**PRACTICE, "formerly": ["quokka-pass-again"]}, {"slug": SLUG, "section": "C.1 TEST"}],
    )
    load_atlas(tmp_path)
    case = Case.objects.get(slug=SLUG)
    assert not Case.objects.filter(slug="quokka-pass-again").exists()
    assert {citation.section for citation in case.citations.all()} == {
        "D. RECOMMENDATIONS",
        "C.1 TEST",
    }
    response = client.get("/cases/quokka-pass-again/")
    assert response.status_code == 301
    assert response["Location"] == case.get_absolute_url()


def test_load_atlas_keeps_what_each_paper_says_where_they_disagree(folder):
    claims = [{"field": "start_year", "value": "2011", "section": "D. RECOMMENDATIONS"}]
    edit_practice(folder, start_year=2011, claims=claims)
    write_paper(folder, "004-test.yaml", "new-role-for-cities", [{
        "slug": SLUG, "section": "Europe", "claims": [
            {"field": "start_year", "value": "2012", "section": "Europe", "locator": "p. 3"}
        ]}])  # fmt: skip
    load_atlas(folder)
    case = Case.objects.get(slug=SLUG)
    assert sorted(
        (claim.value, claim.publication.slug, claim.locator) for claim in case.claims.all()
    ) == [("2011", "brokering-solutions", ""), ("2012", "new-role-for-cities", "p. 3")]


def test_load_atlas_keeps_places_named_apart_from_those_acting(folder):
    edit_practice(folder, named_places=["medellin-co"])
    load_atlas(folder)
    case = Case.objects.get(slug=SLUG)
    assert [place.slug for place in case.places.all()] == ["bogota-co"]
    assert [place.slug for place in case.named_places.all()] == ["medellin-co"]
