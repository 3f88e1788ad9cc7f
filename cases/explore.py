"""Ways to explore the filtered case list other than reading it: the role × pathway matrix,
the map and its GeoJSON, and site-wide search."""

from django.db.models import Count, Q
from django.http import JsonResponse
from django.views.generic import TemplateView

from atlas.views import FilteredView
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


def places_of(cases):
    """The places where the given cases act, each with how many of them act there."""
    return (
        Place.objects.filter(cases__in=cases.values("pk"))
        .annotate(case_count=Count("cases", filter=Q(cases__in=cases.values("pk")), distinct=True))
        .order_by("name")
    )


class MapView(CaseFilteredView):
    template_name = "cases/map.html"

    def get_context_data(self, **kwargs):
        if kwargs.get("invalid"):
            return super().get_context_data(**kwargs)
        return super().get_context_data(places=places_of(self.filterset.qs), **kwargs)


class PlacesGeoJSONView(CaseFilteredView):
    """The map's data: the places of the filtered cases as a GeoJSON FeatureCollection."""

    cases_per_place = 10

    def render_filtered(self, context):
        cases = self.filterset.qs
        places = places_of(cases).exclude(latitude=None)
        titles = {}
        through = Case.places.through.objects.filter(case__in=cases.values("pk"), place__in=places)
        for row in through.select_related("case").order_by("case__title"):
            titles.setdefault(row.place_id, []).append(row.case)
        features = [
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(p.longitude), float(p.latitude)],
                },
                "properties": {
                    "name": p.name,
                    "slug": p.slug,
                    "url": p.get_absolute_url(),
                    "country": p.country.code,
                    "case_count": p.case_count,
                    "cases": [
                        {"title": c.title, "url": c.get_absolute_url()}
                        for c in titles.get(p.pk, [])[: self.cases_per_place]
                    ],
                },
            }
            for p in places
        ]
        return JsonResponse(
            {"type": "FeatureCollection", "features": features},
            content_type="application/geo+json",
        )

    def render_invalid(self, context):
        errors = {
            field: [str(e) for e in errs] for field, errs in self.filterset.form.errors.items()
        }
        return JsonResponse({"error": "invalid filter", "fields": errors}, status=400)


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
