from django.db.models import Prefetch, Q
from django.views.generic import DetailView, ListView

from atlas import citing
from atlas.facets import cited_in
from atlas.views import ExportView, FacetedListView, PreviewMixin
from cases.matrix import role_pathway_matrix
from cases.models import Case, Place
from pathways.exports import NETWORKS, RECOMMENDATIONS
from pathways.filters import NetworkFilter, RecommendationFilter
from pathways.models import (
    Citation,
    CityRole,
    FinancingMechanism,
    GCMObjective,
    Network,
    PathwayType,
    Publication,
    Recommendation,
    RegionalFramework,
)

CITATIONS = Prefetch("citations", queryset=Citation.objects.select_related("publication"))


class NetworkListView(FacetedListView):
    dataset, export_url = NETWORKS, "pathways:network-export"
    filterset_class = NetworkFilter
    queryset = Network.objects.published().prefetch_related(CITATIONS)
    paginate_by = 50


class NetworkDetailView(PreviewMixin, DetailView):
    model = Network
    queryset = Network.objects.prefetch_related(
        CITATIONS, Prefetch("members", Place.objects.select_related("region"))
    )

    def get_context_data(self, **kwargs):
        cases = Case.objects.published().for_list()
        cases = cases.filter(Q(networks=self.object) | Q(actor_network=self.object)).distinct()
        return super().get_context_data(cases=cases, **kwargs)


class RecommendationListView(FacetedListView):
    dataset, export_url = RECOMMENDATIONS, "pathways:recommendation-export"
    filterset_class = RecommendationFilter
    queryset = (
        Recommendation.objects.published()
        .select_related("program_category", "parent")
        .prefetch_related("addressees", CITATIONS)
        .order_by("kind", "number", "headline")
    )
    paginate_by = 50


class RecommendationDetailView(PreviewMixin, DetailView):
    model = Recommendation
    queryset = Recommendation.objects.select_related("program_category", "parent").prefetch_related(
        "addressees", "roles", "pathway_types", CITATIONS
    )

    def get_context_data(self, **kwargs):
        actions = self.object.actions.published().order_by("number")
        return super().get_context_data(actions=actions, **kwargs)


class NetworkExportView(ExportView):
    dataset = NETWORKS
    filterset_class = NetworkFilter
    queryset = Network.objects.published().prefetch_related(CITATIONS, "members")


class RecommendationExportView(ExportView):
    dataset = RECOMMENDATIONS
    filterset_class = RecommendationFilter
    queryset = RecommendationListView.queryset.prefetch_related("roles", "pathway_types")


class FinancingMechanismListView(ListView):
    """The financing strategies of paper 001, each with the cases that use it."""

    queryset = FinancingMechanism.objects.published().prefetch_related(
        CITATIONS, Prefetch("examples", Case.objects.published())
    )


class RegionalFrameworkListView(ListView):
    """Regional mobility frameworks (MERCOSUR, Andean Community, Pacific Alliance, …)."""

    queryset = RegionalFramework.objects.published().prefetch_related(
        CITATIONS, Prefetch("cases", Case.objects.published())
    )


class PublicationListView(ListView):
    queryset = Publication.objects.all()


def publication_citations(request, format):
    """All the papers as one BibTeX or RIS file."""
    write = {"bib": citing.publication_bibtex, "ris": citing.publication_ris}[format]
    text = "\n".join(write(publication) for publication in Publication.objects.all())
    return citing.download(text, f"atlas-publications.{format}", citing.FORMATS[format])


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
