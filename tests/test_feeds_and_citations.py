"""Saved searches as Atom feeds; citing a case and the papers."""

import pytest

from cases.models import Case

pytestmark = pytest.mark.django_db


def test_feed_holds_the_newest_cases_of_a_filtered_list(client):
    response = client.get("/cases/feed.atom?role=advocate")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = response.content.decode()
    assert "<title>City Pathways Atlas: new cases (City role: Advocate)</title>" in feed
    advocates = Case.objects.published().filter(roles__slug="advocate")
    assert feed.count("<entry>") == min(50, advocates.count())
    newest = advocates.order_by("-created_at", "title").first()
    assert newest.get_absolute_url() in feed


def test_feed_refuses_bad_filters(client):
    assert client.get("/cases/feed.atom?region=mars").status_code == 400


def test_feed_links_to_its_list_without_empty_parameters(client):
    feed = client.get("/cases/feed.atom?q=&role=advocate&active_from=").content.decode()
    assert '<link href="http://testserver/cases/?role=advocate" rel="alternate"/>' in feed


def test_cite_this_case_as_text_bibtex_and_ris(client):
    page = client.get("/cases/idnyc/").content.decode()
    assert "City Pathways Atlas. “IDNYC" in page
    bib = client.get("/cases/idnyc/cite.bib")
    assert bib["Content-Disposition"] == 'attachment; filename="atlas-idnyc.bib"'
    text = bib.content.decode()
    assert text.startswith("@misc{atlas-idnyc,")
    assert "url = {http://testserver/cases/idnyc/}" in text
    ris = client.get("/cases/idnyc/cite.ris").content.decode()
    assert ris.startswith("TY  - ELEC\n") and ris.rstrip().endswith("ER  -")


def test_the_papers_as_bibtex_and_ris(client):
    bib = client.get("/publications/cite.bib").content.decode()
    assert bib.count("@techreport{") == 5
    assert "author = {Janina Stürner-Siovitz and Christiane Heimann}" in bib
    assert "Progress \\& Recommendations" in bib
    ris = client.get("/publications/cite.ris").content.decode()
    assert ris.count("TY  - RPRT") == 5
