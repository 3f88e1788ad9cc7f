"""Free-text search over cases, in one place so that it can become full-text search
(PostgreSQL's search vectors, SQLite's FTS5) without touching its callers.

Texts are compared folded (`atlas.text.normalise`): the case's texts in every language, and
its places' names, are kept folded in columns of their own, and each searched word is folded
the same way, so that "regularizacion", "Regularización" and "régularisation" all match and
"Bogota" finds Bogotá."""

from django.db.models import Case as When_
from django.db.models import IntegerField, Q, Value, When

from atlas.text import normalise
from cases.models import Case, Place


def words(text):
    return [word for word in normalise(text).split() if word]


def search_cases(queryset, text):
    """Cases whose title, summary or description (in any of the site's languages), places or
    partners mention every word."""
    for word in words(text):
        places = Place.objects.filter(search_name__contains=word)
        queryset = queryset.filter(
            Q(search_text__contains=word)
            | Q(pk__in=Case.places.through.objects.filter(place__in=places).values("case"))
            | Q(pk__in=Case.partners.through.objects.filter(
                Q(organisation__name__icontains=word) | Q(organisation__acronym__iexact=word)
            ).values("case"))
        )  # fmt: skip
    return queryset


def search_places(queryset, text):
    """Places whose name or another of their names holds every word."""
    for word in words(text):
        queryset = queryset.filter(search_name__contains=word)
    return queryset


def by_relevance(queryset, text):
    """Cases whose title holds every word first, then those whose texts hold the whole phrase,
    then the rest."""
    folded = " ".join(words(text))
    if not folded:  # only punctuation or markup: nothing to rank by
        return queryset.order_by("title")
    in_title = Q()
    for word in words(text):
        in_title &= Q(search_title__contains=word)
    return queryset.annotate(
        relevance=When_(
            When(in_title, then=Value(2)),
            When(search_text__contains=folded, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    ).order_by("-relevance", "title")
