"""Filters of the network and recommendation lists (and their exports and API)."""

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from atlas.facets import Facet, FacetedFilterSet, FieldFacet, multiple_slugs
from atlas.parameters import SearchFilter
from pathways.models import (
    Addressee,
    Citation,
    CityRole,
    Network,
    NetworkCount,
    PathwayType,
    ProgramCategory,
    Publication,
    Recommendation,
)


class SourceFacet:
    """Records per source publication, counted through their (generic) citations."""

    def __init__(self, model):
        self.model = model

    def count(self, matching):
        rows = (
            Citation.objects.filter(
                content_type=ContentType.objects.get_for_model(self.model), object_id__in=matching
            )
            .values("publication__slug")
            .annotate(facet_count=Count("object_id", distinct=True))
            .order_by()
        )
        counts = {row["publication__slug"]: row["facet_count"] for row in rows}
        for publication in Publication.objects.all():
            yield publication.slug, str(publication), counts.get(publication.slug, 0)


def cited_in(queryset, publications):
    """The records of a queryset that cite one of the publications."""
    if not publications:
        return queryset
    cited = Citation.objects.filter(
        content_type=ContentType.objects.get_for_model(queryset.model), publication__in=publications
    )
    return queryset.filter(pk__in=cited.values("object_id"))


class NetworkFilterForm(forms.Form):
    # Everywhere else `region` is a UN M49 code (/cases/?region=150); a network's world region
    # has a name of its own, and the other name gets an answer rather than being ignored.
    region = forms.CharField(required=False)

    def clean_region(self):
        if self.cleaned_data["region"]:
            raise forms.ValidationError(
                _(
                    "Networks are filtered by their world region with “network_region”, e.g. "
                    "network_region=europe; “region” takes UN M49 codes on the case pages."
                )
            )


class NetworkFilter(FacetedFilterSet):
    q = SearchFilter(label=_("Search"), method="filter_text")
    scope = django_filters.MultipleChoiceFilter(label=_("Scope"), choices=Network.Scope.choices)
    network_region = django_filters.MultipleChoiceFilter(
        field_name="region", label=_("World region"), choices=Network.Region.choices
    )
    structure = django_filters.MultipleChoiceFilter(
        label=_("Structure"), choices=Network.Structure.choices
    )
    source = multiple_slugs(Publication.objects.all(), _("Source"), "filter_source")

    class Meta:
        model = Network
        form = NetworkFilterForm
        fields = []

    facets = {
        "scope": FieldFacet(Network, "scope", lambda: Network.Scope.choices),
        "network_region": FieldFacet(Network, "region", lambda: Network.Region.choices),
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
    q = SearchFilter(label=_("Search"), method="filter_text")
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


class NetworkCountFilter(django_filters.FilterSet):
    scope = django_filters.MultipleChoiceFilter(
        label=_("Scope"), choices=NetworkCount.Scope.choices
    )

    class Meta:
        model = NetworkCount
        fields = []
