"""The XSS corpus (`xss_payloads.txt`) written into every field an editor can write, through
the admin's add forms, then read back wherever it shows: the public pages, the feeds, every
export and the admin itself. (The import and the public's suggestion form: `test_xss_entry.py`.)

Pages are read with an HTML parser for what a browser would run (`browser.would_run`): a
script the site did not serve, an event-handler attribute, a javascript:/data: link or source,
a CSS expression, a frame. Plain-text fields come back exactly as stored: as text in HTML and
XML, as strings in JSON, and in spreadsheets never as the start of a formula.

The corpus is dealt into groups that fit fields of limited length (`corpus.deal`); each group
is written once, as one record of every kind, and each page is read once for all of them.
"""

import csv
import io
import json
from xml.etree import ElementTree

import openpyxl
import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from atlas.exports import FORMULA_STARTS
from tests.factories import member
from tests.security.browser import Page, would_run
from tests.security.corpus import GROUPS, PAYLOADS
from tests.security.editors import write_corpus

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """Every group written by an editor and published by a publisher, once for the module
    (writing it takes most of the time); rolled back when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        editor, publisher = member("Editors", "xss-editor"), member("Publishers", "xss-publisher")
        client = Client()
        yield [write_corpus(client, editor, publisher, group, n) for n, group in enumerate(GROUPS)]
        transaction.set_rollback(True)


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/html"), url
    return response.content.decode()


LISTS = ["/", "/cases/", "/cases/?q=alert", "/search/?q=alert", "/matrix/", "/map/",
         "/countries/CO/", "/networks/", "/networks/?q=alert", "/recommendations/",
         "/recommendations/?q=alert", "/publications/", "/roles/advocate/", "/pathways/labour/",
         "/gcm/5/", "/financing/", "/frameworks/", "/changes/"]  # fmt: skip


def test_the_corpus_reaches_the_lists(client, corpus):
    listed = html(client, "/cases/?q=alert&sort=title")
    assert all(written.case.get_absolute_url() in listed for written in corpus)


@pytest.mark.parametrize("url", LISTS)
def test_no_list_runs_what_editors_wrote(client, corpus, url):
    assert would_run(html(client, url)) == []


def detail_pages(written):
    return [
        written.case.get_absolute_url(),
        f"/cases/compare/?cases={written.case.slug},idnyc",
        f"/api/cases/{written.case.slug}/?format=api",
        written.place.get_absolute_url(),
        written.network.get_absolute_url(),
        written.recommendation.get_absolute_url(),
        written.publication.get_absolute_url(),
    ]


def test_no_record_page_runs_what_editors_wrote(client, corpus):
    for written in corpus:
        for url in detail_pages(written):
            assert would_run(html(client, url)) == [], url


def test_a_case_page_shows_the_title_as_typed(client, corpus):
    for written in corpus:
        shown = Page(html(client, written.case.get_absolute_url()))
        assert shown.text_of("h1") == " ".join(written.case.title.split())


def test_the_admin_runs_nothing_editors_wrote(client, corpus):
    client.force_login(member("Publishers", "reader"))
    for record in corpus[0].records():
        opts = record._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert would_run(html(client, changelist + "?q=alert")) == [], changelist
    for written in corpus:
        for record in written.records():
            for url in admin_pages(record):
                assert would_run(html(client, url)) == [], url


def admin_pages(record):
    name = f"admin:{record._meta.app_label}_{record._meta.model_name}"
    first = record.history.earliest().pk
    return [
        reverse(f"{name}_change", args=[record.pk]),
        reverse(f"{name}_history", args=[record.pk]),
        reverse(f"{name}_simple_history", args=[record.pk, first]),
    ]


@pytest.mark.parametrize("url", ["/cases/feed.atom?q=alert", "/changes/feed.atom"])
def test_feeds_carry_titles_and_summaries_as_plain_text(client, corpus, url):
    feed = ElementTree.fromstring(client.get(url).content)
    entries = {entry.find(f"{ATOM}link").get("href"): entry for entry in feed.iter(f"{ATOM}entry")}
    for written in corpus:
        entry = entries[f"http://testserver{written.case.get_absolute_url()}"]
        summary = entry.find(f"{ATOM}summary")
        assert (entry.find(f"{ATOM}title").text, summary.get("type"), summary.text) == (
            written.case.title,
            "text",
            written.case.summary,
        )
    assert [element.tag for element in feed.iter() if element.get("type") == "html"] == []


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(client, url):
    return list(csv.reader(io.StringIO(download(client, url).decode("utf-8"))))


def xlsx_rows(client, url):
    workbook = openpyxl.load_workbook(io.BytesIO(download(client, url)), read_only=True)
    return [list(row) for sheet in workbook.worksheets for row in sheet.values]


SPREADSHEETS = ["/cases/export.{}?q=alert", "/places/export.{}?q=alert",
                "/networks/export.{}?q=alert", "/recommendations/export.{}?q=alert"]  # fmt: skip


@pytest.mark.parametrize("url", SPREADSHEETS)
@pytest.mark.parametrize(("extension", "read"), [("csv", csv_rows), ("xlsx", xlsx_rows)])
def test_no_spreadsheet_cell_starts_a_formula(client, corpus, url, extension, read):
    rows = read(client, url.format(extension))
    cells = [cell for row in rows for cell in row if isinstance(cell, str)]
    assert len(rows) > len(corpus)
    assert [cell for cell in cells if cell.startswith(FORMULA_STARTS)] == []


def test_a_neutralised_cell_keeps_the_whole_title(client, corpus):
    rows = csv_rows(client, "/cases/export.csv?q=alert&sort=title")
    titles = [row[rows[0].index("title")] for row in rows[1:]]
    expected = sorted(written.case.title for written in corpus)
    assert sorted(title.removeprefix("'") for title in titles) == expected
    assert all(title.startswith("'") == title[1:].startswith(FORMULA_STARTS) for title in titles)


JSON = ["/cases/export.json?q=alert", "/cases/export.geojson?q=alert",
        "/places/export.json?q=alert", "/map/places.geojson?q=alert",
        "/networks/export.json?q=alert", "/recommendations/export.json?q=alert",
        "/api/cases/?q=alert&page_size=500"]  # fmt: skip


@pytest.mark.parametrize("url", JSON)
def test_json_carries_every_title_as_a_string(client, corpus, url):
    response = client.get(url)
    assert "html" not in response["Content-Type"]
    text = download(client, url).decode("utf-8")
    strings = set(strings_in(json.loads(text)))
    names = {
        "cases": [w.case.title for w in corpus],
        "places": [w.place.name for w in corpus],
        "networks": [w.network.name for w in corpus],
        "recommendations": [w.recommendation.headline for w in corpus],
        "map": [w.place.name for w in corpus],
    }
    kind = next(kind for kind in names if kind in url)
    assert set(names[kind]) <= strings


def strings_in(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)


INERT = [payload for payload in PAYLOADS if not payload.lstrip("\"'").startswith("<")]


def test_the_checker_sees_every_tag_payload_left_unescaped():
    """The check can fail: with nothing escaped, it finds the payloads that are markup. The
    two it cannot see rely on parser differentials (MathML, a tag split by a tag) that the
    standard library's parser does not model; escaping makes them text all the same."""
    unseen = [p for p in PAYLOADS if p not in INERT and not would_run(f"<p>{p}</p>")]
    assert unseen == [
        "<scr<script>ipt>alert(2)</script>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(9)>",
        '<https://example.org/" onclick="alert(28)>',
    ]
    attribute = [p for p in PAYLOADS if would_run(f"<a title='{p}' class=\"{p}\">x</a>")]
    assert "' onmouseover='alert(20)' x='" in attribute
    assert '" autofocus onfocus="alert(21)' in attribute
