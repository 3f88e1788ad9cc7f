"""The one FilterSet of the case catalogue: the list page, its exports, the API, the matrix
and the map all build it from the same query string, so they can never disagree."""

import django_filters
from django import forms
from django.db.models import Count, F, Min, Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from atlas.facets import Facet, FacetedFilterSet, FieldFacet, RecordsFilter, multiple_slugs
from atlas.parameters import SearchFilter
from cases.models import (
    Basis,
    Case,
    CaseGCMObjective,
    CasePathwayType,
    CaseRole,
    Organisation,
    Place,
    WorldRegion,
)
from cases.search import by_relevance, search_cases
from pathways.filters import SourceFacet, cited_in
from pathways.models import (
    CityRole,
    GCMObjective,
    Network,
    PathwayType,
    ProgramCategory,
    Publication,
)


class CountryFacet:
    def count(self, matching):
        rows = (
            Place.objects.filter(cases__in=matching)
            .values("country")
            .annotate(facet_count=Count("cases", distinct=True))
            .order_by()
        )
        for row in sorted(rows, key=lambda row: countries.name(row["country"])):
            yield row["country"], countries.name(row["country"]), row["facet_count"]


def world_region_of(place):
    """The heading a place is listed under in the place facet."""
    return str(place.region) if place.region else str(_("No world region"))


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, **kwargs):
        super().__init__(min_value=1900, max_value=2100, **kwargs)


class CaseOrdering(django_filters.OrderingFilter):
    """`sort`: django-filter's ordering, where an order may need an annotation and ties go
    by title. Without one (or with `relevance`), a search lists title matches first."""

    def __init__(self, *, search, **kwargs):
        self.search = search  # the name of the filter whose words `relevance` ranks by
        super().__init__(**kwargs)

    def filter(self, qs, value):
        params = [param for param in value or () if param != "relevance"]
        text = (self.parent.form.cleaned_data.get(self.search) or "").strip()
        if not params and text:
            return by_relevance(qs, text)
        if "country" in params:
            qs = qs.annotate(first_country=Min("places__country"))
        return super().filter(qs, [*params, "title"])

    def get_ordering_value(self, param):
        field = super().get_ordering_value(param)
        if field.startswith("-"):
            return F(field[1:]).desc(nulls_last=True)
        return F(field).asc(nulls_last=True)


