"""The site's own pages, which span every kind of record: home, the codebook and search."""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from atlas.exports import CITE_ATLAS, LICENCE
from atlas.limits import RateLimitMixin
from atlas.models import dataset_version
from atlas.parameters import SearchText, checked
from atlas.views import ParametersMixin
from cases.exports import CASES, PLACES
from cases.matrix import role_pathway_matrix
from cases.models import Case, WorldRegion
from pathways.exports import NETWORKS, RECOMMENDATIONS
from pathways.models import CityRole, Network, PathwayType, Publication, Recommendation
from portal.search import search_everything


@dataclass
class Bar:
    value: str
    label: str
    count: int
    percent: int


def bar_chart(title, param, terms):
    """A chart's bars, each scaled to the largest and linked to the list filtered by it."""
    terms = list(terms)
    top = max((term.case_count for term in terms), default=0) or 1
    bars = [
        Bar(getattr(term, "slug", None) or term.code, term.name, term.case_count,
            round(100 * term.case_count / top))
        for term in terms
    ]  # fmt: skip
    return title, param, bars


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        published = Case.objects.published()
        return super().get_context_data(
            case_count=published.count(),
            network_count=Network.objects.published().count(),
            recommendation_count=Recommendation.objects.published().count(),
            charts=[
                bar_chart(_("Cases by city role"), "role", CityRole.objects.with_case_counts()),
                bar_chart(
                    _("Cases by pathway type"), "pathway", PathwayType.objects.with_case_counts()
                ),
                bar_chart(
                    _("Cases by world region"), "region", WorldRegion.objects.with_case_counts()
                ),
            ],
            matrix=role_pathway_matrix(published.values("pk")),
            latest_cases=published.for_list().order_by("-created_at", "title")[:5],
            **kwargs,
        )


class CodebookView(TemplateView):
    """What every export column and API field means, the licence, and how to cite."""

    template_name = "portal/codebook.html"

    def get_context_data(self, **kwargs):
        version = dataset_version()
        return super().get_context_data(
            datasets=[
                (CASES, "cases:case-export"),
                (PLACES, "cases:place-export"),
                (NETWORKS, "pathways:network-export"),
                (RECOMMENDATIONS, "pathways:recommendation-export"),
            ],
            version=version,
            licence=LICENCE,
            cite_atlas=str(CITE_ATLAS).format(version=version),
            publications=Publication.objects.all(),
            **kwargs,
        )


class SiteSearch(forms.Form):
    q = SearchText(required=False)


class SearchView(RateLimitMixin, ParametersMixin, TemplateView):
    template_name = "portal/search.html"
    rate_scope, rate_limited_page = "search", True
    per_kind = 20

    def get_context_data(self, **kwargs):
        text = checked(SiteSearch, self.request.GET)["q"]
        groups = [
            (kind, results.count(), list(results[: self.per_kind]))
            for kind, results in search_everything(text)
        ]
        return super().get_context_data(q=text, groups=groups, **kwargs)
