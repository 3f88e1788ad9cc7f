from django.db.models import Prefetch
from django.views.generic import ListView

from pathways.models import Citation, Network, Publication, Recommendation

CITATIONS = Prefetch("citations", queryset=Citation.objects.select_related("publication"))


class NetworkListView(ListView):
    queryset = Network.objects.published().prefetch_related("members", CITATIONS)


class RecommendationListView(ListView):
    queryset = (
        Recommendation.objects.published()
        .select_related("program_category", "parent")
        .prefetch_related("addressees", CITATIONS)
    )


class PublicationListView(ListView):
    queryset = Publication.objects.all()
