"""Site search: every kind of published record that mentions the text."""

from django.db.models import Q

from atlas.translating import in_any_language
from cases.models import Case, Place
from cases.search import search_cases, search_places
from pathways.models import Network, Publication, Recommendation


def search_everything(text):
    """Site search: every published kind of record that mentions the text, kind by kind."""
    if not text:
        return []
    return [
        ("cases", search_cases(Case.objects.published(), text).for_list().order_by("title")),
        (
            "places",
            search_places(Place.objects.all(), text).filter(cases__state="published").distinct(),
        ),
        (
            "networks",
            Network.objects.published().filter(
                Q(name__icontains=text)
                | Q(acronym__iexact=text)
                | in_any_language("description", "icontains", text)
            ),
        ),
        (
            "recommendations",
            Recommendation.objects.published().filter(
                in_any_language("headline", "icontains", text)
                | in_any_language("text", "icontains", text)
            ),
        ),
        (
            "publications",
            Publication.objects.filter(
                Q(title__icontains=text) | Q(authors__icontains=text) | Q(publisher__icontains=text)
            ),
        ),
    ]
