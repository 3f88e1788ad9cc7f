"""Deleting in the admin never destroys what the public sees: a publisher's delete of a
published record archives it (recorded with who and when); an editor's is refused. Drafts and
records in review may be deleted by whoever may delete; an archived record only by a publisher."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from atlas.models import State
from cases.models import Case
from pathways.models import Network
from tests.factories import CaseFactory, NetworkFactory

pytestmark = pytest.mark.django_db

ARCHIVE_INSTEAD = (
    "“{record}” is published, so it is not deleted: a publisher archives it instead (the "
    "Archive action in the list), which takes it off the public site and keeps its history."
)


def admin_url(record, view):
    opts = record._meta
    args = [] if view == "changelist" else [record.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def delete_one(client, record):
    return client.post(admin_url(record, "delete"), {"post": "yes"}, follow=True)


def delete_selected(client, *records):
    data = {"action": "delete_selected", "_selected_action": [r.pk for r in records], "post": "yes"}
    return client.post(admin_url(records[0], "changelist"), data, follow=True)


def said(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def exists(record):
    return type(record).objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("factory", [CaseFactory, NetworkFactory], ids=["case", "network"])
def test_a_publishers_delete_of_a_published_record_archives_it(client, publisher, factory):
    record = factory(state=State.PUBLISHED)
    client.force_login(publisher)

    confirm = client.get(admin_url(record, "delete"))
    response = delete_one(client, record)

    assert confirm.status_code == 200
    assert "is not deleted: it is archived" in confirm.content.decode()
    archived = type(record).objects.get(pk=record.pk)
    assert (archived.state, archived.state_changed_by) == (State.ARCHIVED, publisher)
    assert f"“{record}” was archived instead of deleted" in " ".join(said(response))
    assert archived.history.first().history_change_reason == "Archive"


@pytest.mark.parametrize("factory", [CaseFactory, NetworkFactory], ids=["case", "network"])
def test_an_editors_delete_of_a_published_record_is_refused_pointing_to_archive(
    client, editor, factory
):
    record = factory(state=State.PUBLISHED)
    client.force_login(editor)

    response = delete_one(client, record)

    assert type(record).objects.get(pk=record.pk).state == State.PUBLISHED
    assert ARCHIVE_INSTEAD.format(record=record) in said(response)


def test_a_publisher_sees_delete_on_a_published_record_and_an_editor_does_not(
    client, editor, publisher
):
    record = CaseFactory(state=State.PUBLISHED)
    delete_link = f'href="{admin_url(record, "delete")}"'
    pages = {}
    for user in (editor, publisher):
        client.force_login(user)
        pages[user.username] = client.get(admin_url(record, "change")).content.decode()
    assert delete_link not in pages[editor.username]
    assert delete_link in pages[publisher.username]


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_bulk_delete_with_a_published_record_deletes_nothing(client, request, role):
    draft, live = CaseFactory(state=State.DRAFT), CaseFactory(state=State.PUBLISHED)
    client.force_login(request.getfixturevalue(role))

    response = delete_selected(client, draft, live)

    assert (exists(draft), exists(live)) == (True, True)
    assert ARCHIVE_INSTEAD.format(record=live) in said(response)


@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_drafts_and_records_in_review_may_be_deleted_one_by_one_or_in_bulk(client, request, role):
    draft, in_review, another = (
        CaseFactory(state=s) for s in [State.DRAFT, State.REVIEW, State.DRAFT]
    )
    client.force_login(request.getfixturevalue(role))

    delete_one(client, draft)
    delete_selected(client, in_review, another)

    assert Case.objects.filter(pk__in=[draft.pk, in_review.pk, another.pk]).count() == 0


def test_an_editor_may_not_delete_what_a_publisher_archived(client, editor):
    archived = NetworkFactory(state=State.ARCHIVED)
    client.force_login(editor)

    one, bulk = delete_one(client, archived), delete_selected(client, archived)

    assert exists(archived)
    assert one.status_code == 403
    assert f"“{archived}” is archived: only publishers may delete it." in said(bulk)


def test_a_publisher_archives_then_may_delete(client, publisher):
    record = NetworkFactory(state=State.PUBLISHED)
    client.force_login(publisher)

    client.post(
        admin_url(record, "changelist"), {"action": "archive", "_selected_action": [record.pk]}
    )
    archived = Network.objects.get(pk=record.pk)
    assert (archived.state, archived.state_changed_by) == (State.ARCHIVED, publisher)

    delete_one(client, archived)
    assert not exists(archived)
