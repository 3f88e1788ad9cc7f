"""The papers' data: the fixture files, and the kinds of record they hold in loading order (a
record before those that refer to it). Each kind's fields are declared by the app that owns
it."""

from pathlib import Path

from atlas.loading import load_records
from atlas.loading.kinds import RecordKind
from cases import fields as catalogue
from cases.models import Case, CountryRegion, Organisation, Place, WorldRegion
from pathways import fields as reference
from pathways import models as knowledge

KINDS = [
    RecordKind("publications", knowledge.Publication, reference.PUBLICATION),
    RecordKind("roles", knowledge.CityRole, reference.TERM),
    RecordKind("pathway_types", knowledge.PathwayType, reference.PATHWAY_TYPE),
    RecordKind("program_categories", knowledge.ProgramCategory, reference.TERM),
    RecordKind("addressees", knowledge.Addressee, reference.TERM),
    RecordKind("gcm_objectives", knowledge.GCMObjective, reference.GCM_OBJECTIVE, key="number"),
    RecordKind("areas", WorldRegion, catalogue.AREA, key="code"),
    RecordKind("countries", CountryRegion, catalogue.COUNTRY, key="country"),
    RecordKind("places", Place, catalogue.PLACE),
    RecordKind("organisations", Organisation, catalogue.ORGANISATION),
    RecordKind("networks", knowledge.Network, reference.NETWORK, defining_field="name"),
    RecordKind(
        "frameworks",
        knowledge.RegionalFramework,
        reference.REGIONAL_FRAMEWORK,
        defining_field="name",
    ),
    RecordKind("cases", Case, catalogue.CASE, defining_field="title", required=("kind",)),
    RecordKind(
        "financing_mechanisms",
        knowledge.FinancingMechanism,
        reference.FINANCING_MECHANISM,
        defining_field="name",
    ),
    RecordKind(
        "recommendations",
        knowledge.Recommendation,
        reference.RECOMMENDATION,
        defining_field="headline",
    ),
    RecordKind("network_counts", knowledge.NetworkCount, reference.NETWORK_COUNT),
]


def fixture_files(directory):
    """The fixture files in loading order: vocabularies and places first, then the papers."""
    directory = Path(directory)
    named = [directory / name for name in ("vocabulary.yaml", "m49.yaml", "places.yaml")]
    others = [
        directory / "organisations.yaml",
        *sorted((directory / "papers").glob("*.yaml")),
        *sorted((directory / "translations").glob("*.yaml")),
    ]
    return [path for path in named + others if path.exists()]


def load_atlas(directory, *, recreate_deleted=False):
    """Load the papers' data from `directory` (see atlas.loading for how edits are kept)."""
    return load_records(fixture_files(directory), KINDS, recreate_deleted=recreate_deleted)
