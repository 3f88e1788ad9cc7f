"""The public suggests practices; editors hear of them; nobody else sees them until published."""

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client

from atlas.models import State
from cases.models import Case, CaseRedirect
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

SUGGESTION = {
    "name": "Quokka night bus pass",
    "place": "Testville, Colombia",
    "description": "The city gives every newcomer a free night bus pass for a year.",
    "source": "https://example.org/quokka",
    "email": "ana@example.org",
    "website": "",
}


@pytest.fixture
def editor():
    user = User.objects.create_user("editor", email="editor@example.org")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def suggest(client, **changes):
    return client.post("/suggest/", {**SUGGESTION, **changes})


def test_suggest_form_labels_every_field_and_hides_the_honeypot(client):
    page = client.get("/suggest/").content.decode()
    for field, label in [
        ("name", "Name of the practice"),
        ("place", "Place"),
        ("description", "Description"),
        ("source", "Source link"),
        ("email", "Your email"),
        ("website", "Leave this empty"),
    ]:
        assert f'<label for="id_{field}">{label}' in page
    assert 'name="csrfmiddlewaretoken"' in page
    honeypot = page[page.index('<div class="visually-hidden">') :]
    assert honeypot.index('name="website"') < honeypot.index("</div>")
    assert 'autocomplete="off"' in honeypot and 'tabindex="-1"' in honeypot


def test_suggestion_becomes_a_draft_case_and_thanks_the_suggester(client):
    response = suggest(client)
    assert response.status_code == 303
    assert response["Location"] == "/suggest/thanks/"
    case = Case.objects.get(title="Quokka night bus pass")
    assert case.slug == "quokka-night-bus-pass"
    assert case.state == State.DRAFT
    assert case.is_suggestion is True
    assert case.description == SUGGESTION["description"]
    assert case.suggested_place == "Testville, Colombia"
    assert case.suggested_source == "https://example.org/quokka"
    assert case.suggester_email == "ana@example.org"
    thanks = client.get("/suggest/thanks/").content.decode()
    assert "Thank you for your suggestion" in thanks


def test_suggestion_mails_the_editors_a_link_to_its_admin_page(client, editor, settings):
    settings.ATLAS_EDITOR_EMAILS = ["desk@example.org"]
    publisher = User.objects.create_user("publisher", email="publisher@example.org")
    publisher.groups.add(Group.objects.get(name="Publishers"))
    User.objects.create_user("gone", email="gone@example.org", is_active=False).groups.add(
        Group.objects.get(name="Editors")
    )
    User.objects.create_user("reader", email="reader@example.org")
    suggest(client)
    case = Case.objects.get(title="Quokka night bus pass")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["desk@example.org", "editor@example.org", "publisher@example.org"]
    assert message.subject == "Suggested practice: Quokka night bus pass"
    assert f"http://testserver/admin/cases/case/{case.pk}/change/" in message.body
    assert "Place: Testville, Colombia" in message.body


def test_suggestion_slug_is_numbered_past_cases_and_old_slugs(client):
    taken = CaseFactory(slug="quokka-night-bus-pass")
    CaseRedirect.objects.create(old_slug="quokka-night-bus-pass-2", case=taken)
    suggest(client)
    assert Case.objects.get(is_suggestion=True, title="Quokka night bus pass").slug == (
        "quokka-night-bus-pass-3"
    )


def test_suggestion_name_loses_its_line_breaks(client, editor):
    suggest(client, name="Quokka night\r\nbus pass")
    assert Case.objects.filter(title="Quokka night bus pass").count() == 1
    assert mail.outbox[0].subject == "Suggested practice: Quokka night bus pass"


@pytest.mark.parametrize(
    "changes, error",
    [
        ({"name": ""}, "This field is required."),
        ({"name": "Q" * 251}, "Ensure this value has at most 250 characters (it has 251)."),
        ({"place": ""}, "This field is required."),
        ({"place": "P" * 201}, "Ensure this value has at most 200 characters (it has 201)."),
        (
            {"description": "Too short."},
            "Ensure this value has at least 20 characters (it has 10).",
        ),
        (
            {"description": "D" * 5001},
            "Ensure this value has at most 5000 characters (it has 5001).",
        ),
        ({"source": "ftp://example.org/quokka"}, "Enter a valid URL."),
        ({"source": "javascript:alert(1)"}, "Enter a valid URL."),
        ({"email": "ana-at-example.org"}, "Enter a valid email address."),
    ],
)
def test_suggestion_with_invalid_input_is_refused_and_saves_nothing(client, editor, changes, error):
    before = Case.objects.count()
    response = suggest(client, **changes)
    assert response.status_code == 400
    assert response.content.decode().count(error) == 1
    assert Case.objects.count() == before
    assert mail.outbox == []


def test_suggestion_without_source_and_email_is_accepted(client):
    response = suggest(client, source="", email="")
    assert response.status_code == 303
    case = Case.objects.get(title="Quokka night bus pass")
    assert (case.suggested_source, case.suggester_email) == ("", "")


def test_suggestion_with_the_honeypot_filled_looks_like_success_and_saves_nothing(client, editor):
    before = Case.objects.count()
    response = suggest(client, website="https://spam.example")
    assert response.status_code == 303
    assert response["Location"] == "/suggest/thanks/"
    assert Case.objects.count() == before
    assert mail.outbox == []


def test_sixth_suggestion_in_an_hour_from_one_address_is_refused(client):
    before = Case.objects.count()
    for number in range(1, 6):
        assert suggest(client, name=f"Quokka pass {number}").status_code == 303
    response = suggest(client, name="Quokka pass 6")
    assert response.status_code == 429
    assert "You have sent 5 suggestions in the past hour" in response.content.decode()
    assert 'value="Quokka pass 6"' in response.content.decode()
    assert Case.objects.count() == before + 5
    other = client.post("/suggest/", {**SUGGESTION}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 303


def test_suggestion_without_a_csrf_token_is_forbidden():
    before = Case.objects.count()
    response = Client(enforce_csrf_checks=True).post("/suggest/", SUGGESTION)
    assert response.status_code == 403
    assert Case.objects.count() == before


def test_suggested_draft_appears_on_no_public_page(client):
    suggest(client)
    case = Case.objects.get(title="Quokka night bus pass")
    name = "Quokka night bus pass"
    assert client.get(case.get_absolute_url()).status_code == 404
    for url in [
        "/cases/?q=Quokka",
        "/api/cases/?q=Quokka",
        "/cases/export.csv?q=Quokka",
        "/cases/feed.atom",
        "/search/?q=Quokka",
        "/changes/",
        "/changes/feed.atom",
        "/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert name not in response.getvalue().decode(), url
        assert case.slug not in response.getvalue().decode(), url
    assert client.get("/api/cases/?q=Quokka").json()["count"] == 0
