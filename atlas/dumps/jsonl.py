from django.core.serializers import jsonl

from atlas.dumps import KeepReferences
from atlas.dumps.json import PreciseJSONEncoder


class Serializer(KeepReferences, jsonl.Serializer):
    def start_serialization(self):
        super().start_serialization()
        self.json_kwargs["cls"] = PreciseJSONEncoder


Deserializer = jsonl.Deserializer
