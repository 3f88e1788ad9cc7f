"""Export column headers in the reader's language.

A column's identifier (`Column.name`) is the English one: the API's field names, the import's
default columns and every script written against an English export use it. An export or codebook
in another language heads each column with the same identifier in that language, still a plain
identifier (lowercase ASCII and underscores) so that spreadsheets and scripts can address it; the
values in the cells (slugs, codes, years) are the same in every language, so that data joins still
work. The import reads a header in any of the site's languages.

The headers are listed here rather than beside each field's declaration because gettext only
extracts literal strings; `tests/test_languages.py` checks that every exported column has one.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import pgettext_lazy

HEADERS = {
    "slug": pgettext_lazy("export column", "slug"),
    "url": pgettext_lazy("export column", "url"),
    "title": pgettext_lazy("export column", "title"),
    "kind": pgettext_lazy("export column", "kind"),
    "summary": pgettext_lazy("export column", "summary"),
    "description": pgettext_lazy("export column", "description"),
    "places": pgettext_lazy("export column", "places"),
    "place_slugs": pgettext_lazy("export column", "place_slugs"),
    "named_places": pgettext_lazy("export column", "named_places"),
    "named_place_slugs": pgettext_lazy("export column", "named_place_slugs"),
    "countries": pgettext_lazy("export column", "countries"),
    "world_regions": pgettext_lazy("export column", "world_regions"),
    "subregions": pgettext_lazy("export column", "subregions"),
    "actor_network": pgettext_lazy("export column", "actor_network"),
    "roles": pgettext_lazy("export column", "roles"),
    "roles_stated": pgettext_lazy("export column", "roles_stated"),
    "roles_classified": pgettext_lazy("export column", "roles_classified"),
    "pathway_types": pgettext_lazy("export column", "pathway_types"),
    "pathway_types_stated": pgettext_lazy("export column", "pathway_types_stated"),
    "pathway_types_classified": pgettext_lazy("export column", "pathway_types_classified"),
    "program_category": pgettext_lazy("export column", "program_category"),
    "gcm_objectives": pgettext_lazy("export column", "gcm_objectives"),
    "gcm_objectives_secondary": pgettext_lazy("export column", "gcm_objectives_secondary"),
    "partners": pgettext_lazy("export column", "partners"),
    "networks": pgettext_lazy("export column", "networks"),
    "frameworks": pgettext_lazy("export column", "frameworks"),
    "financing_mechanisms": pgettext_lazy("export column", "financing_mechanisms"),
    "start_year": pgettext_lazy("export column", "start_year"),
    "end_year": pgettext_lazy("export column", "end_year"),
    "status": pgettext_lazy("export column", "status"),
    "depth": pgettext_lazy("export column", "depth"),
    "recommendations": pgettext_lazy("export column", "recommendations"),
    "claims": pgettext_lazy("export column", "claims"),
    "key_figures": pgettext_lazy("export column", "key_figures"),
    "citations": pgettext_lazy("export column", "citations"),
    "created_at": pgettext_lazy("export column", "created_at"),
    "updated_at": pgettext_lazy("export column", "updated_at"),
    "name": pgettext_lazy("export column", "name"),
    "aliases": pgettext_lazy("export column", "aliases"),
    "level": pgettext_lazy("export column", "level"),
    "country": pgettext_lazy("export column", "country"),
    "world_region": pgettext_lazy("export column", "world_region"),
    "subregion": pgettext_lazy("export column", "subregion"),
    "intermediate_region": pgettext_lazy("export column", "intermediate_region"),
    "latitude": pgettext_lazy("export column", "latitude"),
    "longitude": pgettext_lazy("export column", "longitude"),
    "geonames_id": pgettext_lazy("export column", "geonames_id"),
    "case_count": pgettext_lazy("export column", "case_count"),
    "acronym": pgettext_lazy("export column", "acronym"),
    "scope": pgettext_lazy("export column", "scope"),
    "region": pgettext_lazy("export column", "region"),
    "structure": pgettext_lazy("export column", "structure"),
    "founded_year": pgettext_lazy("export column", "founded_year"),
    "members": pgettext_lazy("export column", "members"),
    "member_slugs": pgettext_lazy("export column", "member_slugs"),
    "printed": pgettext_lazy("export column", "printed"),
    "reading": pgettext_lazy("export column", "reading"),
    "reading_note": pgettext_lazy("export column", "reading_note"),
    "number": pgettext_lazy("export column", "number"),
    "parent": pgettext_lazy("export column", "parent"),
    "headline": pgettext_lazy("export column", "headline"),
    "text": pgettext_lazy("export column", "text"),
    "addressees": pgettext_lazy("export column", "addressees"),
    "theme": pgettext_lazy("export column", "theme"),
    "cases": pgettext_lazy("export column", "cases"),
}


def column_header(name):
    """The column's header in the active language."""
    return str(HEADERS[name]) if name in HEADERS else name


def identifiers(names):
    """Each header a reader may give, in any of the site's languages, mapped to the identifier
    of the column among `names` it heads."""
    found = {}
    for language, _ in settings.LANGUAGES:
        with translation.override(language):
            found.update({column_header(name): name for name in names})
    return found


def language_of(headers, names):
    """The language a file's header row is written in: the one heading most of its columns
    (English when none does better), so that its texts are read as that language's."""
    given = {str(name).lstrip("\ufeff") for name in headers}
    best, hits = settings.LANGUAGE_CODE, 0
    for language, _ in settings.LANGUAGES:
        with translation.override(language):
            found = len(
                given & {column_header(name) for name in names if column_header(name) != name}
            )
        if found > hits:
            best, hits = language, found
    return best
