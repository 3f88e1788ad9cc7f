"""The pages of the terms cases are filed under — a city role, a pathway type, a GCM objective,
a source, a network, financing mechanisms, regional frameworks — each with its cases."""

from django.db.models import Prefetch, Q
from django.views.generic import DetailView, ListView

from atlas.views import PreviewMixin
from cases.matrix import role_pathway_matrix
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
    """A pathway type, its examples, and its cases by city role."""

    queryset = PathwayType.objects.prefetch_related("examples")
    context_object_name = "pathway_type"

    def get_context_data(self, **kwargs):
        cases = Case.objects.published().for_list().filter(pathway_types=self.object).distinct()
        by_role = [(role, cases.filter(roles=role).distinct()) for role in CityRole.objects.all()]
        return super().get_context_data(cases=cases, by_role=by_role, **kwargs)


class CityRoleDetailView(DetailView):
    """A city role, its definition, and how many of its cases concern each pathway type."""

    model = CityRole
    context_object_name = "role"

    def get_context_data(self, **kwargs):
        cases = Case.objects.published().filter(roles=self.object).distinct()
        matrix = role_pathway_matrix(cases.values("pk"))
        row = next(cells for role, cells in matrix.rows if role == self.object)
        return super().get_context_data(
            cases=cases.for_list(),
            by_pathway=row,
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
