"""The network and recommendation datasets."""

from django.utils.translation import gettext_lazy as _

from atlas.exports import Column, Dataset, absolute, citations, names, slugs
from pathways.models import Network, Recommendation
from pathways.serializers import NetworkSerializer, RecommendationSerializer

NETWORKS = Dataset(
    name="networks",
    title=_("Networks"),
    serializer=NetworkSerializer,
    columns=[
        Column("slug", _("Stable identifier of the network."), lambda n: n.slug),
        Column("url", _("The network's page."), absolute, "url"),
        Column("name", _("Name."), lambda n: n.name),
        Column("acronym", _("Acronym, where the sources give one."), lambda n: n.acronym),
        Column("scope", _("Scope."), lambda n: n.scope, "text", ", ".join(Network.Scope.values)),
        Column("region", _("World region, for regional and national networks."), lambda n: n.region, "text", ", ".join(Network.Region.values)),
        Column("countries", _("ISO codes, for national networks."), lambda n: [c.code for c in n.countries], "list"),
        Column("structure", _("Structure, only where a source says."), lambda n: n.structure, "text", ", ".join(Network.Structure.values)),
        Column("founded_year", _("Founding year, only where a source says."), lambda n: n.founded_year, "integer"),
        Column("description", _("In our words (Markdown)."), lambda n: n.description),
        Column("members", _("Member places named in the sources."), names("members"), "list"),
        Column("member_slugs", _("Their identifiers."), slugs("members"), "list"),
        Column("citations", _("Sources: 'short title (year), section, locator'."), citations, "list"),
        Column("updated_at", _("When it last changed (ISO 8601)."), lambda n: n.updated_at, "datetime"),
    ],
)  # fmt: skip

RECOMMENDATIONS = Dataset(
    name="recommendations",
    title=_("Recommendations"),
    serializer=RecommendationSerializer,
    columns=[
        Column("slug", _("Stable identifier."), lambda r: r.slug),
        Column("url", _("The recommendation's page."), absolute, "url"),
        Column("number", _("Its number in the source."), lambda r: r.number, "integer"),
        Column("kind", _("Headline recommendation or recommended action."), lambda r: r.kind, "text", ", ".join(Recommendation.Kind.values)),
        Column("parent", _("For an action: the recommendation it belongs to (slug)."), lambda r: r.parent and r.parent.slug),
        Column("headline", _("Headline, in the source's terms."), lambda r: r.headline),
        Column("text", _("In our words."), lambda r: r.text),
        Column("addressees", _("Who it speaks to (slugs)."), slugs("addressees"), "list"),
        Column("program_category", _("Program category (slug)."), lambda r: r.program_category and r.program_category.slug),
        Column("theme", _("The source's theme heading."), lambda r: r.theme),
        Column("roles", _("City roles it concerns (slugs)."), slugs("roles"), "list"),
        Column("pathway_types", _("Pathway types it concerns (slugs)."), slugs("pathway_types"), "list"),
        Column("citations", _("Sources: 'short title (year), section, locator'."), citations, "list"),
        Column("updated_at", _("When it last changed (ISO 8601)."), lambda r: r.updated_at, "datetime"),
    ],
)  # fmt: skip
