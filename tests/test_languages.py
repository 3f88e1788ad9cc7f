"""The atlas in English, Spanish and French: addresses, the switcher, `lang` attributes,
vocabularies and records in each language, search across languages, exports and the API in
the requested language, and catalogues kept complete."""

import csv
import io
import os
import re
import shutil
import subprocess
import sys

import pytest
import tablib
import yaml
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from atlas.headers import identifiers
from cases.exports import CASES, PLACES
from cases.models import Case, WorldRegion
from cases.resources import CaseResource
from pathways.exports import NETWORK_COUNTS, NETWORKS, RECOMMENDATIONS
from pathways.models import (
    Addressee,
    CityRole,
    FinancingMechanism,
    GCMObjective,
    Network,
    PathwayExample,
    PathwayType,
    ProgramCategory,
    Recommendation,
    RegionalFramework,
)
from tests.admin_forms import form_data
from tests.conftest import FIXTURES
from tests.factories import CaseFactory, PlaceFactory

pytestmark = pytest.mark.django_db

OTHERS = ["es", "fr"]
LOCALE = settings.BASE_DIR / "locale"


def html_lang(page):
    return re.search(r'<html lang="([^"]+)"', page).group(1)


# --- addresses, the switcher and what the page says it is ------------------------------------


@pytest.mark.parametrize("language", OTHERS)
def test_every_page_has_an_address_in_each_language_and_says_so(client, language):
    case = Case.objects.published().first()
    for path in ["/", "/cases/", case.get_absolute_url(), "/networks/", "/matrix/", "/data/"]:
        response = client.get(f"/{language}{path}")
        assert response.status_code == 200, path
        assert html_lang(response.content.decode()) == language


def test_english_addresses_stay_where_they_were_whatever_the_browser_asks(client):
    response = client.get("/cases/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200
    page = response.content.decode()
    # Marked as English, because it is English: a shared link opens in its own language.
    assert html_lang(page) == "en"
    assert "<h1>City practices</h1>" in page


def test_the_switcher_links_this_page_in_every_language_keeping_its_filters(client):
    page = client.get("/es/cases/?role=advocate").content.decode()
    switcher = re.search(r'<nav class="languages".*?</nav>', page, re.S).group(0)
    assert '<a href="/cases/?role=advocate" hreflang="en" lang="en">English</a>' in switcher
    assert '<a href="/fr/cases/?role=advocate" hreflang="fr" lang="fr">Français</a>' in switcher
    assert '<span aria-current="true" lang="es">Español</span>' in switcher


def test_pages_name_their_alternates_for_search_engines(client):
    page = client.get("/fr/networks/").content.decode()
    for code, prefix in [("en", ""), ("es", "/es"), ("fr", "/fr"), ("x-default", "")]:
        assert (
            f'<link rel="alternate" hreflang="{code}" href="http://testserver{prefix}/networks/">'
            in page
        )


def test_links_on_a_page_stay_in_its_language(client):
    page = client.get("/es/cases/").content.decode()
    case = Case.objects.published().order_by("title").first()
    assert f'href="/es/cases/{case.slug}/"' in page


# --- the interface and the vocabularies in each language ------------------------------------


@pytest.mark.parametrize(
    ("language", "words"),
    [("es", ["Casos", "Redes", "Recomendaciones"]), ("fr", ["Cas", "Réseaux", "Recommandations"])],
)
def test_the_interface_speaks_the_language_of_the_page(client, language, words):
    page = client.get(f"/{language}/").content.decode()
    nav = re.search(r'<nav aria-label="[^"]*">.*?</nav>', page, re.S).group(0)
    for word in words:
        assert f">{word}</a>" in nav
    assert ">Cases</a>" not in nav


@pytest.mark.parametrize(
    "model", [CityRole, PathwayType, ProgramCategory, Addressee, GCMObjective, WorldRegion]
)
def test_every_vocabulary_term_has_its_spanish_and_french_label(model):
    label = "title" if model is GCMObjective else "name"
    for language in OTHERS:
        missing = model.objects.filter(
            **{f"{label}_{language}__isnull": True}
        ) | model.objects.filter(**{f"{label}_{language}": ""})
        assert list(missing) == [], (model.__name__, language)


def test_pathway_examples_have_their_translations():
    for language in OTHERS:
        assert not PathwayExample.objects.filter(**{f"name_{language}__isnull": True}).exists()


def test_facets_show_the_terms_in_the_page_language(client):
    response = client.get("/fr/cases/")
    facets = {name: options for name, _, options in response.context["facets"]}
    labels = {str(option.label) for option in facets["role"]}
    assert labels == {role.name_fr for role in CityRole.objects.all()}


# --- records in each language, English marked where a translation is missing -----------------


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Case, ["title", "summary"]),
        (Network, ["description"]),
        (Recommendation, ["headline"]),
        (FinancingMechanism, ["name", "description"]),
        (RegionalFramework, ["description"]),
    ],
)
def test_every_record_of_the_papers_is_translated(model, fields):
    for language in OTHERS:
        for field in fields:
            english = model.objects.exclude(**{f"{field}_en": ""}).exclude(
                **{f"{field}_en__isnull": True}
            )
            untranslated = english.filter(**{f"{field}_{language}__isnull": True}) | english.filter(
                **{f"{field}_{language}": ""}
            )
            assert list(untranslated.values_list("slug", flat=True)) == [], (field, language)


