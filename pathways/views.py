"""The lists of networks and recommendations (with their export twins), a recommendation's
page, and the papers."""

from django.views.generic import DetailView, ListView

from atlas import citing
from atlas.limits import rate_limited
from atlas.views import ExportView, FacetedListView, PreviewMixin
from pathways import citing as publication_citing
from pathways.exports import NETWORKS, RECOMMENDATIONS
from pathways.filters import NetworkFilter, RecommendationFilter
from pathways.models import Network, Publication, Recommendation


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

    def get_context_data(self, **kwargs):
        actions = self.object.actions.published().order_by("number")
        return super().get_context_data(actions=actions, **kwargs)


class NetworkExportView(ExportView):
    dataset = NETWORKS
    filterset_class = NetworkFilter
    queryset = Network.objects.published().for_export()


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
