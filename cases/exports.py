"""The case and place datasets: their export columns, documented once for the codebook."""

from django.utils.translation import gettext_lazy as _

from atlas.exports import Column, Dataset, absolute, citations, names, slugs, unique
from cases.models import Place
from cases.serializers import CaseSerializer, PlaceSerializer


def classified(relation, term, basis=None):
    def value(case):
        rows = getattr(case, relation).all()
        return [getattr(row, term).slug for row in rows if basis in (None, row.basis)]

    return value


def objectives(primary):
    return lambda case: [
        row.objective.number for row in case.case_objectives.all() if row.primary == primary
    ]


ROLES = "incubator, implementer, advocate"
PATHWAYS = "family, labour, education, investment, humanitarian, regularisation"
SEE = _("see the vocabulary in the API")

CASES = Dataset(
    name="cases",
    title=_("Cases"),
    serializer=CaseSerializer,
    formats=("csv", "xlsx", "json", "geojson"),
    columns=[
        Column("slug", _("Stable identifier of the case."), lambda c: c.slug),
        Column("url", _("The case's page (path on this site)."), absolute, "url"),
        Column("title", _("Name of the practice."), lambda c: c.title),
        Column("summary", _("One sentence, in our words."), lambda c: c.summary),
        Column("description", _("Two to five sentences, in our words (Markdown)."), lambda c: c.description),
        Column("places", _("Acting local or regional governments."), names("places"), "list"),
        Column("place_slugs", _("Their identifiers."), slugs("places"), "list"),
        Column("countries", _("ISO 3166-1 alpha-2 codes of the places."), lambda c: unique(p.country.code for p in c.places.all()), "list"),
        Column("world_regions", _("UN M49 regions of the places."), lambda c: unique(p.region and p.region.name for p in c.places.all()), "list"),
        Column("subregions", _("UN M49 sub-regions of the places."), lambda c: unique(p.subregion and p.subregion.name for p in c.places.all()), "list"),
        Column("actor_network", _("The network acting, when a network rather than a government carries the practice."), lambda c: c.actor_network and c.actor_network.slug),
        Column("roles", _("City roles, stated or classified."), classified("case_roles", "role"), "list", ROLES),
        Column("roles_stated", _("City roles the source states."), classified("case_roles", "role", "stated"), "list", ROLES),
        Column("roles_classified", _("City roles that are our classification."), classified("case_roles", "role", "classified"), "list", ROLES),
        Column("pathway_types", _("Pathway types, stated or classified."), classified("case_pathways", "pathway_type"), "list", PATHWAYS),
        Column("pathway_types_stated", _("Pathway types the source states."), classified("case_pathways", "pathway_type", "stated"), "list", PATHWAYS),
        Column("pathway_types_classified", _("Pathway types that are our classification."), classified("case_pathways", "pathway_type", "classified"), "list", PATHWAYS),
        Column("program_category", _("Program category (slug)."), lambda c: c.program_category and c.program_category.slug, "text", SEE),
        Column("gcm_objectives", _("GCM objectives, primary (002 annex)."), objectives(True), "list of integers", "1–23"),
        Column("gcm_objectives_secondary", _("GCM objectives in brackets in the 002 annex."), objectives(False), "list of integers", "1–23"),
        Column("partners", _("Partner organisations."), names("partners"), "list"),
        Column("networks", _("City networks the practice runs through (slugs)."), slugs("networks"), "list"),
        Column("frameworks", _("Regional mobility frameworks (slugs)."), slugs("frameworks"), "list"),
        Column("financing_mechanisms", _("Financing mechanisms (slugs)."), slugs("financing_mechanisms"), "list"),
        Column("start_year", _("Year the practice started, where the source says."), lambda c: c.start_year, "integer"),
        Column("end_year", _("Year it ended, where the source says."), lambda c: c.end_year, "integer"),
        Column("status", _("Status."), lambda c: c.status, "text", "active, ended, pilot, proposed, unknown"),
        Column("depth", _("Whether the sources describe the practice or mention it in passing."), lambda c: c.depth, "text", "practice, mention"),
        Column("key_figures", _("Figures from the sources: 'label: value (year)'."), lambda c: [str(f) for f in c.figures.all()], "list"),
        Column("citations", _("Sources: 'short title (year), section, locator'."), citations, "list"),
        Column("created_at", _("When the record was created (ISO 8601)."), lambda c: c.created_at, "datetime"),
        Column("updated_at", _("When it last changed (ISO 8601)."), lambda c: c.updated_at, "datetime"),
    ],
)  # fmt: skip


PLACES = Dataset(
    name="places",
    title=_("Places"),
    serializer=PlaceSerializer,
    formats=("csv", "xlsx", "json", "geojson"),
    notes=_("The places where the filtered cases act; takes the case list's filters."),
    columns=[
        Column("slug", _("Stable identifier of the place."), lambda p: p.slug),
        Column("url", _("The place's page."), absolute, "url"),
        Column("name", _("Name of the local or regional government."), lambda p: p.name),
        Column("aliases", _("Other spellings in the sources."), lambda p: p.aliases, "list"),
        Column("level", _("Level of government."), lambda p: p.level, "text", ", ".join(Place.Level.values)),
        Column("country", _("ISO 3166-1 alpha-2 code."), lambda p: p.country.code),
        Column("world_region", _("UN M49 region."), lambda p: p.region and p.region.name),
        Column("subregion", _("UN M49 sub-region."), lambda p: p.subregion and p.subregion.name),
        Column("intermediate_region", _("UN M49 intermediate region."), lambda p: p.intermediate_region and p.intermediate_region.name),
        Column("latitude", _("From GeoNames; empty when no gazetteer entry matched."), lambda p: p.latitude, "decimal"),
        Column("longitude", _("From GeoNames."), lambda p: p.longitude, "decimal"),
        Column("geonames_id", _("GeoNames identifier of the coordinates."), lambda p: p.geonames_id, "integer"),
        Column("case_count", _("Number of the filtered cases acting here."), lambda p: p.case_count, "integer"),
    ],
)  # fmt: skip