def test_a_translated_record_reads_in_the_page_language(client):
    case = Case.objects.published().exclude(title_es=None).first()
    page = client.get(f"/es/cases/{case.slug}/").content.decode()
    assert f"<h1>{case.title_es}</h1>" in page.replace("&#x27;", "'")


def test_a_missing_translation_shows_the_english_marked_as_english(client):
    case = CaseFactory(title="Night bus pass for newcomers", summary="Free rides for a year.")
    page = client.get(f"/es/cases/{case.slug}/").content.decode()
    assert '<span lang="en" class="untranslated">Night bus pass for newcomers</span>' in page
    assert "shown in English" not in page  # the note is in Spanish
    assert (
        "“EN”" in page
        or "«EN»" in page
        or "EN" in re.search(r'<p class="translation-note">.*?</p>', page, re.S).group(0)
    )


# --- search and filters in the reader's language --------------------------------------------


def slugs_found(client, text, prefix=""):
    response = client.get(f"{prefix}/cases/", {"q": text})
    return set(response.context["filter"].qs.values_list("slug", flat=True))


def test_a_case_page_in_french_cites_itself_in_french_and_marks_the_papers_citations_english(
    client,
):
    case = Case.objects.published().filter(citations__isnull=False).order_by("slug").first()
    address = case.get_absolute_url()
    page = client.get(f"/fr{address}").content.decode()
    cite = re.search(r'<section class="cite".*?<p>(.*?)</p>', page, re.S).group(1)
    assert "Fiche de cas, version du jeu de données" in cite
    assert "Case record" not in cite
    citations = re.search(r'<ul class="citations">(.*?)</ul>', page, re.S).group(1)
    assert citations.count('<li lang="en">') == case.citations.count()
    english = client.get(address).content.decode()
    assert '<li lang="en">' not in english


def test_searching_in_spanish_or_french_finds_what_english_finds(client):
    english = slugs_found(client, "regularisation")
    assert english
    assert slugs_found(client, "regularización", "/es") >= english
    assert slugs_found(client, "régularisation", "/fr") >= english


def test_search_ignores_accents_and_case_as_readers_type_them(client):
    accented = slugs_found(client, "regularización", "/es")
    assert accented
    assert slugs_found(client, "regularizacion", "/es") == accented
    assert slugs_found(client, "REGULARIZACIÓN", "/es") == accented


def test_search_finds_a_place_written_with_accents_when_typed_without(client):
    place = PlaceFactory(name="Ñuñoa Nórdica", aliases=[])
    case = CaseFactory()
    case.places.add(place)
    assert slugs_found(client, "nunoa nordica") == {case.slug}
    groups = {
        kind: results for kind, _, results in client.get("/search/?q=NUNOA").context["groups"]
    }
    assert list(groups["places"]) == [place]


def test_an_edited_text_is_found_by_its_new_words_at_once(client, publisher):
    case = Case.objects.published().order_by("slug").first()
    assert not slugs_found(client, "Ñandutí")
    case.summary_es = "Una práctica apodada Ñandutí por sus vecinos."
    case.save()
    assert slugs_found(client, "nanduti") == {case.slug}
    assert slugs_found(client, "ñandutí", "/fr") == {case.slug}


