"""A kind of record as the fixtures write it: its section, model, key and declared fields."""

from dataclasses import dataclass

from atlas.records import RecordType


@dataclass
class RecordKind:
    section: str  # the top-level key of the fixture files
    model: type
    record_type: RecordType
    key: str = "slug"
    # Entries naming this field define a record; entries without it only extend one.
    defining_field: str | None = None
    # Keys the defining entry must give: a choice the fixture's author makes, not a default.
    required: tuple = ()

    @property
    def fields(self):
        return self.record_type.loaded()

    @property
    def extendable(self):
        return self.record_type.extendable()
