"""Free-text search over cases, in one place so that it can become full-text search
(PostgreSQL's search vectors, SQLite's FTS5) without touching its callers."""

from django.db.models import Case as When_
from django.db.models import IntegerField, Q, Value, When

from atlas.translating import in_any_language
from cases.models import Case, Place


def search_cases(queryset, text):
    """Cases whose title, summary or description (in any of the site's languages), places or
    partners mention every word."""
    for word in text.split():
        places = Place.objects.filter(Q(name__icontains=word) | Q(aliases__icontains=word))
        queryset = queryset.filter(
            in_any_language("title", "icontains", word)
            | in_any_language("summary", "icontains", word)
            | in_any_language("description", "icontains", word)
            | Q(pk__in=Case.places.through.objects.filter(place__in=places).values("case"))
            | Q(pk__in=Case.partners.through.objects.filter(
                Q(organisation__name__icontains=word) | Q(organisation__acronym__iexact=word)
            ).values("case"))
        )  # fmt: skip
    return queryset


def by_relevance(queryset, text):
    """Title matches first, then summary matches, then the rest."""
    return queryset.annotate(
        relevance=When_(
            When(in_any_language("title", "icontains", text), then=Value(2)),
            When(in_any_language("summary", "icontains", text), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    ).order_by("-relevance", "title")
