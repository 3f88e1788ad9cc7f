"""How many cases the case list holds for a query string: over HTTP, as a visitor sees it, or
in-process with the list's own FilterSet and queryset, for tests that check many links."""

from django.http import QueryDict

from cases.views.catalogue import CaseListView


def listed(client, query):
    """The number of cases the page /cases/?<query> lists."""
    response = client.get(f"/cases/?{query}")
    assert response.status_code == 200, query
    return response.context["paginator"].count


def counted(query):
    """The same number without a request: the list's FilterSet over the list's queryset."""
    filters = CaseListView.filterset_class(QueryDict(query), queryset=CaseListView.queryset)
    assert filters.is_valid(), (query, filters.errors)
    return filters.qs.count()
