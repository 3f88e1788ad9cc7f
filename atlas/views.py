from dataclasses import dataclass

from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Max
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_filters.views import FilterView

from atlas.exports import (
    CITE_ATLAS,
    LICENCE,
    about_rows,
    csv_response,
    json_response,
    xlsx_response,
)
from atlas.markdown import render_markdown
from cases.matrix import role_pathway_matrix
from cases.models import Case, WorldRegion
from pathways.models import CityRole, Network, PathwayType, Publication, Recommendation


class PreviewMixin:
    """Detail pages show only published records, except to editors, who get a preview."""

    def can_preview(self):
        user, meta = self.request.user, self.model._meta
        return user.is_staff and user.has_perm(f"{meta.app_label}.view_{meta.model_name}")

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset if self.can_preview() else queryset.published()

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=not self.object.is_published, **kwargs)


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
    dataset = None  # the export twin: a Dataset and its URL name
    export_url = None

    def get_context_data(self, **kwargs):
        return super().get_context_data(dataset=self.dataset, export_url=self.export_url, **kwargs)

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


class ExportView(FilteredView):
    """A list's twin: the same filters, the whole result, as `export.<format>`."""

    dataset = None

    def get(self, request, *args, format, **kwargs):
        if format not in self.dataset.formats:
            raise Http404(_("No export in the format “%(format)s”.") % {"format": format})
        self.format = format
        return super().get(request, *args, **kwargs)

    def records(self):
        return self.filterset.qs

    def render_filtered(self, context):
        records, request = self.records(), self.request
        about = about_rows(self.dataset, request, dataset_version())
        base = request.build_absolute_uri("/")[:-1]
        if self.format == "csv":
            bom = request.GET.get("bom") == "1"
            return csv_response(self.dataset, records, base, with_bom=bom)
        if self.format == "xlsx":
            return xlsx_response(self.dataset, records, about, base)
        if self.format == "json":
            return json_response(self.dataset, records, about, request)
        return self.geojson(records)

    def render_invalid(self, context):
        return invalid_filter_response(self.filterset)


def invalid_filter_response(filterset):
    """A 400 in JSON naming each offending parameter and what is wrong with it."""
    errors = [
        {"parameter": name, "message": str(message)}
        for name, messages in filterset.form.errors.items()
        for message in messages
    ]
    return JsonResponse({"error": "invalid filter", "errors": errors}, status=400)


def dataset_version():
    """The date of the last change to a published record: what an export holds as of."""
    latest = [
        model.objects.published().aggregate(latest=Max("updated_at"))["latest"]
        for model in (Case, Network, Recommendation)
    ]
    latest = [moment for moment in latest if moment]
    return max(latest).date().isoformat() if latest else "empty"


class CodebookView(TemplateView):
    """What every export column and API field means, the licence, and how to cite."""

    template_name = "codebook.html"

    def get_context_data(self, **kwargs):
        from cases.exports import CASES, PLACES
        from pathways.exports import NETWORKS, RECOMMENDATIONS

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


@staff_member_required
@require_POST
def markdown_preview(request):
    """The admin's live preview: Markdown rendered and sanitised as on the public pages."""
    return HttpResponse(render_markdown(request.POST.get("text", "")[:100_000]))
