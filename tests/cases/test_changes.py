"""What’s new: the cases editors published or changed, by when they did, as a page and a feed;
the papers’ data dated by the papers."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone
from django.utils.html import escape

from atlas.models import State
from cases.models import Case
from pathways.models import Publication
from tests.factories import CaseFactory, PlaceFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def moment(day):
    return dt.datetime.fromisoformat(day).replace(tzinfo=dt.UTC)


def only_published(*cases):
    Case.objects.exclude(pk__in=[case.pk for case in cases]).update(state=State.DRAFT)


def dated(case, *, created, updated, published=None):
    Case.objects.filter(pk=case.pk).update(
        created_at=moment(created), updated_at=moment(updated), state_changed_at=published
    )
    return case


def edited(case, editor, *, updated):
    Case.objects.filter(pk=case.pk).update(updated_at=moment(updated), updated_by=editor)
    return case


@pytest.fixture
def three_cases(editor):
    """A case as the papers' data loads it (no editorial event), a case an editor published
    and later changed, a case published just now; and a draft."""
    old = dated(CaseFactory(title="Old practice"), created="2020-03-01", updated="2020-03-01")
    changed = dated(
        CaseFactory(title="Changed practice"),
        created="2019-01-10",
        updated="2025-06-05",
        published=moment("2019-02-01"),
    )
    edited(changed, editor, updated="2025-06-05")
    new = CaseFactory(title="New practice", state_changed_at=timezone.now())
    draft = CaseFactory(title="Draft practice", state=State.DRAFT)
    only_published(old, changed, new)
    return old, changed, new, draft


def editorially_published(cases):
    Case.objects.filter(pk__in=[case.pk for case in cases]).update(state_changed_at=timezone.now())


def test_changes_list_what_editors_published_or_changed_latest_first_not_drafts(
    client, three_cases
):
    response = client.get("/changes/")
    assert response.status_code == 200
    titles = [case.title for case in response.context["cases"]]
    assert titles == ["New practice", "Changed practice"]
    page = response.content.decode()
    assert page.index("New practice") < page.index("Changed practice")
    assert "Draft practice" not in page


def test_loading_the_papers_data_is_not_news(client, three_cases):
    """A record loaded from the papers is dated by its papers, not by the day it was loaded."""
    page = client.get("/changes/").content.decode()
    assert "Old practice" not in page
    assert "The papers’ data" in page
    for paper in Publication.objects.exclude(text_file=""):
        assert f"{escape(paper.title)}</a> (" in page
        assert f"{paper.year})" in page


def test_on_the_loaded_data_alone_nothing_is_new(client):
    response = client.get("/changes/")
    assert list(response.context["cases"]) == []
    assert "No editor has published or changed a case yet." in response.content.decode()
    assert "Latest editorial changes" not in client.get("/").content.decode()


def test_changes_say_when_a_case_was_published_and_last_changed(client, three_cases):
    page = client.get("/changes/").content.decode()
    assert (
        'Published <time datetime="2019-02-01T00:00:00+00:00">Feb. 1, 2019</time> · '
        'Last changed <time datetime="2025-06-05T00:00:00+00:00">June 5, 2025</time>'
    ) in page


def test_a_case_an_editor_changed_but_never_published_is_dated_by_the_change(client, editor):
    case = edited(CaseFactory(title="Corrected practice"), editor, updated="2026-01-02")
    page = client.get("/changes/").content.decode()
    assert f'<a href="{case.get_absolute_url()}">Corrected practice</a>' in page
    assert 'Published <time datetime="2026-01-02T00:00:00+00:00">' in page


def test_changes_name_the_places_of_a_case(client):
    case = CaseFactory(title="Placed practice", state_changed_at=timezone.now())
    case.places.add(PlaceFactory(name="Testville"), PlaceFactory(name="Otherville"))
    page = client.get("/changes/").content.decode()
    assert f'<a href="{case.get_absolute_url()}">Placed practice</a>' in page
    assert '<span class="muted">(Otherville, Testville)</span>' in page


def test_changes_are_paginated_by_25(client):
    editorially_published(CaseFactory.create_batch(30))
    first = client.get("/changes/")
    assert len(first.context["cases"]) == 25
    assert first.context["paginator"].count == 30
    assert client.get("/changes/?page=999").status_code == 400


@pytest.mark.parametrize("count", [1, 3])
def test_changes_page_queries_do_not_grow_with_its_cases(client, django_assert_num_queries, count):
    cases = CaseFactory.create_batch(count)
    for case in cases:
        case.places.add(PlaceFactory())
    editorially_published(cases)
    # The count, the page of cases, their places, roles and pathway types; the papers.
    with django_assert_num_queries(6):
        assert client.get("/changes/").status_code == 200


def test_changes_feed_is_atom_with_an_entry_per_published_case(client, three_cases):
    old, changed, new, draft = three_cases
    response = client.get("/changes/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}title") == "City Pathways Atlas: what’s new"
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == "http://testserver/changes/"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [
        "New practice",
        "Changed practice",
    ]
    changed_entry = entries[1]
    assert changed_entry.find(f"{ATOM}link").get("href") == (
        f"http://testserver{changed.get_absolute_url()}"
    )
    assert changed_entry.findtext(f"{ATOM}published") == "2019-02-01T00:00:00+00:00"
    assert changed_entry.findtext(f"{ATOM}updated") == "2025-06-05T00:00:00+00:00"
    assert changed_entry.findtext(f"{ATOM}id") == f"http://testserver{changed.get_absolute_url()}"


def test_changes_page_links_its_feed_and_the_footer_links_the_page(client):
    page = client.get("/changes/").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="What’s new in the atlas" '
        'href="/changes/feed.atom">'
    ) in page
    assert '<a href="/changes/">What’s new</a>' in client.get("/").content.decode()
