"""A place's page and a country's page, each with the published cases acting there."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_countries import countries

from cases.models import Case, Place
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
        return super().get_context_data(
            code=code, name=countries.name(code), places=places, cases=cases, **kwargs
        )
