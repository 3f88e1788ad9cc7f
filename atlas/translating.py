"""Helpers for the columns django-modeltranslation keeps per language."""

from django.conf import settings
from django.db.models import F, Q
from modeltranslation.translator import translator

from atlas.text import normalise


def languages():
    return settings.MODELTRANSLATION_LANGUAGES


def in_any_language(field, lookup, value):
    """A condition on a translated text that any of its languages meets, so that a search for
    "regularización" or "régularisation" finds what "regularisation" finds."""
    condition = Q()
    for language in languages():
        condition |= Q(**{f"{field}_{language}__{lookup}": value})
    return condition


def folded(record, fields):
    """The record's texts in every language, folded (`atlas.text.normalise`: no case, accents
    or markup) into one column, so that "regularizacion", "Regularización" and "régularisation"
    each find their word with one plain `contains` on both databases."""
    texts = (
        getattr(record, f"{field}_{language}", None) for field in fields for language in languages()
    )
    return normalise(" ".join(text for text in texts if text))


def copy_into_default_language(fields):
    """A migration step: a record stored before its texts had a column per language keeps
    them as its English text. `fields` maps "app.Model" to the translated field names."""

    def forwards(apps, schema_editor):
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        for label, names in fields.items():
            model = apps.get_model(label)
            for name in names:
                column = f"{name}_{default}"
                model.objects.filter(Q(**{f"{column}__isnull": True}) | Q(**{column: ""})).update(
                    **{column: F(name)}
                )

    return forwards


def translated(models):
    """Register the models, and their history, so that a saved version keeps every language."""
    models = models if isinstance(models, list) else [models]

    def register(options):
        for model in models:
            translator.register(model, options)
            history = getattr(model, "history", None)
            if history is not None:
                translator.register(history.model, options)
        return options

    return register


def under_field_names(errors, model):
    """Validation errors keyed by field, with a translated text's language columns folded into
    the text's own name: an imported `title` is also written to `title_en` (the column of the
    language in use), and one bad cell should be reported once, under the column it came from."""
    names = translator.get_options_for_model(model).fields
    columns = {f"{name}_{language}": name for name in names for language in languages()}
    folded = {}
    for key, messages in errors.items():
        target = folded.setdefault(columns.get(key, key), [])
        target.extend(message for message in messages if message not in target)
    return folded
