"""The workflow holds on every path that changes a record: the change form, a revert, a merge
and a delete. Nothing an editor changes is public until a publisher publishes it again, and a
published record never loses what publishing needs. (The import: tests/cases/test_import_review.)
"""

import pytest
from django.contrib.auth.models import Permission, User
from django.urls import reverse
from django.utils import timezone

from atlas.models import State
from cases.models import Case, Place
from pathways.models import CityRole
from tests.admin_forms import delete_inline_row, form_data, post_form
from tests.factories import NetworkFactory, PlaceFactory, cite, member
from tests.test_workflow import act, complete_case

pytestmark = pytest.mark.django_db

SENT_TO_REVIEW = "Sent back to review: changed by someone who may not publish"


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def revert_url(record, version):
    opts = record._meta
    return reverse(
        f"admin:{opts.app_label}_{opts.model_name}_simple_history",
        args=[record.pk, version.history_id],
    )


def public_status(client, record):
    client.logout()
    return client.get(record.get_absolute_url()).status_code


def assert_sent_to_review(record, user, since):
    """In review, saying who sent it there and when, with the reason in its history."""
    record.refresh_from_db()
    latest = record.history.latest()
    assert (record.state, record.state_changed_by) == (State.REVIEW, user)
    assert since <= record.state_changed_at <= latest.history_date
    assert (latest.history_user, latest.history_change_reason) == (user, SENT_TO_REVIEW)


# --- the change form ------------------------------------------------------------------------


def test_an_editors_edit_to_a_published_case_goes_to_review_not_to_the_public(client, editor):
    case = complete_case(title="Live practice", state=State.PUBLISHED)
    client.force_login(editor)
    since = timezone.now()

    response = post_form(client, change_url(case), summary="An editor's new summary")

    assert response.status_code == 302
    notice = client.get(response["Location"]).content.decode()
    assert (
        "“Live practice” was published: your change sends it back to review, and the public "
        "sees it again once a publisher publishes it." in notice
    )
    assert_sent_to_review(case, editor, since)
    assert case.summary == "An editor's new summary"
    assert public_status(client, case) == 404


def test_an_editors_edit_to_a_published_network_goes_to_review(client, editor):
    network = NetworkFactory(name="Live network")
    cite(network)
    client.force_login(editor)
    since = timezone.now()

    assert post_form(client, change_url(network), description="Changed").status_code == 302

    assert_sent_to_review(network, editor, since)


def test_a_publishers_edit_to_a_published_case_stays_published(client, publisher):
    case = complete_case(state=State.PUBLISHED)
    client.force_login(publisher)

    assert post_form(client, change_url(case), summary="A publisher's summary").status_code == 302

    case.refresh_from_db()
    assert (case.state, case.summary) == (State.PUBLISHED, "A publisher's summary")
    client.logout()
    assert "A publisher&#x27;s summary" in client.get(case.get_absolute_url()).content.decode()


CITATIONS = "pathways-citation-content_type-object_id"
REMOVALS = {
    "place": lambda data: data.pop("places"),
    "role": lambda data: delete_inline_row(data, "case_roles"),
    "citation": lambda data: delete_inline_row(data, CITATIONS),
}
MISSING = {
    "place": "it has no place (nor an acting network)",
    "role": "it has no city role",
    "citation": "it cites no source",
}


@pytest.mark.parametrize("missing", list(REMOVALS))
def test_a_publisher_cannot_save_a_published_case_without_what_publishing_needs(
    client, publisher, missing
):
    case = complete_case(title="Live practice", state=State.PUBLISHED)
    before = (case.version, case.history.count(), case.places.count(),
              case.case_roles.count(), case.citations.count())  # fmt: skip
    client.force_login(publisher)
    data = form_data(client.get(change_url(case)))
    data["summary_en"] = "Changed along the way"
    REMOVALS[missing](data)

    response = client.post(change_url(case), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        f"“Live practice” is published and would no longer be publishable: {MISSING[missing]}. "
        "Nothing was saved: keep what is missing, or unpublish the record first."
    ]
    case.refresh_from_db()
    assert (case.version, case.history.count(), case.places.count(),
            case.case_roles.count(), case.citations.count()) == before  # fmt: skip
    assert (case.state, case.summary) == (State.PUBLISHED, "A practice made up for a test.")


def test_a_publisher_may_edit_a_published_case_that_lacked_a_role_already(client, publisher):
    # Some cases loaded from the papers are published without a role; other fixes go on.
    case = complete_case(state=State.PUBLISHED)
    case.case_roles.all().delete()
    client.force_login(publisher)

    assert post_form(client, change_url(case), summary="A typo fixed").status_code == 302

    case.refresh_from_db()
    assert (case.state, case.summary) == (State.PUBLISHED, "A typo fixed")


