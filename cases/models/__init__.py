"""Places (the acting local and regional governments) and the catalogue of city practices."""

from cases.models.catalogue import (
    Basis,
    Case,
    CaseGCMObjective,
    CasePathwayType,
    CaseRedirect,
    CaseRole,
    KeyFigure,
    SourceClaim,
)
from cases.models.places import CountryRegion, Organisation, Place, WorldRegion

__all__ = [
    "Basis",
    "Case",
    "CaseGCMObjective",
    "CasePathwayType",
    "CaseRedirect",
    "CaseRole",
    "CountryRegion",
    "KeyFigure",
    "Organisation",
    "Place",
    "SourceClaim",
    "WorldRegion",
]
