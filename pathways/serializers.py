"""The API's (and the JSON export's) shape of the reference knowledge. Field names are stable:
the codebook documents them and the tests hold them."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from pathways.fields import NETWORK, RECOMMENDATION
from pathways.models import (
    Addressee,
    Citation,
    CityRole,
    GCMObjective,
    Network,
    PathwayType,
    Publication,
    Recommendation,
)


@extend_schema_field(OpenApiTypes.URI)
class AbsoluteURLField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record):
        request = self.context.get("request")
        url = record.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class CitationSerializer(serializers.ModelSerializer):
    publication = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    reference = serializers.CharField(source="__str__")

    class Meta:
        model = Citation
        fields = ["publication", "section", "heading", "locator", "note", "reference"]


class PublicationSerializer(serializers.ModelSerializer):
    url = AbsoluteURLField()

    class Meta:
        model = Publication
        fields = [
            "slug", "url", "title", "short_title", "authors", "publisher", "year", "month",
            "kind", "link", "summary",
        ]  # fmt: skip

    link = serializers.URLField(source="url", help_text="The paper's own web address, if any.")


class VocabularySerializer(serializers.ModelSerializer):
    class Meta:
        fields = ["slug", "name", "definition", "order"]


class CityRoleSerializer(VocabularySerializer):
    url = AbsoluteURLField()

    class Meta(VocabularySerializer.Meta):
        model = CityRole
        fields = [*VocabularySerializer.Meta.fields, "url"]


class PathwayTypeSerializer(VocabularySerializer):
    url = AbsoluteURLField()
    examples = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta(VocabularySerializer.Meta):
        model = PathwayType
        fields = [*VocabularySerializer.Meta.fields, "examples", "url"]


class GCMObjectiveSerializer(serializers.ModelSerializer):
    url = AbsoluteURLField()

    class Meta:
        model = GCMObjective
        fields = ["number", "title", "url"]


class NetworkSerializer(serializers.ModelSerializer):
    url = AbsoluteURLField()
    countries = serializers.SerializerMethodField()
    members = TermSerializer(many=True, read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Network
        fields = NETWORK.api_fields()

    def get_countries(self, network) -> list[str]:
        return [country.code for country in network.countries]


class RecommendationSerializer(serializers.ModelSerializer):
    url = AbsoluteURLField()
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    addressees = serializers.SlugRelatedField(
        slug_field="slug", many=True, queryset=Addressee.objects.all()
    )
    program_category = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    roles = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    pathway_types = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Recommendation
        fields = RECOMMENDATION.api_fields()
