from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from django_filters.views import FilterView

from cases.matrix import role_pathway_matrix
from cases.models import Case, WorldRegion
from pathways.models import CityRole, Network, PathwayType, Recommendation


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
    template_name = "home.html"

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


class FilteredView(TemplateView):
    """A page (or data) built from a FilterSet of the query string. Invalid input gets a 400
    that says what was wrong; the list pages share this policy."""

    filterset_class = None
    queryset = None

    def get(self, request, *args, **kwargs):
        self.filterset = self.filterset_class(
            request.GET or None, queryset=self.queryset, request=request
        )
        context = {"filter": self.filterset}
        if self.filterset.is_bound and not self.filterset.is_valid():
            return self.render_invalid(context)
        return self.render_filtered({**context, "active_filters": self.filterset.active()})

    def render_filtered(self, context):
        return self.render_to_response(self.get_context_data(**context))

    def render_invalid(self, context):
        context = self.get_context_data(invalid=True, **context)
        return self.render_to_response(context, status=400)


class FacetedListView(FilterView):
    """A list filtered by its FilterSet from the query string, with facet counts and the
    active filters in words. Invalid filter input is answered with a 400 that says what was
    wrong — never a silently unfiltered (or empty) list."""

    paginate_by = 25

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset(self.get_filterset_class())
        if self.filterset.is_bound and not self.filterset.is_valid():
            self.object_list = self.filterset.queryset.none()
            context = {"filter": self.filterset, "object_list": [], "invalid": True}
            return self.render_to_response(context, status=400)
        self.object_list = self.filterset.qs
        facets = self.filterset.facets()
        context = self.get_context_data(
            filter=self.filterset,
            object_list=self.object_list,
            facets=facets,
            active_filters=self.filterset.active(),
        )
        return self.render_to_response(context)
