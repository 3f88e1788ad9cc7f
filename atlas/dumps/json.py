import datetime

from django.core.serializers import json
from django.core.serializers.json import DjangoJSONEncoder

from atlas.dumps import KeepReferences


class PreciseJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds; a dump loaded back must give the times it
    was made from (the exports print them to the microsecond)."""

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Serializer(KeepReferences, json.Serializer):
    def start_serialization(self):
        super().start_serialization()
        self.json_kwargs["cls"] = PreciseJSONEncoder


Deserializer = json.Deserializer
