"""Bulk import of cases: a file laid out like the public export, created or updated by slug."""

import pytest
import tablib
from django.db.models import Sum

from atlas.models import State
from cases.models import Basis, Case, CaseGCMObjective, CasePathwayType, CaseRole, Organisation
from cases.resources import CaseResource
from pathways.models import CityRole, ProgramCategory
from tests.factories import CaseFactory, NetworkFactory, PlaceFactory

pytestmark = pytest.mark.django_db


def exported(client, extension="csv", query=""):
    response = client.get(f"/cases/export.{extension}?{query}")
    content = b"".join(response.streaming_content)
    if extension == "csv":
        content = content.decode("utf-8")
    return tablib.Dataset().load(content, format=extension)


def import_cases(dataset, user, dry_run=False):
    return CaseResource().import_data(dataset, dry_run=dry_run, raise_errors=False, user=user)


def import_types(result):
    return [row.import_type for row in result.rows]


def with_row(dataset, **cells):
    """The dataset with one more row in the export's layout: `cells` filled, the rest empty."""
    dataset.append([cells.get(header, "") for header in dataset.headers])
    return dataset


def empty_export(client):
    return exported(client, query="q=no-case-matches-this")


def export_of(client, *cases, extension="csv"):
    """The export of these cases only, one row each in the order given by slug."""
    return exported(client, extension, "&".join(f"case={case.slug}" for case in cases))


def footprint():
    """What an import could have written: records, their history, their versions."""
    return {
        "cases": Case.objects.count(),
        "versions": Case.objects.aggregate(total=Sum("version"))["total"],
        "case history": Case.history.count(),
        "role rows": CaseRole.objects.count(),
        "role history": CaseRole.history.count(),
        "pathway rows": CasePathwayType.objects.count(),
        "pathway history": CasePathwayType.history.count(),
        "objective rows": CaseGCMObjective.objects.count(),
        "objective history": CaseGCMObjective.history.count(),
        "places links": Case.places.through.objects.count(),
        "partner links": Case.partners.through.objects.count(),
    }


@pytest.fixture
def new_case(client):
    """An export holding only one row: a case the atlas does not have yet."""
    place, other_place = PlaceFactory(), PlaceFactory()
    network = NetworkFactory()
    partner = Organisation.objects.order_by("name").first()
    return with_row(
        empty_export(client),
        slug="imported-practice",
        title="Imported practice",
        summary="A practice that came in a file.",
        place_slugs=f"{place.slug}; {other_place.slug}",
        actor_network=network.slug,
        roles_stated="advocate",
        roles_classified="incubator; advocate",
        pathway_types_stated="labour",
        pathway_types_classified="education",
        program_category=ProgramCategory.objects.order_by("slug").first().slug,
        gcm_objectives="5; 16",
        gcm_objectives_secondary="23",
        partners=partner.name,
        networks=network.slug,
        start_year="2019",
        end_year="2022",
        status="ended",
        depth="practice",
    )


def test_reimporting_an_unchanged_export_skips_every_row(client, admin_user):
    dataset = exported(client)
    before = footprint()

    result = import_cases(dataset, admin_user)

    assert len(dataset) == Case.objects.published().count() > 100
    assert not result.has_errors() and not result.has_validation_errors()
    assert import_types(result) == ["skip"] * len(dataset)
    assert footprint() == before


def test_reimporting_an_unchanged_xlsx_export_skips_every_row(client, admin_user):
    dataset = exported(client, "xlsx")
    before = footprint()

    result = import_cases(dataset, admin_user)

    assert len(dataset) == Case.objects.published().count()
    assert not result.has_errors() and not result.has_validation_errors()
    assert import_types(result) == ["skip"] * len(dataset)
    assert footprint() == before


def test_a_dry_run_reports_a_new_case_and_writes_nothing(new_case, admin_user):
    before = footprint()

    result = import_cases(new_case, admin_user, dry_run=True)

    assert import_types(result) == ["new"]
    assert not Case.objects.filter(slug="imported-practice").exists()
    assert footprint() == before


