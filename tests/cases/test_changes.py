"""What’s new: published cases by when they were published or last changed, page and feed."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from atlas.models import State
from cases.models import Case
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


@pytest.fixture
def three_cases():
    """An old case, an old case changed lately, and a case published just now; and a draft."""
    old = dated(CaseFactory(title="Old practice"), created="2020-03-01", updated="2020-03-01")
    changed = dated(
        CaseFactory(title="Changed practice"),
        created="2019-01-10",
        updated="2025-06-05",
        published=moment("2019-02-01"),
    )
    new = CaseFactory(title="New practice", state_changed_at=timezone.now())
    draft = CaseFactory(title="Draft practice", state=State.DRAFT)
    only_published(old, changed, new)
    return old, changed, new, draft


def test_changes_lists_the_latest_published_or_changed_first_and_hides_drafts(client, three_cases):
    response = client.get("/changes/")
    assert response.status_code == 200
    titles = [case.title for case in response.context["cases"]]
    assert titles == ["New practice", "Changed practice", "Old practice"]
    page = response.content.decode()
    assert page.index("New practice") < page.index("Changed practice") < page.index("Old practice")
    assert "Draft practice" not in page


def test_changes_say_when_a_case_was_published_and_last_changed(client, three_cases):
    page = client.get("/changes/").content.decode()
    assert (
        'Published <time datetime="2019-02-01T00:00:00+00:00">Feb. 1, 2019</time> · '
        'Last changed <time datetime="2025-06-05T00:00:00+00:00">June 5, 2025</time>'
    ) in page
    # Never moved to published by an editor (loaded from the fixtures): created stands for it.
    assert (
        'Published <time datetime="2020-03-01T00:00:00+00:00">March 1, 2020</time> · '
        'Last changed <time datetime="2020-03-01T00:00:00+00:00">March 1, 2020</time>'
    ) in page


def test_changes_name_the_places_of_a_case(client):
    case = CaseFactory(title="Placed practice")
    case.places.add(PlaceFactory(name="Testville"), PlaceFactory(name="Otherville"))
    only_published(case)
    page = client.get("/changes/").content.decode()
    assert f'<a href="{case.get_absolute_url()}">Placed practice</a>' in page
    assert '<span class="muted">(Otherville, Testville)</span>' in page


def test_changes_are_paginated_by_25(client):
    total = Case.objects.published().count()
    first = client.get("/changes/")
    assert len(first.context["cases"]) == min(25, total)
    assert first.context["paginator"].count == total
    assert client.get("/changes/?page=999").status_code == 400


@pytest.mark.parametrize("count", [1, 3])
def test_changes_page_queries_do_not_grow_with_its_cases(client, django_assert_num_queries, count):
    cases = CaseFactory.create_batch(count)
    for case in cases:
        case.places.add(PlaceFactory())
    only_published(*cases)
    with django_assert_num_queries(3):  # the count, the page of cases, their places
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
        "Old practice",
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
