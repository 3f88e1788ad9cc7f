"""The map of the filtered cases' places, and the GeoJSON it is drawn from."""

from django.http import JsonResponse
from django.views.generic import View

from atlas.views import FilteredMixin, FilteredView
from cases.filters import CaseFilter
from cases.geojson import places_geojson
from cases.models import Case, Place


class CaseFilteredView(FilteredView):
    filterset_class = CaseFilter
    queryset = Case.objects.published()


class MapView(CaseFilteredView):
    template_name = "cases/map.html"

    def get_context_data(self, **kwargs):
        filters = kwargs["filter"]
        places = Place.objects.of_cases(filters.qs, filters.place_constraint())
        return super().get_context_data(places=places, **kwargs)


class PlacesGeoJSONView(FilteredMixin, View):
    """The map's data: few cases per place keep it light; the export has them all."""

    filterset_class = CaseFilter
    queryset = Case.objects.published()

    def get(self, request, *args, **kwargs):
        filters = self.bind(request)
        data = places_geojson(filters.qs, filters.place_constraint(), cases_per_place=10)
        return JsonResponse(data, content_type="application/geo+json")
