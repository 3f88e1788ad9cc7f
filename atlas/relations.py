"""The kinds of field that relate a record to others: many-to-many references, classified
through rows, child rows and citations. Each is written after the record is saved."""

from atlas.errors import FixtureError
from atlas.exports import Column
from atlas.fields import Field, Finder, clean_text, create_validated

# Within a mapping such as `roles: {advocate: stated}`, the stronger claim wins.
STRENGTH = {"stated": 0, "classified": 1, "primary": 0, "secondary": 1}


def combine(base, extra):
    """Two papers' values of one field as one: mappings keep the stronger claim per key, lists
    keep every item once."""
    if isinstance(extra, dict):
        combined = dict(base or {})
        for key, value in extra.items():
            if key not in combined or STRENGTH.get(value, 9) < STRENGTH.get(combined[key], 9):
                combined[key] = value
        return combined
    base = list(base or [])
    return base + [item for item in extra or [] if item not in base]


class ManyReferences(Field):
    """A many-to-many relation, written as a list of the targets' keys. Exported as the
    targets' `shown` attribute, and with `keys_column` also as a column of their keys."""

    after_save = extendable = True
    type = "list"

    def __init__(self, name, description="", *, key="slug", shown="slug", keys_column=None,
                 keys_description="", **kwargs):  # fmt: skip
        super().__init__(name, description, **kwargs)
        self.key, self.shown = key, shown
        self.keys_column, self.keys_description = keys_column, keys_description

    def from_entry(self, entry, context):
        return sorted({str(item) for item in entry.get(self.source) or []})

    def from_db(self, obj):
        keys = getattr(obj, self.name).values_list(self.key, flat=True)
        return sorted(str(key) for key in keys)

    def apply(self, obj, value, context):
        related = getattr(obj, self.name)
        related.set([context.find(related.model, key, self.key) for key in value])

    def merge(self, into, duplicate):
        getattr(into, self.name).add(*getattr(duplicate, self.name).all())

    def value(self, record):
        return [getattr(item, self.shown) for item in getattr(record, self.name).all()]

    def columns(self, model):
        columns = super().columns(model)
        if self.keys_column:

            def keys(record):
                return [getattr(item, self.key) for item in getattr(record, self.name).all()]

            columns.append(Column(self.keys_column, self.keys_description, keys, "list"))
        return columns

    def imported_columns(self):
        return [self.keys_column or self.column] if self.imported else []


class Kind:
    """One export column of a classified relation: the terms of one kind (None: all)."""

    def __init__(self, column, description, kind=None):
        self.column, self.description, self.kind = column, description, kind


class Classified(Field):
    """A through relation with one attribute, written as a mapping `{key: attribute}`, e.g. a
    case's roles `{advocate: stated}` or GCM objectives `{15: primary}`. Exported as one column
    per `Kind`; the import writes the columns of a single kind."""

    after_save = extendable = True
    type = "list"

    def __init__(self, name, *, target, target_key, attribute, kinds, to_db=str, from_db=str,
                 list_type="list", **kwargs):  # fmt: skip
        super().__init__(name, **kwargs)
        self.target, self.target_key, self.attribute = target, target_key, attribute
        self.kinds, self.list_type = kinds, list_type
        # How the attribute reads in fixtures ("primary") and in the database (True).
        self.to_db, self.from_db_value = to_db, from_db

    def from_entry(self, entry, context):
        mapping = entry.get(self.source) or {}
        return sorted([str(key), str(value)] for key, value in mapping.items())

    def from_db(self, obj):
        rows = getattr(obj, self.name).select_related(self.target)
        return sorted(
            [str(getattr(getattr(row, self.target), self.target_key)),
             self.from_db_value(getattr(row, self.attribute))]
            for row in rows
        )  # fmt: skip

    def apply(self, obj, value, context):
        related = getattr(obj, self.name)
        related.all().delete()
        target_model = related.model._meta.get_field(self.target).related_model
        for key, attribute in value:
            target = context.find(target_model, key, self.target_key)
            create_validated(
                related, **{self.target: target, self.attribute: self.to_db(attribute)}
            )

    def merge(self, into, duplicate):
        """The terms of both; a term in both keeps the stronger claim (stated, primary)."""
        mine, theirs = dict(self.from_db(into)), dict(self.from_db(duplicate))
        combined = combine(mine, theirs)
        self.apply(into, sorted([key, value] for key, value in combined.items()), Finder())

    def value_of_kind(self, kind):
        def value(record):
            rows = getattr(record, self.name).all()
            return [
                getattr(getattr(row, self.target), self.target_key)
                for row in rows
                if kind is None or getattr(row, self.attribute) == kind
            ]

        return value

    def columns(self, model):
        return [
            Column(k.column, k.description, self.value_of_kind(k.kind), self.list_type,
                   self.vocabulary)
            for k in self.kinds
        ]  # fmt: skip

    def imported_columns(self):
        return [k.column for k in self.kinds if k.kind is not None] if self.imported else []


