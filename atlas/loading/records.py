"""Which fixture keys become which fields, record kind by record kind, in loading order."""

from dataclasses import dataclass

from atlas.loading import fields as f
from atlas.models import State
from cases.models import (
    Case,
    CountryRegion,
    Organisation,
    Place,
    WorldRegion,
)
from pathways.models import (
    Addressee,
    CityRole,
    FinancingMechanism,
    GCMObjective,
    Network,
    PathwayType,
    ProgramCategory,
    Publication,
    Recommendation,
    RegionalFramework,
)


@dataclass
class RecordKind:
    section: str  # the top-level key of the fixture files
    model: type
    fields: list
    key: str = "slug"
    # Entries naming this field define a record; entries without it only extend one.
    defining_field: str | None = None
    # List and mapping keys an extending entry may add to.
    extendable: tuple = ()

    def lookup(self, value):
        return {self.key: value}


def vocabulary(section, model, *extra):
    return RecordKind(
        section,
        model,
        [f.Text("name"), f.Text("definition"), f.Integer("order", default=0), *extra],
    )


PUBLISHED = f.Text("state", default=State.PUBLISHED)

KINDS = [
    RecordKind(
        "publications",
        Publication,
        [
            f.Text("title"),
            f.Text("short_title"),
            f.Text("authors"),
            f.Text("publisher"),
            f.Integer("year"),
            f.Integer("month"),
            f.Text("kind"),
            f.Text("url"),
            f.Text("summary"),
            f.Text("text_file"),
        ],
    ),
    vocabulary("roles", CityRole),
    vocabulary(
        "pathway_types",
        PathwayType,
        f.Rows("examples", {"name": f.Text("name")}),
    ),
    vocabulary("program_categories", ProgramCategory),
    vocabulary("addressees", Addressee),
    RecordKind("gcm_objectives", GCMObjective, [f.Text("title")], key="number"),
    RecordKind(
        "areas",
        WorldRegion,
        [f.Text("name"), f.Text("level"), f.Reference("parent", WorldRegion, key="code")],
        key="code",
    ),
    RecordKind(
        "countries",
        CountryRegion,
        [f.Text("m49_code", source="m49"), f.Reference("area", WorldRegion, key="code")],
        key="country",
    ),
    RecordKind(
        "places",
        Place,
        [
            f.Text("name"),
            f.StringList("aliases"),
            f.Text("level"),
            f.Country("country"),
            f.Coordinate("latitude"),
            f.Coordinate("longitude"),
            f.Integer("geonames_id"),
        ],
    ),
    RecordKind(
        "organisations",
        Organisation,
        [f.Text("name"), f.Text("acronym"), f.Text("kind", default="other"), f.Text("url")],
    ),
    RecordKind(
        "networks",
        Network,
        [
            f.Text("name"),
            f.Text("acronym"),
            f.Text("scope"),
            f.Text("region"),
            f.Countries("countries"),
            f.Text("structure"),
            f.Integer("founded_year", source="founded"),
            f.Text("description"),
            PUBLISHED,
            f.ManyReferences("members", Place),
            f.Citations(),
        ],
        defining_field="name",
        extendable=("members", "countries"),
    ),
    RecordKind(
        "frameworks",
        RegionalFramework,
        [
            f.Text("name"),
            f.Text("acronym"),
            f.Countries("countries"),
            f.Text("description"),
            PUBLISHED,
            f.Citations(),
        ],
        defining_field="name",
        extendable=("countries",),
    ),
    RecordKind(
        "cases",
        Case,
        [
            f.Text("title"),
            f.Text("summary"),
            f.Text("description"),
            f.Text("depth", default=Case.Depth.PRACTICE),
            f.Reference("actor_network", Network),
            f.Reference("program_category", ProgramCategory, source="category"),
            f.Integer("start_year"),
            f.Integer("end_year"),
            f.Text("status", default=Case.Status.UNKNOWN),
            PUBLISHED,
            f.ManyReferences("places", Place),
            f.ManyReferences("partners", Organisation),
            f.ManyReferences("networks", Network),
            f.ManyReferences("frameworks", RegionalFramework),
            f.Classified("case_roles", "role", "slug", "basis", source="roles"),
            f.Classified("case_pathways", "pathway_type", "slug", "basis", source="pathways"),
            f.Classified(
                "case_objectives",
                "objective",
                "number",
                "primary",
                lambda weight: weight == "primary",
                lambda primary: "primary" if primary else "secondary",
                source="gcm",
            ),
            f.Rows(
                "figures",
                {"label": f.Text("label"), "value": f.Text("value"), "year": f.Integer("year")},
            ),
            f.Citations(),
        ],  # fmt: skip
        defining_field="title",
        extendable=(
            "places",
            "partners",
            "networks",
            "frameworks",
            "roles",
            "pathways",
            "gcm",
            "figures",
        ),
    ),
    RecordKind(
        "financing_mechanisms",
        FinancingMechanism,
        [
            f.Text("name"),
            f.Text("description"),
            PUBLISHED,
            f.ManyReferences("examples", Case),
            f.Citations(),
        ],
        defining_field="name",
        extendable=("examples",),
    ),
    RecordKind(
        "recommendations",
        Recommendation,
        [
            f.Integer("number"),
            f.Text("kind", default=Recommendation.Kind.RECOMMENDATION),
            f.Reference("parent", Recommendation),
            f.Text("headline"),
            f.Text("text"),
            f.Reference("program_category", ProgramCategory, source="category"),
            f.Text("theme"),
            PUBLISHED,
            f.ManyReferences("addressees", Addressee),
            f.ManyReferences("roles", CityRole),
            f.ManyReferences("pathway_types", PathwayType, source="pathways"),
            f.Citations(),
        ],
        defining_field="headline",
    ),
]
