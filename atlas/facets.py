"""Faceted filtering: every filter of a list, and beside each option the number of records it
would give — counted with all the *other* active filters applied, as a researcher expects.

A FilterSet built on `FacetedFilterSet` names its facets in `Meta.facets`; each facet filter
knows how to count its options through a `Facet` (one aggregate query per facet), so a list page
costs a fixed number of queries whatever it shows.
"""

from dataclasses import dataclass

import django_filters
from django.db.models import Count, Model, Q, QuerySet


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


class Facet:
    """Counts, for each option of a related model, the matching records linked to it."""

    def __init__(self, options, path, value="slug", label=str):
        self.options, self.path, self.value, self.label = options, path, value, label

    def count(self, matching):
        counted = Count(self.path, filter=Q(**{f"{self.path}__in": matching}), distinct=True)
        options = self.options()
        # Django leaves a model's Meta.ordering out of aggregate queries: ask for it.
        ordered = options.annotate(facet_count=counted).order_by(*options.model._meta.ordering)
        for option in ordered:
            yield str(getattr(option, self.value)), self.label(option), option.facet_count


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
    class Meta:
        facets = {}  # filter name → Facet or FieldFacet
        not_summarised = ("sort",)

    def __init__(self, data=None, *args, **kwargs):
        # An empty value (`?role=`) chooses nothing; it is not an invalid choice.
        if data is not None:
            data = data.copy()
            for key in list(data):
                values = [value for value in data.getlist(key) if value.strip()]
                if values:
                    data.setlist(key, values)
                else:
                    del data[key]
        super().__init__(data, *args, **kwargs)

    def queryset_without(self, *excluded):
        """The records all active filters but the excluded ones leave."""
        queryset = self.queryset
        if not self.is_bound:
            return queryset
        for name, value in self.form.cleaned_data.items():
            if name not in excluded:
                queryset = self.filters[name].filter(queryset, value)
        return queryset

    def facets(self):
        """Each facet's name, label and options: the selected ones first, then those with
        matches, then the rest, each group in the options' own order."""
        facets = []
        for name, facet in self.Meta.facets.items():
            matching = self.queryset_without(name).values("pk")
            selected = set(self.values(name))
            options = [
                Option(value, label, count, value in selected)
                for value, label, count in facet.count(matching)
            ]
            options.sort(key=lambda option: 0 if option.selected else 1 if option.count else 2)
            facets.append((name, self.filters[name].label, options))
        return facets

    def values(self, name):
        return self.data.getlist(name) if self.is_bound else []

    def active(self):
        """The active filters, in words, each with the parameter and value that remove it."""
        if not self.is_bound:
            return []
        active = []
        for name, field in self.form.fields.items():
            if name in self.Meta.not_summarised:
                continue
            value = self.form.cleaned_data.get(name)
            for item in value if isinstance(value, list | tuple | QuerySet) else [value]:
                if item in (None, ""):
                    continue
                words = f"{self.filters[name].label}: {self.describe(field, item)}"
                active.append(ActiveFilter(name, self.parameter(field, item), words))
        return active

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


@dataclass
class ActiveFilter:
    name: str
    value: str
    words: str


def multiple_slugs(queryset, label, method):
    """An OR-within, slug-valued multi-select filter; invalid slugs make the form invalid."""
    return django_filters.ModelMultipleChoiceFilter(
        queryset=queryset, to_field_name="slug", label=label, method=method
    )