def test_a_new_case_is_created_as_a_draft_with_its_relations(new_case, admin_user):
    result = import_cases(new_case, admin_user)

    assert import_types(result) == ["new"]
    case = Case.objects.get(slug="imported-practice")
    row = new_case.dict[0]
    assert case.state == State.DRAFT
    assert (case.created_by, case.updated_by) == (admin_user, admin_user)
    assert case.history.latest().history_user == admin_user
    assert case.title == "Imported practice"
    assert sorted(case.places.values_list("slug", flat=True)) == sorted(
        row["place_slugs"].split("; ")
    )
    assert case.actor_network.slug == row["actor_network"]
    # A role both stated and classified counts as stated.
    assert {r.role.slug: r.basis for r in case.case_roles.all()} == {
        "advocate": Basis.STATED,
        "incubator": Basis.CLASSIFIED,
    }
    assert {p.pathway_type.slug: p.basis for p in case.case_pathways.all()} == {
        "labour": Basis.STATED,
        "education": Basis.CLASSIFIED,
    }
    assert {o.objective.number: o.primary for o in case.case_objectives.all()} == {
        5: True,
        16: True,
        23: False,
    }
    assert list(case.partners.values_list("name", flat=True)) == [row["partners"]]
    assert list(case.networks.values_list("slug", flat=True)) == [row["networks"]]
    assert case.program_category.slug == row["program_category"]
    assert (case.start_year, case.end_year, case.status) == (2019, 2022, Case.Status.ENDED)


def test_a_new_case_in_the_file_as_published_is_still_a_draft(new_case, admin_user):
    new_case.append_col(["published"], header="state")

    import_cases(new_case, admin_user)

    assert Case.objects.get(slug="imported-practice").state == State.DRAFT


def test_changing_a_title_updates_that_case_only(client, admin_user):
    cases = CaseFactory.create_batch(3)
    dataset = export_of(client, *cases)
    case = cases[1]
    index = dataset["slug"].index(case.slug)
    row = list(dataset[index])
    row[dataset.headers.index("title")] = "A better title"
    dataset[index] = row
    history_before = Case.history.exclude(id=case.pk).count()

    result = import_cases(dataset, admin_user)

    assert import_types(result) == ["skip", "update", "skip"]
    assert [r.object_id for r in result.rows if r.import_type == "update"] == [case.pk]
    case.refresh_from_db()
    assert case.title == "A better title"
    assert case.state == State.PUBLISHED
    assert case.updated_by == admin_user
    assert Case.history.exclude(id=case.pk).count() == history_before


def test_an_update_rewrites_the_relations_the_row_changes(client, admin_user):
    case = CaseFactory()
    case.places.add(PlaceFactory())
    case.case_roles.create(role=CityRole.objects.get(slug="incubator"), basis=Basis.CLASSIFIED)
    place = PlaceFactory()
    dataset = export_of(client, case)
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert (row["roles_stated"], row["roles_classified"]) == ("", "incubator")
    row["roles_stated"] = "incubator"
    row["place_slugs"] = place.slug
    dataset[0] = list(row.values())

    assert import_types(import_cases(dataset, admin_user)) == ["update"]
    assert list(case.case_roles.values_list("role__slug", "basis")) == [("incubator", "stated")]
    assert list(case.places.all()) == [place]


def test_one_bad_row_is_reported_and_nothing_is_written(client, new_case, admin_user):
    updated = CaseFactory()
    good = export_of(client, updated).dict[0] | {"title": "Changed in the file"}
    new_case.append([good[header] for header in new_case.headers])
    with_row(new_case, slug="bad-practice", title="Bad practice", place_slugs="atlantis")
    before = footprint()

    dry_run = import_cases(new_case, admin_user, dry_run=True)
    applied = import_cases(new_case, admin_user)

    for result in (dry_run, applied):
        assert [row.number for row in result.invalid_rows] == [3]
        assert result.invalid_rows[0].error_dict == {
            "place_slugs": ["Unknown place slug: “atlantis”."]
        }
    assert footprint() == before
    assert not Case.objects.filter(slug__in=["imported-practice", "bad-practice"]).exists()
    updated.refresh_from_db()
    assert updated.title != "Changed in the file"


