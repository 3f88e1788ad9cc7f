"""What every page of the site may build on: the one filter path (and its answer to invalid
input), export twins, previews of drafts for editors, and the editors' Markdown preview."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView, View
from django.views.generic.base import TemplateResponseMixin
from django_filters.views import FilterView

from atlas.exports import about_rows, csv_response, json_response, xlsx_response
from atlas.limits import RateLimitMixin
from atlas.markdown import render_markdown
from atlas.models import dataset_version
from atlas.parameters import ExportOptions, InvalidParameters, checked, no_such_page


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


def bind_filters(filterset_class, request, queryset):
    """The FilterSet of the request's query string; `InvalidParameters` if it is not valid —
    never a silently unfiltered (or empty) list."""
    filterset = filterset_class(request.GET, queryset=queryset.all(), request=request)
    if not filterset.is_valid():
        raise InvalidParameters(filterset.form.errors, filterset)
    return filterset


def invalid_filter_json(errors):
    """The body of a 400 in JSON: each offending parameter and what is wrong with it."""
    return {
        "error": "invalid filter",
        "errors": [
            {"parameter": name, "message": str(message)}
            for name, messages in errors.items()
            for message in messages
        ],
    }


class ParametersMixin:
    """Invalid query parameters (`InvalidParameters`, raised anywhere while answering) get a
    400 that names each: the page with its errors where the view renders a template, JSON
    elsewhere."""

    def dispatch(self, request, *args, **kwargs):
        return self.answering(super().dispatch, request, *args, **kwargs)

    def answering(self, respond, request, *args, **kwargs):
        """`respond(request, …)` — a view's dispatch, a feed's __call__ — or the 400."""
        try:
            return respond(request, *args, **kwargs)
        except InvalidParameters as invalid:
            return self.invalid(invalid)

    def invalid(self, invalid):
        if isinstance(self, TemplateResponseMixin):
            context = {"filter": invalid.filterset, "invalid": True, "errors": invalid.errors}
            return self.render_to_response(context, status=400)
        return JsonResponse(invalid_filter_json(invalid.errors), status=400)


class FilteredMixin(RateLimitMixin, ParametersMixin):
    """The one filter path of lists, exports, maps, matrices and feeds (the API's filter
    backend binds the same way): `bind()` makes the FilterSet of the query string. Free-text
    search (`q`) costs more than the other filters, so a request with it counts as a search,
    unless the view counts as something else (`rate_scope`)."""

    filterset_class = None
    queryset = None

    def scope_of(self, request):
        return self.rate_scope or ("search" if request.GET.get("q", "").strip() else None)

    @property
    def rate_limited_page(self):
        return isinstance(self, TemplateResponseMixin)

    def bind(self, request):
        return bind_filters(self.filterset_class, request, self.queryset)


class CheckedPageMixin:
    """Django answers a page number it cannot show (past the end, not a number) with a 404;
    the page is a parameter like the filters, so it gets their 400, naming it."""

    def paginate_queryset(self, queryset, page_size):
        try:
            return super().paginate_queryset(queryset, page_size)
        except Http404:
            raise no_such_page(self.get_paginator(queryset, page_size).num_pages) from None


class FilteredView(FilteredMixin, TemplateView):
    """A page drawn from the filtered records; `get_context_data` receives the `filter`."""

    def get(self, request, *args, **kwargs):
        filters = self.bind(request)
        context = self.get_context_data(filter=filters, active_filters=filters.active())
        return self.render_to_response(context)


class FacetedListView(CheckedPageMixin, FilteredMixin, FilterView):
    """A list filtered by its FilterSet, with facet counts and the active filters in words."""

    paginate_by = 25
    dataset = None  # the export twin: a Dataset and its URL name
    export_url = None

    def get(self, request, *args, **kwargs):
        filters = self.bind(request)
        self.object_list = filters.qs
        try:
            context = self.get_context_data(
                filter=filters,
                object_list=self.object_list,
                facets=filters.facet_options(),
                active_filters=filters.active(),
                dataset=self.dataset,
                export_url=self.export_url,
            )
        except InvalidParameters as invalid:  # the page: the filters are shown as they are
            raise InvalidParameters(invalid.errors, filters) from None
        return self.render_to_response(context)

    def invalid(self, invalid):
        self.object_list = self.queryset.none()  # the template is named after its model
        return super().invalid(invalid)


def in_language(chunks, language):
    with translation.override(language):
        yield from chunks


class ExportView(FilteredMixin, View):
    """A list's twin: the same filters, the whole result, as `export.<format>`."""

    dataset = None
    rate_scope = "export"

    def get(self, request, *args, format, **kwargs):
        if format not in self.dataset.formats:
            raise Http404(_("No export in the format “%(format)s”.") % {"format": format})
        options = checked(ExportOptions, request.GET)
        language = options["lang"] or translation.get_language()
        with translation.override(language):
            response = self.export(request, format, options)
        if response.streaming:  # written as it is sent, so in the same language
            response.streaming_content = in_language(response.streaming_content, language)
        return response

    def export(self, request, format, options):
        filters = self.bind(request)
        records = self.records(filters)
        about = about_rows(self.dataset, request, dataset_version())
        base = request.build_absolute_uri("/")[:-1]
        if format == "csv":
            with_bom = options["bom"] == "1"
            return csv_response(self.dataset, records, base, with_bom=with_bom)
        if format == "xlsx":
            return xlsx_response(self.dataset, records, about, base)
        if format == "json":
            return json_response(self.dataset, records, about, request)
        return self.geojson(filters, records)

    def records(self, filters):
        return filters.qs


@staff_member_required
@require_POST
def markdown_preview(request):
    """The admin's live preview: Markdown rendered and sanitised as on the public pages."""
    return HttpResponse(render_markdown(request.POST.get("text", "")[:100_000]))
