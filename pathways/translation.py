"""What of the reference knowledge is kept in English, Spanish and French (one column per
language, django-modeltranslation). Proper names stay as the papers give them: network and
framework names, publication titles."""

from modeltranslation.translator import TranslationOptions

from atlas.translating import translated
from pathways.models import (
    Addressee,
    CityRole,
    FinancingMechanism,
    GCMObjective,
    Network,
    NetworkCount,
    PathwayExample,
    PathwayType,
    ProgramCategory,
    Recommendation,
    RegionalFramework,
)


@translated([CityRole, PathwayType, ProgramCategory, Addressee])
class TermTranslation(TranslationOptions):
    fields = ("name", "definition")


@translated(PathwayExample)
class ExampleTranslation(TranslationOptions):
    fields = ("name",)


@translated(GCMObjective)
class ObjectiveTranslation(TranslationOptions):
    fields = ("title",)


@translated(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("description",)


@translated(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("headline", "text", "theme")


@translated(FinancingMechanism)
class MechanismTranslation(TranslationOptions):
    fields = ("name", "description")


@translated(RegionalFramework)
class FrameworkTranslation(TranslationOptions):
    fields = ("description",)


@translated(NetworkCount)
class NetworkCountTranslation(TranslationOptions):
    fields = ("region", "reading_note")
