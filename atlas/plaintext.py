"""Text a person typed holds no control characters: the one validator of every text field and
every free-text parameter, and the model fields that carry it.

Nothing a person means to write is a control character (NUL, escape, bell, C1 codes…), and
each one breaks something downstream: PostgreSQL cannot store NUL, XML (the feeds) cannot
carry any of them, a terminal or a spreadsheet may act on them. Where a paragraph is expected
(Markdown, long text), line breaks and tabs are text, so those fields allow them.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

PARAGRAPH_WHITESPACE = frozenset("\n\r\t")


@deconstructible
class PlainText:
    """Refuses a text (or a list of texts, as a JSON field holds) with a control character."""

    message = _("Remove the control characters (%(characters)s): they cannot be stored or shown.")
    code = "control_characters"

    def __init__(self, paragraphs=False):
        self.paragraphs = paragraphs

    def __call__(self, value):
        found = sorted(set(self.control_characters(value)))
        if found:
            characters = ", ".join(f"U+{ord(char):04X}" for char in found)
            raise ValidationError(self.message, code=self.code, params={"characters": characters})

    def control_characters(self, value):
        if isinstance(value, list | tuple):
            for item in value:
                yield from self.control_characters(item)
            return
        allowed = PARAGRAPH_WHITESPACE if self.paragraphs else ()
        for char in str(value):
            if unicodedata.category(char) == "Cc" and char not in allowed:
                yield char

    def __eq__(self, other):
        return isinstance(other, PlainText) and other.paragraphs == self.paragraphs


single_line = PlainText()
paragraphs = PlainText(paragraphs=True)


class LineField(models.CharField):
    """A name, a title, a short text: one line."""

    default_validators = [single_line]


class ParagraphField(models.TextField):
    """Long text (Markdown, notes): paragraphs, so line breaks and tabs are allowed."""

    default_validators = [paragraphs]


class LinkField(models.URLField):
    # Django's URL check lets a NUL or an escape through in the path.
    default_validators = [*models.URLField.default_validators, single_line]
