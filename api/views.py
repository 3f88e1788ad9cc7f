"""The read-only JSON API: the same records and the same filters as the HTML lists."""

from django import forms
from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

from api.filters import FilterBackend
from atlas.converters import NUMBER
from atlas.parameters import PageSize, checked, no_such_page
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

MOST_PER_PAGE = 500


class PageSizeOption(forms.Form):
    page_size = PageSize(MOST_PER_PAGE, required=False)


class Pages(PageNumberPagination):
    """Pages of 50; `page_size` from 1 (more than 500 is read as 500). A page that is not
    there is a bad parameter, so it is a 400 naming `page`, as on the site's lists."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MOST_PER_PAGE

    def get_page_size(self, request):
        return checked(PageSizeOption, request.query_params)["page_size"] or self.page_size

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            size = self.get_page_size(request)
            raise no_such_page(self.django_paginator_class(queryset, size).num_pages) from None


class LanguageOption(forms.Form):
    lang = forms.ChoiceField(choices=settings.LANGUAGES, required=False)


class ReadOnly(viewsets.ReadOnlyModelViewSet):
    """`lang` (en, es, fr) chooses the language of texts and labels; slugs and codes are the
    same in every language, so data joins across languages."""

    pagination_class = Pages
    lookup_field = "slug"
    # What a slug may hold: anything else (a NUL byte, which PostgreSQL refuses) is a 404
    # before it reaches the database.
    lookup_value_regex = "[-a-zA-Z0-9_]+"

    def dispatch(self, request, *args, **kwargs):
        language = request.GET.get("lang")
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        with translation.override(language):
            return super().dispatch(request, *args, **kwargs)

    def initial(self, request, *args, **kwargs):
        checked(LanguageOption, request.query_params)  # an unknown language: a 400 naming it
        super().initial(request, *args, **kwargs)


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
    lookup_value_regex = NUMBER
