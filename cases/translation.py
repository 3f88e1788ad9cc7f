"""What of the catalogue is kept in English, Spanish and French (one column per language,
django-modeltranslation): a case's title, summary and description, and the UN M49 names of
world regions. Place and organisation names stay as the papers give them."""

from modeltranslation.translator import TranslationOptions

from atlas.translating import translated
from cases.models import Case, WorldRegion


@translated(Case)
class CaseTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@translated(WorldRegion)
class RegionTranslation(TranslationOptions):
    fields = ("name",)
