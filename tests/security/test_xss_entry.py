"""The XSS corpus through the other two ways in: an editor's spreadsheet import and the
public's suggestion form. What arrives is a draft, so it shows in the admin: its import
preview, its change form and its history run nothing of it, and neither does the suggestion
form when it hands the visitor's text back with an error."""

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.models import Case
from tests.cases.test_import_review import import_in_admin
from tests.security.browser import Page, would_run
from tests.security.corpus import EVERYTHING, GROUPS, fit
from tests.security.test_xss_corpus import admin_pages, html

pytestmark = pytest.mark.django_db


def corpus_file():
    rows = [
        (f"xss-import-{n}", fit(group, Case, "title"), fit(group, Case, "summary"), EVERYTHING)
        for n, group in enumerate(GROUPS)
    ]
    return tablib.Dataset(*rows, headers=["slug", "title", "summary", "description"])


def test_an_import_of_the_corpus_runs_nothing_in_the_admin(client, editor):
    client.force_login(editor)
    upload = corpus_file()
    dry_run = client.post(
        reverse("admin:cases_case_import"),
        {"import_file": _file(upload), "format": "0", "resource": "0"},
    )
    assert would_run(dry_run.content.decode()) == []
    done = import_in_admin(client, upload)
    assert "Import finished: 7 new, 0 updated" in done.content.decode()
    assert would_run(done.content.decode()) == []
    imported = Case.objects.filter(slug__startswith="xss-import-").order_by("slug")
    # The CSV reader reads a carriage return as a line break; nothing else of a title changes.
    assert [case.title for case in imported] == [row[1].replace("\r", "\n") for row in upload]
    for case in imported:
        for url in admin_pages(case):
            assert would_run(html(client, url)) == [], url


def _file(dataset):
    return SimpleUploadedFile("cases.csv", dataset.export("csv").encode(), "text/csv")


def suggestion(group):
    return {
        "name": fit(group, Case, "title"),
        "place": fit(group, Case, "suggested_place"),
        "description": EVERYTHING[:5000],
        "source": "https://example.org/report",
        "email": "",
    }


def test_suggestions_of_the_corpus_run_nothing_in_the_admin(client, editor):
    for n, group in enumerate(GROUPS):
        response = client.post("/suggest/", suggestion(group), REMOTE_ADDR=f"192.0.2.{n}")
        assert response.status_code == 303
    suggested = Case.objects.filter(is_suggestion=True, description=EVERYTHING[:5000])
    assert suggested.count() == len(GROUPS)
    client.force_login(editor)
    listed = html(client, reverse("admin:cases_case_changelist") + "?is_suggestion__exact=1")
    assert would_run(listed) == []
    for case in suggested:
        for url in admin_pages(case):
            assert would_run(html(client, url)) == [], url


def test_a_refused_suggestion_hands_the_text_back_as_text(client):
    for group in GROUPS:
        data = {**suggestion(group), "email": "not an address"}
        response = client.post("/suggest/", data)
        assert response.status_code == 400
        page = Page(response.content.decode())
        assert page.dangers == []
        assert page.text_of("textarea") == " ".join(EVERYTHING[:5000].split())


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("admin:cases_organisation_add", "url"),
        ("admin:pathways_publication_add", "url"),
    ],
)
@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,<script>x</script>"])
def test_the_admin_refuses_links_that_run_script(client, editor, url, field, link):
    client.force_login(editor)
    response = client.post(reverse(url), {"name": "X", "title": "X", field: link})
    assert response.context["adminform"].form.errors[field] == ["Enter a valid URL."]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,<script>x</script>"])
def test_a_suggestion_refuses_links_that_run_script(client, link):
    response = client.post("/suggest/", {**suggestion(GROUPS[0]), "source": link})
    assert response.context["form"].errors["source"] == ["Enter a valid URL."]


def test_the_admins_markdown_preview_runs_nothing_of_the_corpus(client, editor):
    client.force_login(editor)
    response = client.post(reverse("atlas:markdown-preview"), {"text": EVERYTHING})
    assert response.status_code == 200
    assert would_run(response.content.decode()) == []
