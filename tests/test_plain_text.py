"""No stored text holds a control character: the admin, the import and the public's
suggestion form all refuse one, through the one validator every text field carries. Line
breaks and tabs stay where a paragraph is expected."""

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import models
from django.urls import reverse

from atlas.plaintext import PlainText, paragraphs, single_line
from cases.models import Case
from tests.admin_forms import post_form
from tests.cases.test_import import empty_export, import_cases, with_row
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

OUR_APPS = ["atlas", "cases", "pathways", "portal"]
CONTROL = ["\x00", "\x07", "\x1b", "\x7f", "\x85"]
PARAGRAPH = "First paragraph.\r\n\r\n\tSecond, indented."


# Choices, slugs and email addresses are checked by validators of their own; history rows,
# the loader's hashes and fields derived on save (not editable: the search columns) are
# written by the code, never typed.
CHECKED_OTHERWISE = (models.SlugField, models.EmailField)


def typed_text_fields():
    """Every text field of our models that a person types into."""
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            if hasattr(model, "instance_type") or model.__name__ == "LoadedRecord":
                continue  # a historical copy: simple-history's, of a model checked here
            for field in model._meta.get_fields():
                text = isinstance(field, models.CharField | models.TextField | models.JSONField)
                typed = field.editable and not field.choices
                if text and typed and not isinstance(field, CHECKED_OTHERWISE):
                    yield model, field


def test_every_typed_text_field_refuses_control_characters():
    fields = {f"{model.__name__}.{field.name}": field for model, field in typed_text_fields()}
    assert {"Case.title", "Case.description", "Place.aliases", "Network.name"} <= set(fields)
    missing = [
        name
        for name, field in fields.items()
        if not any(isinstance(validator, PlainText) for validator in field.validators)
    ]
    assert missing == []


def test_long_text_fields_keep_paragraphs_and_short_ones_are_one_line():
    assert paragraphs in Case._meta.get_field("description").validators
    assert single_line in Case._meta.get_field("title").validators
    assert single_line in Case._meta.get_field("suggested_source").validators


@pytest.mark.parametrize("char", CONTROL)
def test_the_admin_refuses_a_control_character_in_a_title(client, admin_user, char):
    case = CaseFactory(title="A clean title")
    client.force_login(admin_user)
    url = reverse("admin:cases_case_change", args=[case.pk])

    response = post_form(client, url, title=f"Dirty{char}title")

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["title_en"]
    case.refresh_from_db()
    assert case.title == "A clean title"


def test_the_admin_keeps_paragraphs_in_a_description(client, admin_user):
    case = CaseFactory()
    client.force_login(admin_user)
    url = reverse("admin:cases_case_change", args=[case.pk])

    assert post_form(client, url, description=PARAGRAPH).status_code == 302
    case.refresh_from_db()
    assert case.description == PARAGRAPH


@pytest.mark.parametrize(
    ("column", "text"),
    [("title", "Bad\x00title"), ("summary", "One\nline"), ("description", "Bell\x07")],
)
def test_an_imported_row_with_a_control_character_is_refused(client, admin_user, column, text):
    cells = {"slug": "dirty", "title": "Dirty", column: text}
    result = import_cases(with_row(empty_export(client), **cells), admin_user)

    assert [row.number for row in result.invalid_rows] == [1]
    assert list(result.invalid_rows[0].error_dict) == [column]
    assert not Case.objects.filter(slug="dirty").exists()


def test_an_imported_description_keeps_its_paragraphs(client, admin_user):
    cells = {"slug": "clean", "title": "Clean", "description": PARAGRAPH}
    result = import_cases(with_row(empty_export(client), **cells), admin_user)

    assert result.invalid_rows == []
    assert Case.objects.get(slug="clean").description == PARAGRAPH


SUGGESTION = {
    "name": "Quokka night bus pass",
    "place": "Testville, Colombia",
    "description": "The city gives every newcomer a free night bus pass for a year.",
    "source": "https://example.org/quokka",
    "email": "",
    "website": "",
}


@pytest.fixture
def suggest(client):
    cache.clear()  # the rate limit
    return lambda **changes: client.post("/suggest/", {**SUGGESTION, **changes})


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("name", "Quokka\x07pass"),
        ("place", "Test\x00ville"),
        ("description", "A long enough description \x1b[31m in red."),
        ("source", "https://example.org/a%00b\x00"),
    ],
)
def test_a_suggestion_with_a_control_character_is_refused_on_the_form(suggest, field, text):
    response = suggest(**{field: text})

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert not Case.objects.filter(is_suggestion=True).exists()


def test_a_suggestion_keeps_the_paragraphs_of_its_description(suggest):
    assert suggest(description=PARAGRAPH * 2).status_code == 303
    assert Case.objects.get(is_suggestion=True).description == PARAGRAPH * 2
