"""The reference knowledge of the atlas: the papers, the controlled vocabularies of the field,
city networks, recommendations, financing mechanisms and regional mobility frameworks."""

from pathways.models.curated import (
    FinancingMechanism,
    Network,
    Recommendation,
    RegionalFramework,
)
from pathways.models.sources import Citation, Cited, Publication
from pathways.models.tables import NetworkCount
from pathways.models.vocabularies import (
    Addressee,
    CityRole,
    GCMObjective,
    PathwayExample,
    PathwayType,
    ProgramCategory,
)

__all__ = [
    "Addressee",
    "Citation",
    "Cited",
    "CityRole",
    "FinancingMechanism",
    "GCMObjective",
    "Network",
    "NetworkCount",
    "PathwayExample",
    "PathwayType",
    "ProgramCategory",
    "Publication",
    "Recommendation",
    "RegionalFramework",
]
