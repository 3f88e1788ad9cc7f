"""Faceted filtering: every filter of a list, and beside each option the number of records it
would give — counted with all the *other* active filters applied, as a researcher expects.

A FilterSet built on `FacetedFilterSet` names its facets in `facets`; each facet filter
knows how to count its options through a `Facet` (one aggregate query per facet), so a list page
costs a fixed number of queries whatever it shows.
"""

from dataclasses import dataclass
from itertools import groupby
from typing import NamedTuple

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Count, Model, Q, QuerySet
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_filters import OrderingFilter
from django_filters.fields import ModelMultipleChoiceField

from atlas.parameters import without_empty

# A facet offering more options than this shows the largest and the chosen ones first, the
# rest behind "show all" (where a script can hide them; without one, all stay in view).
SHORT_FACET = 8


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    group: str = ""  # the heading the option is listed under, if its facet has headings
    top: bool = True  # shown before "show all": chosen, or among the largest counts


class OptionGroup(NamedTuple):
    label: str
    options: list


class FacetChoices(NamedTuple):
    """A facet as a page offers it: unpacks as (name, label, options)."""

    name: str
    label: str
    options: list

    @property
    def offered(self):
        """The options a reader can choose: those with matches, and those already chosen."""
        return [option for option in self.options if option.count or option.selected]

    @property
    def long(self):
        return len(self.offered) > SHORT_FACET

    @property
    def groups(self):
        """The offered options under their headings, the chosen ones first under their own;
        one group without a heading where the facet has none."""
        offered = self.offered
        if not any(option.group for option in offered):
            return [OptionGroup("", offered)]
        chosen = [option for option in offered if option.selected]
        rest = sorted((o for o in offered if not o.selected), key=lambda o: o.group)
        groups = [OptionGroup(str(_("Chosen")), chosen)] if chosen else []
        return groups + [OptionGroup(g, list(opts)) for g, opts in groupby(rest, lambda o: o.group)]


class Facet:
    """Counts, for each option of a related model, the matching records linked to it;
    `group` names the heading an option is listed under (a place's world region)."""

    def __init__(self, options, path, value="slug", label=str, group=None):
        self.options, self.path, self.value, self.label = options, path, value, label
        self.group = group

    def count(self, matching):
        counted = Count(self.path, filter=Q(**{f"{self.path}__in": matching}), distinct=True)
        options = self.options()
        # Django leaves a model's Meta.ordering out of aggregate queries: ask for it.
        ordered = options.annotate(facet_count=counted).order_by(*options.model._meta.ordering)
        for option in ordered:
            group = self.group(option) if self.group else ""
            yield str(getattr(option, self.value)), self.label(option), option.facet_count, group