class Rows(Field):
    """Child rows written in order, e.g. a case's key figures: a list of small mappings."""

    after_save = extendable = True
    type = "list"

    def __init__(self, name, description="", *, columns, **kwargs):
        super().__init__(name, description, **kwargs)
        self.row_fields = columns

    def from_entry(self, entry, context):
        return [
            {column: field.normalise(row.get(column)) for column, field in self.row_fields.items()}
            for row in entry.get(self.source) or []
        ]

    def from_db(self, obj):
        return [
            {
                column: field.normalise(getattr(row, column))
                for column, field in self.row_fields.items()
            }  # noqa: E501
            for row in getattr(obj, self.name).all()
        ]

    def apply(self, obj, value, context):
        related = getattr(obj, self.name)
        related.all().delete()
        for order, row in enumerate(value):
            create_validated(related, order=order, **row)

    def merge(self, into, duplicate):
        related = getattr(duplicate, self.name)
        related.update(**{related.field.name: into})

    def value(self, record):
        return [str(row) for row in getattr(record, self.name).all()]


class Claims(Rows):
    """What each paper says where the papers disagree: rows that name their publication, as
    the loader gives it (the file's, like a citation's)."""

    def apply(self, obj, value, context):
        related = getattr(obj, self.name)
        publication_model = related.model._meta.get_field("publication").related_model
        related.all().delete()
        for order, row in enumerate(value):
            publication = context.find(publication_model, row["publication"], "slug")
            create_validated(related, order=order, **{**row, "publication": publication})


class Redirects(Field):
    """The slugs of records merged into this one. Each old slug leads here; a record still
    under an old slug (loaded before the papers' records were merged) is merged in, so that
    nothing it holds is lost."""

    after_save = extendable = True
    type = "list"

    def from_entry(self, entry, context):
        return sorted({str(slug) for slug in entry.get(self.source) or []})

    def from_db(self, obj):
        return sorted(getattr(obj, self.name).values_list("old_slug", flat=True))

    def apply(self, obj, value, context):
        redirects = getattr(obj, self.name)
        for old_slug in value:
            duplicate = type(obj).objects.filter(slug=old_slug).exclude(pk=obj.pk).first()
            if duplicate is not None:
                obj.record_type.merge(into=obj, duplicate=duplicate)
                getattr(duplicate, self.name).update(**{redirects.field.name: obj})
                duplicate.delete()
            redirects.model.objects.update_or_create(
                old_slug=old_slug, defaults={redirects.field.name: obj}
            )

    def merge(self, into, duplicate):
        """Merging moves the duplicate's redirects itself, and adds one from its slug."""


class Citations(Field):
    """The sources of a record: the file's publication plus `section`/`locator`/`note`, or a
    `citations:` list of such mappings (each may name another publication)."""

    after_save = extendable = True
    type = "list"
    COLUMNS = ("publication", "section", "heading", "locator", "note")

    def __init__(self, description="", **kwargs):
        super().__init__("citations", description, **kwargs)

    def from_entry(self, entry, context):
        # The loader has already gathered every entry's citations under "citations".
        return [self._normalised(citation) for citation in entry.get("citations") or []]

    def from_db(self, obj):
        return [
            self._normalised({**vars(c), "publication": c.publication.slug})
            for c in obj.citations.select_related("publication")
        ]

    def _normalised(self, citation):
        if not citation.get("section"):
            raise FixtureError(f"a citation has no section: {citation!r}")
        return {column: clean_text(citation.get(column)) for column in self.COLUMNS}

    def apply(self, obj, value, context):
        # The citation model names its publication model; the base needs to import neither.
        publication_model = obj.citations.model._meta.get_field("publication").related_model
        obj.citations.all().delete()
        for order, citation in enumerate(value):
            publication = context.find(publication_model, citation["publication"], "slug")
            row = {**citation, "publication": publication}
            create_validated(obj.citations, order=order, **row)

    def merge(self, into, duplicate):
        duplicate.citations.update(object_id=into.pk)

    def value(self, record):
        return [str(citation) for citation in record.citations.all()]
