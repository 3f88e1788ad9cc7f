"""Query parameters that are not a list's filters, checked as its filters are — free-text
search, a page size, an export's options — and the one exception that carries what is wrong
with any parameter to whoever answers the request (a page with the errors, or JSON)."""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from atlas.plaintext import single_line

SEARCH_CHARACTERS = 200
# Every word of a search adds a pass over titles, summaries, descriptions, places and partners;
# 100 one-letter words made one SQL statement of 69,000 characters that ran for seconds.
SEARCH_WORDS = 10


class InvalidParameters(Exception):
    """The query string cannot be answered: `errors` maps each parameter to its messages, and
    `filterset` is the list's FilterSet (bound, valid or not) where there is one."""

    def __init__(self, errors, filterset=None):
        super().__init__(errors)
        self.errors, self.filterset = errors, filterset


def without_empty(query):
    """The query without the empty fields a plain GET form sends (`?role=&q=`): an empty value
    chooses nothing, so links and filters read the query as if it were not there."""
    kept = query.copy()
    for key in list(kept):
        values = [value for value in kept.getlist(key) if value.strip()]
        if values:
            kept.setlist(key, values)
        else:
            del kept[key]
    return kept


def no_such_page(last):
    """The 400 of a page number a list cannot show (past its end, or not a number)."""
    return InvalidParameters({"page": [_("A page number from 1 to %(last)d.") % {"last": last}]})


def at_most_words(text):
    count = len(text.split())
    if count > SEARCH_WORDS:
        raise ValidationError(
            _("Search for at most %(most)d words at a time; this search has %(count)d."),
            code="too_many_words",
            params={"most": SEARCH_WORDS, "count": count},
        )


class SearchText(forms.CharField):
    """Free text to search for: a line of at most 200 characters and 10 words."""

    default_validators = [single_line, at_most_words]

    def __init__(self, **kwargs):
        super().__init__(max_length=SEARCH_CHARACTERS, **kwargs)
        # `single_line` names a NUL byte among the other control characters: one message.
        self.validators = [
            validator
            for validator in self.validators
            if not isinstance(validator, ProhibitNullCharactersValidator)
        ]


class SearchFilter(django_filters.CharFilter):
    field_class = SearchText


class PageSize(forms.IntegerField):
    """A page size: a whole number from 1; above the most a page holds, the most."""

    def __init__(self, most, **kwargs):
        self.most = most
        super().__init__(min_value=1, **kwargs)

    def clean(self, value):
        number = super().clean(value)
        return None if number is None else min(number, self.most)


class ExportOptions(forms.Form):
    bom = forms.ChoiceField(
        choices=[("0", _("no")), ("1", _("yes: a byte order mark for Excel"))], required=False
    )
    # The language of the texts and labels; slugs and codes are the same in every language.
    lang = forms.ChoiceField(choices=settings.LANGUAGES, required=False)


def checked(form_class, data):
    """The cleaned data of a form of query parameters; `InvalidParameters` if it is not valid."""
    form = form_class(data)
    if not form.is_valid():
        raise InvalidParameters(form.errors)
    return form.cleaned_data
