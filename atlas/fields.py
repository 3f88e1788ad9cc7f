"""The kinds of field a record type declares once (see `atlas.records.RecordType`); the
relations among them are in `atlas.relations`.

Each field reads its value from a fixture entry (`from_entry`) and from a saved record
(`from_db`) into one normalised form, and writes that form back (`apply`): the loader compares
and writes records with these, history snapshots and restores a record's related rows with
them, and merging combines two records with `merge`. Each field also says how it appears to
readers: its export columns (`columns`, and so the codebook), its name in the API (`api`) and
the import columns that write it (`imported`).

Related models are found through the relation itself, so a declaration names no model of
another app.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from modeltranslation.translator import NotRegistered, translator

from atlas.errors import FixtureError
from atlas.exports import Column, absolute

SAME = object()  # "named like the field": the default export column and API name


def create_validated(related, **fields):
    """Create a related row (a role, a figure, a citation) after validating it, so that a value
    the database would reject — too long, out of range — is a clear error everywhere,
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
    extendable = False  # whether a second paper's fixture entry may add to it (lists)
    type = "text"

    def __init__(
        self,
        name,
        description="",
        *,
        source=None,
        default=None,
        column=SAME,
        api=SAME,
        imported=False,
        loaded=True,
        merged=True,
        vocabulary="",
    ):
        self.name = name  # the model's attribute
        self.description = description
        self.source = source or name  # the key in fixture files
        self.default = default
        self.column = name if column is SAME else column  # None: not exported
        self.api = self.column if api is SAME else api  # None: not in the API
        self.imported = imported  # whether the import writes its column(s)
        self.loaded = loaded  # whether fixtures write it
        self.merged = merged  # whether merging fills it from a duplicate
        self.vocabulary = vocabulary

    # --- reading and writing ---------------------------------------------------------------

    def from_entry(self, entry, context):
        return self.normalise(entry.get(self.source, self.default))

    def from_db(self, obj):
        return self.normalise(getattr(obj, self.name))

    def normalise(self, value):
        return value

    def apply(self, obj, value, context):
        setattr(obj, self.name, value)

    def merge(self, into, duplicate):
        """Fill an empty value of the record kept from the duplicate's."""
        theirs = getattr(duplicate, self.name)
        if getattr(into, self.name) in (None, "") and theirs not in (None, ""):
            setattr(into, self.name, theirs)

    # --- how readers see it ----------------------------------------------------------------

    def value(self, record):
        return getattr(record, self.name)

    def columns(self, model):
        if self.column is None:
            return []
        return [Column(self.column, self.description, self.value, self.type, self.choices(model))]

    def choices(self, model):
        """The values the column takes, for the codebook: as declared, or the model's choices."""
        if self.vocabulary:
            return self.vocabulary
        try:
            choices = model._meta.get_field(self.name).choices
        except (FieldDoesNotExist, AttributeError):  # a computed value, a reverse relation
            return ""
        return ", ".join(str(value) for value, _ in choices) if choices else ""

    def imported_columns(self):
        return [self.column] if self.imported else []


def identity(identifier, page):
    """The slug and page address every exported record starts with."""
    return [
        Text("slug", identifier, loaded=False, merged=False),
        Computed("url", page, absolute, "url"),
    ]


class Computed(Field):
    """A value readers see that no one writes: a URL, a count, the countries of the places."""

    def __init__(self, name, description, reader, type="text", **kwargs):
        super().__init__(name, description, loaded=False, merged=False, **kwargs)
        self.reader, self.type = reader, type

    def value(self, record):
        return self.reader(record)


class Text(Field):
    def normalise(self, value):
        return clean_text(value)


class OptionalText(Text):
    """A text that may be missing (None), such as a translation: a column per language may
    be unique (django-modeltranslation copies unique constraints), and None is never a clash."""

    def normalise(self, value):
        return clean_text(value) or None


class Integer(Field):
    type = "integer"

    def normalise(self, value):
        return None if value in (None, "") else int(value)


class Coordinate(Field):
    type = "decimal"

    def normalise(self, value):
        return None if value in (None, "") else f"{Decimal(str(value)):.5f}"