class FieldFacet:
    """Counts the records per value of one of their own fields (status, country, …)."""

    def __init__(self, model, field, labels):
        self.model, self.field, self.labels = model, field, labels

    def count(self, matching):
        rows = (
            self.model.objects.filter(pk__in=matching)
            .values(self.field)
            .annotate(facet_count=Count("pk", distinct=True))
            .order_by()
        )
        counts = {str(row[self.field]): row["facet_count"] for row in rows}
        for value, label in self.labels():
            yield str(value), str(label), counts.get(str(value), 0)


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet whose `data` is the query string without empty values — what the site's
    links carry — with facet counts and the active filters in words."""

    facets = {}  # filter name → Facet or FieldFacet

    def __init__(self, data=None, *args, **kwargs):
        # An empty value (`?role=`) chooses nothing; it is not an invalid choice.
        if data is not None:
            data = without_empty(data)
        super().__init__(data, *args, **kwargs)

    def filter_queryset(self, queryset, without=()):
        # Filters, not the form's fields: a form field of its own (`basis`) qualifies the
        # filters that read it and filters nothing by itself.
        for name, filter_ in self.filters.items():
            if name not in without:
                queryset = filter_.filter(queryset, self.form.cleaned_data.get(name))
        return queryset

    def queryset_without(self, *excluded):
        """The records all active filters but the excluded ones leave, in no order."""
        if not self.is_bound:
            return self.queryset
        return self.filter_queryset(self.queryset, without=(*excluded, *self.orderings()))

    def orderings(self):
        return [name for name, f in self.filters.items() if isinstance(f, OrderingFilter)]

    def facet_options(self):
        """Each facet's name, label and options: the selected ones first, then those with
        matches, then the rest, each group in the options' own order."""
        facets = []
        for name, facet in self.facets.items():
            matching = self.queryset_without(name).values("pk")
            selected = set(self.values(name))
            options = [
                Option(value, label, count, value in selected, *group)
                for value, label, count, *group in facet.count(matching)
            ]
            options += self.chosen_but_not_counted(name, options)
            options.sort(key=lambda option: 0 if option.selected else 1 if option.count else 2)
            mark_the_largest(options)
            facets.append(FacetChoices(name, self.filters[name].label, options))
        return facets

    def chosen_but_not_counted(self, name, options):
        """The chosen options a facet counting only what matches left out (a country with
        no case among the others filters): offered all the same, so they can be unticked and
        the next change of the form keeps them."""
        if not self.is_bound:
            return []
        field, counted = self.form.fields[name], {option.value for option in options}
        value = self.form.cleaned_data.get(name) or []
        chosen = [(self.parameter(field, item), item) for item in value]
        return [
            Option(key, self.describe(field, item), 0, True)
            for key, item in chosen
            if key not in counted
        ]

    def values(self, name):
        return self.data.getlist(name) if self.is_bound else []

    def active(self):
        """The active filters, in words, each with the query that removes it. An ordering
        says how, not what, so it is not one of them."""
        if not self.is_bound:
            return []
        active, orderings = [], self.orderings()
        for name, filter_ in self.filters.items():
            if name in orderings:
                continue
            field, value = self.form.fields[name], self.form.cleaned_data.get(name)
            for item in value if isinstance(value, list | tuple | QuerySet) else [value]:
                if item in (None, ""):
                    continue
                words = f"{filter_.label}: {self.describe(field, item)}"
                query = self.without(name, self.parameter(field, item))
                active.append(ActiveFilter(words, query))
        return active

    def without(self, name, value):
        """The query without one value of a filter, on the first page."""
        query = self.data.copy()
        query.pop("page", None)
        remaining = [v for v in query.getlist(name) if v != value]
        if remaining:
            query.setlist(name, remaining)
        else:
            del query[name]
        return query

    @staticmethod
    def parameter(field, item):
        key = getattr(field, "to_field_name", None)
        return str(getattr(item, key) if key and hasattr(item, key) else item)

    @staticmethod
    def describe(field, item):
        if isinstance(item, Model):
            return str(item)
        choices = dict(getattr(field, "choices", None) or [])
        return str(choices.get(item, item))


def mark_the_largest(options):
    """Only the chosen options and the SHORT_FACET largest others stay `top`."""
    others = sorted((o for o in options if not o.selected), key=lambda o: -o.count)
    for option in others[SHORT_FACET:]:
        option.top = False


@dataclass
class ActiveFilter:
    words: str
    query: QueryDict  # the query string without it


class RecordsField(ModelMultipleChoiceField):
    """Records chosen by a key (a slug, a code, a number). Each value is first checked by the
    key's own model field — a slug's characters, an integer's range on this database — so a
    value the database cannot compare (a 23-digit number on SQLite) is an invalid choice, not
    a server error."""

    def clean(self, value):
        key = self.queryset.model._meta.get_field(self.to_field_name or "pk")
        for item in value if isinstance(value, list | tuple) else ():
            try:
                key.clean(item, None)
            except ValidationError:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                ) from None
        return super().clean(value)


class RecordsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = RecordsField


def multiple_slugs(queryset, label, method):
    """An OR-within, slug-valued multi-select filter; invalid slugs make the form invalid."""
    return RecordsFilter(queryset=queryset, to_field_name="slug", label=label, method=method)
