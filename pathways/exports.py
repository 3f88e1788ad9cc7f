"""The network and recommendation datasets: their export columns come from the declarations."""

from django.utils.translation import gettext_lazy as _

from atlas.exports import Dataset
from pathways.fields import NETWORK, RECOMMENDATION
from pathways.models import Network, Recommendation
from pathways.serializers import NetworkSerializer, RecommendationSerializer

NETWORKS = Dataset(
    name="networks",
    title=_("Networks"),
    serializer=NetworkSerializer,
    columns=NETWORK.columns(Network),
)

RECOMMENDATIONS = Dataset(
    name="recommendations",
    title=_("Recommendations"),
    serializer=RecommendationSerializer,
    columns=RECOMMENDATION.columns(Recommendation),
)
