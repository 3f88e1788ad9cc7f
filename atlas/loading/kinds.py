"""A kind of record as the fixtures write it: its section, model, key and fields."""

from dataclasses import dataclass


@dataclass
class RecordKind:
    section: str  # the top-level key of the fixture files
    model: type
    fields: list
    key: str = "slug"
    # Entries naming this field define a record; entries without it only extend one.
    defining_field: str | None = None
    # List and mapping keys an extending entry may add to.
    extendable: tuple = ()
