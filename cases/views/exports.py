"""The export twins of the case list: its cases, and the places they act in."""

from django.http import JsonResponse

from atlas.views import ExportView
from cases.exports import CASES, PLACES
from cases.filters import CaseFilter
from cases.geojson import places_geojson
from cases.models import Case, Place


class CaseExportView(ExportView):
    dataset = CASES
    filterset_class = CaseFilter
    queryset = Case.objects.published().for_detail()

    def geojson(self, filters, records):
        # The places of the matching cases, whichever dataset this is (for the places export
        # `records` are already places).
        data = places_geojson(filters.qs, filters.place_constraint())
        response = JsonResponse(data, content_type="application/geo+json")
        response["Content-Disposition"] = (
            f'attachment; filename="{self.dataset.filename("geojson")}"'
        )
        return response


class PlaceExportView(CaseExportView):
    dataset = PLACES
    queryset = Case.objects.published()

    def records(self, filters):
        return Place.objects.of_cases(filters.qs, filters.place_constraint()).select_related(
            "region", "subregion", "intermediate_region"
        )
