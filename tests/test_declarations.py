"""Each record type's fields are declared once; every reader and writer of them agrees with
the declaration field by field — the CSV export, the codebook, the API, the import, the
loader and the history. A field added in one place only makes one of these tests fail."""

import csv
import io

import pytest

from atlas.fields import Text
from atlas.records import RecordType, disagreements
from cases.fields import CASE, PLACE
from cases.models import Case
from cases.resources import CaseResource
from pathways.fields import NETWORK, RECOMMENDATION
from portal.records import KINDS

pytestmark = pytest.mark.django_db

DECLARED = [
    ("cases", Case, CASE, "/cases/export.csv", "/api/cases/idnyc/"),
    ("networks", None, NETWORK, "/networks/export.csv", "/api/networks/"),
    ("recommendations", None, RECOMMENDATION, "/recommendations/export.csv",
     "/api/recommendations/"),
    ("places", None, PLACE, "/places/export.csv", "/api/places/"),
]  # fmt: skip


def csv_header(client, url):
    text = b"".join(client.get(url).streaming_content).decode()
    return next(csv.reader(io.StringIO(text)))


def api_keys(client, url):
    data = client.get(url).json()
    return list(data["results"][0] if "results" in data else data)


def codebook_columns(client, name):
    page = client.get("/data/").content.decode()
    section = page.split(f'id="dataset-{name}"')[1].split('id="dataset-')[0]
    return [cell.split("</code>")[0] for cell in section.split("<code>")[1:]]


def loader_kind(section):
    return next(kind for kind in KINDS if kind.section == section)


@pytest.mark.parametrize(("name", "model", "record_type", "export", "api"), DECLARED)
def test_export_and_api_agree_with_the_declaration(client, name, model, record_type, export, api):
    model = model or loader_kind(name).model
    columns = [column.name for column in record_type.columns(model)]
    assert disagreements(columns, csv_header(client, export), "the CSV export") == []
    assert disagreements(columns, codebook_columns(client, name), "the codebook") == []
    assert disagreements(record_type.api_fields(), api_keys(client, api), "the API") == []


def test_the_import_takes_every_declared_importable_column_and_no_other():
    imported = [field.column_name for field in CaseResource().get_import_fields()]
    assert disagreements(["slug", *CASE.imported_columns()], imported, "the import") == []
    exported = [column.name for column in CASE.columns(Case)]
    assert [column for column in imported if column not in exported] == []


LOADED = [("cases", CASE), ("networks", NETWORK), ("recommendations", RECOMMENDATION)]


@pytest.mark.parametrize(("name", "record_type"), LOADED)
def test_the_loader_and_the_history_agree_with_the_declaration(name, record_type):
    kind = loader_kind(name)
    loaded = [field.name for field in record_type.fields if field.loaded]
    assert disagreements(loaded, [field.name for field in kind.fields], "the loader") == []
    record = kind.model.objects.published().first()
    related = [field.name for field in record_type.related()]
    snapshot = record.history.latest().related
    assert disagreements(related, list(snapshot), "the history") == []


def test_a_field_declared_in_one_place_only_is_reported(client):
    """The checks above are not vacuous: a field the declaration has and the readers lack
    (or the other way round) is named."""
    extended = RecordType(
        [*CASE.fields, Text("notes", "Editors' notes.", imported=True, vocabulary="free text")]
    )
    columns = [column.name for column in extended.columns(Case)]
    header = csv_header(client, "/cases/export.csv")
    assert disagreements(columns, header, "the CSV export") == ["the CSV export lacks 'notes'"]
    assert disagreements(header + ["extra"], columns[:-1], "the declaration") == [
        "the declaration lacks 'extra'"
    ]
    imported = [field.column_name for field in CaseResource().get_import_fields()]
    assert disagreements(["slug", *extended.imported_columns()], imported, "the import") == [
        "the import lacks 'notes'"
    ]
