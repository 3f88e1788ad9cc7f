from django.core.serializers import pyyaml

from atlas.dumps import KeepReferences


class Serializer(KeepReferences, pyyaml.Serializer):
    pass


Deserializer = pyyaml.Deserializer