# --- exports and the API in the requested language -------------------------------------------


def export_rows(client, url):
    response = client.get(url)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(body)))


def test_an_export_in_spanish_heads_its_columns_in_spanish_and_keeps_the_values(client):
    english = export_rows(client, "/cases/export.csv")
    spanish = export_rows(client, "/cases/export.csv?lang=es")
    assert list(spanish[0])[:4] == ["identificador", "url", "titulo", "tipo_de_registro"]
    # Slugs and codes are the same in every language, so that files join on them.
    assert [row["identificador"] for row in spanish] == [row["slug"] for row in english]
    assert [row["funciones"] for row in spanish] == [row["roles"] for row in english]
    assert [row["paises"] for row in spanish] == [row["countries"] for row in english]
    by_slug = {case.slug: case for case in Case.objects.published()}
    for row in spanish[:20]:
        assert row["titulo"] == by_slug[row["identificador"]].title_es


def test_every_exported_column_has_a_header_of_its_own_in_each_language():
    for dataset in (CASES, PLACES, NETWORKS, NETWORK_COUNTS, RECOMMENDATIONS):
        names = [column.name for column in dataset.columns]
        for language in OTHERS:
            with translation.override(language):
                headers = dataset.header()
            assert all(re.fullmatch(r"[a-z][a-z0-9_]*", header) for header in headers), headers
            assert len(set(headers)) == len(headers), (dataset.name, language)
            assert headers != names, (dataset.name, language)
        # Whatever language a file's header row is in, each header names one column.
        assert sorted(set(identifiers(names).values())) == sorted(names)