@pytest.mark.parametrize(
    ("cells", "column", "message"),
    [
        ({"roles_stated": "wizard"}, "roles_stated", "Unknown city role slug: “wizard”."),
        ({"gcm_objectives": "5; 99"}, "gcm_objectives", "Unknown GCM objective number: “99”."),
        ({"gcm_objectives": "five"}, "gcm_objectives", "Not a number: five."),
        ({"partners": "Nobody Inc."}, "partners", "Unknown organisation name: “Nobody Inc.”."),
        ({"actor_network": "nowhere"}, "actor_network", "Unknown network slug: “nowhere”."),
        ({"start_year": "20x5"}, "start_year", "“20x5” is not a year (four digits)."),
        (
            {"start_year": "2020", "end_year": "2010"},
            "__all__",
            "The end year cannot be before the start year.",
        ),
        (
            {"status": "dormant"},
            "status",
            "Unknown value “dormant”: use one of active, ended, pilot, proposed, unknown.",
        ),
        ({"title": ""}, "title", "This field cannot be blank."),
    ],
)
def test_a_row_error_names_its_column_and_what_is_wrong(client, admin_user, cells, column, message):
    dataset = with_row(empty_export(client), **{"slug": "faulty", "title": "Faulty", **cells})

    result = import_cases(dataset, admin_user)

    assert [row.number for row in result.invalid_rows] == [1]
    assert result.invalid_rows[0].error_dict == {column: [message]}
    assert not Case.objects.filter(slug="faulty").exists()


def test_an_export_made_for_excel_imports_as_it_is(client, admin_user):
    cases = [CaseFactory(title="Bogotá’s «one-stop» shop"), CaseFactory()]
    response = client.get(f"/cases/export.csv?bom=1&case={cases[0].slug}&case={cases[1].slug}")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeffslug,")

    result = import_cases(tablib.Dataset().load(text, format="csv"), admin_user)

    assert import_types(result) == ["skip", "skip"]


def test_a_neutralised_cell_imports_as_it_was(client, admin_user):
    dataset = with_row(empty_export(client), slug="formula", title="'=1+1", summary="'plain")

    import_cases(dataset, admin_user)

    case = Case.objects.get(slug="formula")
    assert (case.title, case.summary) == ("=1+1", "'plain")


def test_a_case_whose_title_looks_like_a_formula_survives_the_round_trip(client, admin_user):
    case = CaseFactory(title="=HYPERLINK(1)", summary="-1 is not a formula", slug="formula-ish")
    dataset = export_of(client, case)
    assert dataset["title"] == ["'=HYPERLINK(1)"]

    assert import_types(import_cases(dataset, admin_user)) == ["skip"]
    case.refresh_from_db()
    assert (case.title, case.version) == ("=HYPERLINK(1)", 1)


def test_a_file_without_the_relation_columns_leaves_the_relations_alone(admin_user):
    case = CaseFactory()
    case.places.add(PlaceFactory(), PlaceFactory())
    case.case_roles.create(role=CityRole.objects.get(slug="advocate"), basis=Basis.STATED)
    places, roles = set(case.places.all()), set(case.case_roles.values_list("role", "basis"))
    dataset = tablib.Dataset([case.slug, "Only the title changes"], headers=["slug", "title"])

    assert import_types(import_cases(dataset, admin_user)) == ["update"]
    case.refresh_from_db()
    assert case.title == "Only the title changes"
    assert set(case.places.all()) == places
    assert set(case.case_roles.values_list("role", "basis")) == roles


def test_a_new_case_from_a_spreadsheet_with_empty_text_cells_is_created(new_case, admin_user):
    # A spreadsheet hands back an empty cell as nothing at all, not as empty text.
    spreadsheet = tablib.Dataset().load(new_case.export("xlsx"), format="xlsx")
    assert spreadsheet.dict[0]["description"] is None

    result = import_cases(spreadsheet, admin_user)

    assert not result.has_errors(), [row.errors for row in result.rows if row.errors]
    assert not result.has_validation_errors(), result.invalid_rows
    case = Case.objects.get(slug="imported-practice")
    assert (case.description, case.summary) == ("", "A practice that came in a file.")
