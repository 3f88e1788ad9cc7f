"""Filters of the network and recommendation lists (and their exports and API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from atlas.facets import Facet, FacetedFilterSet, FieldFacet, SourceFacet, cited_in, multiple_slugs
from pathways.models import (
    Addressee,
    CityRole,
    Network,
    PathwayType,
    ProgramCategory,
    Publication,
    Recommendation,
)


class NetworkFilter(FacetedFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text", max_length=200)
    scope = django_filters.MultipleChoiceFilter(label=_("Scope"), choices=Network.Scope.choices)
    region = django_filters.MultipleChoiceFilter(
        label=_("World region"), choices=Network.Region.choices
    )
    structure = django_filters.MultipleChoiceFilter(
        label=_("Structure"), choices=Network.Structure.choices
    )
    source = multiple_slugs(Publication.objects.all(), _("Source"), "filter_source")

    class Meta:
        model = Network
        fields = []
        not_summarised = ()
        facets = {
            "scope": FieldFacet(Network, "scope", lambda: Network.Scope.choices),
            "region": FieldFacet(Network, "region", lambda: Network.Region.choices),
            "structure": FieldFacet(Network, "structure", lambda: Network.Structure.choices),
            "source": SourceFacet(Network),
        }

    def filter_text(self, queryset, name, value: str):
        for word in value.split():
            queryset = queryset.filter(
                Q(name__icontains=word)
                | Q(acronym__icontains=word)
                | Q(description__icontains=word)
            )
        return queryset

    def filter_source(self, queryset, name, value: str):
        return cited_in(queryset, value)


class RecommendationFilter(FacetedFilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text", max_length=200)
    addressee = multiple_slugs(Addressee.objects.all(), _("Addressed to"), "filter_related")
    kind = django_filters.MultipleChoiceFilter(label=_("Kind"), choices=Recommendation.Kind.choices)
    category = multiple_slugs(
        ProgramCategory.objects.all(), _("Program category"), "filter_related"
    )
    role = multiple_slugs(CityRole.objects.all(), _("City role"), "filter_related")
    pathway = multiple_slugs(PathwayType.objects.all(), _("Pathway type"), "filter_related")
    source = multiple_slugs(Publication.objects.all(), _("Source"), "filter_source")

    class Meta:
        model = Recommendation
        fields = []
        not_summarised = ()
        facets = {
            "addressee": Facet(Addressee.objects.all, "recommendation"),
            "kind": FieldFacet(Recommendation, "kind", lambda: Recommendation.Kind.choices),
            "category": Facet(ProgramCategory.objects.all, "recommendation"),
            "role": Facet(CityRole.objects.all, "recommendation"),
            "pathway": Facet(PathwayType.objects.all, "recommendation"),
            "source": SourceFacet(Recommendation),
        }

    RELATION = {
        "addressee": "addressees",
        "category": "program_category",
        "role": "roles",
        "pathway": "pathway_types",
    }

    def filter_text(self, queryset, name, value: str):
        for word in value.split():
            queryset = queryset.filter(
                Q(headline__icontains=word) | Q(text__icontains=word) | Q(theme__icontains=word)
            )
        return queryset

    def filter_related(self, queryset, name, value: str):
        if not value:
            return queryset
        matching = Recommendation.objects.filter(**{f"{self.RELATION[name]}__in": value})
        return queryset.filter(pk__in=matching.values("pk"))

    def filter_source(self, queryset, name, value: str):
        return cited_in(queryset, value)
