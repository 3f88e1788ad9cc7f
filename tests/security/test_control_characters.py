"""Older records may hold control characters (the admin and the import once let them in).
Such a record must not break any export or feed for everyone: each format strips what it
cannot carry, or escapes it as JSON does, and the rest of the text arrives intact."""

import csv
import io
import json
import re
from xml.etree import ElementTree

import openpyxl
import pytest
from django.utils import timezone

from cases.models import KeyFigure
from tests.factories import (
    CaseFactory,
    NetworkFactory,
    PlaceFactory,
    RecommendationFactory,
    cite,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
# What XML 1.0 and spreadsheets cannot hold: C0 controls other than tab, line feed and return.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@pytest.fixture
def old_records():
    """A published case, its place, a network and a recommendation, each with control
    characters in its text, saved straight through the ORM as old data was."""
    case = CaseFactory(
        title="Ctrl\x01 practice\x0bone",
        slug="ctrl-practice",
        summary="Sum\x01mary\x0bwith\x1fcontrols",
        description="Desc\x02ription",
        state_changed_at=timezone.now(),  # published by an editor: what's new lists it
    )
    place = PlaceFactory(name="Ctrl\x01ville", slug="ctrlville", latitude=4.6, longitude=-74.1)
    case.places.add(place)
    KeyFigure.objects.create(case=case, label="Re\x07sidents", value="12\x0b000")
    cite(case, section="Sec\x01tion")
    network = NetworkFactory(name="Ctrl\x01 network", slug="ctrl-network", description="N\x0bet")
    recommendation = RecommendationFactory(
        headline="Ctrl\x01 recommendation", slug="ctrl-recommendation", text="T\x0bext"
    )
    return case, place, network, recommendation


def body(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def xlsx_rows(client, url):
    workbook = openpyxl.load_workbook(io.BytesIO(body(client.get(url))), read_only=True)
    rows = list(workbook.worksheets[0].values)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def csv_rows(client, url):
    return list(csv.DictReader(io.StringIO(body(client.get(url)).decode("utf-8"))))


SPREADSHEETS = [
    ("/cases/export.{}?case=ctrl-practice", "title", "Ctrl practice one"),
    ("/places/export.{}?case=ctrl-practice", "name", "Ctrlville"),
    ("/networks/export.{}?q=ctrl", "name", "Ctrl network"),
    ("/recommendations/export.{}?q=ctrl", "headline", "Ctrl recommendation"),
]


@pytest.mark.parametrize(("url", "column", "text"), SPREADSHEETS)
@pytest.mark.parametrize("read", [xlsx_rows, csv_rows], ids=["xlsx", "csv"])
def test_spreadsheets_strip_control_characters_and_keep_the_text(
    client, old_records, read, url, column, text
):
    extension = "xlsx" if read is xlsx_rows else "csv"
    rows = read(client, url.format(extension))
    assert [row[column] for row in rows] == [text]
    assert not any(UNWRITABLE.search(str(value)) for value in rows[0].values())


def test_a_case_export_keeps_words_apart_where_a_control_character_separated_them(
    client, old_records
):
    [row] = csv_rows(client, "/cases/export.csv?case=ctrl-practice")
    assert (row["summary"], row["description"], row["key_figures"], row["citations"]) == (
        "Summary with controls",
        "Description",
        "Residents: 12 000",
        "Brokering Solutions (2025), Section",
    )


JSON = [
    "/cases/export.json?case=ctrl-practice",
    "/cases/export.geojson?case=ctrl-practice",
    "/places/export.json?case=ctrl-practice",
    "/map/places.geojson?case=ctrl-practice",
    "/networks/export.json?q=ctrl",
    "/recommendations/export.json?q=ctrl",
    "/api/cases/ctrl-practice/",
    "/api/cases/?case=ctrl-practice",
    "/api/places/ctrlville/",
    "/api/networks/ctrl-network/",
    "/api/recommendations/ctrl-recommendation/",
]


@pytest.mark.parametrize("url", JSON)
def test_json_escapes_control_characters(client, old_records, url):
    raw = body(client.get(url))
    assert not UNWRITABLE.search(raw.decode("utf-8"))
    assert "\\u0001" in raw.decode("utf-8")
    assert json.loads(raw)


def test_json_carries_the_stored_text_exactly(client, old_records):
    data = client.get("/api/cases/ctrl-practice/").json()
    assert (data["title"], data["summary"]) == (
        "Ctrl\x01 practice\x0bone",
        "Sum\x01mary\x0bwith\x1fcontrols",
    )


@pytest.mark.parametrize("url", ["/cases/feed.atom", "/changes/feed.atom"])
def test_feeds_strip_control_characters_and_stay_valid_xml(client, old_records, url):
    feed = ElementTree.fromstring(body(client.get(url)))
    [entry] = [
        entry
        for entry in feed.iter(f"{ATOM}entry")
        if entry.find(f"{ATOM}link").get("href").endswith("/cases/ctrl-practice/")
    ]
    summary = entry.find(f"{ATOM}summary")
    assert (entry.find(f"{ATOM}title").text, summary.text) == (
        "Ctrl practice one",
        "Summary with controls",
    )


def test_a_control_character_typed_into_the_feeds_search_is_refused_not_written(client):
    response = client.get("/cases/feed.atom?q=visa%01")
    assert response.status_code == 400
    assert [error["parameter"] for error in response.json()["errors"]] == ["q"]
    feed = ElementTree.fromstring(body(client.get("/cases/feed.atom?q=visa")))
    assert feed.find(f"{ATOM}title").text == "City Pathways Atlas: new cases (Search: visa)"


def test_bibtex_strips_control_characters(client, old_records):
    text = body(client.get("/cases/ctrl-practice/cite.bib")).decode()
    assert not UNWRITABLE.search(text)
    assert "  title = {Ctrl practice one}," in text


def test_ris_strips_control_characters_and_keeps_each_value_on_its_line(client, old_records):
    case = old_records[0]
    case.summary = "First line\nTY  - JOUR"  # a line break would start a record of its own
    case.save()
    text = body(client.get("/cases/ctrl-practice/cite.ris")).decode()
    assert not UNWRITABLE.search(text)
    lines = text.splitlines()
    assert "TI  - Ctrl practice one" in lines
    assert "AB  - First line TY  - JOUR" in lines
    assert [line for line in lines if line.startswith("TY  - ")] == ["TY  - ELEC"]
