"""The fields of the catalogue's record types, declared once: a case, a place, and the
records the loader writes for places (M49 areas, countries, organisations).

Export columns, the codebook, the API's field lists, the import's columns, the loader,
merging and the history of a case's related rows derive from these (`atlas.records`).
"""

from django.utils.translation import gettext_lazy as _

from atlas.exports import unique
from atlas.fields import (
    Computed,
    Coordinate,
    Country,
    Field,
    Integer,
    Reference,
    StringList,
    Text,
    Translations,
    identity,
)
from atlas.models import State
from atlas.records import RecordType
from atlas.relations import Citations, Claims, Classified, Kind, ManyReferences, Redirects, Rows

ROLES = "incubator, implementer, advocate"
PATHWAYS = "family, labour, education, investment, humanitarian, regularisation"
SEE = _("see the vocabulary in the API")
SOURCES = _("Sources: 'short title (year), section, locator'.")
STATED, CLASSIFIED = "stated", "classified"


def of_places(attribute):
    def value(case):
        return unique(attribute(place) for place in case.places.all())

    return value


def area(level):
    return lambda record: getattr(record, level) and getattr(record, level).name


CASE = RecordType(
    [
        *identity(_("Stable identifier of the case."), _("The case's page (path on this site).")),
        Text("title", _("Name of the practice."), imported=True, merged=False),
        Text("kind", _("What the record is: a practice a government carries out, a commitment "
                       "or statement, an event, a document or a network initiative."),
             imported=True),
        Text("summary", _("One sentence, in our words."), imported=True),
        Text("description", _("Two to five sentences, in our words (Markdown)."), imported=True),
        ManyReferences("places", _("Acting local or regional governments."), shown="name",
                       keys_column="place_slugs", keys_description=_("Their identifiers."),
                       imported=True),
        ManyReferences("named_places", _("Places the practice serves or the sources name as "
                                         "examples, which do not act in it."), shown="name",
                       keys_column="named_place_slugs", keys_description=_("Their identifiers."),
                       imported=True),
        Computed("countries", _("ISO 3166-1 alpha-2 codes of the places."),
                 of_places(lambda place: place.country.code), "list", api=None),
        Computed("world_regions", _("UN M49 regions of the places."),
                 of_places(area("region")), "list", api=None),
        Computed("subregions", _("UN M49 sub-regions of the places."),
                 of_places(area("subregion")), "list", api=None),
        Reference("actor_network", _("The network acting, when a network rather than a "
                                     "government carries the practice."), imported=True),
        Classified("case_roles", target="role", target_key="slug", attribute="basis",
                   source="roles", api="roles", vocabulary=ROLES, imported=True, kinds=[
                       Kind("roles", _("City roles, stated or classified.")),
                       Kind("roles_stated", _("City roles the source states."), STATED),
                       Kind("roles_classified", _("City roles that are our classification."),
                            CLASSIFIED),
                   ]),
        Classified("case_pathways", target="pathway_type", target_key="slug", attribute="basis",
                   source="pathways", api="pathway_types", vocabulary=PATHWAYS, imported=True,
                   kinds=[
                       Kind("pathway_types", _("Pathway types, stated or classified.")),
                       Kind("pathway_types_stated", _("Pathway types the source states."),
                            STATED),
                       Kind("pathway_types_classified",
                            _("Pathway types that are our classification."), CLASSIFIED),
                   ]),
        Reference("program_category", _("Program category (slug)."), source="category",
                  vocabulary=SEE, imported=True),
        Classified("case_objectives", target="objective", target_key="number",
                   attribute="primary", source="gcm", api="gcm_objectives",
                   to_db=lambda weight: weight == "primary",
                   from_db=lambda primary: "primary" if primary else "secondary",
                   list_type="list of integers", vocabulary="1–23", imported=True, kinds=[
                       Kind("gcm_objectives", _("GCM objectives, primary (002 annex)."), True),
                       Kind("gcm_objectives_secondary",
                            _("GCM objectives in brackets in the 002 annex."), False),
                   ]),
        ManyReferences("partners", _("Partner organisations."), shown="name", imported=True),
        ManyReferences("networks", _("City networks the practice runs through (slugs)."),
                       imported=True),
        ManyReferences("frameworks", _("Regional mobility frameworks (slugs)."), imported=True),
        # Fixtures write these from the financing mechanism's side (its `examples`).
        ManyReferences("financing_mechanisms", _("Financing mechanisms (slugs)."),
                       imported=True, loaded=False),
        Integer("start_year", _("Year the practice started, where the source says."),
                imported=True),
        Integer("end_year", _("Year it ended, where the source says."), imported=True),
        Text("status", _("Status."), default="unknown", imported=True),
        Text("depth", _("Whether the sources describe the practice or mention it in passing."),
             default="practice", imported=True),
        ManyReferences("recommendations", _("Recommendations of the sources that concern it "
                                            "(slugs)."), loaded=False),
        Claims("claims", _("Where the sources disagree: 'what: value (source)'."),
               columns={"field": Text("field"), "value": Text("value"),
                        "publication": Text("publication"), "section": Text("section"),
                        "locator": Text("locator")}),
        Redirects("redirects", source="formerly", column=None, api=None),
        Rows("figures", _("Figures from the sources: 'label: value (year)'."),
             column="key_figures", columns={"label": Text("label"), "value": Text("value"),
                                            "year": Integer("year")}),
        Citations(SOURCES),
        Translations(),
        Computed("created_at", _("When the record was created (ISO 8601)."),
                 lambda case: case.created_at, "datetime"),
        Computed("updated_at", _("When it last changed (ISO 8601)."),
                 lambda case: case.updated_at, "datetime"),
        # Not shown to readers: what the workflow and the editors keep.
        Text("state", default=State.PUBLISHED, column=None, merged=False),
        Field("last_verified", column=None, loaded=False),
    ]
)  # fmt: skip

PLACE = RecordType(
    [
        *identity(_("Stable identifier of the place."), _("The place's page.")),
        Text("name", _("Name of the local or regional government.")),
        StringList("aliases", _("Other spellings in the sources.")),
        Text("level", _("Level of government.")),
        Country("country", _("ISO 3166-1 alpha-2 code.")),
        Computed("world_region", _("UN M49 region."), area("region")),
        Computed("subregion", _("UN M49 sub-region."), area("subregion")),
        Computed("intermediate_region", _("UN M49 intermediate region."),
                 area("intermediate_region")),
        Coordinate("latitude", _("From GeoNames; empty when no gazetteer entry matched.")),
        Coordinate("longitude", _("From GeoNames.")),
        Integer("geonames_id", _("GeoNames identifier of the coordinates.")),
        Computed("case_count", _("Number of the filtered cases acting here."),
                 lambda place: place.case_count, "integer", api=None),
    ]
)  # fmt: skip

AREA = RecordType([Text("name"), Text("level"), Reference("parent", key="code"), Translations()])
COUNTRY = RecordType([Text("m49_code", source="m49"), Reference("area", key="code")])
ORGANISATION = RecordType(
    [Text("name"), Text("acronym"), Text("kind", default="other"), Text("url")]
)
