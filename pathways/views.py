"""The lists of networks and recommendations (with their export twins), a recommendation's
page, and the papers."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.views.generic import DetailView, ListView, TemplateView

from atlas import citing
from atlas.limits import rate_limited
from atlas.views import ExportView, FacetedListView, PreviewMixin
from pathways import citing as publication_citing
from pathways.exports import NETWORK_COUNTS, NETWORKS, RECOMMENDATIONS
from pathways.filters import NetworkCountFilter, NetworkFilter, RecommendationFilter
from pathways.models import Citation, Network, NetworkCount, Publication, Recommendation


class NetworkListView(FacetedListView):
    dataset, export_url = NETWORKS, "pathways:network-export"
    filterset_class = NetworkFilter
    queryset = Network.objects.published().with_citations()
    paginate_by = 50


class RecommendationListView(FacetedListView):
    dataset, export_url = RECOMMENDATIONS, "pathways:recommendation-export"
    filterset_class = RecommendationFilter
    queryset = Recommendation.objects.published().for_list()
    paginate_by = 50


class RecommendationDetailView(PreviewMixin, DetailView):
    model = Recommendation
    queryset = Recommendation.objects.for_export()

    related_limit = 6

    def get_context_data(self, **kwargs):
        recommendation = self.object
        actions = recommendation.actions.published().order_by("number")
        # The catalogue's cases, reached through the relation the catalogue declares, so that
        # this app does not import the one above it.
        cases = recommendation.cases.model.objects.published().for_list()
        named = cases.filter(recommendations=recommendation)
        return super().get_context_data(
            actions=actions,
            named_cases=named,
            related_cases=self.related(cases.exclude(pk__in=named.values("pk")), recommendation),
            **kwargs,
        )

    def related(self, cases, recommendation):
        """Practices of its program category, else of the roles and pathway types it concerns."""
        if recommendation.program_category_id:
            related = cases.filter(program_category=recommendation.program_category_id)
        elif recommendation.roles.exists() or recommendation.pathway_types.exists():
            related = cases
            if recommendation.roles.exists():
                related = related.filter(roles__in=recommendation.roles.all())
            if recommendation.pathway_types.exists():
                related = related.filter(pathway_types__in=recommendation.pathway_types.all())
        else:
            return cases.none()
        return related.distinct()[: self.related_limit]


class NetworkExportView(ExportView):
    dataset = NETWORKS
    filterset_class = NetworkFilter
    queryset = Network.objects.published().for_export()


class NetworkCountView(TemplateView):
    """003's Table 1 as a table: the regions as rows, the scopes as columns."""

    template_name = "pathways/network_counts.html"

    def get_context_data(self, **kwargs):
        cells = NetworkCount.objects.prefetch_related(
            models.Prefetch("networks", Network.objects.published())
        )
        rows = {}
        for cell in cells:
            rows.setdefault(cell.region, []).append(cell)
        return super().get_context_data(
            rows=rows,
            scopes=NetworkCount.Scope.choices,
            # The cells cite the same table; its first citation stands for all.
            citations=Citation.objects.filter(
                content_type=ContentType.objects.get_for_model(NetworkCount)
            ).select_related("publication")[:1],
            **kwargs,
        )


class NetworkCountExportView(ExportView):
    dataset = NETWORK_COUNTS
    filterset_class = NetworkCountFilter
    queryset = NetworkCount.objects.prefetch_related("networks", "citations__publication")


class RecommendationExportView(ExportView):
    dataset = RECOMMENDATIONS
    filterset_class = RecommendationFilter
    queryset = Recommendation.objects.published().for_export()


class PublicationListView(ListView):
    queryset = Publication.objects.all()


@rate_limited("export")
def publication_citations(request, format):
    """All the papers as one BibTeX or RIS file."""
    write = {
        "bib": publication_citing.publication_bibtex,
        "ris": publication_citing.publication_ris,
    }[format]
    text = "\n".join(write(publication) for publication in Publication.objects.all())
    return citing.download(text, f"atlas-publications.{format}", citing.FORMATS[format])