class CaseFilterForm(forms.Form):
    # Not a filter of its own: it qualifies the role and pathway filters, which read it.
    basis = forms.ChoiceField(
        label=_("Roles and pathways"),
        choices=[
            ("", _("as stated or classified")),
            (Basis.STATED, _("only as the source states them")),
        ],
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("active_from"), cleaned.get("active_to")
        if start is not None and end is not None and start > end:
            raise forms.ValidationError(_("“Active from” must not be later than “active until”."))
        return cleaned


class CaseFilter(FacetedFilterSet):
    q = SearchFilter(label=_("Search"), method="filter_text")
    case = multiple_slugs(Case.objects.published(), _("Case"), "filter_case")
    role = multiple_slugs(CityRole.objects.all(), _("City role"), "filter_role")
    pathway = multiple_slugs(PathwayType.objects.all(), _("Pathway type"), "filter_pathway")
    category = multiple_slugs(ProgramCategory.objects.all(), _("Program category"), "filter_in")
    region = RecordsFilter(
        label=_("World region"),
        queryset=WorldRegion.objects.filter(level=WorldRegion.Level.REGION),
        to_field_name="code",
        method="filter_by_places",
    )
    subregion = RecordsFilter(
        label=_("Sub-region"),
        queryset=WorldRegion.objects.filter(level=WorldRegion.Level.SUBREGION),
        to_field_name="code",
        method="filter_by_places",
    )
    country = django_filters.MultipleChoiceFilter(
        label=_("Country"), choices=list(countries), method="filter_by_places"
    )
    place = multiple_slugs(Place.objects.all(), _("Place"), "filter_place")
    network = multiple_slugs(Network.objects.published(), _("Network"), "filter_network")
    partner = multiple_slugs(Organisation.objects.all(), _("Partner"), "filter_partner")
    source = multiple_slugs(Publication.objects.all(), _("Source"), "filter_source")
    gcm = RecordsFilter(
        label=_("GCM objective"),
        queryset=GCMObjective.objects.all(),
        to_field_name="number",
        method="filter_gcm",
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"), choices=Case.Status.choices, method="filter_in"
    )
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind of record"), choices=Case.Kind.choices, method="filter_in"
    )
    depth = django_filters.MultipleChoiceFilter(
        label=_("Depth in the sources"), choices=Case.Depth.choices, method="filter_in"
    )
    active_from = YearFilter(label=_("Active from"), method="filter_active_from")
    active_to = YearFilter(label=_("Active until"), method="filter_active_to")
    started = YearFilter(label=_("Started in"), method="filter_started")
    sort = CaseOrdering(
        label=_("Sort by"),
        search="q",
        fields={
            "title": "title",
            "first_country": "country",
            "start_year": "start_year",
            "-created_at": "recent",
        },
        choices=[
            ("title", _("title")),
            ("relevance", _("relevance to the search")),
            ("country", _("country")),
            ("start_year", _("start year")),
            ("recent", _("recently added")),
        ],
        empty_label=None,
    )

    class Meta:
        model = Case
        form = CaseFilterForm
        fields = []

    facets = {
        "role": Facet(CityRole.objects.all, "cases"),
        "pathway": Facet(PathwayType.objects.all, "cases"),
        "category": Facet(ProgramCategory.objects.all, "cases"),
        "region": Facet(
            lambda: WorldRegion.objects.filter(level="region"), "region_places__cases", "code"
        ),
        "subregion": Facet(
            lambda: WorldRegion.objects.filter(level="subregion"),
            "subregion_places__cases",
            "code",
        ),
        "country": CountryFacet(),
        "place": Facet(
            lambda: Place.objects.select_related("region"), "cases", group=world_region_of
        ),
        "network": Facet(Network.objects.published, "cases"),
        "partner": Facet(Organisation.objects.all, "cases"),
        "source": SourceFacet(Case),
        "gcm": Facet(GCMObjective.objects.all, "cases", "number"),
        "status": FieldFacet(Case, "status", lambda: Case.Status.choices),
        "kind": FieldFacet(Case, "kind", lambda: Case.Kind.choices),
        "depth": FieldFacet(Case, "depth", lambda: Case.Depth.choices),
    }

    def place_constraint(self):
        """The places the active place filters allow, so that a map or a place list filtered
        by Colombia shows Colombian places, not every place of the cases found there."""
        constraint = Q()
        if not self.is_bound:
            return constraint
        data = self.form.cleaned_data
        for name, lookup in [
            ("country", "country__in"),
            ("region", "region__in"),
            ("subregion", "subregion__in"),
        ]:
            if data.get(name):
                constraint &= Q(**{lookup: data[name]})
        if data.get("place"):  # Place records, not keys
            constraint &= Q(pk__in=[place.pk for place in data["place"]])
        return constraint

    def stated_only(self):
        return self.is_bound and self.form.cleaned_data.get("basis") == Basis.STATED

    def filter_case(self, queryset, name, value: str):
        return queryset.filter(pk__in=[case.pk for case in value]) if value else queryset

    def filter_text(self, queryset, name, value: str):
        return search_cases(queryset, value) if value.strip() else queryset

    def filter_in(self, queryset, name, value: str):
        field = {"category": "program_category"}.get(name, name)
        return queryset.filter(**{f"{field}__in": value}) if value else queryset

    def _through(self, queryset, rows):
        return queryset.filter(pk__in=rows.values("case"))

    def filter_role(self, queryset, name, value: str):
        if not value:
            return queryset
        rows = CaseRole.objects.filter(role__in=value)
        return self._through(
            queryset, rows.filter(basis=Basis.STATED) if self.stated_only() else rows
        )

    def filter_pathway(self, queryset, name, value: str):
        if not value:
            return queryset
        rows = CasePathwayType.objects.filter(pathway_type__in=value)
        return self._through(
            queryset, rows.filter(basis=Basis.STATED) if self.stated_only() else rows
        )

    def filter_gcm(self, queryset, name, value: str):
        return (
            self._through(queryset, CaseGCMObjective.objects.filter(objective__in=value))
            if value
            else queryset
        )

    def _by_places(self, queryset, places):
        return self._through(queryset, Case.places.through.objects.filter(place__in=places))

    def filter_by_places(self, queryset, name, value: str):
        """Cases acting in places of the chosen regions, sub-regions or countries."""
        if not value:
            return queryset
        places = Place.objects.filter(**{f"{name}__in": value})
        return self._by_places(queryset, places)

    def filter_place(self, queryset, name, value: str):
        return self._by_places(queryset, value) if value else queryset

    def filter_network(self, queryset, name, value: str):
        if not value:
            return queryset
        return queryset.filter(
            Q(pk__in=Case.networks.through.objects.filter(network__in=value).values("case"))
            | Q(actor_network__in=value)
        )

    def filter_partner(self, queryset, name, value: str):
        rows = Case.partners.through.objects.filter(organisation__in=value)
        return self._through(queryset, rows) if value else queryset

    def filter_source(self, queryset, name, value: str):
        return cited_in(queryset, value)

    def filter_active_from(self, queryset, name, value: str):
        if value is None:
            return queryset
        # A case with no known start year cannot be placed in time, so a year filter leaves it out.
        return queryset.filter(start_year__isnull=False).filter(
            Q(end_year__gte=value) | Q(end_year__isnull=True)
        )

    def filter_active_to(self, queryset, name, value: str):
        return queryset.filter(start_year__lte=value) if value is not None else queryset

    def filter_started(self, queryset, name, value: str):
        """The timeline's bars: the cases whose first year is this one."""
        return queryset.filter(start_year=value) if value is not None else queryset
