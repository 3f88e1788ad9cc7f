"""The read-only JSON API: the same records and the same filters as the HTML lists."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from api.filters import FilterBackend
from atlas.views import bind_filters
from cases.filters import CaseFilter, CaseFilterForm
from cases.models import Case, Place
from cases.serializers import CaseSerializer, PlaceSerializer
from pathways import models as knowledge
from pathways.filters import NetworkFilter, RecommendationFilter
from pathways.serializers import (
    CityRoleSerializer,
    GCMObjectiveSerializer,
    NetworkSerializer,
    PathwayTypeSerializer,
    PublicationSerializer,
    RecommendationSerializer,
)


class Pages(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        value = request.query_params.get(self.page_size_query_param)
        if value is not None and not (value.isdigit() and int(value) > 0):
            raise ValidationError({"page_size": f"A whole number from 1 to {self.max_page_size}."})
        return super().get_page_size(request)


class ReadOnly(viewsets.ReadOnlyModelViewSet):
    pagination_class = Pages
    lookup_field = "slug"


def form_parameter(form_class, name):
    """A field of a filter form that qualifies filters (and so is not one) for the schema."""
    field = form_class.base_fields[name]
    choices = [value for value, _ in field.choices if value]
    return OpenApiParameter(name, str, enum=choices, description=str(field.label))


@extend_schema_view(list=extend_schema(parameters=[form_parameter(CaseFilterForm, "basis")]))
class CaseViewSet(ReadOnly):
    """Published cases. Filters as on /cases/; `page_size` up to 500."""

    queryset = Case.objects.published().for_detail().order_by("title")
    serializer_class = CaseSerializer
    filter_backends = [FilterBackend]
    filterset_class = CaseFilter


class PlaceViewSet(ReadOnly):
    """Places with published cases. Takes the case filters: the places where those cases act."""

    serializer_class = PlaceSerializer
    filterset_class = CaseFilter

    def get_queryset(self):
        return (
            Place.objects.filter(cases__state="published")
            .distinct()
            .select_related("region", "subregion", "intermediate_region")
            .order_by("name")
        )

    def filter_queryset(self, queryset):
        if self.action != "list":
            return queryset
        cases = bind_filters(self.filterset_class, self.request, Case.objects.published())
        return queryset.filter(cases.place_constraint(), cases__in=cases.qs.values("pk"))


class NetworkViewSet(ReadOnly):
    """Published city networks. Filters as on /networks/."""

    queryset = knowledge.Network.objects.published().for_export()
    serializer_class = NetworkSerializer
    filter_backends = [FilterBackend]
    filterset_class = NetworkFilter


class RecommendationViewSet(ReadOnly):
    """Published recommendations. Filters as on /recommendations/."""

    queryset = knowledge.Recommendation.objects.published().for_export()
    serializer_class = RecommendationSerializer
    filter_backends = [FilterBackend]
    filterset_class = RecommendationFilter


class PublicationViewSet(ReadOnly):
    queryset = knowledge.Publication.objects.all()
    serializer_class = PublicationSerializer


class PathwayTypeViewSet(ReadOnly):
    queryset = knowledge.PathwayType.objects.prefetch_related("examples")
    serializer_class = PathwayTypeSerializer


class CityRoleViewSet(ReadOnly):
    queryset = knowledge.CityRole.objects.all()
    serializer_class = CityRoleSerializer


@extend_schema_view(retrieve=extend_schema(operation_id="gcm_objectives_retrieve"))
class GCMObjectiveViewSet(ReadOnly):
    queryset = knowledge.GCMObjective.objects.all()
    serializer_class = GCMObjectiveSerializer
    lookup_field = "number"
