"""The case and place datasets: their export columns come from the declarations."""

from django.utils.translation import gettext_lazy as _

from atlas.exports import Dataset
from cases.fields import CASE, PLACE
from cases.models import Case, Place
from cases.serializers import CaseSerializer, PlaceSerializer

CASES = Dataset(
    name="cases",
    title=_("Cases"),
    serializer=CaseSerializer,
    formats=("csv", "xlsx", "json", "geojson"),
    columns=CASE.columns(Case),
)

PLACES = Dataset(
    name="places",
    title=_("Places"),
    serializer=PlaceSerializer,
    formats=("csv", "xlsx", "json", "geojson"),
    notes=_("The places where the filtered cases act; takes the case list's filters."),
    columns=PLACE.columns(Place),
)