def test_an_editor_removing_the_only_place_sends_the_case_to_review_and_it_cannot_be_published(
    client, editor, publisher
):
    case = complete_case(title="Live practice", state=State.PUBLISHED)
    client.force_login(editor)
    data = form_data(client.get(change_url(case)))
    del data["places"]
    since = timezone.now()

    assert client.post(change_url(case), data).status_code == 302

    assert_sent_to_review(case, editor, since)
    assert case.places.count() == 0
    client.force_login(publisher)
    page = act(client, "publish", case).content.decode()
    assert "“Live practice” cannot be published: it has no place" in page


# --- revert ---------------------------------------------------------------------------------


def test_an_editors_revert_of_a_published_case_sends_it_to_review(client, editor, publisher):
    case = complete_case(title="First title", state=State.PUBLISHED)
    client.force_login(publisher)
    post_form(client, change_url(case), title="Second title")
    first = case.history.get(title="First title")
    client.force_login(editor)
    since = timezone.now()

    response = post_form(client, revert_url(case, first))

    assert response.status_code == 302
    assert_sent_to_review(case, editor, since)
    assert case.title == "First title"


def test_a_publisher_cannot_revert_a_published_case_to_a_version_without_a_role(client, publisher):
    case = complete_case(title="Roles came later", state=State.PUBLISHED)
    case.case_roles.all().delete()
    case.state = State.DRAFT
    case.save()
    without_role = case.history.latest()
    case.case_roles.create(role=CityRole.objects.first(), basis="stated")
    client.force_login(publisher)
    act(client, "publish", case)
    case.refresh_from_db()
    before = (case.version, case.case_roles.count())

    response = post_form(client, revert_url(case, without_role))

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "“Roles came later” is published and would no longer be publishable: it has no city "
        "role. Nothing was saved: keep what is missing, or unpublish the record first."
    ]
    case.refresh_from_db()
    assert (case.state, case.version, case.case_roles.count()) == (State.PUBLISHED, *before)


def test_staff_who_may_only_view_cases_cannot_revert_one(client, publisher):
    case = complete_case(title="First title")
    client.force_login(publisher)
    post_form(client, change_url(case), title="Second title")
    first = case.history.get(title="First title")
    viewer = User.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_case"))
    client.force_login(viewer)
    data = form_data(client.get(revert_url(case, first)))

    assert client.post(revert_url(case, first), data).status_code == 403

    case.refresh_from_db()
    assert case.title == "Second title"


# --- merge and delete -----------------------------------------------------------------------


def merge(client, keep, *others):
    return client.post(
        reverse("admin:cases_case_changelist"),
        {"action": "merge_into", "_selected_action": [keep.pk, *(o.pk for o in others)],
         "keep": keep.pk, "apply": "Merge"},
        follow=True,
    )  # fmt: skip


@pytest.fixture
def merger():
    """An editor who was given the right to merge, but not to publish."""
    user = member("Editors", "merger")
    user.user_permissions.add(Permission.objects.get(codename="merge_case"))
    return user


def test_merging_a_published_case_needs_the_right_to_publish(client, merger):
    keep, duplicate = complete_case(), complete_case(state=State.PUBLISHED)
    client.force_login(merger)

    page = merge(client, keep, duplicate).content.decode()

    assert "Only publishers may merge published cases." in page
    assert Case.objects.filter(pk__in=[keep.pk, duplicate.pk]).count() == 2


def test_merging_drafts_needs_only_the_right_to_merge(client, merger):
    keep, duplicate = complete_case(), complete_case()
    client.force_login(merger)

    merge(client, keep, duplicate)

    assert list(Case.objects.filter(pk__in=[keep.pk, duplicate.pk])) == [keep]


def test_editors_cannot_delete_a_published_case_with_the_bulk_action(client, editor):
    case = complete_case(state=State.PUBLISHED)
    client.force_login(editor)
    client.post(
        reverse("admin:cases_case_changelist"),
        {"action": "delete_selected", "_selected_action": [case.pk], "post": "yes"},
    )
    assert Case.objects.filter(pk=case.pk).exists()


@pytest.mark.parametrize("role", ["Editors", "Publishers"])
def test_the_only_place_of_a_published_case_cannot_be_deleted(client, role):
    case = complete_case(title="Live practice", state=State.PUBLISHED)
    place = case.places.get()
    client.force_login(member(role))
    url = reverse("admin:cases_place_delete", args=[place.pk])

    page = client.post(url, {"post": "yes"}).content.decode()

    assert "published case “Live practice”, which has no other place" in page
    assert Place.objects.filter(pk=place.pk).exists()
    bulk = {"action": "delete_selected", "_selected_action": [place.pk], "post": "yes"}
    client.post(reverse("admin:cases_place_changelist"), bulk)
    assert Place.objects.filter(pk=place.pk).exists()


def test_a_place_a_published_case_does_not_depend_on_can_be_deleted(client, editor):
    case = complete_case(state=State.PUBLISHED)
    spare = PlaceFactory()
    case.places.add(spare)
    client.force_login(editor)

    client.post(reverse("admin:cases_place_delete", args=[spare.pk]), {"post": "yes"})

    assert not Place.objects.filter(pk=spare.pk).exists()
    assert case.places.count() == 1