class Country(Field):
    def normalise(self, value):
        return str(getattr(value, "code", value) or "").upper()

    def value(self, record):
        return getattr(record, self.name).code

    def choices(self, model):
        return self.vocabulary  # the ISO 3166-1 codes: too many to list


class StringList(Field):
    type = "list"
    extendable = True

    def from_entry(self, entry, context):
        return sorted(self.item_from_entry(item) for item in entry.get(self.source) or [])

    def from_db(self, obj):
        return sorted(self.item_from_db(item) for item in getattr(obj, self.name) or [])

    def item_from_entry(self, item):
        return str(item).strip()

    def item_from_db(self, item):
        return item


class Countries(StringList):
    def item_from_entry(self, item):
        return str(item).upper()

    def item_from_db(self, country):
        return country.code

    def value(self, record):
        return [country.code for country in getattr(record, self.name)]

    def choices(self, model):
        return self.vocabulary  # the ISO 3166-1 codes: too many to list


class Reference(Field):
    """A foreign key, written as the target's key (a slug, a code, …)."""

    def __init__(self, name, description="", *, key="slug", **kwargs):
        super().__init__(name, description, **kwargs)
        self.key = key

    def from_entry(self, entry, context):
        value = entry.get(self.source, self.default)
        return None if value in (None, "") else str(value)

    def from_db(self, obj):
        target = getattr(obj, self.name)
        return None if target is None else str(getattr(target, self.key))

    def apply(self, obj, value, context):
        model = obj._meta.get_field(self.name).related_model
        setattr(obj, self.name, None if value is None else context.find(model, value, self.key))

    def value(self, record):
        return self.from_db(record)


class Finder:
    """Finds records by a key field, remembering the ones already found."""

    def __init__(self):
        self.found = {}

    def find(self, model, value, key):
        if (model, key, str(value)) not in self.found:
            try:
                self.found[model, key, str(value)] = model.objects.get(**{key: value})
            except model.DoesNotExist:
                raise FixtureError(f"{model.__name__} {value!r} does not exist") from None
        return self.found[model, key, str(value)]

    def remember(self, model, key, value, obj):
        self.found[model, key, str(value)] = obj


def other_languages():
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return [code for code in settings.MODELTRANSLATION_LANGUAGES if code != default]


class Translations(Field):
    """A record's texts in the languages besides the default one, written as
    `{es: {title: …, summary: …}, fr: {…}}` (the fixtures keep them apart from the papers' files,
    in fixtures/translations/<language>.yaml). Which texts a model translates, its translation
    options say (django-modeltranslation); an empty text is a missing translation."""

    extendable = True

    def __init__(self, description=""):
        super().__init__("translations", description, column=None, api=None)

    @staticmethod
    def translated(model):
        try:
            return sorted(translator.get_options_for_model(model).fields)
        except NotRegistered:
            return []

    def from_entry(self, entry, context):
        texts = entry.get(self.source) or {}
        return {
            language: {name: clean_text(value) for name, value in sorted(fields.items()) if value}
            for language, fields in sorted(texts.items())
            if fields
        }

    def from_db(self, obj):
        texts = {}
        for language in other_languages():
            fields = {
                name: clean_text(getattr(obj, f"{name}_{language}"))
                for name in self.translated(type(obj))
                if getattr(obj, f"{name}_{language}")
            }
            if fields:
                texts[language] = fields
        return texts

    def apply(self, obj, value, context):
        names = self.translated(type(obj))
        for language, fields in value.items():
            if language not in other_languages():
                raise FixtureError(f"{obj}: no translations into {language!r}")
            unknown = set(fields) - set(names)
            if unknown:
                raise FixtureError(f"{obj}: {sorted(unknown)} are not translated")
        for language in other_languages():
            for name in names:
                setattr(obj, f"{name}_{language}", value.get(language, {}).get(name) or None)

    def merge(self, into, duplicate):
        for language in other_languages():
            for name in self.translated(type(into)):
                column = f"{name}_{language}"
                if not getattr(into, column) and getattr(duplicate, column):
                    setattr(into, column, getattr(duplicate, column))
