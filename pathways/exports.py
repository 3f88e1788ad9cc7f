"""The network and recommendation datasets: their export columns come from the declarations."""

from django.utils.translation import gettext_lazy as _

from atlas.exports import Dataset
from pathways.fields import NETWORK, NETWORK_COUNT, RECOMMENDATION
from pathways.models import Network, NetworkCount, Recommendation
from pathways.serializers import NetworkSerializer, RecommendationSerializer

NETWORKS = Dataset(
    name="networks",
    title=_("Networks"),
    serializer=NetworkSerializer,
    columns=NETWORK.columns(Network),
)

NETWORK_COUNTS = Dataset(
    name="network-counts",
    title=_("Migration-related city networks by region and scope (003, Table 1)"),
    columns=NETWORK_COUNT.columns(NetworkCount),
    formats=("csv", "xlsx"),
)

RECOMMENDATIONS = Dataset(
    name="recommendations",
    title=_("Recommendations"),
    serializer=RecommendationSerializer,
    columns=RECOMMENDATION.columns(Recommendation),
)
