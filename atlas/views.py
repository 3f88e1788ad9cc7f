"""What every page of the site may build on: the filtered-list policy, export twins, previews
of drafts for editors, and the editors' Markdown preview."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from django_filters.views import FilterView

from atlas.exports import about_rows, csv_response, json_response, xlsx_response
from atlas.markdown import render_markdown
from atlas.models import dataset_version


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
        facets = self.filterset.facet_options()
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


@staff_member_required
@require_POST
def markdown_preview(request):
    """The admin's live preview: Markdown rendered and sanitised as on the public pages."""
    return HttpResponse(render_markdown(request.POST.get("text", "")[:100_000]))
