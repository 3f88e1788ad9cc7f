"""The map of the filtered cases' places, and the GeoJSON it is drawn from."""

from django.http import JsonResponse

from atlas.views import FilteredView, invalid_filter_response
from cases.filters import CaseFilter
from cases.geojson import places_geojson
from cases.models import Case, Place


class CaseFilteredView(FilteredView):
    filterset_class = CaseFilter
    queryset = Case.objects.published()


class MapView(CaseFilteredView):
    template_name = "cases/map.html"

    def get_context_data(self, **kwargs):
        if kwargs.get("invalid"):
            return super().get_context_data(**kwargs)
        places = Place.objects.of_cases(self.filterset.qs, self.filterset.place_constraint())
        return super().get_context_data(places=places, **kwargs)


class PlacesGeoJSONView(CaseFilteredView):
    """The map's data: few cases per place keep it light; the export has them all."""

    def render_filtered(self, context):
        filters = self.filterset
        data = places_geojson(filters.qs, filters.place_constraint(), cases_per_place=10)
        return JsonResponse(data, content_type="application/geo+json")

    def render_invalid(self, context):
        return invalid_filter_response(self.filterset)
