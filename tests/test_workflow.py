"""The editorial workflow: who may do what, what the public never sees, and nothing lost."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse

from atlas.models import State
from cases.models import Case, Place
from pathways.models import CityRole, PathwayType, Publication
from tests.admin_forms import form_data
from tests.factories import CaseFactory, PlaceFactory, cite, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return User.objects.create_superuser("boss", password="x")


def complete_case(**fields):
    case = CaseFactory(**{"state": State.DRAFT, **fields})
    case.places.add(PlaceFactory())
    case.case_roles.create(role=CityRole.objects.first(), basis="stated")
    case.case_pathways.create(pathway_type=PathwayType.objects.first(), basis="classified")
    cite(case)
    return case


def act(client, action, *records):
    model = records[0]._meta
    url = reverse(f"admin:{model.app_label}_{model.model_name}_changelist")
    return client.post(
        url, {"action": action, "_selected_action": [r.pk for r in records]}, follow=True
    )


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


# --- who may do what ------------------------------------------------------------------------

ROLES = ["anonymous", "editor", "publisher", "superuser"]


def someone(role, request):
    return None if role == "anonymous" else request.getfixturevalue(role)


@pytest.mark.parametrize(
    ("role", "sees_preview"),
    [("anonymous", False), ("editor", True), ("publisher", True), ("superuser", True)],
)
def test_permission_view_a_draft(client, request, role, sees_preview):
    case = complete_case(title="A draft in the works")
    response = login(client, someone(role, request)).get(case.get_absolute_url())
    assert response.status_code == (200 if sees_preview else 404)
    if sees_preview:
        assert "Preview for editors" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("editor", 200), ("publisher", 200), ("superuser", 200)],
)
def test_permission_edit_a_case(client, request, role, status):
    case = complete_case()
    url = reverse("admin:cases_case_change", args=[case.pk])
    assert login(client, someone(role, request)).get(url).status_code == status


@pytest.mark.parametrize(
    ("role", "published"),
    [("editor", False), ("publisher", True), ("superuser", True)],
)
def test_permission_publish(client, request, role, published):
    case = complete_case()
    act(login(client, someone(role, request)), "publish", case)
    case.refresh_from_db()
    assert (case.state == State.PUBLISHED) is published


def test_permission_anonymous_cannot_publish(client):
    case = complete_case()
    response = act(client, "publish", case)
    assert "/admin/login/" in response.redirect_chain[-1][0]
    case.refresh_from_db()
    assert case.state == State.DRAFT


@pytest.mark.parametrize(
    ("role", "answer"),
    [("anonymous", "/admin/login/"), ("editor", "change"), ("publisher", "archive"),
     ("superuser", "archive")],
)  # fmt: skip
def test_permission_delete_a_published_case_nobody_may(client, request, role, answer):
    # A publisher's delete archives it; others are sent away (tests/test_deleting.py).
    case = Case.objects.published().first()
    url = reverse("admin:cases_case_delete", args=[case.pk])
    response = login(client, someone(role, request)).get(url)
    if answer == "archive":
        assert response.status_code == 200
        assert "Yes, archive it" in response.content.decode()
    else:
        change = reverse("admin:cases_case_change", args=[case.pk])
        assert response.status_code == 302
        assert response["Location"].startswith(change if answer == "change" else answer)
    assert Case.objects.filter(pk=case.pk, state=State.PUBLISHED).exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("editor", 200), ("publisher", 200), ("superuser", 200)],
)
def test_permission_import_a_spreadsheet(client, request, role, status):
    url = reverse("admin:cases_case_import")
    assert login(client, someone(role, request)).get(url).status_code == status


def test_staff_without_the_right_to_add_cases_cannot_import(client):
    viewer = User.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(viewer)
    assert client.get(reverse("admin:cases_case_import")).status_code == 403


def test_editors_may_delete_their_drafts(client, editor):
    case = complete_case()
    url = reverse("admin:cases_case_delete", args=[case.pk])
    client.force_login(editor)
    client.post(url, {"post": "yes"})
    assert not Case.objects.filter(pk=case.pk).exists()


# --- transitions ---------------------------------------------------------------------------


def test_editor_submits_and_publisher_publishes_recording_who_and_when(client, editor, publisher):
    case = complete_case()
    act(login(client, editor), "submit", case)
    case.refresh_from_db()
    assert (case.state, case.state_changed_by) == (State.REVIEW, editor)
    act(login(client, publisher), "publish", case)
    case.refresh_from_db()
    assert (case.state, case.state_changed_by) == (State.PUBLISHED, publisher)
    assert case.state_changed_at is not None


def test_publisher_unpublishes_archives_and_returns_to_draft(client, publisher):
    case = complete_case(state=State.PUBLISHED)
    client.force_login(publisher)
    act(client, "unpublish", case)
    case.refresh_from_db()
    assert case.state == State.DRAFT
    act(client, "archive", case)
    case.refresh_from_db()
    assert case.state == State.ARCHIVED


def test_a_transition_from_the_wrong_state_is_refused_with_a_message(client, editor):
    case = complete_case(state=State.PUBLISHED)
    response = act(login(client, editor), "submit", case)
    assert "is published; it cannot be moved to “In review”" in response.content.decode()


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("place", "it has no place (nor an acting network)"),
        ("role", "it has no city role"),
        ("pathway", "it has no pathway type (nor “not specific to one pathway”)"),
        ("citation", "it cites no source"),
    ],
)
def test_publishing_a_case_that_lacks_what_it_needs_is_refused(client, publisher, missing, message):
    case = complete_case(title="Unfinished practice")
    {"place": case.places.clear, "role": case.case_roles.all().delete,
     "pathway": case.case_pathways.all().delete,
     "citation": case.citations.all().delete}[missing]()  # fmt: skip
    response = act(login(client, publisher), "publish", case)
    assert f"“Unfinished practice” cannot be published: {message}." in response.content.decode()
    case.refresh_from_db()
    assert case.state == State.DRAFT


# --- drafts on public surfaces -------------------------------------------------------------

# Every public surface, and what it shows of a published case in Quokkaville, a place of its own:
# the case, or (where places are listed) the place.
SURFACES = [
    ("/cases/?q=zyzzyva", "Zyzzyva"),
    ("/search/?q=zyzzyva", "Zyzzyva"),
    ("/map/?q=zyzzyva", "Quokkaville"),
    ("/map/places.geojson?q=zyzzyva", "zyzzyva-secret"),
    ("/cases/export.csv?q=zyzzyva", "zyzzyva-secret"),
    ("/cases/export.json?q=zyzzyva", "zyzzyva-secret"),
    ("/places/export.csv?q=zyzzyva", "Quokkaville"),
    ("/api/cases/?q=zyzzyva", "zyzzyva-secret"),
    ("/api/places/?q=zyzzyva", "Quokkaville"),
    ("/cases/feed.atom", "Zyzzyva"),
    ("/places/quokkaville/", "Zyzzyva"),
]


@pytest.mark.parametrize(
    ("state", "shown"),
    [(State.PUBLISHED, True), (State.DRAFT, False), (State.REVIEW, False), (State.ARCHIVED, False)],
)
def test_only_published_cases_appear_on_public_surfaces(client, state, shown):
    place = PlaceFactory(name="Quokkaville", slug="quokkaville", latitude=10, longitude=10)
    case = complete_case(title="Zyzzyva secret practice", slug="zyzzyva-secret", state=state)
    case.places.add(place)
    seen = {}
    for url, marker in SURFACES:
        response = client.get(url)
        assert response.status_code == 200, url
        seen[url] = marker in response.getvalue().decode()
    assert seen == {url: shown for url, _ in SURFACES}
    assert client.get(case.get_absolute_url()).status_code == (200 if shown else 404)
    assert client.get("/api/cases/zyzzyva-secret/").status_code == (200 if shown else 404)
    matrix = client.get("/matrix/?q=zyzzyva").context["role_pathway"]
    assert matrix.total == (1 if shown else 0)


# --- nothing an editor saved is lost -------------------------------------------------------


def test_a_second_editor_saving_a_stale_form_is_refused_and_told_what_changed(client, editor):
    other = member("Editors", "bea")
    case = complete_case(title="Original title")
    url = reverse("admin:cases_case_change", args=[case.pk])
    client.force_login(editor)
    stale = form_data(client.get(url))
    client.force_login(other)
    theirs = form_data(client.get(url))
    theirs["title_en"] = "Bea's title"
    assert client.post(url, theirs).status_code == 302
    client.force_login(editor)
    stale["summary_en"] = "My new summary"
    response = client.post(url, stale)
    assert response.status_code == 200
    page = response.content.decode()
    assert "saved by someone else after you opened it" in page
    assert "bea changed title" in page
    case.refresh_from_db()
    assert (case.title, case.summary) == ("Bea's title", "A practice made up for a test.")


def test_every_change_is_kept_and_an_earlier_version_can_be_restored(client, editor):
    case = complete_case(title="First title")
    url = reverse("admin:cases_case_change", args=[case.pk])
    client.force_login(editor)
    data = form_data(client.get(url))
    data["title_en"] = "Second title"
    client.post(url, data)
    history = list(case.history.order_by("history_date"))
    assert [h.title for h in history][-2:] == ["First title", "Second title"]
    assert history[-1].history_user == editor
    history_page = client.get(reverse("admin:cases_case_history", args=[case.pk]))
    assert "Second title" in history_page.content.decode()
    first = history[-2]
    revert_url = reverse("admin:cases_case_simple_history", args=[case.pk, first.history_id])
    response = client.post(revert_url, form_data(client.get(revert_url)))
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.title == "First title"


def test_merging_moves_citations_and_relations_and_redirects_the_old_slug(client, publisher):
    keep = complete_case(title="Bogotá one-stop shop", state=State.PUBLISHED)
    duplicate = complete_case(title="Bogota one stop shop", slug="dup-shop")
    extra_place = PlaceFactory(name="Extraville")
    duplicate.places.add(extra_place)
    cite(duplicate, "americas-pathways", "ONE-STOP SHOP MODELS")
    client.force_login(publisher)
    client.post(
        reverse("admin:cases_case_changelist"),
        {"action": "merge_into", "_selected_action": [keep.pk, duplicate.pk],
         "keep": keep.pk, "apply": "Merge"},
    )  # fmt: skip
    assert not Case.objects.filter(pk=duplicate.pk).exists()
    assert extra_place in keep.places.all()
    papers = set(keep.citations.values_list("publication__slug", flat=True))
    assert "americas-pathways" in papers
    client.logout()
    response = client.get("/cases/dup-shop/")
    assert (response.status_code, response["Location"]) == (301, keep.get_absolute_url())


def test_editors_cannot_merge(client, editor):
    a, b = complete_case(), complete_case()
    client.force_login(editor)
    client.post(
        reverse("admin:cases_case_changelist"),
        {"action": "merge_into", "_selected_action": [a.pk, b.pk], "keep": a.pk, "apply": "1"},
    )
    assert Case.objects.filter(pk__in=[a.pk, b.pk]).count() == 2


def test_a_new_case_like_an_existing_one_is_flagged_as_a_possible_duplicate(client, editor):
    bogota = Place.objects.get(slug="bogota-co")
    client.force_login(editor)
    add_url = reverse("admin:cases_case_add")
    data = form_data(client.get(add_url))
    data.update(title_en="Consolidation of migrant services in Bogota CADEs", slug="cades-again",
                places=[bogota.pk], status="unknown", depth="practice")  # fmt: skip
    response = client.post(add_url, data)
    assert "This case may duplicate" in response.content.decode()
    assert not Case.objects.filter(slug="cades-again").exists()
    data["not_a_duplicate"] = "on"
    client.post(add_url, data)
    created = Case.objects.get(slug="cades-again")
    assert (created.state, created.created_by) == (State.DRAFT, editor)


NOT_A_DUPLICATE_BOX = 'type="checkbox" name="not_a_duplicate"'


def test_the_not_a_duplicate_box_is_not_shown_without_possible_duplicates(client, editor):
    client.force_login(editor)
    add_url = reverse("admin:cases_case_add")
    response = client.get(add_url)
    assert NOT_A_DUPLICATE_BOX not in response.content.decode()
    data = form_data(response)
    data.update(title_en="A practice nobody has recorded", slug="nobody", status="unknown",
                places=[Place.objects.get(slug="bogota-co").pk], start_year="soon")  # fmt: skip
    refused = client.post(add_url, data)  # refused for its year, not as a duplicate
    assert refused.status_code == 200
    assert "This case may duplicate" not in refused.content.decode()
    assert NOT_A_DUPLICATE_BOX not in refused.content.decode()
    case = Case.objects.published().first()
    change = client.get(reverse("admin:cases_case_change", args=[case.pk]))
    assert NOT_A_DUPLICATE_BOX not in change.content.decode()


def test_the_not_a_duplicate_box_is_shown_with_the_possible_duplicates(client, editor):
    client.force_login(editor)
    add_url = reverse("admin:cases_case_add")
    data = form_data(client.get(add_url))
    data.update(title_en="Consolidation of migrant services in Bogota CADEs", slug="cades-again",
                places=[Place.objects.get(slug="bogota-co").pk], status="unknown",
                depth="practice")  # fmt: skip
    page = client.post(add_url, data).content.decode()
    assert page.index("This case may duplicate") < page.index(NOT_A_DUPLICATE_BOX)


def test_markdown_preview_uses_the_public_sanitiser(client, editor):
    url = reverse("atlas:markdown-preview")
    assert client.post(url, {"text": "**x**"}).status_code == 302  # to the login page
    client.force_login(editor)
    html = client.post(url, {"text": "**bold** <script>alert(1)</script>"}).content.decode()
    assert "<strong>bold</strong>" in html and "<script" not in html


def test_the_five_papers_are_read_only_but_editors_add_new_sources(client, editor):
    client.force_login(editor)
    seed = reverse("admin:pathways_publication_change", args=[1])
    page = client.get(seed).content.decode()
    assert 'name="title"' not in page
    add = reverse("admin:pathways_publication_add")
    client.post(add, {"title": "City report 2026", "short_title": "City report",
                      "slug": "city-report-2026", "year": "2026", "kind": "web-page",
                      "url": "https://example.org/report", "accessed": "2026-11-01"})  # fmt: skip
    report = Publication.objects.get(slug="city-report-2026")
    assert (report.is_seed_paper, str(report.accessed)) == (False, "2026-11-01")


def test_create_editor_gives_a_one_time_link(capsys):
    call_command("create_editor", "carla", "--publisher", "--link")
    out = capsys.readouterr().out
    assert "carla (Publishers) created" in out
    assert "/accounts/reset/" in out
    carla = User.objects.get(username="carla")
    assert carla.is_staff and not carla.has_usable_password()
    assert carla.has_perm("cases.publish_case")