def test_the_xlsx_export_in_french_says_which_identifier_each_header_stands_for(client):
    response = client.get("/fr/cases/export.xlsx", {"case": "idnyc"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    assert workbook.sheetnames == ["Cas", "À propos", "Colonnes"]
    header = next(workbook["Cas"].iter_rows(values_only=True))
    columns = list(workbook["Colonnes"].iter_rows(values_only=True))[1:]
    assert [heading for heading, _, _ in columns] == list(header)
    assert ("titre", "title") in {(heading, name) for heading, name, _ in columns}


def test_the_codebook_in_spanish_gives_each_column_its_spanish_header_and_identifier(client):
    page = client.get("/es/data/").content.decode()
    assert re.search(r"<code>titulo</code>.*?<code>title</code>", page, re.S)


def test_a_spanish_export_edited_and_imported_corrects_the_spanish_text_only(client, admin_user):
    case = Case.objects.published().exclude(summary_es="").order_by("slug").first()
    english = case.summary_en
    response = client.get("/cases/export.csv", {"lang": "es", "case": case.slug})
    dataset = tablib.Dataset().load(b"".join(response.streaming_content).decode(), format="csv")
    [row] = dataset.dict
    row["resumen"] = "Un resumen corregido en una hoja de cálculo."
    dataset = tablib.Dataset(list(row.values()), headers=list(row))

    result = CaseResource().import_data(dataset, raise_errors=False, user=admin_user)

    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["update"]
    case.refresh_from_db()
    assert case.summary_es == "Un resumen corregido en una hoja de cálculo."
    assert case.summary_en == english


def test_an_export_in_an_unknown_language_is_a_400_naming_lang(client):
    response = client.get("/cases/export.csv?lang=tlh")
    assert response.status_code == 400
    assert "lang" in response.content.decode()


def test_the_api_answers_in_the_requested_language(client):
    case = Case.objects.published().exclude(title_fr=None).order_by("title").first()
    data = client.get(f"/api/cases/{case.slug}/", {"lang": "fr"}).json()
    assert data["title"] == case.title_fr
    assert data["slug"] == case.slug
    assert client.get("/api/cases/", {"lang": "tlh"}).status_code == 400


# --- the admin, the suggestion form, the JavaScript ------------------------------------------


def test_the_editors_admin_speaks_spanish_at_its_spanish_address(client):
    page = client.get("/es/admin/login/").content.decode()
    assert "Nombre de usuario" in page


def test_a_publisher_corrects_a_spanish_summary_in_the_admin_and_spanish_readers_see_it(
    client, publisher
):
    case = Case.objects.published().exclude(summary_es="").first()
    english = case.summary_en
    client.force_login(publisher)
    url = reverse("admin:cases_case_change", args=[case.pk])
    page = client.get(url)
    assert {"title_en", "title_es", "title_fr", "summary_es", "summary_fr"} <= set(
        page.context["adminform"].form.fields
    )

    data = form_data(page) | {"summary_es": "Un resumen corregido por una editora."}
    assert client.post(url, data).status_code == 302

    client.logout()
    assert (
        "Un resumen corregido por una editora."
        in client.get(f"/es{case.get_absolute_url()}").content.decode()
    )
    case.refresh_from_db()
    assert case.summary_en == english


def test_an_editor_corrects_a_vocabulary_term_in_french_in_the_admin(client, admin_user):
    role = CityRole.objects.get(slug="advocate")
    client.force_login(admin_user)
    url = reverse("admin:pathways_cityrole_change", args=[role.pk])
    data = form_data(client.get(url)) | {"name_fr": "Porte-voix"}
    assert client.post(url, data).status_code == 302

    page = client.get("/fr/cases/").content.decode()
    assert "Porte-voix" in page
    role.refresh_from_db()
    assert role.name_en == "Advocate"


def test_the_suggestion_form_speaks_french(client):
    page = client.get("/fr/suggest/").content.decode()
    assert html_lang(page) == "fr"
    labels = re.findall(r"<label[^>]*>(.*?)</label>", page, re.S)
    assert labels and not any(label.strip().startswith(("Title", "Your email")) for label in labels)


def test_the_map_script_gets_its_strings_from_the_javascript_catalogue(client):
    catalogue = client.get("/es/jsi18n/").content.decode()
    assert "All cases for this place" in catalogue
    assert "Todos los casos" in catalogue or "todos los casos" in catalogue.lower()


# --- catalogues kept complete ------------------------------------------------------------------


def untranslated_or_fuzzy(po):
    """The entries of a catalogue a reader would see in English."""
    entries = []
    for flag in ("--untranslated", "--only-fuzzy"):
        result = subprocess.run(
            ["msgattrib", flag, "--no-obsolete", str(po)],
            capture_output=True,
            text=True,
            check=True,
        )
        # msgattrib prints the header entry (msgid "") whenever it prints anything.
        entries += [
            line for line in result.stdout.splitlines()
            if line.startswith("msgid ") and line != 'msgid ""'
        ]  # fmt: skip
    return entries


def test_makemessages_finds_no_string_of_the_code_left_untranslated(tmp_path):
    """A string added to a template or module without its translations fails here: the
    catalogues are extracted again, as a translator would, from a copy of the project."""
    project = tmp_path / "atlas"
    shutil.copytree(
        settings.BASE_DIR,
        project,
        ignore=shutil.ignore_patterns(
            ".*", "build", "node_modules", "tests", "*.sqlite3*", "__pycache__", "*.mo"
        ),
    )
    for domain in ("django", "djangojs"):
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-d", domain, "-l", "es", "-l", "fr",
             "--ignore=build", "--ignore=static/vendor", "--ignore=staticfiles"],
            cwd=project, env={**os.environ, "DEBUG": "true"}, check=True, capture_output=True,
        )  # fmt: skip
    for po in sorted((project / "locale").glob("*/LC_MESSAGES/*.po")):
        assert untranslated_or_fuzzy(po) == [], po.relative_to(project)


@pytest.mark.parametrize("language", OTHERS)
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_catalogues_have_no_untranslated_or_fuzzy_entry(language, domain):
    assert untranslated_or_fuzzy(LOCALE / language / "LC_MESSAGES" / f"{domain}.po") == []


@pytest.mark.parametrize("language", OTHERS)
def test_catalogues_are_compiled_and_used(language):
    assert (LOCALE / language / "LC_MESSAGES" / "django.mo").exists()
    with translation.override(language):
        assert str(translation.gettext("Cases")) != "Cases"


def test_the_translations_files_cover_the_records_they_name():
    for path in sorted((FIXTURES / "translations").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["language"] in OTHERS, path.name
