"""The site's own pages, which span every kind of record: home, the codebook and search."""

from dataclasses import dataclass

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from atlas.charts import terms_chart
from atlas.exports import CITE_ATLAS, LICENCE
from atlas.limits import RateLimitMixin
from atlas.models import dataset_version
from atlas.parameters import SearchText, checked
from atlas.views import ParametersMixin
from cases import charts
from cases.changes import recent_changes
from cases.exports import CASES, PLACES
from cases.matrix import role_pathway_matrix
from cases.models import Case
from pathways.exports import NETWORKS, RECOMMENDATIONS
from pathways.models import Network, Publication, Recommendation
from portal.search import search_everything


@dataclass
class Term:
    """A choice of a model field (a case's kind), counted like a vocabulary term."""

    slug: str
    name: str
    case_count: int


def kind_terms(cases):
    counts = dict(cases.values_list("kind").annotate(count=Count("pk")).order_by())
    return [Term(value, label, counts.get(value, 0)) for value, label in Case.Kind.choices]


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        published = Case.objects.published()
        kinds = kind_terms(published)
        return super().get_context_data(
            case_count=published.count(),
            kinds=kinds,
            not_stated=published.aggregate(
                status=Count("pk", filter=Q(status=Case.Status.UNKNOWN)),
                years=Count("pk", filter=Q(start_year__isnull=True, end_year__isnull=True)),
            ),
            network_count=Network.objects.published().count(),
            recommendation_count=Recommendation.objects.published().count(),
            charts=[
                terms_chart(
                    _("Cases by kind of record"), "kind", kinds, heading=_("Kind of record")
                ),
                charts.by_role(published),
                charts.by_pathway(published),
                charts.by_region(published, unplaced=published.filter(places__isnull=True).count()),
            ],
            timeline=charts.by_start_year(published),
            matrix=role_pathway_matrix(published.values("pk")),
            latest_cases=recent_changes()[:5],
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
