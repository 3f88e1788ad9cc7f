"""A place's page and a country's page, each with the published cases acting there."""

from django.db.models import Count, Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_countries import countries

from atlas.models import State
from cases import charts
from cases.models import Case, CountryRegion, Place, WorldRegion
from pathways.models import Network


class PlaceDetailView(DetailView):
    queryset = Place.objects.select_related("region", "subregion").prefetch_related(
        Prefetch("networks", Network.objects.published())
    )

    def get_context_data(self, **kwargs):
        cases = Case.objects.published().for_list().filter(places=self.object)
        return super().get_context_data(cases=cases, **kwargs)


class CountryView(TemplateView):
    template_name = "cases/country_detail.html"

    def get_context_data(self, code, **kwargs):
        code = code.upper()
        if code not in dict(countries):
            raise Http404(_("No country has the code “%(code)s”.") % {"code": code})
        places = Place.objects.filter(country=code, cases__state="published").distinct()
        cases = Case.objects.published().for_list().filter(places__country=code).distinct()
        entry = CountryRegion.objects.filter(country=code).select_related("area__parent__parent")
        area = entry[0].area if entry and entry[0].area else None
        return super().get_context_data(
            code=code,
            name=countries.name(code),
            areas=[*area.lineage()][::-1] if area else [],  # outermost first, as breadcrumbs
            places=places,
            cases=cases,
            **kwargs,
        )


class RegionDetailView(DetailView):
    """A world region or sub-region of M49: its cases in charts and the countries they act in;
    the cases themselves are the catalogue's, filtered by the region."""

    queryset = WorldRegion.objects.filter(
        level__in=[WorldRegion.Level.REGION, WorldRegion.Level.SUBREGION]
    ).select_related("parent")
    slug_field = slug_url_kwarg = "code"
    context_object_name = "region"
    template_name = "cases/region_detail.html"

    def get_context_data(self, **kwargs):
        region = self.object
        within = {region.level: region.code}  # the case list's `region` or `subregion`
        places = Place.objects.filter(**{region.level: region})
        cases = Case.objects.published().filter(places__in=places).distinct()
        by_country = (
            places.filter(cases__state=State.PUBLISHED)
            .values("country")
            .annotate(case_count=Count("cases", distinct=True))
            .order_by()
        )
        region_charts = [charts.by_role(cases, within), charts.by_pathway(cases, within)]
        if region.level == WorldRegion.Level.REGION:
            region_charts.append(charts.by_subregion(cases, region, within))
        return super().get_context_data(
            within=within,
            case_count=cases.count(),
            countries=sorted(
                (countries.name(row["country"]), row["country"], row["case_count"])
                for row in by_country
            ),
            charts=region_charts,
            timeline=charts.by_start_year(cases, within),
            **kwargs,
        )
