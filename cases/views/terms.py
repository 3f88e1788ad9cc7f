"""The pages of the terms cases are filed under — a city role, a pathway type, a GCM objective,
a source, a network, financing mechanisms, regional frameworks — each with its cases."""

from django.db.models import Prefetch, Q
from django.views.generic import DetailView, ListView

from atlas.views import PreviewMixin
from cases import charts
from cases.models import Case, Place
from pathways.filters import cited_in
from pathways.models import (
    CityRole,
    FinancingMechanism,
    GCMObjective,
    Network,
    PathwayType,
    Publication,
    Recommendation,
    RegionalFramework,
)


class NetworkDetailView(PreviewMixin, DetailView):
    model = Network
    queryset = Network.objects.with_citations().prefetch_related(
        Prefetch("members", Place.objects.select_related("region"))
    )

    def get_context_data(self, **kwargs):
        cases = Case.objects.published().for_list()
        cases = cases.filter(Q(networks=self.object) | Q(actor_network=self.object)).distinct()
        return super().get_context_data(cases=cases, **kwargs)


class FinancingMechanismListView(ListView):
    """The financing strategies of paper 001, each with the cases that use it."""

    queryset = (
        FinancingMechanism.objects.published()
        .with_citations()
        .prefetch_related(Prefetch("examples", Case.objects.published()))
    )


class RegionalFrameworkListView(ListView):
    """Regional mobility frameworks (MERCOSUR, Andean Community, Pacific Alliance, …)."""

    queryset = (
        RegionalFramework.objects.published()
        .with_citations()
        .prefetch_related(Prefetch("cases", Case.objects.published()))
    )


class PublicationDetailView(DetailView):
    """What one paper contributed: its cases, networks and recommendations."""

    model = Publication

    def get_context_data(self, **kwargs):
        source = [self.object]
        return super().get_context_data(
            cases=cited_in(Case.objects.published().for_list(), source),
            networks=cited_in(Network.objects.published(), source),
            recommendations=cited_in(Recommendation.objects.published(), source).order_by(
                "kind", "number"
            ),
            **kwargs,
        )


class PathwayTypeDetailView(DetailView):
    """A pathway type, its examples, its cases in charts, and its cases by city role."""

    queryset = PathwayType.objects.prefetch_related("examples")
    context_object_name = "pathway_type"

    def get_context_data(self, **kwargs):
        cases = Case.objects.published().for_list().filter(pathway_types=self.object).distinct()
        by_role = [(role, cases.filter(roles=role).distinct()) for role in CityRole.objects.all()]
        within = {"pathway": self.object.slug}
        return super().get_context_data(
            cases=cases,
            by_role=by_role,
            charts=[charts.by_role(cases, within), charts.by_region(cases, within)],
            timeline=charts.by_start_year(cases, within),
            **kwargs,
        )


class CityRoleDetailView(DetailView):
    """A city role, its definition, its cases in charts (by pathway type, region and start
    year), the cases themselves and the recommendations addressed to it."""

    model = CityRole
    context_object_name = "role"

    def get_context_data(self, **kwargs):
        cases = Case.objects.published().filter(roles=self.object).distinct()
        within = {"role": self.object.slug}
        return super().get_context_data(
            cases=cases.for_list(),
            charts=[charts.by_pathway(cases, within), charts.by_region(cases, within)],
            timeline=charts.by_start_year(cases, within),
            recommendations=self.object.recommendation_set.published(),
            **kwargs,
        )


class GCMObjectiveDetailView(DetailView):
    model = GCMObjective
    slug_field = "number"
    slug_url_kwarg = "number"
    context_object_name = "objective"

    def get_context_data(self, **kwargs):
        cases = Case.objects.published().for_list().filter(gcm_objectives=self.object).distinct()
        return super().get_context_data(cases=cases, **kwargs)
