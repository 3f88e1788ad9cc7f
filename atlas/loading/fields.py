"""How one field of a record looks in a fixture and in the database.

Each field reads its value from a fixture entry and from a saved record into the same
normalised form, so the loader can tell whether a record still matches what it loaded.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError

from atlas.loading.errors import FixtureError


def create_validated(related, **fields):
    """Create a related row (a role, a figure, a citation) after validating it, so that a value
    the database would reject — too long, out of range — is a clear fixture error everywhere,
    SQLite (which would store it) included."""
    row = related.model(**fields)
    if hasattr(related, "content_type_field_name"):  # a generic relation: citations
        setattr(row, related.content_type_field_name, related.content_type)
        setattr(row, related.object_id_field_name, related.pk_val)
    else:
        setattr(row, related.field.name, related.instance)
    try:
        row.full_clean(validate_unique=False)
    except ValidationError as error:
        raise FixtureError(
            f"{related.instance}: {related.model.__name__}: {error.messages}"
        ) from None
    row.save()
    return row


def clean_text(value):
    return "" if value is None else str(value).strip()


class Field:
    after_save = False  # relations can only be written once the record has a primary key

    def __init__(self, name, source=None, default=None):
        self.name = name
        self.source = source or name
        self.default = default

    def from_entry(self, entry, context):
        return self.normalise(entry.get(self.source, self.default))

    def from_db(self, obj):
        return self.normalise(getattr(obj, self.name))

    def normalise(self, value):
        return value

    def apply(self, obj, value, context):
        setattr(obj, self.name, value)


class Text(Field):
    def normalise(self, value):
        return clean_text(value)


class Integer(Field):
    def normalise(self, value):
        return None if value in (None, "") else int(value)


class Coordinate(Field):
    def normalise(self, value):
        return None if value in (None, "") else f"{Decimal(str(value)):.5f}"


class Country(Field):
    def normalise(self, value):
        return str(getattr(value, "code", value) or "").upper()


class Countries(Field):
    def from_entry(self, entry, context):
        return sorted(str(code).upper() for code in entry.get(self.source) or [])

    def from_db(self, obj):
        return sorted(country.code for country in getattr(obj, self.name))


class StringList(Field):
    def from_entry(self, entry, context):
        return sorted(str(item).strip() for item in entry.get(self.source) or [])

    def from_db(self, obj):
        return sorted(getattr(obj, self.name) or [])


class Reference(Field):
    """A foreign key, written in fixtures as the target's key (a slug, a code, …)."""

    def __init__(self, name, model, key="slug", **kwargs):
        super().__init__(name, **kwargs)
        self.model = model
        self.key = key

    def from_entry(self, entry, context):
        value = entry.get(self.source, self.default)
        return None if value in (None, "") else str(value)

    def from_db(self, obj):
        target = getattr(obj, self.name)
        return None if target is None else str(getattr(target, self.key))

    def apply(self, obj, value, context):
        setattr(obj, self.name, None if value is None else context.find(self.model, value))


class ManyReferences(Field):
    """A many-to-many relation, written as a list of the targets' slugs."""

    after_save = True

    def __init__(self, name, model, key="slug", **kwargs):
        super().__init__(name, **kwargs)
        self.model = model
        self.key = key

    def from_entry(self, entry, context):
        return sorted({str(item) for item in entry.get(self.source) or []})

    def from_db(self, obj):
        return sorted(
            str(value) for value in getattr(obj, self.name).values_list(self.key, flat=True)
        )

    def apply(self, obj, value, context):
        getattr(obj, self.name).set([context.find(self.model, key) for key in value])


class Classified(Field):
    """A through relation with one attribute, written as a mapping `{slug: attribute}`,
    e.g. a case's roles `{advocate: stated}` or GCM objectives `{15: primary}`."""

    after_save = True

    def __init__(self, name, target, target_key, attribute, to_db=str, from_db=str, **kwargs):
        super().__init__(name, **kwargs)
        self.target, self.target_key = target, target_key
        self.attribute, self.to_db, self.from_db_value = attribute, to_db, from_db

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
            target = context.find(target_model, key)
            create_validated(
                related, **{self.target: target, self.attribute: self.to_db(attribute)}
            )


class Rows(Field):
    """Child rows written in order, e.g. a case's key figures: a list of small mappings."""

    after_save = True

    def __init__(self, name, columns, **kwargs):
        super().__init__(name, **kwargs)
        self.columns = columns

    def from_entry(self, entry, context):
        return [
            {column: field.normalise(row.get(column)) for column, field in self.columns.items()}
            for row in entry.get(self.source) or []
        ]

    def from_db(self, obj):
        return [
            {
                column: field.normalise(getattr(row, column))
                for column, field in self.columns.items()
            }
            for row in getattr(obj, self.name).all()
        ]

    def apply(self, obj, value, context):
        related = getattr(obj, self.name)
        related.all().delete()
        for order, row in enumerate(value):
            create_validated(related, order=order, **row)


class Citations(Field):
    """The sources of a record: the file's publication plus `section`/`locator`/`note`, or a
    `citations:` list of such mappings (each may name another publication)."""

    after_save = True
    COLUMNS = ("publication", "section", "locator", "note")

    def __init__(self):
        super().__init__("citations")

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
            publication = context.find(publication_model, citation["publication"])
            row = {**citation, "publication": publication}
            create_validated(obj.citations, order=order, **row)
