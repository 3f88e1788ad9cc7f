"""The API binds its FilterSets as the site's pages do, so invalid input gets the same 400."""

from django_filters.rest_framework import DjangoFilterBackend

from atlas.views import bind_filters


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend (which the schema documents), binding through the site's one
    filter path: `InvalidParameters` becomes a 400 in `api.errors`."""

    def filter_queryset(self, request, queryset, view):
        return bind_filters(self.get_filterset_class(view, queryset), request, queryset).qs
