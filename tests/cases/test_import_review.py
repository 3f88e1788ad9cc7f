"""An import through the admin is held to the workflow like the change form: a change to a
published case by someone who may not publish sends it to review, and a publisher's import
cannot leave a published case without what publishing needs."""

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from atlas.models import State
from cases.models import Case
from tests.factories import member
from tests.test_workflow import complete_case

pytestmark = pytest.mark.django_db

SENT_TO_REVIEW = "Sent back to review: changed by someone who may not publish"


def import_in_admin(client, dataset):
    """Upload a CSV on the admin's import page and confirm it, as an editor would. The page
    of the dry run is returned when it found errors, as then there is nothing to confirm."""
    upload = SimpleUploadedFile("cases.csv", dataset.export("csv").encode(), "text/csv")
    dry_run = client.post(
        reverse("admin:cases_case_import"), {"import_file": upload, "format": "0", "resource": "0"}
    )
    confirm = dry_run.context.get("confirm_form")
    if confirm is None:
        return dry_run
    return client.post(reverse("admin:cases_case_process_import"), confirm.initial, follow=True)


def retitled(case, title, **cells):
    return tablib.Dataset([case.slug, title, *cells.values()], headers=["slug", "title", *cells])


def test_an_editors_import_over_a_published_case_sends_it_to_review(client):
    case = complete_case(title="Live practice", state=State.PUBLISHED)
    editor = member("Editors")
    client.force_login(editor)
    since = timezone.now()

    page = import_in_admin(client, retitled(case, "Imported title")).content.decode()

    assert "Import finished: 0 new, 1 updated" in page
    case.refresh_from_db()
    latest = case.history.latest()
    assert (case.title, case.state, case.state_changed_by) == (
        "Imported title", State.REVIEW, editor)  # fmt: skip
    assert since <= case.state_changed_at <= latest.history_date
    assert (latest.history_user, latest.history_change_reason) == (editor, SENT_TO_REVIEW)
    client.logout()
    assert client.get(case.get_absolute_url()).status_code == 404


def test_a_publishers_import_over_a_published_case_keeps_it_published(client):
    case = complete_case(state=State.PUBLISHED)
    client.force_login(member("Publishers"))

    import_in_admin(client, retitled(case, "Imported title"))

    case.refresh_from_db()
    assert (case.title, case.state) == ("Imported title", State.PUBLISHED)


def test_a_publishers_import_cannot_take_the_only_place_of_a_published_case(client):
    case = complete_case(title="Live practice", state=State.PUBLISHED)
    version, places = case.version, list(case.places.all())
    client.force_login(member("Publishers"))

    response = import_in_admin(client, retitled(case, "Imported title", place_slugs=""))

    errors = [row.error_dict for row in response.context["result"].invalid_rows]
    assert errors == [{"__all__": [
        "“Imported title” is published and would no longer be publishable: it has no place (nor "
        "an acting network). Nothing was saved: keep what is missing, or unpublish the record "
        "first."
    ]}]  # fmt: skip
    case.refresh_from_db()
    assert (case.title, case.version, list(case.places.all())) == ("Live practice", version, places)


def test_an_editors_import_may_take_the_only_place_as_the_case_goes_to_review(client):
    case = complete_case(state=State.PUBLISHED)
    client.force_login(member("Editors"))

    import_in_admin(client, retitled(case, "Imported title", place_slugs=""))

    case.refresh_from_db()
    assert (case.state, case.places.count()) == (State.REVIEW, 0)


def test_an_import_that_changes_nothing_leaves_a_published_case_published(client):
    case = complete_case(state=State.PUBLISHED)
    client.force_login(member("Editors"))

    import_in_admin(client, retitled(case, case.title))

    assert Case.objects.get(pk=case.pk).state == State.PUBLISHED
