"""Exports are twins of the lists: same filters, same records, safe to open anywhere."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook

from cases.models import Case
from tests.factories import CaseFactory, PlaceFactory, cite

pytestmark = pytest.mark.django_db

COMBINATIONS = [
    "",
    "role=advocate",
    "role=advocate&role=incubator&region=150",
    "pathway=labour&country=CO",
    "source=imrf-roundtable&gcm=16",
    "q=visa&sort=start_year",
    "status=ended&active_from=2015",
]


def listed_slugs(client, query):
    response = client.get(f"/cases/?{query}")
    return [case.slug for case in response.context["paginator"].object_list]


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))


def xlsx_rows(response):
    sheets = load_workbook(io.BytesIO(body(response)), read_only=True)
    rows = list(sheets.worksheets[0].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]], sheets


def api_slugs(client, query):
    slugs, url = [], f"/api/cases/?{query}&page_size=500"
    while url:
        data = client.get(url).json()
        slugs += [case["slug"] for case in data["results"]]
        url = data["next"]
    return slugs


@pytest.mark.parametrize("query", COMBINATIONS)
def test_every_format_holds_exactly_the_listed_cases(client, query):
    expected = listed_slugs(client, query)
    assert expected, "a combination that lists no case cannot tell the formats apart"
    assert [row["slug"] for row in csv_rows(client.get(f"/cases/export.csv?{query}"))] == expected
    rows, _ = xlsx_rows(client.get(f"/cases/export.xlsx?{query}"))
    assert [row["slug"] for row in rows] == expected
    data = json.loads(body(client.get(f"/cases/export.json?{query}")))
    assert [case["slug"] for case in data["results"]] == expected
    assert api_slugs(client, query) == expected
    features = client.get(f"/cases/export.geojson?{query}").json()["features"]
    in_features = {case["slug"] for f in features for case in f["properties"]["cases"]}
    located = {
        c.slug for c in Case.objects.filter(slug__in=expected, places__latitude__isnull=False)
    }
    assert in_features == located


@pytest.mark.parametrize(
    ("path", "query"),
    [("networks", "scope=regional"), ("recommendations", "addressee=national-governments")],
)
def test_network_and_recommendation_exports_match_their_lists(client, path, query):
    list_url, export_url = f"/{path}/?{query}", f"/{path}/export.csv?{query}"
    api_url = f"/api/{path}/?{query}"
    listed = {r.slug for r in client.get(list_url).context["paginator"].object_list}
    assert {row["slug"] for row in csv_rows(client.get(export_url))} == listed
    assert {r["slug"] for r in client.get(api_url + "&page_size=500").json()["results"]} == listed


def test_place_export_lists_the_places_of_the_filtered_cases(client):
    rows = csv_rows(client.get("/places/export.csv?country=CO"))
    assert {row["country"] for row in rows} == {"CO"}
    bogota = next(row for row in rows if row["slug"] == "bogota-co")
    expected = Case.objects.published().filter(places__slug="bogota-co").count()
    assert int(bogota["case_count"]) == expected
    assert bogota["latitude"] == "4.60971"


def hostile_case(**fields):
    case = CaseFactory(**fields)
    case.places.add(PlaceFactory(name="@Place"))
    cite(case)
    return case


def test_cells_that_would_run_as_formulas_are_neutralised(client):
    hostile_case(
        slug="formula-case",
        title='=HYPERLINK("http://evil.example","click")',
        summary="+1+1",
        description="-2+3",
    )
    [row] = csv_rows(client.get("/cases/export.csv?case=formula-case"))
    assert row["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert row["summary"] == "'+1+1"
    assert row["description"] == "'-2+3"
    assert row["places"] == "'@Place"
    [row], _ = xlsx_rows(client.get("/cases/export.xlsx?case=formula-case"))
    assert (row["title"][0], row["summary"], row["places"]) == ("'", "'+1+1", "'@Place")


def test_tab_and_carriage_return_starts_are_neutralised_too(client):
    hostile_case(slug="tab-case", title="\tcmd", summary="\rcmd")
    [row] = csv_rows(client.get("/cases/export.csv?case=tab-case"))
    assert (row["title"], row["summary"]) == ("'\tcmd", "'\rcmd")


def test_csv_is_a_streamed_utf8_file_named_after_its_content(client):
    response = client.get("/cases/export.csv?case=idnyc")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="atlas-cases-')
    assert body(response).startswith(b"slug,")
    assert body(client.get("/cases/export.csv?case=idnyc&bom=1")).startswith(b"\xef\xbb\xbfslug,")


def test_csv_joins_many_values_and_gives_absolute_urls_and_iso_dates(client):
    [row] = csv_rows(client.get("/cases/export.csv?case=idnyc"))
    assert row["url"] == "http://testserver/cases/idnyc/"
    case = Case.objects.get(slug="idnyc")
    assert row["citations"] == "; ".join(str(c) for c in case.citations.all())
    assert row["created_at"] == case.created_at.isoformat()


def test_xlsx_opens_and_explains_itself_on_an_about_sheet(client):
    rows, workbook = xlsx_rows(client.get("/cases/export.xlsx?role=advocate"))
    assert workbook.sheetnames == ["Cases", "About", "Columns"]
    columns = list(workbook["Columns"].iter_rows(values_only=True))
    assert [header for header, _, _ in columns[1:]] == list(rows[0])
    assert all(what for _, _, what in columns[1:])
    about = dict(workbook["About"].iter_rows(values_only=True))
    assert about["Query"] == "role=advocate"
    assert about["Licence"].startswith("Descriptions and classifications")
    assert "Dataset version" in about and "How to cite" in about


def test_json_export_nests_related_records(client):
    data = json.loads(body(client.get("/cases/export.json?place=bogota-co")))
    case = data["results"][0]
    assert {"slug", "name", "country", "latitude"} <= set(case["places"][0])
    assert {"publication", "section", "reference"} <= set(case["citations"][0])
    assert data["about"]["Query"] == "place=bogota-co"


def test_bad_export_filters_get_a_json_400_naming_the_parameter(client):
    response = client.get("/cases/export.csv?gcm=99")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "gcm"


def test_an_unknown_format_is_not_found(client):
    assert client.get("/cases/export.pdf").status_code == 404
    assert client.get("/networks/export.geojson").status_code == 404


def test_codebook_documents_every_column_the_exports_emit(client):
    page = client.get("/data/").content.decode()
    for url in (
        "/cases/export.csv",
        "/places/export.csv",
        "/networks/export.csv",
        "/recommendations/export.csv",
    ):
        header = next(csv.reader(io.StringIO(body(client.get(url)).decode())))
        for column in header:
            assert f"<code>{column}</code>" in page, (url, column)


def test_codebook_gives_licence_version_and_how_to_cite(client):
    page = client.get("/data/").content.decode()
    assert "CC BY 4.0" in page
    assert "Dataset version" in page
    assert "How to cite the atlas" in page
    assert 'href="/cases/export.csv"' in page


def test_list_pages_offer_their_exports_with_the_current_filters(client):
    page = client.get("/cases/?role=advocate").content.decode()
    assert 'href="/cases/export.xlsx?role=advocate"' in page
    assert 'href="/cases/feed.atom?role=advocate"' in page
    assert 'href="/networks/export.csv"' in client.get("/networks/").content.decode()
