"""A record type's public fields, declared once, and everything derived from the declaration.

The export columns (and so the codebook), the API's field list, the import's columns, the
loader's fields, merging and the history of related rows all read the same `RecordType`.
`disagreements` holds a consumer's own list of names against it, so a field added in one place
only makes the suite fail.
"""

from dataclasses import dataclass

from atlas.fields import Finder


@dataclass
class RecordType:
    fields: list

    def columns(self, model):
        """The export columns, in the declaration's order."""
        return [column for field in self.fields for column in field.columns(model)]

    def api_fields(self):
        return [field.api for field in self.fields if field.api]

    def imported_columns(self):
        return [column for field in self.fields for column in field.imported_columns()]

    def loaded(self):
        """The fields fixtures write, for the loader."""
        return [field for field in self.fields if field.loaded]

    def extendable(self):
        """Fixture keys a second paper's entry may add to: the lists and relations."""
        return tuple(field.source for field in self.loaded() if field.extendable)

    def related(self):
        """The relations of a record, which its own table does not hold."""
        return [field for field in self.fields if field.after_save]

    def snapshot(self, record):
        """The record's related rows, in the fields' normalised forms (JSON-ready)."""
        return {field.name: field.from_db(record) for field in self.related()}

    def restore(self, record, snapshot):
        """Write the related rows of a snapshot back; relations it does not name stay."""
        finder = Finder()
        for field in self.related():
            if field.name in snapshot:
                field.apply(record, snapshot[field.name], finder)

    def merge(self, *, into, duplicate):
        for field in self.fields:
            if field.merged:
                field.merge(into, duplicate)


def disagreements(declared, found, where):
    """What a consumer holds that the declaration does not, and the other way round."""
    declared, found = list(declared), list(found)
    return [f"{where} lacks {name!r}" for name in declared if name not in found] + [
        f"{where} has {name!r}, which is not declared" for name in found if name not in declared
    ]
