"""A visitor and an editor of the site served from whatever database DATABASE_URL names, in a
process of its own (tests/scratch.py runs it), through Django's test client:

    python -m tests.site_client exports FOLDER   # each public export's bytes, one file each
    python -m tests.site_client edit SUMMARY     # a publisher edits a published case's summary
"""

import os
import re
import sys
from pathlib import Path

EXPORTS = [
    "/cases/export.csv",
    "/cases/export.json",
    "/networks/export.csv",
    "/networks/export.json",
    "/recommendations/export.json",
    "/places/export.json",
]


def file_name(path):
    return path.strip("/").replace("/", "-")


def client():
    from django.test import Client

    return Client(HTTP_HOST="localhost")


def save_exports(folder):
    visitor = client()
    for path in EXPORTS:
        response = visitor.get(path)
        assert response.status_code == 200, (path, response.status_code)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        (Path(folder) / file_name(path)).write_bytes(body)


def read_exports(folder):
    """Each saved export's bytes, but for the moment it was made (JSON exports say when)."""
    moment = re.compile(rb'"Exported at": "[^"]+"')
    saved = {path: (Path(folder) / file_name(path)).read_bytes() for path in EXPORTS}
    return {path: moment.sub(b'"Exported at": "(when)"', body) for path, body in saved.items()}


def exports_of(database_url, folder):
    """The exports of the site served from another database, fetched in a process of its own."""
    from tests.scratch import run

    folder.mkdir()
    run(database_url, "-m", "tests.site_client", "exports", str(folder))
    return read_exports(folder)


def exports_here(folder):
    """The exports of the site served from the test database, as the test sees it."""
    folder.mkdir()
    save_exports(folder)
    return read_exports(folder)


def edit_a_case(summary):
    from django.urls import reverse

    from cases.models import Case
    from tests.admin_forms import post_form
    from tests.factories import member

    editor = client()
    editor.force_login(member("Publishers", "restorer"))
    case = Case.objects.published().order_by("slug").first()
    url = reverse("admin:cases_case_change", args=[case.pk])
    response = post_form(editor, url, summary=summary)
    assert response.status_code == 302, response.content.decode()[:2000]
    case.refresh_from_db()
    assert case.summary == summary
    print(case.slug)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    # As under the test runner: responses carry their template context (forms read it).
    from django.test.utils import setup_test_environment

    setup_test_environment()
    action, argument = sys.argv[1:3]
    {"exports": save_exports, "edit": edit_a_case}[action](argument)
