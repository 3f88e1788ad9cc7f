"""Ways to explore the filtered case list other than reading it: the role × pathway matrix,
the map and its GeoJSON, and site-wide search."""

from django.db.models import Count, Q
from django.http import JsonResponse
from django.views.generic import TemplateView

from atlas.views import ExportView, FilteredView, invalid_filter_response
from cases.exports import CASES, PLACES
from cases.filters import CaseFilter
from cases.matrix import category_region_matrix, role_pathway_matrix
from cases.models import Case, Place
from cases.search import search_everything


class CaseFilteredView(FilteredView):
    filterset_class = CaseFilter
    queryset = Case.objects.published()


class MatrixView(CaseFilteredView):
    template_name = "cases/matrix.html"

    def get_context_data(self, **kwargs):
        if kwargs.get("invalid"):
            return super().get_context_data(**kwargs)
        # A cell's link replaces its row and column filters, so its count is taken over the
        # cases the *other* filters leave; chosen rows and columns are shown alone.
        filters = self.filterset
        chosen = {name: filters.values(name) for name in ("role", "pathway", "category", "region")}
        return super().get_context_data(
            role_pathway=role_pathway_matrix(
                filters.queryset_without("role", "pathway").values("pk"),
                filters.stated_only(),
                rows=chosen["role"],
                columns=chosen["pathway"],
            ),
            category_region=category_region_matrix(
                filters.queryset_without("category", "region").values("pk"),
                rows=chosen["category"],
                columns=chosen["region"],
            ),
            **kwargs,
        )


ANYWHERE = Q()


def places_of(cases, constraint=ANYWHERE):
    """The places where the given cases act, each with how many of them act there."""
    return (
        Place.objects.filter(constraint, cases__in=cases.values("pk"))
        .annotate(case_count=Count("cases", filter=Q(cases__in=cases.values("pk")), distinct=True))
        .order_by("name")
    )


class MapView(CaseFilteredView):
    template_name = "cases/map.html"

    def get_context_data(self, **kwargs):
        if kwargs.get("invalid"):
            return super().get_context_data(**kwargs)
        places = places_of(self.filterset.qs, self.filterset.place_constraint())
        return super().get_context_data(places=places, **kwargs)


def places_geojson(cases, constraint=ANYWHERE, cases_per_place=None):
    """The located places of the cases, each with its cases, as a GeoJSON FeatureCollection."""
    places = places_of(cases, constraint).exclude(latitude=None)
    titles = {}
    through = Case.places.through.objects.filter(case__in=cases.values("pk"), place__in=places)
    for row in through.select_related("case").order_by("case__title"):
        titles.setdefault(row.place_id, []).append(row.case)
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(p.longitude), float(p.latitude)]},
            "properties": {
                "name": p.name,
                "slug": p.slug,
                "url": p.get_absolute_url(),
                "country": p.country.code,
                "case_count": p.case_count,
                "cases": [
                    {"slug": c.slug, "title": c.title, "url": c.get_absolute_url()}
                    for c in titles.get(p.pk, [])[:cases_per_place]
                ],
            },
        }
        for p in places
    ]
    return {"type": "FeatureCollection", "features": features}


class PlacesGeoJSONView(CaseFilteredView):
    """The map's data: few cases per place keep it light; the export has them all."""

    def render_filtered(self, context):
        filters = self.filterset
        data = places_geojson(filters.qs, filters.place_constraint(), cases_per_place=10)
        return JsonResponse(data, content_type="application/geo+json")

    def render_invalid(self, context):
        return invalid_filter_response(self.filterset)


class CaseExportView(ExportView):
    dataset = CASES
    filterset_class = CaseFilter
    queryset = Case.objects.published().for_detail()

    def geojson(self, records):
        data = places_geojson(records, self.filterset.place_constraint())
        response = JsonResponse(data, content_type="application/geo+json")
        response["Content-Disposition"] = (
            f'attachment; filename="{self.dataset.filename("geojson")}"'
        )
        return response


class PlaceExportView(CaseExportView):
    dataset = PLACES
    queryset = Case.objects.published()

    def records(self):
        return places_of(self.filterset.qs, self.filterset.place_constraint()).select_related(
            "region", "subregion", "intermediate_region"
        )


class SearchView(TemplateView):
    template_name = "cases/search.html"
    per_kind = 20

    def get_context_data(self, **kwargs):
        text = self.request.GET.get("q", "").strip()[:200]
        groups = [
            (kind, results.count(), list(results[: self.per_kind]))
            for kind, results in search_everything(text)
        ]
        return super().get_context_data(q=text, groups=groups, **kwargs)
