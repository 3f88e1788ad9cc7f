"""The API's (and the JSON export's) shape of places and cases."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases.fields import CASE, PLACE
from cases.models import Case, Place
from pathways.serializers import AbsoluteURLField, CitationSerializer, TermSerializer


class PlaceSerializer(serializers.ModelSerializer):
    url = AbsoluteURLField()
    country = serializers.CharField(source="country.code")
    world_region = serializers.CharField(source="region.name", default=None)
    subregion = serializers.CharField(source="subregion.name", default=None)
    intermediate_region = serializers.CharField(source="intermediate_region.name", default=None)
    latitude = serializers.FloatField()
    longitude = serializers.FloatField()

    class Meta:
        model = Place
        fields = PLACE.api_fields()


class ClassificationSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()
    basis = serializers.CharField(help_text="stated (by the source) or classified (by us)")


class KeyFigureSerializer(serializers.Serializer):
    label = serializers.CharField()
    value = serializers.CharField()
    year = serializers.IntegerField(allow_null=True)


class ClaimSerializer(serializers.Serializer):
    """What one source says where the sources disagree."""

    field = serializers.CharField()
    value = serializers.CharField()
    publication = serializers.CharField(source="publication.slug")
    section = serializers.CharField()
    locator = serializers.CharField()


class ObjectiveSerializer(serializers.Serializer):
    number = serializers.IntegerField(source="objective.number")
    title = serializers.CharField(source="objective.title")
    primary = serializers.BooleanField()


class CaseSerializer(serializers.ModelSerializer):
    url = AbsoluteURLField()
    places = PlaceSerializer(many=True, read_only=True)
    named_places = PlaceSerializer(many=True, read_only=True)
    actor_network = TermSerializer(read_only=True, allow_null=True)
    roles = serializers.SerializerMethodField()
    pathway_types = serializers.SerializerMethodField()
    program_category = TermSerializer(read_only=True, allow_null=True)
    gcm_objectives = ObjectiveSerializer(source="case_objectives", many=True, read_only=True)
    partners = TermSerializer(many=True, read_only=True)
    networks = TermSerializer(many=True, read_only=True)
    frameworks = TermSerializer(many=True, read_only=True)
    financing_mechanisms = TermSerializer(many=True, read_only=True)
    recommendations = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    claims = ClaimSerializer(many=True, read_only=True)
    key_figures = KeyFigureSerializer(source="figures", many=True, read_only=True)
    citations = CitationSerializer(many=True, read_only=True)

    class Meta:
        model = Case
        fields = CASE.api_fields()

    @extend_schema_field(ClassificationSerializer(many=True))
    def get_roles(self, case):
        return [
            {"slug": row.role.slug, "name": row.role.name, "basis": row.basis}
            for row in case.case_roles.all()
        ]

    @extend_schema_field(ClassificationSerializer(many=True))
    def get_pathway_types(self, case):
        return [
            {"slug": row.pathway_type.slug, "name": row.pathway_type.name, "basis": row.basis}
            for row in case.case_pathways.all()
        ]
