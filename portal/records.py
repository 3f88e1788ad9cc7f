"""The papers' data: which fixture keys become which fields, record kind by record kind, in
loading order, and the files they are read from."""

from pathlib import Path

from atlas.loading import fields as f
from atlas.loading import load_records
from atlas.loading.kinds import RecordKind
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


def fixture_files(directory):
    """The fixture files in loading order: vocabularies and places first, then the papers."""
    directory = Path(directory)
    named = [directory / name for name in ("vocabulary.yaml", "m49.yaml", "places.yaml")]
    others = [directory / "organisations.yaml", *sorted((directory / "papers").glob("*.yaml"))]
    return [path for path in named + others if path.exists()]


def load_atlas(directory):
    """Load the papers' data from `directory` (see atlas.loading for how edits are kept)."""
    return load_records(fixture_files(directory), KINDS)
